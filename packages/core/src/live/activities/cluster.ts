/**
 * @module Affinity clustering: cards of a brainstorm activity are moved into named groups.
 * The facilitator always edits; participants edit only when `canParticipantsEdit` and input is open.
 */
import type { ActivityDefaults, ActivityModule } from '../activity-types';
import type { DecideContext, ResultsContext } from '../context';
import { viewerId } from '../context';
import type { BodyDecision, WorkshopState } from '../model';
import { accept, cleanText, own, reject } from '../records';
import type { BrainstormActivity } from './brainstorm';
import type { ActivityCommon } from './common';
import { FACILITATOR, MAX_LABEL, startWith } from './common';

export interface ClusterConfig {
  /** The brainstorm activity whose cards are clustered. */
  readonly sourceActivityId: string;
  readonly canParticipantsEdit: boolean;
}

export interface ClusterData {
  groups: Record<string, { readonly id: string; name: string }>;
  groupOrder: string[];
  /** Card id → group id; absent means ungrouped. */
  placement: Record<string, string>;
}

export interface ClusterActivity extends ActivityCommon {
  readonly type: 'cluster';
  readonly config: ClusterConfig;
  data: ClusterData;
}

export type ClusterCommand =
  | { readonly type: 'cluster.createGroup'; readonly activityId: string; readonly name: string }
  | {
      readonly type: 'cluster.renameGroup';
      readonly activityId: string;
      readonly groupId: string;
      readonly name: string;
    }
  | {
      readonly type: 'cluster.moveCard';
      readonly activityId: string;
      readonly cardId: string;
      /** `null` takes the card out of any group. */
      readonly groupId: string | null;
    };

export type ClusterEvent =
  | {
      readonly type: 'cluster.groupCreated';
      readonly activityId: string;
      readonly groupId: string;
      readonly name: string;
    }
  | {
      readonly type: 'cluster.groupRenamed';
      readonly activityId: string;
      readonly groupId: string;
      readonly name: string;
    }
  | {
      readonly type: 'cluster.cardMoved';
      readonly activityId: string;
      readonly cardId: string;
      readonly groupId: string | null;
    };

interface ClusterCard {
  readonly id: string;
  readonly text: string;
}

export interface ClusterResults {
  readonly type: 'cluster';
  readonly isHidden: false;
  readonly groups: readonly {
    readonly id: string;
    readonly name: string;
    readonly cards: readonly ClusterCard[];
  }[];
  readonly ungrouped: readonly ClusterCard[];
}

export function validateClusterConfig(config: ClusterConfig, state: WorkshopState): string | null {
  const source = own(state.activities, config.sourceActivityId);
  return source?.type === 'brainstorm' ? null : 'sourceActivityId must name a brainstorm activity';
}

export function createClusterData(): ClusterData {
  return { groups: {}, groupOrder: [], placement: {} };
}

function sourceOf(state: WorkshopState, activity: ClusterActivity): BrainstormActivity | undefined {
  const source = own(state.activities, activity.config.sourceActivityId);
  return source?.type === 'brainstorm' ? source : undefined;
}

export function decideCluster(
  ctx: DecideContext<ClusterActivity>,
  command: ClusterCommand,
): BodyDecision<ClusterEvent> {
  const { activity } = ctx;
  if (ctx.participantId !== null && !activity.config.canParticipantsEdit) {
    return reject('FORBIDDEN', 'only the facilitator clusters in this activity');
  }
  const activityId = activity.id;
  switch (command.type) {
    case 'cluster.createGroup':
    case 'cluster.renameGroup': {
      const name = cleanText(command.name, MAX_LABEL);
      if (name === null) {
        return reject('INVALID', `group name must be 1..${MAX_LABEL} characters`);
      }
      if (command.type === 'cluster.createGroup') {
        return accept({ type: 'cluster.groupCreated', activityId, groupId: ctx.newId('group'), name });
      }
      if (own(activity.data.groups, command.groupId) === undefined) {
        return reject('NOT_FOUND', 'no such group');
      }
      return accept({ type: 'cluster.groupRenamed', activityId, groupId: command.groupId, name });
    }
    case 'cluster.moveCard': {
      const card = own(sourceOf(ctx.state, activity)?.data.cards ?? {}, command.cardId);
      if (card === undefined || (card.isHidden && ctx.participantId !== null)) {
        return reject('NOT_FOUND', 'no such card');
      }
      if (command.groupId !== null && own(activity.data.groups, command.groupId) === undefined) {
        return reject('NOT_FOUND', 'no such group');
      }
      return accept({ type: 'cluster.cardMoved', activityId, cardId: card.id, groupId: command.groupId });
    }
  }
}

