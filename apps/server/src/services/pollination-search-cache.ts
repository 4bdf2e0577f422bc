import type { ExperienceRow } from '../db/repositories/pollination.repository.ts';

/**
 * The library's full-text index kept per organisation between requests (built once per process by
 * `createDeps`). An organisation's entry indexes every experience any of its members might read (its
 * own shared ones and the instance library when its owner joined); a reader's hits are then filtered
 * to what *they* may read, so the cache never widens access. Invalidation is by content: the entry
 * carries a fingerprint of its rows (id, status, visibility, last change), recomputed from the rows
 * each request loads anyway, so any write (edit, share, unshare, leaving the instance library) is
 * seen by the next search without a hook in every writer.
 */
export class LibraryIndexCache<I> {
  private readonly entries = new Map<string, { fingerprint: string; index: I }>();

  constructor(
    private readonly build: (rows: readonly ExperienceRow[]) => I,
    /** Organisations kept; the least recently searched is dropped first. */
    private readonly capacity = 64,
  ) {}

  static fingerprint(rows: readonly ExperienceRow[]): string {
    return rows
      .map((r) => `${r.id}:${r.status}:${r.visibility}:${r.updated_at}:${r.shared_at}`)
      .sort()
      .join('|');
  }

  /** The organisation's index over `rows`, rebuilt only when the rows changed. */
  indexFor(orgId: string, rows: readonly ExperienceRow[]): I {
    const fingerprint = LibraryIndexCache.fingerprint(rows);
    const hit = this.entries.get(orgId);
    this.entries.delete(orgId);
    if (hit && hit.fingerprint === fingerprint) {
      this.entries.set(orgId, hit);
      return hit.index;
    }
    const index = this.build(rows);
    this.entries.set(orgId, { fingerprint, index });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) {
        this.entries.delete(oldest);
      }
    }
    return index;
  }

  /** Drop an organisation's entry (a write that knows it changed the library may call it). */
  invalidate(orgId: string): void {
    this.entries.delete(orgId);
  }
}
