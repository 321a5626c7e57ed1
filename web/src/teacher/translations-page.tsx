// /teach/courses/:course/translations: the review queue for machine translations. Each chunk shows
// the course text beside its translation; the teacher edits and approves, and approved text is what
// learners see from then on.
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApiTranslation } from '../api/types.ts';
import { supportedLanguages } from '../i18n/index.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { SelectField } from '../ui/field.tsx';
import { Skeleton } from '../ui/spinner.tsx';
import { usePageTitle } from '../ui/use-page-title.ts';
import { TranslationReview } from './translation-review.tsx';
import { teacherPath, useApiData } from './use-api-data.ts';

type StatusFilter = 'machine' | 'approved' | 'all';

export function TranslationsPage() {
  const { t, i18n } = useTranslation('teacher');
  const { course = '' } = useParams();
  usePageTitle(t('nav.translations'));
  const [searchParams, setSearchParams] = useSearchParams();
  const language = searchParams.get('language') ?? (i18n.language !== 'en' ? i18n.language : 'es');
  const status = (searchParams.get('status') as StatusFilter | null) ?? 'machine';

  const query = new URLSearchParams({ language });
  if (status !== 'all') query.set('status', status);
  const translations = useApiData<{ translations: ApiTranslation[] }>(`${teacherPath(course, 'translations')}?${query}`);
  const languages = supportedLanguages.some((candidate) => candidate.code === language)
    ? supportedLanguages
    : [...supportedLanguages, { code: language, name: language, dir: 'ltr' as const }];
  const direction = languages.find((candidate) => candidate.code === language)?.dir ?? 'ltr';

  function update(key: string, value: string) {
    const next = new URLSearchParams(searchParams);
    next.set(key, value);
    setSearchParams(next, { replace: true });
  }

  const list = translations.data?.translations ?? [];
  return (
    <div className="teacher-translations">
      <p className="muted">{t('translations.intro')}</p>
      <div className="teacher-filters">
        <SelectField label={t('translations.language')} value={language} onChange={(event) => update('language', event.target.value)}>
          {languages.map((candidate) => (
            <option key={candidate.code} value={candidate.code} lang={candidate.code}>
              {candidate.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('translations.status')} value={status} onChange={(event) => update('status', event.target.value)}>
          <option value="machine">{t('translations.statusMachine')}</option>
          <option value="approved">{t('translations.statusApproved')}</option>
          <option value="all">{t('translations.statusAll')}</option>
        </SelectField>
      </div>
      <ErrorMessage error={translations.error} onRetry={translations.reload} />
      {translations.loading && !translations.data && <Skeleton lines={5} />}
      {translations.data && list.length === 0 && (
        <p className="teacher-empty">{status === 'machine' ? t('translations.emptyMachine') : t('translations.empty')}</p>
      )}
      {list.length > 0 && (
        <p className="muted" role="status">
          {t('translations.count', { count: list.length, approved: list.filter((each) => each.status === 'approved').length })}
        </p>
      )}
      <ol className="teacher-translation-list">
        {list.map((translation) => (
          <TranslationReview
            key={`${translation.chunkHash}-${translation.language}`}
            course={course}
            translation={translation}
            direction={direction}
            onApproved={(approved) =>
              translations.setData((current) => current && { translations: current.translations.map((each) => (each.chunkHash === approved.chunkHash && each.language === approved.language ? approved : each)) })
            }
          />
        ))}
      </ol>
    </div>
  );
}
