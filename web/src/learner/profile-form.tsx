// The learner's profile for one course: language, what they already know, goal and pace.
// Onboarding and "About me" both use it. Saving switches the interface to that language when Primer has it.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, coursePath } from '../api/client.ts';
import type { ApiProfile } from '../api/types.ts';
import { interfaceLanguageFor } from '../i18n/index.ts';
import { Button } from '../ui/button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Field, SelectField, TextAreaField } from '../ui/field.tsx';
import { commonLanguageFor, commonLanguages, looksLikeLanguageTag } from './content-languages.ts';

/** Tags a learner can tick for what they already know; stored as these ids, shown translated. */
export const knowledgeTags = ['algebra', 'functions', 'calculus', 'linear-algebra', 'probability', 'programming', 'python', 'javascript', 'machine-learning'] as const;

const other = 'other';

export function ProfileForm({ course, initial, submitLabel, onSaved, secondaryAction }: { course: string; initial: ApiProfile; submitLabel: string; onSaved(profile: ApiProfile): void; secondaryAction?: ReactNode }) {
  const { t, i18n } = useTranslation('learner');
  const startLanguage = initial.language ?? navigator.language ?? 'en';
  const listed = commonLanguages.some((language) => language.code === startLanguage) ? startLanguage : commonLanguageFor(startLanguage);
  const [choice, setChoice] = useState(initial.language && !commonLanguages.some((language) => language.code === initial.language) ? other : (listed ?? other));
  const [customLanguage, setCustomLanguage] = useState(listed ? '' : startLanguage);
  const [background, setBackground] = useState(initial.background ?? '');
  const [tags, setTags] = useState<string[]>(initial.tags ?? []);
  const [goals, setGoals] = useState(initial.goals ?? '');
  const [pace, setPace] = useState<NonNullable<ApiProfile['pace']>>(initial.pace ?? 'steady');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [languageError, setLanguageError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const language = choice === other ? customLanguage.trim() : choice;
    if (!looksLikeLanguageTag(language)) {
      setLanguageError(t('profile.languageInvalid'));
      return;
    }
    setLanguageError(undefined);
    setBusy(true);
    setError(undefined);
    // Empty text clears a field (a field left out would stay as it was).
    const profile: ApiProfile = { language, background: background.trim(), tags, goals: goals.trim(), pace };
    try {
      const saved = await api<ApiProfile>(coursePath(course, 'profile'), { method: 'PUT', body: profile });
      const interfaceLanguage = interfaceLanguageFor(language);
      if (interfaceLanguage && interfaceLanguage !== i18n.language) await i18n.changeLanguage(interfaceLanguage);
      onSaved(saved ?? profile);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (tag: string) => setTags((current) => (current.includes(tag) ? current.filter((item) => item !== tag) : [...current, tag]));

  return (
    <form onSubmit={submit} noValidate className="profile-form">
      <SelectField label={t('profile.language')} hint={t('profile.languageHint')} value={choice} onChange={(event) => setChoice(event.target.value)}>
        {commonLanguages.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
        <option value={other}>{t('profile.otherLanguage')}</option>
      </SelectField>
      {choice === other && (
        <Field
          label={t('profile.languageCode')}
          hint={t('profile.languageCodeHint')}
          value={customLanguage}
          error={languageError}
          placeholder="yue, pt-BR, quz"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setCustomLanguage(event.target.value)}
        />
      )}
      <fieldset>
        <legend>{t('profile.knowledge')}</legend>
        <ul className="chips" aria-label={t('profile.knowledgeTags')}>
          {knowledgeTags.map((tag) => (
            <li key={tag}>
              <button type="button" className="chip" aria-pressed={tags.includes(tag)} onClick={() => toggle(tag)}>
                {tags.includes(tag) && <span aria-hidden="true">✓</span>}
                {t(`profile.tag.${tag}`)}
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
      <TextAreaField label={t('profile.background')} hint={t('profile.backgroundHint')} rows={3} value={background} maxLength={2000} onChange={(event) => setBackground(event.target.value)} />
      <TextAreaField label={t('profile.goals')} hint={t('profile.goalsHint')} rows={2} value={goals} maxLength={1000} onChange={(event) => setGoals(event.target.value)} />
      <fieldset>
        <legend>{t('profile.pace')}</legend>
        <div className="pace-options">
          {(['slow', 'steady', 'fast'] as const).map((option) => (
            <label key={option} className="pace-option">
              <input type="radio" name="pace" value={option} checked={pace === option} onChange={() => setPace(option)} />
              <span>
                <strong>{t(`profile.paceOption.${option}`)}</strong>
                <span className="muted small">{t(`profile.paceHint.${option}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <ErrorMessage error={error} />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
        {secondaryAction}
      </div>
    </form>
  );
}
