/**
 * @module Method catalogue schema: the shape every workshop method must follow.
 *
 * All human-readable text is bilingual ({ fr, en }) and written in our own words.
 * Numeric ranges use `max: null` for "no fixed upper bound".
 */

import { ACTIVITY_KINDS, type ActivityKind } from '../live/activity-types';

/** Version of the catalogue schema; bump when a field is added, removed or changes meaning. */
export const METHOD_SCHEMA_VERSION = 1 as const;

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in both supported languages. */
export interface LocalizedText {
  readonly fr: string;
  readonly en: string;
}

/** Primary role of a method in a workshop flow. */
export const METHOD_FAMILIES = [
  'diverge',
  'converge',
  'decide',
  'relate',
  'reflect',
  'plan',
  'spread',
] as const;
export type MethodFamily = (typeof METHOD_FAMILIES)[number];

/** Forms of collective intelligence a method mobilises. */
export const IC_FORMS = ['relational', 'rational', 'emotional', 'creative', 'innovative'] as const;
export type IcForm = (typeof IC_FORMS)[number];

/** Where a method can run. */
export const METHOD_MODES = ['online', 'onsite', 'both'] as const;
export type MethodMode = (typeof METHOD_MODES)[number];

/** Cynefin domains (D. Snowden); `confusion` is the centre where the domain is unclear. */
export const CYNEFIN_DOMAINS = ['clear', 'complicated', 'complex', 'chaotic', 'confusion'] as const;
export type CynefinDomain = (typeof CYNEFIN_DOMAINS)[number];

/**
 * Live workshop activities the platform can run for a method: every kind of the live registry, plus
 * `opinionMap` (a feature of its own).
 */
export const LIVE_ACTIVITIES = [...ACTIVITY_KINDS, 'opinionMap'] as const;
export type LiveActivityType = ActivityKind | 'opinionMap';

export type FacilitationSkill = 1 | 2 | 3;
export type TrustLevel = 1 | 2 | 3 | 4 | 5;

/** Inclusive range; `max: null` means no fixed upper bound. */
export interface Range {
  readonly min: number;
  readonly max: number | null;
}

/** One workshop method of the catalogue. */
export interface Method {
  /** Stable kebab-case slug, never renamed once published. */
  readonly id: string;
  readonly name: LocalizedText;
  /** Primary family only. */
  readonly family: MethodFamily;
  /** Collective-intelligence forms served (at least one). */
  readonly icForms: readonly IcForm[];
  /** Number of participants. */
  readonly groupSize: Range;
  /** Facilitated / participant time in minutes. */
  readonly durationMinutes: Range;
  /** Calendar span for multi-session or asynchronous methods. */
  readonly elapsedDays?: Range;
  /** 1 novice-friendly, 2 practised facilitator, 3 experienced or trained specialist. */
  readonly facilitationSkill: FacilitationSkill;
  /** 1 works in low-trust groups … 5 needs high trust and maturity. */
  readonly trustRequired: TrustLevel;
  readonly mode: MethodMode;
  /** Cynefin domains where the method is a good fit (used by the recommender). */
  readonly cynefin: readonly CynefinDomain[];
  readonly purpose: LocalizedText;
  readonly steps: readonly LocalizedText[];
  readonly advantages: readonly LocalizedText[];
  readonly drawbacks: readonly LocalizedText[];
  readonly contraIndications: readonly LocalizedText[];
  readonly materials: readonly LocalizedText[];
  /** Bibliographic origin. */
  readonly source: string;
  /** Who to credit (authors, trademark holders, licence notes). */
  readonly credit: string;
  /** Live activity that fits the method, if any. */
  readonly liveActivity?: LiveActivityType;
  /**
   * Live activities the method's structure runs in order (1-2-4-All: pairs, fours, everyone, each with
   * its timer). "Turn into live activity" adds them all; absent, it adds `liveActivity` alone.
   */
  readonly liveSequence?: readonly LiveStep[];
}

/** One step of a method's live sequence. */
export interface LiveStep {
  readonly kind: ActivityKind;
  /** The activity's title (else the agenda item's). */
  readonly title?: LocalizedText;
  /** A timer's minutes (else the agenda item's duration). */
  readonly minutes?: number;
  /** People per group for a groups step (2 pairs, 4 fours, 0 everyone). */
  readonly groupSize?: number;
}

/** The live activities a method starts, in order (its sequence, else its one activity, else none). */
export function liveStepsOf(
  method: Pick<Method, 'liveActivity' | 'liveSequence'> | undefined,
): readonly LiveStep[] {
  if (method?.liveSequence !== undefined && method.liveSequence.length > 0) {
    return method.liveSequence;
  }
  const kind = method?.liveActivity;
  return kind === undefined || kind === 'opinionMap' ? [] : [{ kind }];
}

/** Builds a bilingual text; used by the catalogue data modules. */
export function t(fr: string, en: string): LocalizedText {
  return { fr, en };
}
