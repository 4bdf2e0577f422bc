/**
 * @module IC-forms profile and the 1–5 effectiveness level, from construct scores (0–100).
 *
 * Effectiveness index = mean score of all scored constructs. A level is reached when every
 * rule of that level and of the levels below holds (rules on constructs the instrument lacks
 * are skipped and listed as such):
 *
 * | Level | Label         | Rules                                                                   |
 * |-------|---------------|-------------------------------------------------------------------------|
 * | 1     | Fragmented    | (always)                                                                |
 * | 2     | Cooperating   | index ≥ 40                                                              |
 * | 3     | Coordinated   | index ≥ 55; psychological safety ≥ 50; both trust constructs ≥ 50       |
 * | 4     | Collaborative | index ≥ 70; psychological safety ≥ 65; every construct ≥ 50             |
 * | 5     | Generative    | index ≥ 80; psychological safety ≥ 75; every construct ≥ 65; creative and innovative IC ≥ 70 |
 */
import type { LocalizedText } from './instrument';
import type { ConstructResult, DiagnosticSummary } from './summary';

/** The five IC forms, in profile order. */
export const IC_FORM_IDS = [
  'ic-relational',
  'ic-rational',
  'ic-emotional',
  'ic-creative',
  'ic-innovative',
] as const;

/** Scores of the five IC forms with the strongest and weakest. */
export interface IcFormsProfile {
  readonly forms: readonly { readonly constructId: string; readonly score: number }[];
  readonly strongest: string | null;
  readonly weakest: string | null;
  /** Strongest minus weakest score: a large spread means an unbalanced profile. */
  readonly spread: number;
}

/** Profile of the five IC forms (forms the instrument lacks are left out). */
export function profileIcForms(summary: DiagnosticSummary): IcFormsProfile {
  const scores = new Map(summary.constructs.map((c) => [c.constructId, c.score]));
  const forms = IC_FORM_IDS.flatMap((id) => {
    const score = scores.get(id);
    return score === undefined || Number.isNaN(score) ? [] : [{ constructId: id, score }];
  });
  if (forms.length === 0) {
    return { forms, strongest: null, weakest: null, spread: 0 };
  }
  const sorted = [...forms].sort((a, b) => b.score - a.score);
  const strongest = sorted[0]!;
  const weakest = sorted[sorted.length - 1]!;
  return {
    forms,
    strongest: strongest.constructId,
    weakest: weakest.constructId,
    spread: strongest.score - weakest.score,
  };
}

/** A rule of the effectiveness grid. */
interface LevelRule {
  readonly id: string;
  readonly check: (scores: ReadonlyMap<string, number>, index: number) => boolean | null;
}

const atLeast =
  (ids: readonly string[], minimum: number) =>
  (scores: ReadonlyMap<string, number>): boolean | null => {
    const values = ids.map((id) => scores.get(id)).filter((v): v is number => v !== undefined);
    return values.length === 0 ? null : values.every((v) => v >= minimum);
  };

const everyConstruct =
  (minimum: number) =>
  (scores: ReadonlyMap<string, number>): boolean =>
    [...scores.values()].every((v) => v >= minimum);

/** Rules per level (index 0 = level 2). */
export const LEVEL_RULES: readonly (readonly LevelRule[])[] = [
  [{ id: 'index>=40', check: (_, index) => index >= 40 }],
  [
    { id: 'index>=55', check: (_, index) => index >= 55 },
    { id: 'psychological-safety>=50', check: atLeast(['psychological-safety'], 50) },
    { id: 'trust>=50', check: atLeast(['trust-competence', 'trust-care'], 50) },
  ],
  [
    { id: 'index>=70', check: (_, index) => index >= 70 },
    { id: 'psychological-safety>=65', check: atLeast(['psychological-safety'], 65) },
    { id: 'every-construct>=50', check: everyConstruct(50) },
  ],
  [
    { id: 'index>=80', check: (_, index) => index >= 80 },
    { id: 'psychological-safety>=75', check: atLeast(['psychological-safety'], 75) },
    { id: 'every-construct>=65', check: everyConstruct(65) },
    { id: 'creative-and-innovative>=70', check: atLeast(['ic-creative', 'ic-innovative'], 70) },
  ],
];

/** Labels of levels 1–5. */
export const LEVEL_LABELS: readonly LocalizedText[] = [
  { fr: 'Fragmenté', en: 'Fragmented' },
  { fr: 'Coopératif', en: 'Cooperating' },
  { fr: 'Coordonné', en: 'Coordinated' },
  { fr: 'Collaboratif', en: 'Collaborative' },
  { fr: 'Génératif', en: 'Generative' },
];

/** Effectiveness level with the evidence behind it. */
export interface EffectivenessLevel {
  readonly level: 1 | 2 | 3 | 4 | 5;
  readonly label: LocalizedText;
  /** Mean of construct scores. */
  readonly index: number;
  /** Rules of the next level that are not met (empty at level 5). */
  readonly unmetForNextLevel: readonly string[];
  /** Rules skipped because the instrument lacks their constructs. */
  readonly skippedRules: readonly string[];
}

/**
 * Effectiveness level 1–5 from construct scores, following {@link LEVEL_RULES}.
 * @example rateEffectiveness(summary).level // 3
 */
export function rateEffectiveness(summary: DiagnosticSummary): EffectivenessLevel {
  const scored = summary.constructs.filter((c: ConstructResult) => !Number.isNaN(c.score));
  const scores = new Map(scored.map((c) => [c.constructId, c.score]));
  const index = scored.length === 0 ? Number.NaN : scored.reduce((s, c) => s + c.score, 0) / scored.length;
  let level = 1;
  const skippedRules: string[] = [];
  let unmetForNextLevel: string[] = [];
  for (const rules of LEVEL_RULES) {
    const unmet: string[] = [];
    for (const rule of rules) {
      const outcome = Number.isNaN(index) ? false : rule.check(scores, index);
      if (outcome === null) {
        skippedRules.push(rule.id);
      } else if (!outcome) {
        unmet.push(rule.id);
      }
    }
    if (unmet.length > 0) {
      unmetForNextLevel = unmet;
      break;
    }
    level++;
  }
  const safeLevel = Math.min(level, 5) as EffectivenessLevel['level'];
  return { level: safeLevel, label: LEVEL_LABELS[safeLevel - 1]!, index, unmetForNextLevel, skippedRules };
}
