/**
 * Trust zones: communities (Leiden) of the trust relation, their density and the people
 * bridging them.
 *
 *   density(Z) = m_Z / (|Z|(|Z|−1)) directed, 2 m_Z / (|Z|(|Z|−1)) undirected
 *   participation(v) = 1 − Σ_Z (k_vZ / k_v)²     (Guimerà & Amaral)
 *
 * A bridge has ties into at least two zones (its own included); bridges are sorted by
 * number of zones reached, then participation. O(m) after community detection.
 * References: V. Traag et al., Sci. Rep. 9, 5233, 2019 (Leiden); R. Guimerà & L. A. N.
 * Amaral, "Functional cartography of complex metabolic networks", Nature 433, 2005;
 * R. Cross & A. Parker, The Hidden Power of Social Networks, 2004 (trust networks).
 * @module
 */
import type { Graph } from './graph';
import { leiden } from './leiden';

export interface TrustZone {
  id: number;
  members: number[];
  internalTies: number;
  density: number;
}

export interface TrustBridge {
  node: number;
  /** Zones reached by the node's ties, own zone first. */
  zones: number[];
  participation: number;
}

export interface TrustZones {
  labels: Int32Array;
  zones: TrustZone[];
  bridges: TrustBridge[];
  modularity: number;
}

/**
 * Trust zones of a trust graph.
 * @example
 * findTrustZones(trust, { seed: 1 }).bridges[0]?.node;
 */
export function findTrustZones(
  trust: Graph,
  options: { seed?: number; resolution?: number } = {},
): TrustZones {
  const communities = leiden(trust, { seed: options.seed ?? 1, resolution: options.resolution ?? 1 });
  const { labels } = communities;
  const n = trust.nodeCount;
  const zones: TrustZone[] = Array.from({ length: communities.count }, (_, id) => ({
    id,
    members: [],
    internalTies: 0,
    density: 0,
  }));
  for (let v = 0; v < n; v++) {
    zones[labels[v]!]!.members.push(v);
  }
  const bridges: TrustBridge[] = [];
  for (let v = 0; v < n; v++) {
    const own = labels[v]!;
    const weightTo = new Map<number, number>([[own, 0]]);
    let total = 0;
    const scan = (offsets: Int32Array, targets: Int32Array, isOut: boolean) => {
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const z = labels[targets[e]!]!;
        weightTo.set(z, (weightTo.get(z) ?? 0) + 1);
        total++;
        if (isOut && z === own) {
          zones[own]!.internalTies++;
        }
      }
    };
    scan(trust.outOffsets, trust.outTargets, true);
    if (trust.isDirected) {
      scan(trust.inOffsets, trust.inTargets, false);
    }
    if (weightTo.size >= 2 && total > 0) {
      let sumSquares = 0;
      for (const k of weightTo.values()) {
        sumSquares += (k / total) ** 2;
      }
      bridges.push({ node: v, zones: [...weightTo.keys()], participation: 1 - sumSquares });
    }
  }
  for (const zone of zones) {
    if (!trust.isDirected) {
      zone.internalTies /= 2;
    }
    const size = zone.members.length;
    const pairs = (size * (size - 1)) / (trust.isDirected ? 1 : 2);
    zone.density = pairs > 0 ? zone.internalTies / pairs : 0;
  }
  bridges.sort(
    (a, b) => b.zones.length - a.zones.length || b.participation - a.participation || a.node - b.node,
  );
  return { labels, zones, bridges, modularity: communities.modularity };
}
