/**
 * @module Consent round (sociocratic consent decision making).
 *
 * Stages follow the sociocracy consent process (G. Endenburg, "Sociocracy: The Organization of
 * Decision-Making", 1998; J. Rau & J. Koch-Gonzalez, "Many Voices One Song", 2018, ch. 2):
 * proposal → clarifying questions → reactions → objections → amendments → consent.
 * An objection carries a reason; the facilitator integrates it with an integration text and,
 * optionally, an amended proposal that becomes a new numbered version. Objections are never
 * deleted: each ends `integrated` or `withdrawn` (by its author), and the outcome is `consent`
 * once the round reaches the consent stage with no open objection. Objections may be raised in
 * the objections and consent stages; the facilitator may move to any stage (e.g. back to
 * amendments), and every move is an event.
 */
import type { ActivityDefaults, ActivityModule } from '../activity-types';
import type { DecideContext, ResultsContext } from '../context';
import { displayNameOf, viewerId } from '../context';
import type { BodyDecision } from '../model';
import { REDACTED_ID } from '../model';
import { accept, cleanText, own, reject } from '../records';
import type { ActivityCommon } from './common';
import { FACILITATOR, MAX_TEXT, startWith } from './common';

export const CONSENT_STAGES = [
  'proposal',
  'clarifying',
  'reactions',
  'objections',
  'amendments',
  'consent',
] as const;
export type ConsentStage = (typeof CONSENT_STAGES)[number];

const MAX_PROPOSAL = 5000;

export interface ConsentRoundConfig {
  readonly proposal: string;
}

export interface ConsentEntry {
  readonly id: string;
  readonly participantId: string;
  readonly text: string;
}

export interface Objection {
  readonly id: string;
  readonly participantId: string;
  readonly reason: string;
  /** Proposal version the objection was raised against. */
  readonly proposalVersion: number;
  status: 'open' | 'integrated' | 'withdrawn';
  integration: string | null;
  /** Version created by the integration, or the unchanged current version. */
  integratedInVersion: number | null;
}

export interface ProposalVersion {
  readonly version: number;
  readonly text: string;
  /** Objection whose integration produced this version (`null` for the original). */
  readonly objectionId: string | null;
  readonly at: number;
}

export interface ConsentRoundData {
  stage: ConsentStage;
  versions: ProposalVersion[];
  questions: ConsentEntry[];
  reactions: ConsentEntry[];
  objections: Record<string, Objection>;
  objectionOrder: string[];
}

export interface ConsentRoundActivity extends ActivityCommon {
  readonly type: 'consentRound';
  readonly config: ConsentRoundConfig;
  data: ConsentRoundData;
}

export type ConsentRoundCommand =
  | { readonly type: 'consentRound.setStage'; readonly activityId: string; readonly stage: ConsentStage }
  | { readonly type: 'consentRound.ask'; readonly activityId: string; readonly text: string }
  | { readonly type: 'consentRound.react'; readonly activityId: string; readonly text: string }
  | { readonly type: 'consentRound.object'; readonly activityId: string; readonly reason: string }
  | {
      readonly type: 'consentRound.integrate';
      readonly activityId: string;
      readonly objectionId: string;
      readonly integration: string;
      /** New proposal text, or `null` when the integration needs no change to the proposal. */
      readonly amendedProposal: string | null;
    }
  | { readonly type: 'consentRound.withdraw'; readonly activityId: string; readonly objectionId: string };

export type ConsentRoundEvent =
  | {
      readonly type: 'consentRound.stageSet';
      readonly activityId: string;
      readonly stage: ConsentStage;
      readonly previous: ConsentStage;
    }
  | {
      readonly type: 'consentRound.asked' | 'consentRound.reacted';
      readonly activityId: string;
      readonly entryId: string;
      readonly participantId: string;
      readonly text: string;
    }
  | {
      readonly type: 'consentRound.objected';
      readonly activityId: string;
      readonly objectionId: string;
      readonly participantId: string;
      readonly reason: string;
      readonly proposalVersion: number;
    }
  | {
      readonly type: 'consentRound.integrated';
      readonly activityId: string;
      readonly objectionId: string;
      readonly integration: string;
      readonly amendedProposal: string | null;
      /** Version after integration (new when `amendedProposal` is set). */
      readonly proposalVersion: number;
    }
  | { readonly type: 'consentRound.withdrawn'; readonly activityId: string; readonly objectionId: string };

export type ConsentOutcome = 'pending' | 'objections' | 'consent';

export interface ConsentRoundResults {
  readonly type: 'consentRound';
  readonly isHidden: false;
  readonly stage: ConsentStage;
  readonly outcome: ConsentOutcome;
  readonly proposal: ProposalVersion;
  readonly versions: readonly ProposalVersion[];
  readonly questions: readonly string[];
  readonly reactions: readonly string[];
  readonly objections: readonly {
    readonly id: string;
    /** Objector's name for the facilitator only. */
    readonly objector: string | null;
    readonly isMine: boolean;
    readonly reason: string;
    readonly proposalVersion: number;
    readonly status: Objection['status'];
    readonly integration: string | null;
    readonly integratedInVersion: number | null;
  }[];
}

