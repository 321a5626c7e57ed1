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
      <span aria-hidden="true" className="language-icon">
        🌐
      </span>
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
