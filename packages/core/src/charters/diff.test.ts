import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceClauseDiff } from '../testing';
import { diffClauses, diffWords, summariseDiff } from './diff';
import { contentHash } from './hash';
import type { Clause } from './types';

const para = (id: string, text: string): Clause => ({ id, kind: 'paragraph', level: 0, text });

describe('diffClauses', () => {
  it('tells added, removed, changed and moved clauses apart by id', () => {
    const before = [para('a', 'one'), para('b', 'two'), para('c', 'three'), para('d', 'four')];
    const after = [para('c', 'three'), para('a', 'one!'), para('b', 'two'), para('e', 'five')];
    const entries = diffClauses(before, after);
    const byId = Object.fromEntries(entries.map((e) => [e.id, e]));
    expect(byId.a).toMatchObject({ change: 'changed', moved: false });
    expect(byId.b).toMatchObject({ change: 'unchanged', moved: false });
    expect(byId.c).toMatchObject({ change: 'unchanged', moved: true });
    expect(byId.d).toMatchObject({ change: 'removed' });
    expect(byId.e).toMatchObject({ change: 'added' });
    expect(entries.map((e) => e.id)).toEqual(['c', 'a', 'b', 'd', 'e']);
    expect(summariseDiff(entries)).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 2, moved: 1 });
  });

  it('ignores trailing spaces and Unicode normalisation, like the content hash', () => {
    const before = [para('a', 'e\u0301t\u00e9 ')];
    const after = [para('a', 'été')];
    expect(diffClauses(before, after)[0]!.change).toBe('unchanged');
    expect(contentHash(before)).toBe(contentHash(after));
    expect(contentHash(before)).not.toBe(contentHash([para('a', 'ete')]));
    expect(contentHash(before)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('agrees with the slow reference on random edits', () => {
    const clause = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
      kind: fc.constantFrom('heading' as const, 'paragraph' as const),
      level: fc.integer({ min: 1, max: 3 }),
      text: fc.constantFrom('x', 'y', 'y ', 'z'),
    });
    const version = fc.uniqueArray(clause, { selector: (c) => c.id, maxLength: 8 });
    fc.assert(
      fc.property(version, version, (before, after) => {
        const entries = diffClauses(before, after);
        const ref = referenceClauseDiff(before, after);
        const ids = (change: string) =>
          entries
            .filter((e) => e.change === change)
            .map((e) => e.id)
            .sort();
        expect(ids('added')).toEqual([...ref.added].sort());
        expect(ids('removed')).toEqual([...ref.removed].sort());
        expect(ids('changed')).toEqual([...ref.changed].sort());
        expect(entries.filter((e) => e.moved).length).toBe(ref.movedCount);
        // every clause of either version appears exactly once
        expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
        expect(entries.length).toBe(new Set([...before, ...after].map((c) => c.id)).size);
        // clauses not marked moved keep their relative order
        const still = entries.filter((e) => e.before && e.after && !e.moved).map((e) => e.id);
        const oldOrder = before.map((c) => c.id).filter((id) => still.includes(id));
        expect(still).toEqual(oldOrder);
      }),
      { numRuns: 500 },
    );
  });
});

describe('diffWords', () => {
  it('keeps shared words and gives back both texts', () => {
    const segs = diffWords('we meet every week', 'we meet every other week');
    expect(segs).toEqual([
      { op: 'same', text: 'we meet every ' },
      { op: 'add', text: 'other ' },
      { op: 'same', text: 'week' },
    ]);
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = diffWords(a, b);
        expect(
          s
            .filter((x) => x.op !== 'add')
            .map((x) => x.text)
            .join(''),
        ).toBe(a);
        expect(
          s
            .filter((x) => x.op !== 'del')
            .map((x) => x.text)
            .join(''),
        ).toBe(b);
      }),
    );
  });
});