export function validateConsentRoundConfig(config: ConsentRoundConfig): string | null {
  return cleanText(config.proposal, MAX_PROPOSAL) === null
    ? `proposal must be 1..${MAX_PROPOSAL} characters`
    : null;
}

export function createConsentRoundData(config: ConsentRoundConfig, at: number): ConsentRoundData {
  return {
    stage: 'proposal',
    versions: [{ version: 1, text: config.proposal.trim(), objectionId: null, at }],
    questions: [],
    reactions: [],
    objections: {},
    objectionOrder: [],
  };
}

function currentVersion(data: ConsentRoundData): ProposalVersion {
  return data.versions[data.versions.length - 1]!;
}

/** `consent` once in the consent stage with no open objection; `objections` while any is open. */
export function consentOutcome(data: ConsentRoundData): ConsentOutcome {
  const hasOpen = data.objectionOrder.some((id) => data.objections[id]?.status === 'open');
  if (hasOpen) {
    return 'objections';
  }
  return data.stage === 'consent' ? 'consent' : 'pending';
}

export function decideConsentRound(
  ctx: DecideContext<ConsentRoundActivity>,
  command: ConsentRoundCommand,
): BodyDecision<ConsentRoundEvent> {
  const { activity, participantId } = ctx;
  const data = activity.data;
  const activityId = activity.id;
  const isFacilitatorOnly =
    command.type === 'consentRound.setStage' || command.type === 'consentRound.integrate';
  if (isFacilitatorOnly !== (participantId === null)) {
    return reject('FORBIDDEN', isFacilitatorOnly ? 'facilitator only' : 'participants only');
  }
  switch (command.type) {
    case 'consentRound.setStage':
      if (!CONSENT_STAGES.includes(command.stage) || command.stage === data.stage) {
        return reject('INVALID', 'choose another known stage');
      }
      return accept({
        type: 'consentRound.stageSet',
        activityId,
        stage: command.stage,
        previous: data.stage,
      });
    case 'consentRound.ask':
    case 'consentRound.react': {
      const isAsk = command.type === 'consentRound.ask';
      if (data.stage !== (isAsk ? 'clarifying' : 'reactions')) {
        return reject(
          'CONFLICT',
          isAsk ? 'questions belong to the clarifying stage' : 'reactions belong to the reactions stage',
        );
      }
      const text = cleanText(command.text, MAX_TEXT);
      if (text === null || participantId === null) {
        return reject('INVALID', `text must be 1..${MAX_TEXT} characters`);
      }
      const type = isAsk ? 'consentRound.asked' : 'consentRound.reacted';
      return accept({ type, activityId, entryId: ctx.newId('entry'), participantId, text });
    }
    case 'consentRound.object': {
      if (data.stage !== 'objections' && data.stage !== 'consent') {
        return reject('CONFLICT', 'objections are raised in the objections or consent stage');
      }
      const reason = cleanText(command.reason, MAX_TEXT);
      if (reason === null || participantId === null) {
        return reject('INVALID', `an objection needs a reason of 1..${MAX_TEXT} characters`);
      }
      return accept({
        type: 'consentRound.objected',
        activityId,
        objectionId: ctx.newId('objection'),
        participantId,
        reason,
        proposalVersion: currentVersion(data).version,
      });
    }
    case 'consentRound.integrate': {
      const objection = own(data.objections, command.objectionId);
      if (objection === undefined) {
        return reject('NOT_FOUND', 'no such objection');
      }
      if (objection.status !== 'open') {
        return reject('CONFLICT', `objection already ${objection.status}`);
      }
      if (data.stage !== 'amendments') {
        return reject('CONFLICT', 'objections are integrated in the amendments stage');
      }
      const integration = cleanText(command.integration, MAX_TEXT);
      const amended =
        command.amendedProposal === null ? null : cleanText(command.amendedProposal, MAX_PROPOSAL);
      if (integration === null || (command.amendedProposal !== null && amended === null)) {
        return reject('INVALID', 'integration text required; amended proposal, if any, must be non-empty');
      }
      const version = currentVersion(data).version + (amended === null ? 0 : 1);
      return accept({
        type: 'consentRound.integrated',
        activityId,
        objectionId: objection.id,
        integration,
        amendedProposal: amended,
        proposalVersion: version,
      });
    }
    case 'consentRound.withdraw': {
      const objection = own(data.objections, command.objectionId);
      if (objection === undefined || objection.participantId !== participantId) {
        return reject('NOT_FOUND', 'no such objection of yours');
      }
      if (objection.status !== 'open') {
        return reject('CONFLICT', `objection already ${objection.status}`);
      }
      return accept({ type: 'consentRound.withdrawn', activityId, objectionId: objection.id });
    }
  }
}

