/**
 * Edge-list and node-attribute CSV parsing: string in, data or line-numbered errors out.
 *
 * RFC 4180 records (quoted fields, "" escapes, CRLF, embedded newlines), a header row,
 * blank lines ignored, a leading BOM stripped. Parsing is all-or-nothing: any error
 * makes the whole result `{ isOk: false }` with every problem found, so a partial
 * network is never analysed. Line numbers are 1-based physical lines of the record start.
 * @module
 */

import { type CsvRecord, readCsv } from '../csv.ts';

/** A problem at a given line (1-based). */
export interface CsvError {
  line: number;
  message: string;
}

export type CsvResult<T> = { isOk: true; value: T } | { isOk: false; errors: CsvError[] };

/** One edge row. `weight` is 1 when the file has no weight column. */
export interface ParsedEdge {
  source: string;
  target: string;
  weight: number;
  /** Value of the relation column, or null when the file has none. */
  relation: string | null;
  line: number;
}

export interface EdgeList {
  edges: ParsedEdge[];
  hasWeights: boolean;
  hasRelations: boolean;
  /** Distinct relation values in order of appearance. */
  relations: string[];
}

export interface NodeRow {
  id: string;
  attributes: Record<string, string>;
  line: number;
}

export interface NodeTable {
  /** Attribute column names (header order, without the id column). */
  columns: string[];
  rows: NodeRow[];
}

const SOURCE_NAMES = ['source', 'from', 'src'];
const TARGET_NAMES = ['target', 'to', 'dst'];
const RELATION_NAMES = ['relation', 'type'];

/** Splits text into records; quoted fields may span lines (the shared RFC 4180 reader, comma-separated). */
export function readCsvRecords(text: string): { records: CsvRecord[]; errors: CsvError[] } {
  const { records, errors } = readCsv(text, ',');
  return { records, errors };
}

function findColumn(header: string[], names: string[]): number {
  return header.findIndex((name) => names.includes(name.toLowerCase()));
}

/**
 * Parses `source,target[,weight][,relation]` (aliases from/to, src/dst, type).
 * Reports unknown ids (when `knownNodes` is given), self-loops, duplicates (per relation;
 * {u,v} = {v,u} when undirected), bad weights and wrong field counts.
 * @example
 * parseEdgeListCsv('source,target\na,b\n').isOk; // true
 */
export function parseEdgeListCsv(
  text: string,
  options: { isDirected?: boolean; isWeighted?: boolean; knownNodes?: ReadonlySet<string> } = {},
): CsvResult<EdgeList> {
  const { records, errors } = readCsvRecords(text);
  const header = records[0];
  if (!header) {
    return { isOk: false, errors: [...errors, { line: 1, message: 'empty file: expected a header row' }] };
  }
  const sourceCol = findColumn(header.fields, SOURCE_NAMES);
  const targetCol = findColumn(header.fields, TARGET_NAMES);
  const weightCol = findColumn(header.fields, ['weight']);
  const relationCol = findColumn(header.fields, RELATION_NAMES);
  if (sourceCol < 0 || targetCol < 0) {
    errors.push({ line: header.line, message: 'header must name a source and a target column' });
    return { isOk: false, errors };
  }
  if (options.isWeighted && weightCol < 0) {
    errors.push({ line: header.line, message: 'weighted analysis needs a weight column' });
  }
  const edges: ParsedEdge[] = [];
  const relations: string[] = [];
  const seen = new Map<string, number>();
  for (const record of records.slice(1)) {
    const { fields, line } = record;
    if (fields.length !== header.fields.length) {
      errors.push({ line, message: `expected ${header.fields.length} fields, found ${fields.length}` });
      continue;
    }
    const source = fields[sourceCol]!;
    const target = fields[targetCol]!;
    const relation = relationCol >= 0 ? fields[relationCol]! : null;
    let weight = 1;
    if (source === '' || target === '') {
      errors.push({ line, message: 'empty node id' });
      continue;
    }
    for (const id of [source, target]) {
      if (options.knownNodes && !options.knownNodes.has(id)) {
        errors.push({ line, message: `unknown node id "${id}"` });
      }
    }
    if (source === target) {
      errors.push({ line, message: `self-loop on "${source}"` });
    }
    if (weightCol >= 0) {
      const raw = fields[weightCol]!;
      weight = Number(raw);
      if (raw === '' || !Number.isFinite(weight) || weight <= 0) {
        errors.push({ line, message: `weight "${raw}" must be a positive number` });
      }
    }
    const [a, b] = options.isDirected || source < target ? [source, target] : [target, source];
    const key = `${relation ?? ''}\u0000${a}\u0000${b}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line, message: `duplicate edge ${source} - ${target} (first at line ${first})` });
    } else {
      seen.set(key, line);
    }
    if (relation !== null && !relations.includes(relation)) {
      relations.push(relation);
    }
    edges.push({ source, target, weight, relation, line });
  }
  if (errors.length > 0) {
    return { isOk: false, errors: errors.sort((x, y) => x.line - y.line) };
  }
  return {
    isOk: true,
    value: { edges, hasWeights: weightCol >= 0, hasRelations: relationCol >= 0, relations },
  };
}

/**
 * Parses `id,attr1,attr2,…` (first column named id, node or name). Duplicate and
 * empty ids and wrong field counts are errors.
 * @example
 * parseNodeAttributesCsv('id,department\nana,ops\n').isOk; // true
 */
export function parseNodeAttributesCsv(text: string): CsvResult<NodeTable> {
  const { records, errors } = readCsvRecords(text);
  const header = records[0];
  if (!header) {
    return { isOk: false, errors: [...errors, { line: 1, message: 'empty file: expected a header row' }] };
  }
  const idCol = findColumn(header.fields, ['id', 'node', 'name']);
  if (idCol < 0) {
    errors.push({ line: header.line, message: 'header must name an id column' });
    return { isOk: false, errors };
  }
  const columns = header.fields.filter((_, i) => i !== idCol);
  const rows: NodeRow[] = [];
  const seen = new Map<string, number>();
  for (const { fields, line } of records.slice(1)) {
    if (fields.length !== header.fields.length) {
      errors.push({ line, message: `expected ${header.fields.length} fields, found ${fields.length}` });
      continue;
    }
    const id = fields[idCol]!;
    if (id === '') {
      errors.push({ line, message: 'empty node id' });
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      errors.push({ line, message: `duplicate node id "${id}" (first at line ${first})` });
      continue;
    }
    seen.set(id, line);
    const attributes: Record<string, string> = {};
    header.fields.forEach((name, i) => {
      if (i !== idCol) {
        attributes[name] = fields[i]!;
      }
    });
    rows.push({ id, attributes, line });
  }
  if (errors.length > 0) {
    return { isOk: false, errors: errors.sort((x, y) => x.line - y.line) };
  }
  return { isOk: true, value: { columns, rows } };
}
