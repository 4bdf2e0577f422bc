/**
 * Reading a roster of people and collectives from a table (CSV text, or rows already read from
 * XLSX by the server). All-or-nothing: the result lists every problem with its line and column, and
 * callers write nothing unless `errors` is empty. Lines sharing an email are merged into one person
 * (collectives united, first non-empty value of each field kept) and reported.
 *
 * Recognised columns (case- and accent-insensitive, FR or EN): name, email, title, collective,
 * parent collective, collective kind. Any other column becomes a free attribute (department, site…).
 */
import { readCsv } from '../csv.ts';

export interface RosterIssue {
  line: number;
  column: string | null;
  code:
    | 'MISSING_COLUMN'
    | 'MISSING_VALUE'
    | 'INVALID_EMAIL'
    | 'TOO_LONG'
    | 'MALFORMED'
    | 'TOO_MANY_ROWS'
    | 'CONFLICTING_PARENT'
    | 'EMPTY_FILE';
  message: string;
}

export interface RosterRow {
  line: number;
  displayName: string;
  email: string | null;
  title: string;
  collectives: string[];
  attributes: Record<string, string>;
  /** Other lines merged into this one (same email). */
  mergedLines: number[];
}

export interface RosterCollective {
  name: string;
  parent: string | null;
  kind: string;
}

export interface RosterParseResult {
  rows: RosterRow[];
  collectives: RosterCollective[];
  attributeColumns: string[];
  errors: RosterIssue[];
}

export const MAX_ROSTER_ROWS = 10_000;
const KINDS = new Set(['team', 'circle', 'community', 'site', 'department', 'other']);
const KIND_ALIASES: Record<string, string> = {
  equipe: 'team',
  cercle: 'circle',
  communaute: 'community',
  departement: 'department',
  service: 'department',
  autre: 'other',
};

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

