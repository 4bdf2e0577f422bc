/**
 * i18next set-up: French and English bundled (small, no network round trip), language detected from
 * localStorage then the browser, remembered in localStorage, mirrored on `<html lang>`.
 */
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { enCatalogue, frCatalogue } from './catalogue';
import { withFrenchTypography } from './french-typography';

export const SUPPORTED_LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** Also read by public/boot.js before first paint; keep both in sync. */
export const LANGUAGE_STORAGE_KEY = 'essaim-lang';

export const resources = {
  fr: { translation: withFrenchTypography(frCatalogue) },
  en: { translation: enCatalogue },
} as const;

export function isLanguage(value: string | undefined): value is Language {
  return SUPPORTED_LANGUAGES.some((lng) => lng === value);
}

/** The language actually in use, narrowed to the supported set. */
export function currentLanguage(): Language {
  const lng = i18n.resolvedLanguage;
  return isLanguage(lng) ? lng : 'en';
}

function syncDocumentLanguage(lng: string): void {
  const root = document.documentElement;
  root.lang = isLanguage(lng) ? lng : currentLanguage();
  root.dir = i18n.dir(root.lang);
}

i18n.on('languageChanged', syncDocumentLanguage);

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    // Visitors whose browser speaks neither language get English, the more widely read of the two.
    fallbackLng: 'en',
    initAsync: false,
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });

export default i18n;
