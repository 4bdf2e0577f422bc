import { describe, expect, it } from 'vitest';
import * as diagnostics from './diagnostics/index';
import * as live from './live/index';
import * as network from './network/index';
import * as opinions from './opinions/index';
import * as testing from './testing';

describe('@essaim/core/testing', () => {
  it('holds the slow oracles, and no public entry point exports them', () => {
    const oracles = Object.keys(testing);
    expect(oracles).toEqual(
      expect.arrayContaining(['referenceBetweenness', 'computeDensePca', 'findExposedGroup']),
    );
    for (const entry of [diagnostics, live, network, opinions]) {
      const leaked = Object.keys(entry).filter((name) => oracles.includes(name) || /^reference/.test(name));
      expect(leaked).toEqual([]);
    }
  });

  it('gives network and opinions the same seeded generator', () => {
    expect(network.createRng).toBe(opinions.createRng);
  });
});