const ROLES: Record<string, string[]> = {
  name: ['name', 'display name', 'nom', 'nom affiche', 'prenom nom', 'full name', 'pseudonyme', 'pseudonym'],
  email: ['email', 'e mail', 'mail', 'courriel', 'adresse email'],
  title: ['title', 'job title', 'titre', 'fonction', 'poste'],
  collective: ['collective', 'collectif', 'team', 'equipe', 'group', 'groupe'],
  parent: ['parent', 'parent collective', 'collectif parent', 'parent team', 'equipe parente'],
  kind: ['kind', 'collective kind', 'type', 'type de collectif'],
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Map header cells to roles; unknown headers are attributes. */
function mapHeader(header: string[]) {
  const roles: Record<string, number> = {};
  const attributes: { index: number; name: string }[] = [];
  header.forEach((cell, index) => {
    const f = fold(cell);
    const role = Object.entries(ROLES).find(([, names]) => names.includes(f))?.[0];
    if (role && roles[role] === undefined) {
      roles[role] = index;
    } else if (cell.trim() !== '') {
      attributes.push({ index, name: cell.trim() });
    }
  });
  return { roles, attributes };
}

/** Rows as read from any table source: header first, each row with its 1-based line. */
export function rowsToRoster(table: { cells: string[]; line: number }[]): RosterParseResult {
  const errors: RosterIssue[] = [];
  if (table.length === 0) {
    return {
      rows: [],
      collectives: [],
      attributeColumns: [],
      errors: [{ line: 1, column: null, code: 'EMPTY_FILE', message: 'the file is empty' }],
    };
  }
  const [head, ...data] = table;
  const { roles, attributes } = mapHeader(head!.cells);
  if (roles.name === undefined && roles.email === undefined) {
    errors.push({
      line: head!.line,
      column: null,
      code: 'MISSING_COLUMN',
      message: 'a "name" (or "nom") or "email" column is required',
    });
    return { rows: [], collectives: [], attributeColumns: [], errors };
  }
  if (data.length > MAX_ROSTER_ROWS) {
    errors.push({
      line: head!.line,
      column: null,
      code: 'TOO_MANY_ROWS',
      message: `at most ${MAX_ROSTER_ROWS} rows per import`,
    });
    return { rows: [], collectives: [], attributeColumns: [], errors };
  }
  const colName = (role: string) => (roles[role] === undefined ? role : head!.cells[roles[role]!]!);
  const get = (cells: string[], role: string) =>
    roles[role] === undefined ? '' : (cells[roles[role]!] ?? '').trim();
  const rows: RosterRow[] = [];
  const byEmail = new Map<string, RosterRow>();
  const collectives = new Map<string, RosterCollective>();
  for (const { cells, line } of data) {
    if (cells.every((c) => c.trim() === '')) {
      continue;
    }
    if (cells.length > head!.cells.length) {
      errors.push({
        line,
        column: null,
        code: 'MALFORMED',
        message: `${cells.length} cells but the header has ${head!.cells.length}`,
      });
      continue;
    }
    const rawEmail = get(cells, 'email');
    const email = rawEmail === '' ? null : rawEmail.toLowerCase();
    let name = get(cells, 'name');
    if (email !== null && !EMAIL.test(email)) {
      errors.push({
        line,
        column: colName('email'),
        code: 'INVALID_EMAIL',
        message: `"${rawEmail}" is not a valid email address`,
      });
    }
    if (name === '' && email === null) {
      errors.push({
        line,
        column: colName('name'),
        code: 'MISSING_VALUE',
        message: 'a name or an email is required',
      });
      continue;
    }
    if (name === '') {
      name = email!.split('@')[0]!;
    }
    for (const [role, value, max] of [
      ['name', name, 160],
      ['title', get(cells, 'title'), 160],
      ['collective', get(cells, 'collective'), 160],
    ] as const) {
      if (value.length > max) {
        errors.push({
          line,
          column: colName(role),
          code: 'TOO_LONG',
          message: `longer than ${max} characters`,
        });
      }
    }
    const collective = get(cells, 'collective');
    const parent = get(cells, 'parent');
    let kind = fold(get(cells, 'kind'));
    kind = KIND_ALIASES[kind] ?? kind;
    if (collective !== '') {
      const known = collectives.get(collective);
      if (known && parent !== '' && known.parent !== null && known.parent !== parent) {
        errors.push({
          line,
          column: colName('parent'),
          code: 'CONFLICTING_PARENT',
          message: `"${collective}" already has parent "${known.parent}"`,
        });
      } else if (!known) {
        collectives.set(collective, {
          name: collective,
          parent: parent || null,
          kind: KINDS.has(kind) ? kind : 'team',
        });
      } else if (known.parent === null && parent !== '') {
        known.parent = parent;
      }
      if (parent !== '' && !collectives.has(parent)) {
        collectives.set(parent, { name: parent, parent: null, kind: 'department' });
      }
    }
    const attrs: Record<string, string> = {};
    for (const a of attributes) {
      const v = (cells[a.index] ?? '').trim();
      if (v !== '') {
        attrs[a.name] = v.slice(0, 200);
      }
    }
    const existing = email ? byEmail.get(email) : undefined;
    if (existing) {
      existing.mergedLines.push(line);
      if (collective !== '' && !existing.collectives.includes(collective)) {
        existing.collectives.push(collective);
      }
      existing.title ||= get(cells, 'title');
      for (const [k, v] of Object.entries(attrs)) {
        existing.attributes[k] ??= v;
      }
      continue;
    }
    const row: RosterRow = {
      line,
      displayName: name,
      email,
      title: get(cells, 'title'),
      collectives: collective ? [collective] : [],
      attributes: attrs,
      mergedLines: [],
    };
    rows.push(row);
    if (email) {
      byEmail.set(email, row);
    }
  }
  return {
    rows,
    collectives: [...collectives.values()],
    attributeColumns: attributes.map((a) => a.name),
    errors,
  };
}

/** Parse CSV text (`,` or `;`) into a roster. */
export function parseRosterCsv(text: string): RosterParseResult {
  const { records, errors } = readCsv(text);
  const result = rowsToRoster(records.map((r) => ({ cells: r.fields, line: r.line })));
  return {
    ...result,
    errors: [
      ...errors.map((e) => ({ line: e.line, column: null, code: 'MALFORMED' as const, message: e.message })),
      ...result.errors,
    ],
  };
}
