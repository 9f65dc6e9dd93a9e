import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@forvalta/contracts';
import resourcesToBackend from 'i18next-resources-to-backend';
import sv from './sv.json';

export const supportedLocales: readonly Locale[] = ['sv', 'en'];

/**
 * Only the shared Swedish texts ship with the first page. Every other file (the English shared
 * texts, each module's namespace in both languages) is a chunk of its own that i18next fetches
 * when a screen asks for its namespace (`useTranslation('privacy')` suspends until it is there) or
 * when the language changes: the first page stayed near its 300 kB budget while every module's
 * texts came with it (docs/quality.md). The translations test checks that a file using `ns:key`
 * asks for `ns`, so no text can be shown before its file has arrived.
 */
const translationFiles = import.meta.glob<Record<string, unknown>>(['./*.json', '!./sv.json'], { import: 'default' });

function translationFile(language: string, namespace: string): string {
  return namespace === 'translation' ? `./${language}.json` : `./${namespace}.${language}.json`;
}

void i18next
  .use(
    resourcesToBackend((language: string, namespace: string) => {
      const load = translationFiles[translationFile(language, namespace)];
      return load ? load() : Promise.reject(new Error(`No translations for ${namespace} in ${language}.`));
    }),
  )
  .use(initReactI18next)
  .init({
    resources: { sv: { translation: sv } },
    // The bundled Swedish texts are one namespace of many: the rest are loaded on demand.
    partialBundledLanguages: true,
    ns: ['translation'],
    lng: 'sv',
    fallbackLng: 'sv',
    interpolation: { escapeValue: false },
    returnNull: false,
  });

// Screen readers pick their voice from <html lang>, so it follows the interface language.
const applyDocumentLanguage = (language: string) => {
  document.documentElement.lang = language;
};
applyDocumentLanguage(i18next.language);
i18next.on('languageChanged', applyDocumentLanguage);

export function currentLocale(): Locale {
  return i18next.language === 'en' ? 'en' : 'sv';
}

export { i18next };
