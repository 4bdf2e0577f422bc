import { describe, expect, it } from 'vitest';
import { frCatalogue } from './catalogue';
import { frenchTypography, withFrenchTypography } from './french-typography';

function strings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') {
    out.push(node);
  } else if (typeof node === 'object' && node !== null) {
    for (const value of Object.values(node)) {
      strings(value, out);
    }
  }
  return out;
}

describe('French typography', () => {
  it('makes the space before : ; ? ! and inside guillemets non-breaking', () => {
    expect(frenchTypography('Motif : « fin » ; vraiment ? oui !')).toBe(
      'Motif\u00A0: «\u00A0fin\u00A0»\u202F; vraiment\u202F? oui\u202F!',
    );
    // No space, no change: links, times, {{placeholders}}.
    expect(frenchTypography('https://x.fr/?a=1 {{count}}:{{total}}')).toBe(
      'https://x.fr/?a=1 {{count}}:{{total}}',
    );
  });

  it('leaves no breakable space before : ; ? ! in the whole French catalogue as used', () => {
    const bad = strings(withFrenchTypography(frCatalogue)).filter((s) => / [:;?!]|« | »/.test(s));
    expect(bad).toEqual([]);
  });
});
