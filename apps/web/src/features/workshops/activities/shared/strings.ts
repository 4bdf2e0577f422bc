/**
 * @module An activity's own strings, French and English side by side in its folder (`<kind>/strings.ts`),
 * so a new activity adds no line to the shared catalogues. `bilingual` makes a key missing in one
 * language a type error; `useActivityText` picks the reader's language, applies French typography
 * (as the catalogue does) and fills `{{name}}` placeholders.
 */

import { frenchTypography } from '@essaim/core';
import { useTranslation } from 'react-i18next';

/** Every activity names itself and says in one sentence what it is for (the add form's hint). */
export interface ActivityStringsBase {
  readonly name: string;
  readonly hint: string;
}

export interface Bilingual<F extends ActivityStringsBase> {
  readonly fr: F;
  readonly en: { readonly [K in keyof F]: string };
}

export function bilingual<const F extends ActivityStringsBase & Record<string, string>>(
  fr: F,
  en: { readonly [K in keyof F]: string },
): Bilingual<F> {
  return { fr, en };
}

/** `{{name}}` placeholders replaced by `vars` (values are not typographed: only our own text). */
export function fill(template: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

export type ActivityText<F> = (
  key: keyof F & string,
  vars?: Readonly<Record<string, string | number>>,
) => string;

/** The text of one language (`fr` gets non-breaking spaces where French typography wants them). */
export function activityText<F extends ActivityStringsBase>(
  strings: Bilingual<F>,
  language: string | undefined,
): ActivityText<F> {
  const isFrench = language?.startsWith('fr') ?? false;
  return (key, vars) =>
    fill(isFrench ? frenchTypography(String(strings.fr[key])) : String(strings.en[key]), vars);
}

export function useActivityText<F extends ActivityStringsBase>(strings: Bilingual<F>): ActivityText<F> {
  const { i18n } = useTranslation();
  return activityText(strings, i18n.resolvedLanguage ?? i18n.language);
}
