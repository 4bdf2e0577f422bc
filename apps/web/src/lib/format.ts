import { currentLanguage } from '../i18n';

const LOCALES = { fr: 'fr-FR', en: 'en-GB' } as const;

function locale(): string {
  return LOCALES[currentLanguage()];
}

/** French writes the first day of a month as an ordinal: « 1er septembre », never « 1 septembre ». */
function withFrenchOrdinal(text: string): string {
  return currentLanguage() === 'fr' ? text.replace(/(^|\s)1(\s)/, '$11er$2') : text;
}

/** "12 mars 2026" / "12 March 2026", « 1er mars 2026 ». Empty string for a missing or invalid date. */
export function formatDate(iso: string | null | undefined): string {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return '';
  }
  return withFrenchOrdinal(new Intl.DateTimeFormat(locale(), { dateStyle: 'long' }).format(date));
}

/** "12 mars" / "12 March", « 1er mars »: a date within the coming months. */
export function formatDayMonth(iso: string | null | undefined): string {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return '';
  }
  return withFrenchOrdinal(new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long' }).format(date));
}

/** "12 mars 2026, 14:05" / "12 March 2026, 14:05". */
export function formatDateTime(iso: string | null | undefined): string {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return '';
  }
  return withFrenchOrdinal(
    new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date),
  );
}

/** A short, human summary of a User-Agent string: "Firefox · Linux". Falls back to the raw value. */
export function describeUserAgent(userAgent: string | null): string | null {
  if (!userAgent) {
    return null;
  }
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /OPR\//.test(userAgent)
      ? 'Opera'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad|iOS/.test(userAgent)
      ? 'iOS'
      : /Mac OS X|Macintosh/.test(userAgent)
        ? 'macOS'
        : /Windows/.test(userAgent)
          ? 'Windows'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  const parts = [browser, system].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' · ') : userAgent;
}
