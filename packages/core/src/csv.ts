/**
 * The one CSV module: every CSV Essaim reads or writes goes through here.
 *
 * Reading follows RFC 4180 with delimiter detection: `,` and `;` (French spreadsheets export with
 * `;`), quoted fields spanning lines, `""` escapes, CRLF, a leading BOM. Each record carries the
 * 1-based physical line it starts on, so every error can name its line. Optional caps (records,
 * fields per record, characters per field) stop reading as soon as one is exceeded, so a hostile
 * file costs no more than the cap.
 *
 * Writing quotes per RFC 4180 and guards formulas (OWASP "CSV injection"): a text cell starting
 * with `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe, so a spreadsheet shows
 * it as text instead of running it. Numbers are written as numbers (a negative number is not text).
 * @module
 */
export interface CsvRecord {
  fields: string[];
  line: number;
}

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvReadResult {
  records: CsvRecord[];
  errors: { line: number; message: string }[];
  delimiter: CsvDelimiter;
  /** Set when a cap was exceeded; reading stopped there and `records` is incomplete. */
  limitExceeded?: { line: number; message: string };
}

export interface CsvLimits {
  maxRecords?: number;
  maxFields?: number;
  maxFieldLength?: number;
}

export interface CsvReadOptions {
  /** Detected from the first line when omitted. */
  delimiter?: CsvDelimiter;
  /** Trim spaces around every field (default true). */
  trim?: boolean;
  /**
   * Refuse a quote inside an unquoted field and text after a closing quote (default false: such
   * quotes are kept as text, as spreadsheets do).
   */
  strict?: boolean;
  limits?: CsvLimits;
}

/** The delimiter most frequent outside quotes on the first line. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && (ch === '\n' || ch === '\r')) {
      break;
    } else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) {
      counts[ch]++;
    }
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) {
    return ';';
  }
  return counts['\t'] > counts[','] ? '\t' : ',';
}

/**
 * Reads CSV text into records.
 * @example
 * readCsv('a;b\n1;"x;y"\n').records; // [{ fields: ['a', 'b'], line: 1 }, { fields: ['1', 'x;y'], line: 2 }]
 */
export function readCsv(text: string, options: CsvDelimiter | CsvReadOptions = {}): CsvReadResult {
  const opts: CsvReadOptions = typeof options === 'string' ? { delimiter: options } : options;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = opts.delimiter ?? detectDelimiter(body);
  const trim = opts.trim ?? true;
  const strict = opts.strict ?? false;
  const maxRecords = opts.limits?.maxRecords ?? Number.POSITIVE_INFINITY;
  const maxFields = opts.limits?.maxFields ?? Number.POSITIVE_INFINITY;
  const maxFieldLength = opts.limits?.maxFieldLength ?? Number.POSITIVE_INFINITY;
  const records: CsvRecord[] = [];
  const errors: CsvReadResult['errors'] = [];
  const result: CsvReadResult = { records, errors, delimiter };
  let line = 1;
  let i = 0;
  while (i < body.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let wasQuoted = false;
    let afterQuote = false;
    let done = false;
    while (i < body.length && !done) {
      const ch = body[i]!;
      if (field.length > maxFieldLength) {
        result.limitExceeded = { line: start, message: `a cell is longer than ${maxFieldLength} characters` };
        return result;
      }
      if (quoted) {
        if (ch === '"') {
          if (body[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            afterQuote = true;
            i++;
          }
        } else {
          if (ch === '\n') {
            line++;
          }
          field += ch;
          i++;
        }
      } else if (ch === '"' && (strict ? field === '' && !wasQuoted : field.trim() === '')) {
        quoted = true;
        wasQuoted = true;
        field = '';
        i++;
      } else if (ch === delimiter) {
        fields.push(field);
        if (fields.length > maxFields) {
          result.limitExceeded = { line: start, message: `a row has more than ${maxFields} cells` };
          return result;
        }
        field = '';
        wasQuoted = false;
        afterQuote = false;
        i++;
      } else if (ch === '\n' || ch === '\r') {
        i += ch === '\r' && body[i + 1] === '\n' ? 2 : 1;
        line++;
        done = true;
      } else {
        if (strict && ch === '"') {
          errors.push({ line, message: 'unexpected quote inside an unquoted field' });
          return result;
        }
        if (strict && afterQuote) {
          errors.push({ line, message: 'unexpected character after a closing quote' });
          return result;
        }
        field += ch;
        i++;
      }
    }
    if (quoted) {
      errors.push({ line: start, message: 'unterminated quoted field' });
    }
    fields.push(field);
    if (fields.length > maxFields) {
      result.limitExceeded = { line: start, message: `a row has more than ${maxFields} cells` };
      return result;
    }
    if (fields.length > 1 || wasQuoted || fields[0]!.trim() !== '') {
      if (records.length >= maxRecords) {
        result.limitExceeded = { line: start, message: `more than ${maxRecords} rows` };
        return result;
      }
      records.push({ fields: trim ? fields.map((f) => f.trim()) : fields, line: start });
    }
  }
  return result;
}

/** A cell to write: text is quoted and formula-guarded, numbers are written as they are. */
export type CsvCell = string | number | boolean | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a text cell a spreadsheet would run as a formula by prefixing an apostrophe.
 * A value that already starts with an apostrophe before such a character gets one more, so
 * {@link unguardFormula} restores every value exactly.
 * @example
 * guardFormula('=HYPERLINK("http://x")'); // "'=HYPERLINK(\"http://x\")"
 */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) || /^'+[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The inverse of {@link guardFormula}, for reading back a file Essaim wrote. */
export function unguardFormula(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

export interface CsvWriteOptions {
  delimiter?: CsvDelimiter;
  /** Line ending (default `\n`; `\r\n` for strict RFC 4180 consumers). */
  eol?: '\n' | '\r\n';
  /** Start with a UTF-8 byte-order mark so spreadsheets detect the encoding. */
  bom?: boolean;
}

/** One cell, guarded and quoted when it holds the delimiter, a quote or a line break. */
export function csvCell(value: CsvCell, options: { delimiter?: CsvDelimiter } = {}): string {
  const delimiter = options.delimiter ?? ',';
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  const text = guardFormula(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes rows (header first) as CSV text ending with a line break.
 * @example
 * writeCsv([['name', 'score'], ['=1+1', -2]]); // "name,score\n'=1+1,-2\n"
 */
export function writeCsv(rows: readonly (readonly CsvCell[])[], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const eol = options.eol ?? '\n';
  const lines = rows.map((row) => row.map((v) => csvCell(v, { delimiter })).join(delimiter));
  return `${options.bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
}
