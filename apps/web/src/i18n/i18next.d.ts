import type { frCatalogue } from './catalogue';

/** Makes `t('…')` keys type-checked against the French catalogue (the test keeps English identical). */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof frCatalogue };
  }
}
