/**
 * @module Forming small groups (pairs, trios, fours, groups of N or the whole room) for structures such as
 * 1-2-4-All or Troika Consulting. Participants may first say which of the facilitator's options describes
 * them (a team, a site, a role); the facilitator then forms groups at random, mixing those options as much
 * as possible, or keeping people with the same option together, and can regroup (pairs → fours → all).
 * Someone who joins late asks for a place and goes to the smallest group (the one lacking their option
 * first). Groups are public in the room (each phone shows its group with the members' names); what a
 * participant declared is never shown to others.
 *
 * Mixing: sort people by option (largest option first, shuffled within), then deal them round robin into
 * k groups. An option with c people then lands in min(c, k) groups, which is the most any partition can
 * give it, so the total number of distinct options over groups is maximal (the same dealing argument as
 * balanced "snake" allocation of strata; see e.g. Cochran, "Sampling Techniques", 3rd ed., 1977, §5.2 on
 * proportional allocation).
 */

import { createRng, type Rng } from '../../rng';
import type { ActivityDefaults, ActivityModule } from '../activity-types';
import type { DecideContext, ResultsContext } from '../context';
import { displayNameOf, viewerId } from '../context';
import type { BodyDecision, WorkshopState } from '../model';
import { REDACTED_ID } from '../model';
import { accept, cleanText, isIntegerIn, own, reject } from '../records';
import type { ActivityCommon, Item } from './common';
import { checkItems, hasItem, MAX_LABEL, startWith } from './common';

export const GROUPING_STRATEGIES = ['random', 'mix', 'together'] as const;
export type GroupingStrategy = (typeof GROUPING_STRATEGIES)[number];

/** Largest group size a facilitator can ask for; `0` means the whole room in one group. */
export const MAX_GROUP_SIZE = 50;

export interface GroupsConfig {
  /** People per group (2 pairs, 3 trios, 4 fours…); 0: everyone together. */
  readonly size: number;
  readonly strategy: GroupingStrategy;
  /** What participants say about themselves before grouping (`null`: nothing asked). */
  readonly attribute: { readonly question: string; readonly options: readonly Item[] } | null;
  /** A groups activity whose groups this one merges (pairs → fours), `null` to form afresh. */
  readonly fromActivityId: string | null;
}

export interface GroupsData {
  /** Participant → declared option (redacted to the viewer's own). */
  attributes: Record<string, string>;
  /** Groups of participant ids, empty until formed. */
  groups: string[][];
  /** How many times groups were formed (1 after the first forming). */
  round: number;
}

export interface GroupsActivity extends ActivityCommon {
  readonly type: 'groups';
  readonly config: GroupsConfig;
  data: GroupsData;
}

export type GroupsCommand =
  | { readonly type: 'groups.declare'; readonly activityId: string; readonly optionId: string }
  | { readonly type: 'groups.form'; readonly activityId: string; readonly size?: number }
  | { readonly type: 'groups.join'; readonly activityId: string };

export type GroupsEvent =
  | {
      readonly type: 'groups.declared';
      readonly activityId: string;
      readonly participantId: string;
      readonly optionId: string;
    }
  | {
      readonly type: 'groups.formed';
      readonly activityId: string;
      readonly groups: readonly (readonly string[])[];
    }
  | {
      readonly type: 'groups.placed';
      readonly activityId: string;
      readonly participantId: string;
      readonly groupIndex: number;
    };

export interface GroupsResults {
  readonly type: 'groups';
  readonly isHidden: false;
  readonly round: number;
  /** Every group with its members' display names (`null`: joined without a name). */
  readonly teams: readonly { readonly index: number; readonly members: readonly (string | null)[] }[];
  /** The viewer's group index, `null` when not in a group (the facilitator, the projector, late). */
  readonly myGroup: number | null;
  readonly participantCount: number;
}

export function validateGroupsConfig(config: GroupsConfig, state: WorkshopState): string | null {
  if (config.fromActivityId !== null && own(state.activities, config.fromActivityId)?.type !== 'groups') {
    return 'fromActivityId must name a groups activity';
  }
  if (!isIntegerIn(config.size, 0, MAX_GROUP_SIZE) || config.size === 1) {
    return `size must be 0 (everyone) or 2..${MAX_GROUP_SIZE}`;
  }
  if (!(GROUPING_STRATEGIES as readonly string[]).includes(config.strategy)) {
    return 'unknown strategy';
  }
  if (config.attribute !== null) {
    if (cleanText(config.attribute.question, MAX_LABEL) === null) {
      return 'attribute question must be 1..200 characters';
    }
    const bad = checkItems(config.attribute.options, 'attribute options');
    if (bad !== null) {
      return bad;
    }
  }
  return null;
}

export function createGroupsData(): GroupsData {
  return { attributes: {}, groups: [], round: 0 };
}

