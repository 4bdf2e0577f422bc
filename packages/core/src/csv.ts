/**
 * RFC 4180 reading with delimiter detection: `,` and `;` (French spreadsheets export with `;`),
 * quoted fields spanning lines, `""` escapes, CRLF, a leading BOM. Each record carries the
 * 1-based physical line it starts on, so every error can name its line.
 * @module
 */
export interface CsvRecord {
  fields: string[];
  line: number;
}

export interface CsvReadResult {
  records: CsvRecord[];
  errors: { line: number; message: string }[];
  delimiter: ',' | ';' | '\t';
}

/** The delimiter most frequent outside quotes on the first line. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
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

export function readCsv(
  text: string,
  delimiter: ',' | ';' | '\t' = detectDelimiter(text.replace(/^\uFEFF/, '')),
): CsvReadResult {
  const records: CsvRecord[] = [];
  const errors: CsvReadResult['errors'] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 1;
  let i = 0;
  while (i < body.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let done = false;
    while (i < body.length && !done) {
      const ch = body[i]!;
      if (quoted) {
        if (ch === '"') {
          if (body[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (ch === '\n') {
            line++;
          }
          field += ch;
          i++;
        }
      } else if (ch === '"' && field.trim() === '') {
        quoted = true;
        field = '';
        i++;
      } else if (ch === delimiter) {
        fields.push(field);
        field = '';
        i++;
      } else if (ch === '\n' || ch === '\r') {
        i += ch === '\r' && body[i + 1] === '\n' ? 2 : 1;
        line++;
        done = true;
      } else {
        field += ch;
        i++;
      }
    }
    if (quoted) {
      errors.push({ line: start, message: 'unterminated quoted field' });
    }
    fields.push(field);
    if (fields.length > 1 || fields[0]!.trim() !== '') {
      records.push({ fields: fields.map((f) => f.trim()), line: start });
    }
  }
  return { records, errors, delimiter };
}
