/**
 * French typography applied to the whole French catalogue once, at start-up, so every string — today's
 * and those added later — follows it without anyone typing invisible characters: a non-breaking
 * space (U+00A0) before « : » and inside « guillemets », a narrow non-breaking space (U+202F) before
 * « ; ? ! » (Imprimerie nationale, « Lexique des règles typographiques en usage à l'Imprimerie
 * nationale », 2002). Interpolated values are not touched: only the catalogue's own text.
 */
const NBSP = '\u00A0';
const NNBSP = '\u202F';

/** One French string with its spaces made non-breaking where French typography wants them. */
export function frenchTypography(text: string): string {
  return text
    .replace(/ +:/g, `${NBSP}:`)
    .replace(/ +([;?!])/g, `${NNBSP}$1`)
    .replace(/« +/g, `«${NBSP}`)
    .replace(/ +»/g, `${NBSP}»`);
}

/** The catalogue with {@link frenchTypography} applied to every string (same shape, same keys). */
export function withFrenchTypography<T>(catalogue: T): T {
  if (typeof catalogue === 'string') {
    return frenchTypography(catalogue) as T;
  }
  if (typeof catalogue === 'object' && catalogue !== null && !Array.isArray(catalogue)) {
    return Object.fromEntries(
      Object.entries(catalogue).map(([key, value]) => [key, withFrenchTypography(value)]),
    ) as T;
  }
  return catalogue;
}
