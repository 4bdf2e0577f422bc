import { describe, expect, it } from 'vitest';
import { measuredTrustLevel } from './measured-trust';

describe('measuredTrustLevel', () => {
  it('maps the mean of the trust constructs from 0–100 to 1–5', () => {
    expect(measuredTrustLevel([{ constructId: 'trust-care', score: 80 }])).toBe(4);
    expect(
      measuredTrustLevel([
        { constructId: 'trust-care', score: 0 },
        { constructId: 'trust-competence', score: 10 },
      ]),
    ).toBe(1);
    expect(measuredTrustLevel([{ constructId: 'trust-competence', score: 100 }])).toBe(5);
  });
  it('ignores other constructs and missing scores', () => {
    expect(measuredTrustLevel([{ constructId: 'ic-relational', score: 90 }])).toBeNull();
    expect(measuredTrustLevel([{ constructId: 'trust-care', score: null }])).toBeNull();
  });
});
