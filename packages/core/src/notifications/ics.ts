/**
 * A small iCalendar (RFC 5545) writer for read-only feeds: one VCALENDAR of VEVENTs. It does what the
 * RFC asks of a producer and nothing more: CRLF line ends, lines folded at 75 octets (never inside a
 * UTF-8 sequence), TEXT values escaped, UTC stamps, all-day dates with an exclusive end.
 */

/** A calendar moment: a whole day, an instant (ISO, written in UTC) or a wall-clock time with no zone. */
export type IcsTime = { date: string } | { utc: string } | { local: string };

export interface IcsEvent {
  /** Stable across feeds: a calendar client updates the event it already has instead of adding one. */
  uid: string;
  /** When this version of the event was written (ISO). */
  stamp: string;
  start: IcsTime;
  /** Exclusive end; a `date` start without end lasts one day. */
  end?: IcsTime;
  summary: string;
  description?: string;
  url?: string;
  categories?: string[];
}

export interface IcsCalendar {
  /** PRODID: who wrote the feed. */
  productId: string;
  name: string;
  events: IcsEvent[];
}

const CRLF = '\r\n';

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline; a bare CR is dropped. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\n|\r/g, '\\n');
}

/** Octets of one character in UTF-8 (core has no TextEncoder: it runs without Node or DOM types). */
function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Fold one content line (RFC 5545 §3.1): at most 75 octets per line, continuation lines start with one
 * space (which counts in their 75). Cuts fall between characters, never inside a UTF-8 sequence.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = utf8Length(ch);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const compact = (iso: string) => iso.replace(/[-:]/g, '');

/** `2026-12-08T09:30:00.000Z` → `20261208T093000Z`. */
export function icsUtc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    throw new Error(`not a date: ${iso}`);
  }
  return `${compact(d.toISOString().slice(0, 19))}Z`;
}

function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function timeProperty(name: string, t: IcsTime): string {
  if ('date' in t) {
    if (!isDate(t.date)) {
      throw new Error(`not a date: ${t.date}`);
    }
    return `${name};VALUE=DATE:${compact(t.date)}`;
  }
  if ('utc' in t) {
    return `${name}:${icsUtc(t.utc)}`;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(t.local)) {
    throw new Error(`not a local time: ${t.local}`);
  }
  const withSeconds = t.local.length === 16 ? `${t.local}:00` : t.local;
  return `${name}:${compact(withSeconds)}`;
}

function eventLines(e: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(e.uid)}`,
    `DTSTAMP:${icsUtc(e.stamp)}`,
    timeProperty('DTSTART', e.start),
  ];
  const end = e.end ?? ('date' in e.start ? { date: nextDay(e.start.date) } : undefined);
  if (end) {
    lines.push(timeProperty('DTEND', end));
  }
  lines.push(`SUMMARY:${escapeIcsText(e.summary)}`);
  if (e.description) {
    lines.push(`DESCRIPTION:${escapeIcsText(e.description)}`);
  }
  if (e.url) {
    // URL is a URI value, not TEXT: it is not escaped (a comma in it would be read literally).
    lines.push(`URL:${e.url}`);
  }
  if (e.categories && e.categories.length > 0) {
    lines.push(`CATEGORIES:${e.categories.map(escapeIcsText).join(',')}`);
  }
  lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  return lines;
}

/** The whole feed as text, CRLF line ends included. */
export function writeIcs(calendar: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeIcsText(calendar.productId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(calendar.name)}`,
    ...calendar.events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
