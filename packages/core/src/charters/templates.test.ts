import { describe, expect, it } from 'vitest';
import { checkCommitment, countCommitments, isEditable, isReviewDue } from './commitments';
import { CHARTER_TEMPLATES, templateClauses } from './templates';
import { CHARTER_KINDS } from './types';

describe('templates', () => {
  it('exist for every kind in both languages, with the same structure', () => {
    for (const kind of CHARTER_KINDS) {
      let n = 0;
      const fr = templateClauses(kind, 'fr', () => `c${n++}`);
      const en = templateClauses(kind, 'en', () => `c${n++}`);
      expect(fr.length).toBe(en.length);
      if (kind !== 'blank') {
        expect(fr.length).toBeGreaterThan(3);
        expect(fr.map((c) => c.kind)).toEqual(en.map((c) => c.kind));
        expect(fr.every((c) => c.text.trim().length > 0)).toBe(true);
        expect(fr.map((c) => c.text)).not.toEqual(en.map((c) => c.text));
        expect(new Set([...fr, ...en].map((c) => c.id)).size).toBe(fr.length * 2);
        const t = CHARTER_TEMPLATES[kind];
        expect(t.title.fr && t.title.en && t.summary.fr && t.summary.en).toBeTruthy();
      }
    }
  });
});

describe('commitments', () => {
  const hash = `sha256:${'a'.repeat(64)}`;
  const other = `sha256:${'b'.repeat(64)}`;
  it('only on the adopted version, withdraw only after committing', () => {
    const base = { status: 'adopted' as const, adoptedHash: hash, versionHash: hash, current: null };
    expect(checkCommitment({ ...base, next: 'committed' })).toBeNull();
    expect(checkCommitment({ ...base, status: 'drafting', next: 'committed' })).toBe('NOT_ADOPTED');
    expect(checkCommitment({ ...base, versionHash: other, next: 'committed' })).toBe('STALE_VERSION');
    expect(checkCommitment({ ...base, next: 'withdrawn' })).toBe('NOT_COMMITTED');
    const committed = { memberId: 'm', state: 'committed' as const, versionHash: hash, at: '2026-01-01' };
    expect(checkCommitment({ ...base, current: committed, next: 'withdrawn' })).toBeNull();
    expect(checkCommitment({ ...base, current: committed, next: 'committed' })).toBe('ALREADY');
    // a commitment on an older text does not count for the new one
    expect(
      checkCommitment({ ...base, current: { ...committed, versionHash: other }, next: 'withdrawn' }),
    ).toBe('NOT_COMMITTED');
  });

  it('counts the latest answer of each member on the adopted version', () => {
    const r = (memberId: string, state: 'committed' | 'declined' | 'withdrawn', at: string, v = hash) => ({
      memberId,
      state,
      versionHash: v,
      at,
    });
    const counts = countCommitments(
      [
        r('a', 'committed', '1'),
        r('a', 'withdrawn', '2'),
        r('b', 'committed', '1'),
        r('c', 'declined', '1'),
        r('d', 'committed', '1', other),
      ],
      hash,
      5,
    );
    expect(counts).toEqual({ committed: 1, declined: 1, withdrawn: 1, pending: 2, members: 5 });
  });

  it('adopted text is read-only; review due on its date', () => {
    expect(isEditable('adopted')).toBe(false);
    expect(isEditable('review')).toBe(true);
    expect(isReviewDue('adopted', '2026-03-01', '2026-03-01')).toBe(true);
    expect(isReviewDue('adopted', '2026-03-02', '2026-03-01')).toBe(false);
    expect(isReviewDue('drafting', '2026-03-01', '2026-03-05')).toBe(false);
  });
});
