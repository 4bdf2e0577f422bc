/**
 * @module Competency levels: four steps of growing breadth, depth and autonomy.
 *
 * The four-step ladder follows the structure of the EMCC Global Competence Framework (EMCC, v2,
 * 2015: from a first level to a master level, each step asking for more synthesis and more complex
 * contexts). The names and descriptors here are Essaim's own; no framework text is reproduced.
 */
import type { FacilitationSkill, LocalizedText } from '../methods/types';

export const COMPETENCY_LEVELS = [1, 2, 3, 4] as const;
export type CompetencyLevel = (typeof COMPETENCY_LEVELS)[number];

export interface LevelDefinition {
  readonly level: CompetencyLevel;
  /** Stable key for i18n and exports. */
  readonly key: 'grounding' | 'practising' | 'seasoned' | 'mentor';
  readonly name: LocalizedText;
  /** What generally changes at this step, whatever the competency. */
  readonly summary: LocalizedText;
  /** Highest method `facilitationSkill` (1–3) a consultant at this level can lead unaided. */
  readonly facilitationSkill: FacilitationSkill;
}

export const LEVELS: readonly LevelDefinition[] = [
  {
    level: 1,
    key: 'grounding',
    name: { fr: 'Socle', en: 'Grounding' },
    summary: {
      fr: 'Applique des repères appris, dans des situations simples et avec un appui.',
      en: 'Applies learnt guidelines in simple situations, with support at hand.',
    },
    facilitationSkill: 1,
  },
  {
    level: 2,
    key: 'practising',
    name: { fr: 'Praticien autonome', en: 'Independent practitioner' },
    summary: {
      fr: 'Conduit seul des interventions courantes et ajuste en cours de route.',
      en: 'Runs routine interventions alone and adjusts along the way.',
    },
    facilitationSkill: 2,
  },
  {
    level: 3,
    key: 'seasoned',
    name: { fr: 'Praticien confirmé', en: 'Seasoned practitioner' },
    summary: {
      fr: 'Combine les approches dans des contextes incertains ou conflictuels.',
      en: 'Combines approaches in uncertain or conflictual contexts.',
    },
    facilitationSkill: 3,
  },
  {
    level: 4,
    key: 'mentor',
    name: { fr: 'Maître praticien, transmetteur', en: 'Master and mentor' },
    summary: {
      fr: 'A une approche personnelle cohérente, l’explique et la transmet à des pairs.',
      en: 'Holds a coherent personal approach, can explain it and passes it on to peers.',
    },
    facilitationSkill: 3,
  },
];

/** Method facilitation skill (1–3) a consultant at `level` may lead: 1→1, 2→2, 3 and 4→3. */
export function skillForLevel(level: CompetencyLevel): FacilitationSkill {
  return LEVELS[level - 1]!.facilitationSkill;
}

export function isCompetencyLevel(value: unknown): value is CompetencyLevel {
  return value === 1 || value === 2 || value === 3 || value === 4;
}
