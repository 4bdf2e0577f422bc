/** Colours for categories on the map and in legends (Okabe–Ito first, colour-blind safe, then Mantine tones). */
export const CATEGORY_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
  '#7950f2',
  '#868e96',
  '#20c997',
  '#fa5252',
];
export const NONE_COLOUR = '#adb5bd';

export function colourOf(index: number): string {
  return index < 0 ? NONE_COLOUR : CATEGORY_COLOURS[index % CATEGORY_COLOURS.length]!;
}

export const METRICS = ['degree', 'betweenness', 'pagerank', 'eigenvector', 'harmonic'] as const;
export type Metric = (typeof METRICS)[number];

export const ROLE_NAMES = [
  'central-connector',
  'boundary-spanner',
  'information-broker',
  'peripheral-specialist',
  'energizer',
  'isolate',
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** A number in the reader's language, with up to `digits` decimals. */
export function formatNumber(value: number, language: string, digits = 3): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: digits,
  }).format(value);
}
