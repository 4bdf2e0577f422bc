import { describe, expect, it } from 'vitest';
import type { ExperienceRow } from '../db/repositories/pollination.repository.ts';
import { LibraryIndexCache } from './pollination-search-cache.ts';

const row = (id: string, updated = '2027-01-01') =>
  ({
    id,
    status: 'shared',
    visibility: 'organisation',
    updated_at: updated,
    shared_at: updated,
  }) as ExperienceRow;

describe('LibraryIndexCache', () => {
  it('builds once per organisation and rebuilds when a row changes, appears or goes', () => {
    let builds = 0;
    const cache = new LibraryIndexCache((rows) => {
      builds++;
      return rows.map((r) => r.id);
    });
    const rows = [row('a'), row('b')];
    expect(cache.indexFor('o1', rows)).toEqual(['a', 'b']);
    expect(cache.indexFor('o1', [...rows].reverse())).toEqual(['a', 'b']);
    expect(builds).toBe(1);
    cache.indexFor('o1', [row('a', '2027-02-01'), row('b')]);
    expect(builds).toBe(2);
    cache.indexFor('o1', [row('a', '2027-02-01')]);
    expect(builds).toBe(3);
    // Another organisation never reads o1's entry.
    expect(cache.indexFor('o2', [row('c')])).toEqual(['c']);
    expect(builds).toBe(4);
    cache.invalidate('o2');
    cache.indexFor('o2', [row('c')]);
    expect(builds).toBe(5);
  });

  it('drops the least recently searched organisation past its capacity', () => {
    let builds = 0;
    const cache = new LibraryIndexCache(() => ++builds, 2);
    cache.indexFor('o1', []);
    cache.indexFor('o2', []);
    cache.indexFor('o1', []);
    cache.indexFor('o3', []);
    expect(builds).toBe(3);
    cache.indexFor('o1', []);
    expect(builds).toBe(3);
    cache.indexFor('o2', []);
    expect(builds).toBe(4);
  });
});
