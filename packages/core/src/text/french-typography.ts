/**
 * French typography: a non-breaking space (U+00A0) before « : » and inside « guillemets », a narrow
 * non-breaking space (U+202F) before « ; ? ! » (Imprimerie nationale, « Lexique des règles
 * typographiques en usage à l'Imprimerie nationale », 2002). Shared by the web catalogue and the
 * server's emails, so the two never drift apart. Only spaces already present become non-breaking:
 * text with no space before the sign (links, times, `{{placeholders}}`) is left as it is.
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
