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
  const { t } = useTranslation('teacher');
  const { course = '' } = useParams();
  usePageTitle(t('nav.translations'));
  const [searchParams, setSearchParams] = useSearchParams();
  const language = searchParams.get('language') ?? ''; // '' is every language: the whole review queue
  const status = (searchParams.get('status') as StatusFilter | null) ?? 'machine';

  const query = new URLSearchParams();
  if (language) query.set('language', language);
  if (status !== 'all') query.set('status', status);
  const translations = useApiData<{ translations: ApiTranslation[] }>(`${teacherPath(course, 'translations')}?${query}`);
  // Learners may read in any language, so the list also offers the languages that have translations.
  const seen = translations.data?.translations.map((each) => each.language) ?? [];
  const extra = [...new Set([language, ...seen])].filter((code) => code && !supportedLanguages.some((candidate) => candidate.code === code));
  const languages = [...supportedLanguages, ...extra.map((code) => ({ code, name: code, dir: directionOf(code) }))];

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
          <option value="">{t('translations.allLanguages')}</option>
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
        <p className="teacher-empty">{status === 'machine' ? (language ? t('translations.emptyMachine') : t('translations.emptyMachineAll')) : t('translations.empty')}</p>
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
            direction={directionOf(translation.language)}
            showLanguage={!language}
            onApproved={(approved) =>
              translations.setData((current) => current && { translations: current.translations.map((each) => (each.chunkHash === approved.chunkHash && each.language === approved.language ? approved : each)) })
            }
          />
        ))}
      </ol>
    </div>
  );
}

/** Right to left for Arabic, Hebrew, Persian, Urdu and the like; everything else left to right. */
export function directionOf(language: string): 'ltr' | 'rtl' {
  const known = supportedLanguages.find((candidate) => candidate.code === language);
  if (known) return known.dir;
  return ['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'yi', 'dv', 'ug', 'ckb'].includes(language.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr';
}