export function applyConsentRound(
  activity: ConsentRoundActivity,
  event: ConsentRoundEvent,
  at: number,
): void {
  const data = activity.data;
  switch (event.type) {
    case 'consentRound.stageSet':
      data.stage = event.stage;
      return;
    case 'consentRound.asked':
    case 'consentRound.reacted': {
      const entry = { id: event.entryId, participantId: event.participantId, text: event.text };
      (event.type === 'consentRound.asked' ? data.questions : data.reactions).push(entry);
      return;
    }
    case 'consentRound.objected':
      data.objections[event.objectionId] = {
        id: event.objectionId,
        participantId: event.participantId,
        reason: event.reason,
        proposalVersion: event.proposalVersion,
        status: 'open',
        integration: null,
        integratedInVersion: null,
      };
      data.objectionOrder.push(event.objectionId);
      return;
    case 'consentRound.integrated': {
      const objection = own(data.objections, event.objectionId);
      if (objection !== undefined) {
        objection.status = 'integrated';
        objection.integration = event.integration;
        objection.integratedInVersion = event.proposalVersion;
      }
      if (event.amendedProposal !== null) {
        data.versions.push({
          version: event.proposalVersion,
          text: event.amendedProposal,
          objectionId: event.objectionId,
          at,
        });
      }
      return;
    }
    case 'consentRound.withdrawn': {
      const objection = own(data.objections, event.objectionId);
      if (objection !== undefined) {
        objection.status = 'withdrawn';
      }
      return;
    }
  }
}

export function resultsOfConsentRound(ctx: ResultsContext<ConsentRoundActivity>): ConsentRoundResults {
  const { data } = ctx.activity;
  const me = viewerId(ctx.viewer);
  const objections = data.objectionOrder
    .map((id) => data.objections[id])
    .filter((objection): objection is Objection => objection !== undefined)
    .map((objection) => ({
      id: objection.id,
      objector: me === null ? displayNameOf(ctx.state, objection.participantId) : null,
      isMine: objection.participantId === me,
      reason: objection.reason,
      proposalVersion: objection.proposalVersion,
      status: objection.status,
      integration: objection.integration,
      integratedInVersion: objection.integratedInVersion,
    }));
  return {
    type: 'consentRound',
    isHidden: false,
    stage: data.stage,
    outcome: consentOutcome(data),
    proposal: currentVersion(data),
    versions: [...data.versions],
    questions: data.questions.map((entry) => entry.text),
    reactions: data.reactions.map((entry) => entry.text),
    objections,
  };
}

export function ownStateOfConsentRound(activity: ConsentRoundActivity, participantId: string) {
  const data = activity.data;
  const mine = (entries: readonly ConsentEntry[]) =>
    entries.filter((entry) => entry.participantId === participantId).map((entry) => entry.text);
  return {
    questions: mine(data.questions),
    reactions: mine(data.reactions),
    objections: data.objectionOrder
      .map((id) => data.objections[id])
      .filter((objection): objection is Objection => objection?.participantId === participantId)
      .map((objection) => ({ id: objection.id, reason: objection.reason, status: objection.status })),
  };
}

/** Copy for one participant: others' entries (without author) only once revealed. */
export function redactConsentRound(activity: ConsentRoundActivity, participantId: string): ConsentRoundData {
  const data = activity.data;
  const visible = (entryParticipantId: string) => entryParticipantId === participantId || activity.isRevealed;
  const author = (entryParticipantId: string) =>
    entryParticipantId === participantId ? participantId : REDACTED_ID;
  const entries = (list: readonly ConsentEntry[]) =>
    list
      .filter((entry) => visible(entry.participantId))
      .map((entry) => ({ ...entry, participantId: author(entry.participantId) }));
  const objections: Record<string, Objection> = {};
  const objectionOrder: string[] = [];
  for (const id of data.objectionOrder) {
    const objection = data.objections[id];
    if (objection !== undefined && visible(objection.participantId)) {
      objections[id] = { ...objection, participantId: author(objection.participantId) };
      objectionOrder.push(id);
    }
  }
  return {
    stage: data.stage,
    versions: data.versions.map((version) => ({ ...version })),
    questions: entries(data.questions),
    reactions: entries(data.reactions),
    objections,
    objectionOrder,
  };
}

/**
 * The consentRound activity as one module: its config defaults (the fields a facilitator does not type) and
 * every operation the reducer, the server and the web dispatch to.
 */
export const consentRoundModule = {
  kind: 'consentRound',
  defaults: {},
  fromAgenda: ({ proposal }) => startWith({ proposal: proposal.slice(0, 5000) }),
  sample: {
    config: () => ({ proposal: 'We move on Monday' }),
    prepare: (room, activityId) => {
      room.send(FACILITATOR, { type: 'consentRound.setStage', activityId, stage: 'reactions' });
    },
    input: (activityId, p) => ({ type: 'consentRound.react', activityId, text: `secret of ${p}` }),
  },
  validate: validateConsentRoundConfig,
  create: createConsentRoundData,
  decide: decideConsentRound,
  apply: applyConsentRound,
  results: resultsOfConsentRound,
  ownState: ownStateOfConsentRound,
  redact: redactConsentRound,
} as const satisfies ActivityModule<ConsentRoundActivity, ConsentRoundCommand, ConsentRoundEvent> &
  ActivityDefaults<ConsentRoundActivity>;
