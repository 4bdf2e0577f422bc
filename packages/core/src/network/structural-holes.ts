/**
 * Burt's structural-hole measures on the mutual-weight view a_uv + a_vu (networkx semantics).
 *
 *   p_ij = (a_ij + a_ji) / Σ_k (a_ik + a_ki)                       (proportional tie strength)
 *   constraint(i)     = Σ_{j ∈ N(i)} ( p_ij + Σ_{q ∈ N(i), q≠i,j} p_iq p_qj )²
 *   effectiveSize(i)  = Σ_{j ∈ N(i)} ( 1 − Σ_{q ∈ N(i), q≠j} p_iq m_jq ),  m_jq = (a_jq+a_qj)/max_k(a_jk+a_kj)
 *
 * Isolates get NaN (undefined, as networkx). Cost O(Σ_i Σ_{q∈N(i)} deg(q)).
 * Reference: R. S. Burt, Structural Holes: The Social Structure of Competition, Harvard
 * University Press, 1992, ch. 2 (eqs. 2.1–2.4); S. Borgatti, "Structural holes: unpacking
 * Burt's redundancy measures", Connections 20(1), 1997.
 * @module
 */
import { type Graph, symmetrize } from './graph';

export interface StructuralHoles {
  constraint: Float64Array;
  effectiveSize: Float64Array;
}

/**
 * Burt's constraint and effective size of every node.
 * @example
 * structuralHoles(g).constraint[0];
 */
export function structuralHoles(graph: Graph): StructuralHoles {
  const sym = symmetrize(graph);
  const n = sym.nodeCount;
  const { outOffsets: off, outTargets: adj, outWeights: wt } = sym;
  const strength = new Float64Array(n);
  const maxWeight = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    for (let e = off[v]!; e < off[v + 1]!; e++) {
      strength[v]! += wt[e]!;
      maxWeight[v] = Math.max(maxWeight[v]!, wt[e]!);
    }
  }
  const constraint = new Float64Array(n).fill(Number.NaN);
  const effectiveSize = new Float64Array(n).fill(Number.NaN);
  const pOf = new Float64Array(n); // p_iq for q ∈ N(i), 0 elsewhere
  const indirect = new Float64Array(n); // Σ_q p_iq p_qj
  const redundancy = new Float64Array(n); // Σ_q p_iq m_jq
  for (let i = 0; i < n; i++) {
    const start = off[i]!;
    const end = off[i + 1]!;
    if (start === end) {
      continue;
    }
    for (let e = start; e < end; e++) {
      pOf[adj[e]!] = wt[e]! / strength[i]!;
    }
    for (let e = start; e < end; e++) {
      const q = adj[e]!;
      const piq = pOf[q]!;
      for (let f = off[q]!; f < off[q + 1]!; f++) {
        const j = adj[f]!;
        if (pOf[j]! > 0) {
          indirect[j]! += (piq * wt[f]!) / strength[q]!;
          redundancy[j]! += (piq * wt[f]!) / maxWeight[j]!;
        }
      }
    }
    let c = 0;
    let size = 0;
    for (let e = start; e < end; e++) {
      const j = adj[e]!;
      const local = pOf[j]! + indirect[j]!;
      c += local * local;
      size += 1 - redundancy[j]!;
    }
    constraint[i] = c;
    effectiveSize[i] = size;
    for (let e = start; e < end; e++) {
      const j = adj[e]!;
      pOf[j] = 0;
      indirect[j] = 0;
      redundancy[j] = 0;
    }
  }
  return { constraint, effectiveSize };
}
