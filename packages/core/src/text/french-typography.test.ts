import { describe, expect, it } from 'vitest';
import { frenchTypography } from './french-typography.ts';

describe('frenchTypography', () => {
  it('makes the space before : ; ? ! and inside guillemets non-breaking', () => {
    expect(frenchTypography('Motif : « fin » ; vraiment ? oui !')).toBe(
      'Motif\u00A0: «\u00A0fin\u00A0»\u202F; vraiment\u202F? oui\u202F!',
    );
  });

  it('leaves text without a space before the sign alone: links, times, placeholders', () => {
    expect(frenchTypography('https://x.fr/?a=1 {{count}}:{{total}} 14:30')).toBe(
      'https://x.fr/?a=1 {{count}}:{{total}} 14:30',
    );
  });
});
