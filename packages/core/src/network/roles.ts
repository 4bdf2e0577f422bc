/**
 * Informal-network roles after Cross & Parker, each returned with the rule that assigned it.
 *
 * - isolate: no tie at all.
 * - central-connector: many direct ties — degree (in-degree when directed: people others
 *   turn to) in the top `topShare` and above the mean.
 * - boundary-spanner: ties into at least `minExternalGroups` other groups (communities or a
 *   department attribute; capped at the number of other groups that exist).
 * - information-broker: betweenness in the top `topShare` (and > 0) with Burt constraint at
 *   or below the median — brokerage across structural holes (Burt 1992).
 * - peripheral-specialist: connected but degree in the bottom `peripheralShare` and below
 *   the mean.
 * - energizer: named as energising (energy relation in-degree) in the top `topShare`, > 0
 *   and above the mean.
 *
 * Quantiles use the nearest-rank definition on all nodes. O(n log n + m).
 * References: R. Cross & A. Parker, The Hidden Power of Social Networks, Harvard Business
 * School Press, 2004, ch. 4; R. Cross, W. Baker & A. Parker, "What creates energy in
 * organizations?", MIT Sloan Management Review 44(4), 2003; R. S. Burt, Structural Holes, 1992.
 * @module
 */
import { degree } from './degree';
import type { Graph } from './graph';

export type RoleName =
  | 'central-connector'
  | 'boundary-spanner'
  | 'information-broker'
  | 'peripheral-specialist'
  | 'energizer'
  | 'isolate';

export interface RoleAssignment {
  role: RoleName;
  /** Human-readable rule with the measured value and threshold. */
  rule: string;
  value: number;
  threshold: number;
}

export interface RoleInputs {
  graph: Graph;
  /** Normalised betweenness per node. */
  betweenness: ArrayLike<number>;
  /** Burt's constraint per node (NaN for isolates). */
  constraint: ArrayLike<number>;
  /** Group per node (community or department index), −1 when unknown. */
  groups: ArrayLike<number>;
  groupSource: 'community' | 'department';
  /** Energy relation over the same node indices, if surveyed. */
  energy?: Graph | undefined;
}

export interface RoleThresholds {
  topShare?: number;
  peripheralShare?: number;
  minExternalGroups?: number;
}

/** Nearest-rank quantile q ∈ [0,1] of finite values. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const sorted = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i]!;
  }
  return values.length === 0 ? 0 : sum / values.length;
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(3));

/**
 * Roles of every node (possibly several, possibly none).
 * @example
 * assignRoles({ graph, betweenness, constraint, groups, groupSource: 'department' })[i];
 */
export function assignRoles(inputs: RoleInputs, thresholds: RoleThresholds = {}): RoleAssignment[][] {
  const { graph, betweenness, constraint, groups, groupSource, energy } = inputs;
  const topShare = thresholds.topShare ?? 0.1;
  const peripheralShare = thresholds.peripheralShare ?? 0.2;
  const n = graph.nodeCount;
  const total = degree(graph, { mode: 'total' });
  const central = degree(graph, { mode: graph.isDirected ? 'in' : 'total' });
  const degreeName = graph.isDirected ? 'in-degree' : 'degree';
  const topDegree = quantile(central, 1 - topShare);
  const meanDegree = mean(central);
  const lowDegree = quantile(total, peripheralShare);
  const meanTotal = mean(total);
  const topBetweenness = quantile(betweenness, 1 - topShare);
  const connected = Array.from(constraint).filter((c, v) => total[v]! > 0 && Number.isFinite(c));
  const medianConstraint = quantile(connected, 0.5);
  const groupCount = new Set(Array.from(groups).filter((g) => g >= 0)).size;
  const minExternal = Math.min(thresholds.minExternalGroups ?? 2, groupCount - 1);
  const energyIn = energy ? degree(energy, { mode: energy.isDirected ? 'in' : 'total' }) : undefined;
  const topEnergy = energyIn ? quantile(energyIn, 1 - topShare) : Number.NaN;
  const meanEnergy = energyIn ? mean(energyIn) : Number.NaN;
  const roles: RoleAssignment[][] = [];
  for (let v = 0; v < n; v++) {
    const found: RoleAssignment[] = [];
    if (total[v] === 0) {
      found.push({ role: 'isolate', rule: 'no tie in the network', value: 0, threshold: 0 });
    } else {
      const d = central[v]!;
      if (d >= topDegree && d > meanDegree) {
        found.push({
          role: 'central-connector',
          rule: `${degreeName} ${fmt(d)} ≥ top ${topShare * 100}% cut-off ${fmt(topDegree)} and > mean ${fmt(meanDegree)}`,
          value: d,
          threshold: topDegree,
        });
      }
      const external = externalGroups(graph, groups, v);
      if (minExternal >= 1 && external >= minExternal) {
        found.push({
          role: 'boundary-spanner',
          rule: `ties into ${external} other ${groupSource} group(s) ≥ ${minExternal}`,
          value: external,
          threshold: minExternal,
        });
      }
      const b = betweenness[v]!;
      const c = constraint[v]!;
      if (b > 0 && b >= topBetweenness && c <= medianConstraint) {
        found.push({
          role: 'information-broker',
          rule: `betweenness ${fmt(b)} ≥ top ${topShare * 100}% cut-off ${fmt(topBetweenness)} and constraint ${fmt(c)} ≤ median ${fmt(medianConstraint)}`,
          value: b,
          threshold: topBetweenness,
        });
      }
      const t = total[v]!;
      if (t <= lowDegree && t < meanTotal) {
        found.push({
          role: 'peripheral-specialist',
          rule: `degree ${fmt(t)} ≤ bottom ${peripheralShare * 100}% cut-off ${fmt(lowDegree)} and < mean ${fmt(meanTotal)}`,
          value: t,
          threshold: lowDegree,
        });
      }
    }
    const e = energyIn?.[v];
    if (e !== undefined && e > 0 && e >= topEnergy && e > meanEnergy) {
      found.push({
        role: 'energizer',
        rule: `named energising by ${fmt(e)} ≥ top ${topShare * 100}% cut-off ${fmt(topEnergy)} and > mean ${fmt(meanEnergy)}`,
        value: e,
        threshold: topEnergy,
      });
    }
    roles.push(found);
  }
  return roles;
}

/** Number of distinct groups other than v's own among v's neighbours (both directions). */
export function externalGroups(graph: Graph, groups: ArrayLike<number>, v: number): number {
  const own = groups[v]!;
  const seen = new Set<number>();
  const scan = (offsets: Int32Array, targets: Int32Array) => {
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const g = groups[targets[e]!]!;
      if (g >= 0 && g !== own) {
        seen.add(g);
      }
    }
  };
  scan(graph.outOffsets, graph.outTargets);
  if (graph.isDirected) {
    scan(graph.inOffsets, graph.inTargets);
  }
  return seen.size;
}
