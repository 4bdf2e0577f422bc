/**
 * @module Live workshop model: state, actors, command and event envelopes, decision results.
 *
 * The state is plain JSON (records, arrays, numbers, strings, null): a snapshot is the state
 * itself, and `JSON.parse(JSON.stringify(state))` replays to the same thing. Records are keyed by
 * ids matching {@link ID_PATTERN}, which cannot be `__proto__`; reads go through `own()` so that
 * inherited keys such as `constructor` never count.
 */
import type { ActivityEvent, ActivitySpec, AnyActivity } from './activity-types';
import type { LiveCommandBody } from './commands';
import type { WorkshopEventBody } from './workshop';

/** Ids of workshops, activities, participants, cards, items… (never starts with `_`). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/**
 * How many recent command ids each actor keeps for duplicate detection. A client must keep at
 * most this many unacknowledged commands in its outbox; an older retry is not recognised.
 * Memory: participants × window × ~30 bytes (2,000 × 64 ≈ 4 MB at worst).
 */
export const COMMAND_WINDOW = 64;

/** Stand-in for another participant's id in a redacted event or snapshot. */
export const REDACTED_ID = '~';

export type Role = 'facilitator' | 'participant';

/** Who sends a command or sees results. A participant always carries its id. */
export type Actor =
  | { readonly role: 'facilitator' }
  | { readonly role: 'participant'; readonly participantId: string };
/** A viewer of results has the same shape as an actor. */
export type Viewer = Actor;

export const ACTIVITY_PHASES = ['draft', 'open', 'closed'] as const;
export type Phase = (typeof ACTIVITY_PHASES)[number];
export const WORKSHOP_STATUSES = ['running', 'paused', 'stopped'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

export interface Participant {
  readonly id: string;
  /** `null` when the participant joined anonymously. */
  displayName: string | null;
  isRemoved: boolean;
  /** Last {@link COMMAND_WINDOW} command ids of this participant, oldest first. */
  recentCommandIds: string[];
}

export interface WorkshopState {
  readonly id: string;
  status: WorkshopStatus;
  /** Why the workshop was stopped; cleared when the facilitator resumes it. */
  stopReason: string | null;
  activityOrder: string[];
  currentActivityId: string | null;
  activities: Record<string, AnyActivity>;
  participants: Record<string, Participant>;
  /** Last {@link COMMAND_WINDOW} facilitator command ids. */
  facilitatorCommandIds: string[];
  /** Number of events applied: a change marker for UI stores and the seed of generated ids. */
  eventCount: number;
}

/** Stable rejection codes (clients translate them; never rename one). */
export const REJECTION_CODES = [
  'INVALID',
  'FORBIDDEN',
  'NOT_FOUND',
  'NOT_OPEN',
  'LOCKED',
  'CONFLICT',
  'PAUSED',
  'STOPPED',
  'DUPLICATE',
  'LIMIT_REACHED',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** Common part of every command: who sends it and its client-generated idempotency key. */
export interface CommandEnvelope {
  readonly commandId: string;
  readonly actor: Actor;
}
export type LiveCommand = LiveCommandBody & CommandEnvelope;

/** Common part of every event: the command that caused it and the server clock (ms). */
export interface EventEnvelope {
  readonly commandId: string;
  readonly actor: Actor;
  readonly at: number;
}
export type LiveEventBody = WorkshopEventBody | ActivityEvent;
export type LiveEvent = LiveEventBody & EventEnvelope;

export type Decision =
  | { readonly ok: true; readonly events: LiveEvent[] }
  | { readonly ok: false; readonly code: RejectionCode; readonly message: string };

/** What an activity's `decide` returns before the envelope is added. */
export type BodyDecision<E> =
  | { readonly ok: true; readonly events: E[] }
  | { readonly ok: false; readonly code: RejectionCode; readonly message: string };

export interface DecideOptions {
  /** Server clock in ms (stamped on events; used by timers). Defaults to 0. */
  readonly now?: number;
}

export type { ActivitySpec };
