/**
 * @module Gradients of agreement: each participant places themselves on Kaner's 8-point scale
 * (S. Kaner et al., "Facilitator's Guide to Participatory Decision-Making", 3rd ed., Jossey-Bass
 * 2014, ch. "Gradients of Agreement"; scale originally by Kaner & Duane Berger). The distribution
 * shows the texture of support that a yes/no vote hides. Labels are our own wording.
 */
import type { ActivityDefaults, ActivityModule } from '../activity-types';
import type { DecideContext, ResultsContext } from '../context';
import type { BodyDecision } from '../model';
import { REDACTED_ID } from '../model';
import { accept, cleanText, isIntegerIn, own, reject } from '../records';
import type { ActivityCommon, Item } from './common';
import { startWith, zeros } from './common';

/** Levels 1..8, from whole-hearted endorsement to veto. */
export const GRADIENT_LEVELS: readonly (Item & { readonly fr: string })[] = [
  { id: '1', label: 'Whole-hearted endorsement', fr: 'Adhésion totale' },
  { id: '2', label: 'Agreement with a minor point of contention', fr: 'Accord avec une réserve mineure' },
  { id: '3', label: 'Support with reservations', fr: 'Soutien avec réserves' },
  { id: '4', label: 'Abstain', fr: 'Abstention' },
  { id: '5', label: 'More discussion needed', fr: 'Besoin de discuter davantage' },
  { id: '6', label: "Don't like it but will support it", fr: 'Je n’aime pas mais je soutiendrai' },
  { id: '7', label: 'Serious disagreement', fr: 'Désaccord sérieux' },
  { id: '8', label: 'Veto', fr: 'Veto' },
];

export interface GradientsConfig {
  readonly proposal: string;
}

export interface GradientsData {
  byParticipant: Record<string, number>;
  /** Counts of levels 1..8 (index 0 is level 1). */
  histogram: number[];
}

export interface GradientsActivity extends ActivityCommon {
  readonly type: 'gradients';
  readonly config: GradientsConfig;
  data: GradientsData;
}

export type GradientsCommand = {
  readonly type: 'gradients.choose';
  readonly activityId: string;
  readonly level: number;
};

export type GradientsEvent = {
  readonly type: 'gradients.chosen';
  readonly activityId: string;
  readonly participantId: string;
  readonly level: number;
  readonly previous: number | null;
};

export interface GradientsResults {
  readonly type: 'gradients';
  readonly isHidden: false;
  readonly proposal: string;
  readonly voterCount: number;
  readonly levels: readonly {
    readonly level: number;
    readonly label: string;
    readonly count: number;
    readonly share: number;
  }[];
  /** Share at levels 1–3 (clear support). */
  readonly supportShare: number;
  readonly hasVeto: boolean;
}

export function validateGradientsConfig(config: GradientsConfig): string | null {
  return cleanText(config.proposal, 2000) === null ? 'proposal must be 1..2000 characters' : null;
}

export function createGradientsData(): GradientsData {
  return { byParticipant: {}, histogram: zeros(8) };
}

export function decideGradients(
  ctx: DecideContext<GradientsActivity>,
  command: GradientsCommand,
): BodyDecision<GradientsEvent> {
  const { activity, participantId } = ctx;
  if (participantId === null) {
    return reject('FORBIDDEN', 'only participants vote');
  }
  if (!isIntegerIn(command.level, 1, 8)) {
    return reject('INVALID', 'level must be an integer 1..8');
  }
  const previous = own(activity.data.byParticipant, participantId) ?? null;
  return accept({
    type: 'gradients.chosen',
    activityId: activity.id,
    participantId,
    level: command.level,
    previous,
  });
}

export function applyGradients(activity: GradientsActivity, event: GradientsEvent): void {
  const data = activity.data;
  if (event.previous !== null) {
    data.histogram[event.previous - 1]! -= 1;
  }
  data.histogram[event.level - 1]! += 1;
  if (event.participantId !== REDACTED_ID) {
    data.byParticipant[event.participantId] = event.level;
  }
}

export function resultsOfGradients(ctx: ResultsContext<GradientsActivity>): GradientsResults {
  const { histogram } = ctx.activity.data;
  const voterCount = histogram.reduce((a, b) => a + b, 0);
  const share = (n: number) => (voterCount > 0 ? n / voterCount : 0);
  return {
    type: 'gradients',
    isHidden: false,
    proposal: ctx.activity.config.proposal,
    voterCount,
    levels: GRADIENT_LEVELS.map((level, index) => ({
      level: index + 1,
      label: level.label,
      count: histogram[index] ?? 0,
      share: share(histogram[index] ?? 0),
    })),
    supportShare: share(histogram.slice(0, 3).reduce((a, b) => a + b, 0)),
    hasVeto: (histogram[7] ?? 0) > 0,
  };
}

export function ownStateOfGradients(activity: GradientsActivity, participantId: string): number | null {
  return own(activity.data.byParticipant, participantId) ?? null;
}

export function redactGradients(activity: GradientsActivity, participantId: string): GradientsData {
  const data = createGradientsData();
  const mine = own(activity.data.byParticipant, participantId);
  if (mine !== undefined) {
    data.byParticipant[participantId] = mine;
  }
  if (activity.isRevealed) {
    data.histogram = [...activity.data.histogram];
  } else if (mine !== undefined) {
    data.histogram[mine - 1] = 1;
  }
  return data;
}

/**
 * The gradients activity as one module: its config defaults (the fields a facilitator does not type) and
 * every operation the reducer, the server and the web dispatch to.
 */
export const gradientsModule = {
  kind: 'gradients',
  defaults: {},
  fromAgenda: ({ proposal }) => startWith({ proposal: proposal.slice(0, 2000) }),
  sample: {
    config: () => ({ proposal: 'We move on Monday' }),
    input: (activityId, p) => ({ type: 'gradients.choose', activityId, level: p === 'p1' ? 1 : 3 }),
  },
  validate: validateGradientsConfig,
  create: createGradientsData,
  decide: decideGradients,
  apply: applyGradients,
  results: resultsOfGradients,
  ownState: ownStateOfGradients,
  redact: redactGradients,
} as const satisfies ActivityModule<GradientsActivity, GradientsCommand, GradientsEvent> &
  ActivityDefaults<GradientsActivity>;