export function applyCluster(activity: ClusterActivity, event: ClusterEvent): void {
  const data = activity.data;
  switch (event.type) {
    case 'cluster.groupCreated':
      data.groups[event.groupId] = { id: event.groupId, name: event.name };
      data.groupOrder.push(event.groupId);
      return;
    case 'cluster.groupRenamed': {
      const group = own(data.groups, event.groupId);
      if (group !== undefined) {
        group.name = event.name;
      }
      return;
    }
    case 'cluster.cardMoved':
      if (event.groupId === null) {
        delete data.placement[event.cardId];
      } else {
        data.placement[event.cardId] = event.groupId;
      }
      return;
  }
}

/** Groups with their visible cards; hidden cards appear only to the facilitator. */
export function resultsOfCluster(ctx: ResultsContext<ClusterActivity>): ClusterResults {
  const { activity } = ctx;
  const isFacilitator = viewerId(ctx.viewer) === null;
  const source = sourceOf(ctx.state, activity);
  const byGroup = new Map<string, ClusterCard[]>(activity.data.groupOrder.map((id) => [id, []]));
  const ungrouped: ClusterCard[] = [];
  for (const cardId of source?.data.cardOrder ?? []) {
    const card = source?.data.cards[cardId];
    if (card === undefined || (card.isHidden && !isFacilitator)) {
      continue;
    }
    const groupId = own(activity.data.placement, cardId);
    const bucket = (groupId === undefined ? undefined : byGroup.get(groupId)) ?? ungrouped;
    bucket.push({ id: card.id, text: card.text });
  }
  return {
    type: 'cluster',
    isHidden: false,
    groups: activity.data.groupOrder.map((id) => ({
      id,
      name: activity.data.groups[id]?.name ?? '',
      cards: byGroup.get(id) ?? [],
    })),
    ungrouped,
  };
}

export function cloneClusterData(data: ClusterData): ClusterData {
  const groups: ClusterData['groups'] = {};
  for (const [id, group] of Object.entries(data.groups)) {
    groups[id] = { ...group };
  }
  return { groups, groupOrder: [...data.groupOrder], placement: { ...data.placement } };
}

/**
 * The cluster activity as one module: its config defaults (the fields a facilitator does not type) and
 * every operation the reducer, the server and the web dispatch to.
 */
export const clusterModule = {
  kind: 'cluster',
  defaults: { canParticipantsEdit: false },
  fromAgenda: ({ state }) => {
    const source = [...state.activityOrder]
      .reverse()
      .find((id) => state.activities[id]?.type === 'brainstorm');
    return source === undefined
      ? {
          ok: false,
          reason: 'noBrainstorm',
          message: 'add a brainstorm to this workshop first: clustering sorts its cards',
        }
      : startWith({ canParticipantsEdit: false, sourceActivityId: source });
  },
  sample: {
    before: (room) => {
      room.send(FACILITATOR, {
        type: 'activity.add',
        activity: {
          type: 'brainstorm',
          title: 'S',
          config: { anonymity: 'named', maxCardsPerParticipant: 5 },
        },
      });
    },
    config: (room) => ({ sourceActivityId: room.state.activityOrder[0]!, canParticipantsEdit: true }),
    input: (activityId, p) => ({ type: 'cluster.createGroup', activityId, name: `group of ${p}` }),
  },
  validate: validateClusterConfig,
  create: createClusterData,
  decide: decideCluster,
  apply: applyCluster,
  results: resultsOfCluster,
  ownState: () => null,
  redact: (activity) => (activity.isRevealed ? cloneClusterData(activity.data) : createClusterData()),
} as const satisfies ActivityModule<ClusterActivity, ClusterCommand, ClusterEvent> &
  ActivityDefaults<ClusterActivity>;