function shuffle<T>(list: T[], rng: Rng): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** Number of groups for `n` people of `size` each (the remainder joins existing groups). */
export function groupCount(n: number, size: number): number {
  return size === 0 ? 1 : Math.max(1, Math.floor(n / size));
}

/**
 * Groups of participant ids. Pure and seeded: the same people, options and seed give the same groups.
 * Group sizes differ by at most one.
 */
export function formGroups(
  people: readonly string[],
  attributeOf: (id: string) => string | undefined,
  size: number,
  strategy: GroupingStrategy,
  seed: number,
): string[][] {
  if (people.length === 0) {
    return [];
  }
  const rng = createRng(seed);
  const k = groupCount(people.length, size);
  const ordered = shuffle([...people].sort(), rng);
  if (strategy !== 'random') {
    // Strata by option (undeclared people form their own stratum), largest first, shuffled within.
    const strata = new Map<string, string[]>();
    for (const id of ordered) {
      const key = attributeOf(id) ?? '';
      strata.set(key, [...(strata.get(key) ?? []), id]);
    }
    const sorted = [...strata.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    ordered.splice(0, ordered.length, ...sorted.flatMap(([, ids]) => ids));
  }
  const groups: string[][] = Array.from({ length: k }, () => []);
  if (strategy === 'together') {
    // Consecutive chunks of the sorted list: people with the same option stay side by side.
    const base = Math.floor(ordered.length / k);
    const extra = ordered.length % k;
    let at = 0;
    for (let g = 0; g < k; g++) {
      const take = base + (g < extra ? 1 : 0);
      groups[g] = ordered.slice(at, at + take);
      at += take;
    }
    return groups;
  }
  ordered.forEach((id, index) => {
    groups[index % k]!.push(id);
  });
  return groups;
}

/** Merge groups two by two (pairs → fours), or all into one when `size` is 0. */
export function mergeGroups(groups: readonly (readonly string[])[], size: number): string[][] {
  if (size === 0) {
    return [groups.flat()];
  }
  const merged: string[][] = [];
  let current: string[] = [];
  for (const group of groups) {
    current = [...current, ...group];
    if (current.length >= size) {
      merged.push(current);
      current = [];
    }
  }
  if (current.length > 0) {
    if (merged.length > 0 && current.length < size / 2) {
      merged[merged.length - 1]!.push(...current);
    } else {
      merged.push(current);
    }
  }
  return merged;
}

/** Number of distinct options in each group, summed: what mixing maximises and keeping together minimises. */
export function distinctOptionsAcrossGroups(
  groups: readonly (readonly string[])[],
  attributeOf: (id: string) => string | undefined,
): number {
  return groups.reduce((sum, group) => sum + new Set(group.map((id) => attributeOf(id) ?? '')).size, 0);
}

function activePeople(ctx: DecideContext<GroupsActivity>): string[] {
  return Object.values(ctx.state.participants)
    .filter((p) => !p.isRemoved)
    .map((p) => p.id);
}

export function decideGroups(
  ctx: DecideContext<GroupsActivity>,
  command: GroupsCommand,
): BodyDecision<GroupsEvent> {
  const { activity, participantId, state } = ctx;
  const activityId = activity.id;
  if (command.type === 'groups.declare') {
    if (participantId === null) {
      return reject('FORBIDDEN', 'only participants describe themselves');
    }
    if (activity.config.attribute === null || !hasItem(activity.config.attribute.options, command.optionId)) {
      return reject('NOT_FOUND', 'no such option');
    }
    return accept({ type: 'groups.declared', activityId, participantId, optionId: command.optionId });
  }
  if (command.type === 'groups.join') {
    if (participantId === null) {
      return reject('FORBIDDEN', 'only participants join a group');
    }
    const groups = activity.data.groups;
    if (groups.length === 0) {
      return reject('CONFLICT', 'groups are not formed yet');
    }
    if (groups.some((g) => g.includes(participantId))) {
      return reject('CONFLICT', 'already in a group');
    }
    // Smallest group first; among those, one that lacks the newcomer's option.
    const mine = own(activity.data.attributes, participantId);
    let best = 0;
    let bestScore = Number.POSITIVE_INFINITY;
    groups.forEach((group, index) => {
      const hasMine = mine !== undefined && group.some((id) => own(activity.data.attributes, id) === mine);
      const score = group.length * 2 + (hasMine ? 1 : 0);
      if (score < bestScore) {
        best = index;
        bestScore = score;
      }
    });
    return accept({ type: 'groups.placed', activityId, participantId, groupIndex: best });
  }
  if (participantId !== null) {
    return reject('FORBIDDEN', 'only the facilitator forms groups');
  }
  const size = command.size ?? activity.config.size;
  if (!isIntegerIn(size, 0, MAX_GROUP_SIZE) || size === 1) {
    return reject('INVALID', `size must be 0 (everyone) or 2..${MAX_GROUP_SIZE}`);
  }
  const people = activePeople(ctx);
  if (people.length === 0) {
    return reject('CONFLICT', 'nobody has joined yet');
  }
  const attributeOf = (id: string) => own(activity.data.attributes, id);
  const source =
    activity.config.fromActivityId === null
      ? undefined
      : own(state.activities, activity.config.fromActivityId);
  const previous =
    activity.data.groups.length > 0
      ? activity.data.groups
      : source?.type === 'groups' && command.size === undefined
        ? source.data.groups
        : [];
  let groups: string[][];
  // Regroup by merging when the new groups are larger than the current ones are on average (pairs,
  // with a trio when the count is odd, → fours); a smaller or equal size forms groups afresh.
  const typical = previous.length > 0 ? Math.floor(previous.flat().length / previous.length) : 0;
  if (previous.length > 0 && (size === 0 || size > typical)) {
    // Regroup: merge the current groups (pairs → fours → all), placing anyone new as late joiners do.
    const present = new Set(people);
    const kept = previous.map((g) => g.filter((id) => present.has(id))).filter((g) => g.length > 0);
    const placed = new Set(kept.flat());
    groups = mergeGroups(kept, size);
    for (const id of people.filter((p) => !placed.has(p)).sort()) {
      const smallest = groups.reduce((best, g, i) => (g.length < groups[best]!.length ? i : best), 0);
      groups[smallest]!.push(id);
    }
  } else {
    groups = formGroups(people, attributeOf, size, activity.config.strategy, state.eventCount + 1);
  }
  return accept({ type: 'groups.formed', activityId, groups });
}

export function applyGroups(activity: GroupsActivity, event: GroupsEvent): void {
  const data = activity.data;
  if (event.type === 'groups.declared') {
    if (event.participantId !== REDACTED_ID) {
      data.attributes[event.participantId] = event.optionId;
    }
  } else if (event.type === 'groups.formed') {
    data.groups = event.groups.map((g) => [...g]);
    data.round += 1;
  } else if (event.participantId !== REDACTED_ID) {
    data.groups[event.groupIndex]?.push(event.participantId);
  }
}

export function resultsOfGroups(ctx: ResultsContext<GroupsActivity>): GroupsResults {
  const { state, activity } = ctx;
  const me = viewerId(ctx.viewer);
  const groups = activity.data.groups;
  const myGroup = me === null ? -1 : groups.findIndex((g) => g.includes(me));
  return {
    type: 'groups',
    isHidden: false,
    round: activity.data.round,
    teams: groups.map((members, index) => ({
      index,
      members: members.map((id) => displayNameOf(state, id)),
    })),
    myGroup: myGroup >= 0 ? myGroup : null,
    participantCount: groups.reduce((n, g) => n + g.length, 0),
  };
}

export function ownStateOfGroups(
  activity: GroupsActivity,
  participantId: string,
): { readonly optionId: string | null; readonly groupIndex: number | null } {
  const index = activity.data.groups.findIndex((g) => g.includes(participantId));
  return {
    optionId: own(activity.data.attributes, participantId) ?? null,
    groupIndex: index >= 0 ? index : null,
  };
}

/** Groups are public in the room; what each person declared stays theirs. */
export function redactGroups(activity: GroupsActivity, participantId: string): GroupsData {
  const mine = own(activity.data.attributes, participantId);
  return {
    attributes: mine === undefined ? {} : { [participantId]: mine },
    groups: activity.data.groups.map((g) => [...g]),
    round: activity.data.round,
  };
}

export const groupsModule = {
  kind: 'groups',
  defaults: { size: 2, strategy: 'random', attribute: null, fromActivityId: null },
  /**
   * Pairs at random, or the size the agenda's step asks for; a larger size than the workshop's latest
   * groups merges those (1-2-4-All: pairs, then fours made of two pairs).
   */
  fromAgenda: ({ state, groupSize }) => {
    const size = groupSize ?? 2;
    const previous = [...state.activityOrder].reverse().find((id) => {
      const a = state.activities[id];
      return a?.type === 'groups' && a.config.size !== 0 && (size === 0 || a.config.size < size);
    });
    return startWith({
      size,
      strategy: 'random' as const,
      attribute: null,
      fromActivityId: previous ?? null,
    });
  },
  sample: {
    config: () => ({
      size: 2,
      strategy: 'mix',
      attribute: {
        question: 'Your team',
        options: [
          { id: 'x', label: 'X' },
          { id: 'y', label: 'Y' },
        ],
      },
      fromActivityId: null,
    }),
    input: (activityId, p) => ({ type: 'groups.declare', activityId, optionId: p === 'p1' ? 'x' : 'y' }),
  },
  validate: validateGroupsConfig,
  create: createGroupsData,
  decide: decideGroups,
  apply: applyGroups,
  results: resultsOfGroups,
  ownState: ownStateOfGroups,
  redact: redactGroups,
} as const satisfies ActivityModule<GroupsActivity, GroupsCommand, GroupsEvent> &
  ActivityDefaults<GroupsActivity>;
