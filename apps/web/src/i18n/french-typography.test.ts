import { describe, expect, it } from 'vitest';
import { frCatalogue } from './catalogue';
import { withFrenchTypography } from './french-typography';

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
  it('leaves no breakable space before : ; ? ! in the whole French catalogue as used', () => {
    const bad = strings(withFrenchTypography(frCatalogue)).filter((s) => / [:;?!]|« | »/.test(s));
    expect(bad).toEqual([]);
  });
});
