import type fr from './locales/fr.json';

/** Makes `t('…')` keys type-checked against the French catalogue (the test keeps English identical). */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}
