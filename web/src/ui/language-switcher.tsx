// Picks the interface language (the eight Primer ships); course content follows the learner's profile.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { supportedLanguages } from '../i18n/index.ts';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation('common');
  const id = useId();
  const current = supportedLanguages.find((language) => language.code === i18n.language)?.code ?? 'en';
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('language.interface')}
      </label>
      <svg className="language-icon" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.8">
        <circle cx="12" cy="12" r="9" />
        <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" />
      </svg>
      <select id={id} value={current} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
        {supportedLanguages.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
    </div>
  );
}
