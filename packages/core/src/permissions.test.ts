import { describe, expect, it } from 'vitest';
import { ACTIONS, actionsOf, can, ROLES } from './permissions.ts';

describe('permission map', () => {
  it('gives the owner every action', () => {
    expect(actionsOf('owner')).toEqual([...ACTIONS]);
  });

  it('keeps observers read-only', () => {
    expect(actionsOf('observer').every((a) => a.endsWith('.read'))).toBe(true);
  });

  it('never lets sponsors read identifiable network results', () => {
    expect(can('sponsor', 'network.readReport')).toBe(false);
  });

  it('lets the sponsor choose among options but not prepare them', () => {
    expect(can('sponsor', 'options.choose')).toBe(true);
    expect(can('sponsor', 'options.prepare')).toBe(false);
  });

  it('lets every role that contracts the engagement stop it, and no one else', () => {
    expect(ROLES.filter((r) => can(r, 'engagement.changeStatus'))).toEqual([
      'owner',
      'facilitator',
      'sponsor',
    ]);
  });

  it('lets a member do everything an observer can', () => {
    for (const a of actionsOf('observer')) {
      expect(can('member', a)).toBe(true);
    }
  });
});
