/**
 * @module The content hash that names a charter version. Adoption records and commitments carry it, so
 * "I committed to this text" can be checked later against the stored clauses.
 */
import { sha256Hex } from './sha256';
import type { Clause } from './types';

/**
 * Canonical serialisation: one JSON array of `[id, kind, level, text]` tuples, text in Unicode NFC and
 * trailing spaces of each clause trimmed, so the same words always hash the same way whatever the editor
 * or the operating system produced. Formatting marks (bold…) are not part of the commitment.
 */
export function canonicalClauses(clauses: readonly Clause[]): string {
  return JSON.stringify(
    clauses.map((c) => [c.id, c.kind, c.kind === 'heading' ? c.level : 0, normaliseText(c.text)]),
  );
}

export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+$/u, '');
}

/** `sha256:<64 hex>` of the canonical serialisation. */
export function contentHash(clauses: readonly Clause[]): string {
  return `sha256:${sha256Hex(canonicalClauses(clauses))}`;
}

export function isContentHash(value: unknown): value is string {
  return typeof value === 'string' && /^sha256:[0-9a-f]{64}$/.test(value);
}
