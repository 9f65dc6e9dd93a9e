import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@forvalta/contracts';
import en from './en.json';
import sv from './sv.json';
import lifecycleEn from './lifecycle.en.json';
import lifecycleSv from './lifecycle.sv.json';
import documentsEn from './documents.en.json';
import documentsSv from './documents.sv.json';
import accessEn from './access.en.json';
import accessSv from './access.sv.json';
import trainingEn from './training.en.json';
import trainingSv from './training.sv.json';
import privacyEn from './privacy.en.json';
import privacySv from './privacy.sv.json';
import assetsEn from './assets.en.json';
import assetsSv from './assets.sv.json';
import softwareEn from './software.en.json';
import softwareSv from './software.sv.json';

export const supportedLocales: readonly Locale[] = ['sv', 'en'];

// Both languages ship in the first bundle: together they are a few kilobytes, and switching
// language must apply at once, without a network round trip.
void i18next.use(initReactI18next).init({
  resources: {
    sv: {
      translation: sv,
      lifecycle: lifecycleSv,
      documents: documentsSv,
      access: accessSv,
      training: trainingSv,
      privacy: privacySv,
      assets: assetsSv,
      software: softwareSv,
    },
    en: {
      translation: en,
      lifecycle: lifecycleEn,
      documents: documentsEn,
      access: accessEn,
      training: trainingEn,
      privacy: privacyEn,
      assets: assetsEn,
      software: softwareEn,
    },
  },
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
