/**
 * Essaim theme: a warm honey primary over warm stone greys. Shades were picked for WCAG AA:
 * light mode uses honey-7 (5.0:1 with white text), dark mode honey-5 with dark text (autoContrast),
 * and gray-6, Mantine's "dimmed" text, reaches 5.9:1 on white.
 */
import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

const honey: MantineColorsTuple = [
  '#fff8e8',
  '#fdedc7',
  '#fadb94',
  '#f6c65c',
  '#f2b332',
  '#e89b12',
  '#c47f0a',
  '#9c6308',
  '#7a4c0a',
  '#5c390b',
];

const gray: MantineColorsTuple = [
  '#faf8f5',
  '#f3f0eb',
  '#e8e3db',
  '#d9d2c7',
  '#bdb4a6',
  '#968c80',
  '#6b6358',
  '#564f45',
  '#3f3a33',
  '#2a2622',
];

/** Warm near-blacks for the dark scheme (dark-7 is the page background). */
const dark: MantineColorsTuple = [
  '#ddd8cf',
  '#bdb6aa',
  '#9a9285',
  '#6e675d',
  '#4a443c',
  '#38332d',
  '#2b2723',
  '#1f1c19',
  '#181614',
  '#121110',
];

/**
 * Mantine picks filled-button text colour once, from the light-scheme shade (white on honey-7). Dark mode
 * fills with the much lighter honey-5, so read the per-scheme contrast variable instead (dark text there).
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  const isPrimary = !input.color || input.color === input.theme.primaryColor;
  if (input.variant === 'filled' && isPrimary) {
    return { ...resolved, color: 'var(--mantine-primary-color-contrast)' };
  }
  return resolved;
};

const fontFamily =
  'Inter, "Segoe UI Variable", "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'honey',
  primaryShade: { light: 7, dark: 5 },
  autoContrast: true,
  variantColorResolver,
  luminanceThreshold: 0.4,
  colors: { honey, gray, dark },
  black: '#1f1b16',
  fontFamily,
  headings: {
    fontFamily,
    fontWeight: '700',
    textWrap: 'balance',
  },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  respectReducedMotion: true,
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'lg', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'lg' } },
    Button: { defaultProps: { radius: 'md' } },
    ThemeIcon: { defaultProps: { variant: 'light' } },
    NavLink: { defaultProps: { variant: 'light' } },
  },
});

/**
 * Text colours for Mantine's other palettes, which are too pale for text at the shades it uses (teal-7
 * on its light badge is 2.8:1): shade 9 darkened until it reaches 5:1 both on white and on the
 * colour's own `light` background (12% of shade 6 over white). Computed once with the WCAG 2.2
 * relative-luminance formula; axe checks the result on every page (e2e/every-page-axe.e2e.test.ts).
 */
const DEEP_TEXT = {
  red: '#c12828',
  pink: '#a61e4d',
  grape: '#862e9c',
  violet: '#5f3dc4',
  indigo: '#364fc7',
  blue: '#1864ab',
  cyan: '#0b7082',
  teal: '#077554',
  green: '#257735',
  lime: '#48730a',
  yellow: '#a15300',
  orange: '#b63c0d',
} as const;
/** Palettes whose filled buttons and badges carry white text (yellow and lime keep dark text). */
const WHITE_ON_FILLED = [
  'red',
  'pink',
  'grape',
  'violet',
  'indigo',
  'blue',
  'cyan',
  'teal',
  'green',
  'orange',
];

function paletteVariables(scheme: 'light' | 'dark'): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, deep] of Object.entries(DEEP_TEXT)) {
    // Light scheme: deep text on the pale tint and on white (outline); dark scheme: shade 3 on the
    // dark tint (5.4:1 or more for every palette, where Mantine's shade 4 falls to 3.9:1 for violet).
    variables[`--mantine-color-${name}-light-color`] =
      scheme === 'light' ? deep : `var(--mantine-color-${name}-3)`;
    variables[`--mantine-color-${name}-outline`] =
      scheme === 'light' ? deep : `var(--mantine-color-${name}-3)`;
    if (WHITE_ON_FILLED.includes(name)) {
      // White text needs the deep shade in both schemes (the dark scheme's shade 5 gives red 2.8:1).
      variables[`--mantine-color-${name}-filled`] = deep;
      variables[`--mantine-color-${name}-filled-hover`] = `var(--mantine-color-${name}-9)`;
    }
  }
  return variables;
}

/** A faintly warm page background so white cards stand out; `light` variant text deepened for contrast. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    ...paletteVariables('light'),
    '--mantine-color-body': '#fbfaf7',
    '--mantine-color-honey-light-color': honey[8],
    '--mantine-color-honey-light': 'rgba(232, 155, 18, 0.14)',
    '--mantine-color-honey-light-hover': 'rgba(232, 155, 18, 0.22)',
    '--mantine-color-anchor': honey[8],
  },
  dark: {
    ...paletteVariables('dark'),
    '--mantine-color-honey-light-color': honey[3],
    '--mantine-color-anchor': honey[4],
    // dark-1 rather than Mantine's dark-2: 6.2:1 even on the hover-grey panels (dark-5), 4.1:1 before.
    '--mantine-color-dimmed': dark[1],
  },
});
