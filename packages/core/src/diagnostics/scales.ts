/**
 * @module Response scales: numeric range and labels for each {@link ScaleId}.
 */
import type { LocalizedText, ScaleId } from './instrument';

/** Definition of a response scale. Text scales have no numeric range. */
export interface ResponseScale {
  readonly id: ScaleId;
  /** `numeric` answers are integers in [min, max]; `text` answers are free text. */
  readonly kind: 'numeric' | 'text';
  readonly min: number;
  readonly max: number;
  /** One label per point from min to max (empty for scales labelled only at the ends). */
  readonly labels: readonly LocalizedText[];
}

/** Longest open answer accepted, in characters. */
export const MAX_OPEN_TEXT_LENGTH = 4000;

const agreement5: readonly LocalizedText[] = [
  { fr: "Pas du tout d'accord", en: 'Strongly disagree' },
  { fr: "Plutôt pas d'accord", en: 'Disagree' },
  { fr: 'Ni l’un ni l’autre', en: 'Neither agree nor disagree' },
  { fr: "Plutôt d'accord", en: 'Agree' },
  { fr: "Tout à fait d'accord", en: 'Strongly agree' },
];

const agreement7: readonly LocalizedText[] = [
  { fr: "Pas du tout d'accord", en: 'Strongly disagree' },
  { fr: "Pas d'accord", en: 'Disagree' },
  { fr: "Plutôt pas d'accord", en: 'Somewhat disagree' },
  { fr: 'Ni l’un ni l’autre', en: 'Neither agree nor disagree' },
  { fr: "Plutôt d'accord", en: 'Somewhat agree' },
  { fr: "D'accord", en: 'Agree' },
  { fr: "Tout à fait d'accord", en: 'Strongly agree' },
];

const frequency5: readonly LocalizedText[] = [
  { fr: 'Jamais', en: 'Never' },
  { fr: 'Rarement', en: 'Rarely' },
  { fr: 'Parfois', en: 'Sometimes' },
  { fr: 'Souvent', en: 'Often' },
  { fr: 'Toujours ou presque', en: 'Always or almost always' },
];

/** All scales by id. */
export const SCALES: Readonly<Record<ScaleId, ResponseScale>> = {
  agreement5: { id: 'agreement5', kind: 'numeric', min: 1, max: 5, labels: agreement5 },
  agreement7: { id: 'agreement7', kind: 'numeric', min: 1, max: 7, labels: agreement7 },
  frequency5: { id: 'frequency5', kind: 'numeric', min: 1, max: 5, labels: frequency5 },
  yesno: {
    id: 'yesno',
    kind: 'numeric',
    min: 0,
    max: 1,
    labels: [
      { fr: 'Non', en: 'No' },
      { fr: 'Oui', en: 'Yes' },
    ],
  },
  scale0to10: {
    id: 'scale0to10',
    kind: 'numeric',
    min: 0,
    max: 10,
    labels: [],
  },
  openText: { id: 'openText', kind: 'text', min: 0, max: 0, labels: [] },
};

/** True for scales whose answers are numbers. */
export function isNumericScale(scale: ScaleId): boolean {
  return SCALES[scale].kind === 'numeric';
}

/**
 * Mirror a raw answer when the item is reverse-scored: x' = min + max − x.
 * @example scoreAnswer('agreement5', 2, true) // 4
 */
export function scoreAnswer(scale: ScaleId, raw: number, isReverseScored: boolean): number {
  const { min, max } = SCALES[scale];
  return isReverseScored ? min + max - raw : raw;
}

/**
 * Map a (possibly reversed) answer onto 0–100: 100 × (x − min) / (max − min).
 * @example normaliseAnswer('agreement5', 4) // 75
 */
export function normaliseAnswer(scale: ScaleId, value: number): number {
  const { min, max } = SCALES[scale];
  return max === min ? 0 : (100 * (value - min)) / (max - min);
}
