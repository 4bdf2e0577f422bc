import { describe, expect, it } from 'vitest';
import { betweenness } from './betweenness';
import { buildGraph, graphFromCsr } from './graph';
import { relabelBreadthFirst } from './reorder';

describe('relabelBreadthFirst', () => {
  // Two components and a weighted arc, so the restart and the weight carrying are exercised.
  const graph = buildGraph({
    nodeCount: 7,
    sources: [0, 1, 1, 2, 5],
    targets: [1, 2, 3, 4, 6],
    weights: [1, 2, 1, 3, 1],
    isDirected: true,
  });

  it('numbers the highest-degree node first, then breadth-first, every node once', () => {
    const { newIndex } = relabelBreadthFirst(graph);
    expect(newIndex[1]).toBe(0);
    expect([...newIndex].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // 1's out-neighbours 2 and 3 come right after it.
    expect([newIndex[2], newIndex[3]].sort()).toEqual([1, 2]);
  });

  it('keeps every arc and its weight, arc lists sorted by target', () => {
    const { csr, newIndex } = relabelBreadthFirst(graph);
    const arcs = new Set<string>();
    for (let v = 0; v < csr.nodeCount; v++) {
      const row = [...csr.outTargets.subarray(csr.outOffsets[v]!, csr.outOffsets[v + 1]!)];
      expect(row).toEqual([...row].sort((a, b) => a - b));
      for (let e = csr.outOffsets[v]!; e < csr.outOffsets[v + 1]!; e++) {
        arcs.add(`${v}>${csr.outTargets[e]}:${csr.outWeights[e]}`);
      }
    }
    const expected = new Set<string>();
    for (let u = 0; u < graph.nodeCount; u++) {
      for (let e = graph.outOffsets[u]!; e < graph.outOffsets[u + 1]!; e++) {
        expected.add(`${newIndex[u]}>${newIndex[graph.outTargets[e]!]}:${graph.outWeights[e]}`);
      }
    }
    expect(arcs).toEqual(expected);
  });

  it('gives the same betweenness, read through the new numbering', () => {
    const { csr, newIndex } = relabelBreadthFirst(graph);
    const relabelled = betweenness(graphFromCsr(csr));
    const original = betweenness(graph);
    for (let v = 0; v < graph.nodeCount; v++) {
      expect(relabelled[newIndex[v]!]).toBeCloseTo(original[v]!, 12);
    }
  });
});
