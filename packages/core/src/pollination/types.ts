/**
 * Vocabulary of pollination: carrying an experience from one collective to others and measuring
 * whether it spread (issue 18). Tuples are the single source the contracts and the database reuse.
 */
import type { CynefinDomain, IcForm } from '../methods/types.ts';

/** Who may read an experience: its collective, its organisation, or every organisation on the instance. */
export const EXPERIENCE_VISIBILITIES = ['collective', 'organisation', 'instance'] as const;
export type ExperienceVisibility = (typeof EXPERIENCE_VISIBILITIES)[number];

/** draft → anonymised (names checked) → shared. Editing a shared experience sends it back to draft. */
export const EXPERIENCE_STATUSES = ['draft', 'anonymised', 'shared'] as const;
export type ExperienceStatus = (typeof EXPERIENCE_STATUSES)[number];

/** Licences a contributor may choose; CC BY 4.0 by default (issue 18). SPDX identifiers. */
export const EXPERIENCE_LICENCES = [
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC0-1.0',
  'LicenseRef-All-Rights-Reserved',
] as const;
export type ExperienceLicence = (typeof EXPERIENCE_LICENCES)[number];
export const DEFAULT_LICENCE: ExperienceLicence = 'CC-BY-4.0';

export const LICENCE_URLS: Record<ExperienceLicence, string | null> = {
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'LicenseRef-All-Rights-Reserved': null,
};

/**
 * Stages of adoption per collective, after Rogers' innovation-decision process (Diffusion of
 * Innovations, 5th ed., 2003, ch. 5: knowledge → persuasion/decision → implementation →
 * confirmation, or discontinuance), reduced to what a change agent can observe and report.
 */
export const ADOPTION_STAGES = ['not_aware', 'aware', 'trying', 'adopted', 'abandoned'] as const;
export type AdoptionStage = (typeof ADOPTION_STAGES)[number];

/** Ways an experience travels between collectives. */
export const DIFFUSION_SESSION_KINDS = [
  'peer_visit',
  'learning_expedition',
  'demonstration',
  'community_of_practice',
] as const;
export type DiffusionSessionKind = (typeof DIFFUSION_SESSION_KINDS)[number];

/** Free-text fields of an experience: the ones anonymisation reads and rewrites. */
export const EXPERIENCE_TEXT_FIELDS = [
  'title',
  'context',
  'question',
  'whatHappened',
  'results',
  'lessons',
  'conditions',
  'pitfalls',
] as const;
export type ExperienceTextField = (typeof EXPERIENCE_TEXT_FIELDS)[number];
export type ExperienceTexts = Record<ExperienceTextField, string>;

/** One construct's change between the engagement's first and last released diagnostics (0–100 scale). */
export interface DiagnosticDelta {
  readonly constructId: string;
  readonly before: number;
  readonly after: number;
}

export interface ExperienceIndicator {
  readonly label: string;
  readonly value: string;
}

/** A person who agreed to be named as a contact; `consentedAt` null means not (yet) agreed. */
export interface ExperienceContact {
  readonly name: string;
  readonly role: string;
  readonly personId: string | null;
  readonly consentedAt: string | null;
}

/** What describes an engagement for "experiences like this one". */
export interface EngagementProfile {
  readonly icForms: readonly IcForm[];
  readonly cynefin: CynefinDomain | null;
  readonly methodIds: readonly string[];
  readonly sector: string | null;
  readonly size: number | null;
  /** Construct id → 0–100 score from a released diagnostic cut. */
  readonly diagnostic: Readonly<Record<string, number>>;
}
