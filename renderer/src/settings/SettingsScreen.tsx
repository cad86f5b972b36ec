import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/catalogue/types';
import { systemLanguage } from '../i18n/i18n';
import { useSettings, type LanguageChoice } from './settingsStore';

/** Settings that hold for the whole app (not per connection): the language, for now. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  const setLanguage = useSettings((s) => s.setLanguage);
  const saveError = useSettings((s) => s.saveError);
  const damagedCopy = useSettings((s) => s.damagedCopy);
  const id = useId();
  const system = systemLanguage(navigator.languages);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <header className="panel-header">
        <h1 id={`${id}-title`}>{t('settings.title')}</h1>
      </header>
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('settings.language')}</label>
        <select
          id={`${id}-language`}
          value={language}
          aria-describedby={`${id}-language-hint`}
          onChange={(e) => setLanguage(e.target.value as LanguageChoice)}
        >
          <option value="system">
            {t('settings.languageSystem', { language: t(`settings.languageNames.${system}`) })}
          </option>
          {LANGUAGES.map((lang) => (
            // Each language is named in itself, so a user who cannot read the current one finds theirs.
            <option key={lang} value={lang} lang={lang}>
              {t(`settings.languageNames.${lang}`)}
            </option>
          ))}
        </select>
        <p className="hint" id={`${id}-language-hint`}>
          {t('settings.languageHint')}
        </p>
        {saveError && (
          <p className="field-error" role="alert">
            {t('settings.notSaved', { message: saveError.message })}
          </p>
        )}
      </div>
      {damagedCopy && (
        <p className="hint" role="status">
          {t('settings.damaged', { path: damagedCopy })}
        </p>
      )}
    </section>
  );
}
