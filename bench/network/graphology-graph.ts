/** Builds the same undirected graph in graphology, for same-process peer comparisons. */
import Graph from 'graphology';
import type { EdgeArrays } from './barabasi-albert';

export function toGraphology({ nodeCount, sources, targets }: EdgeArrays): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let v = 0; v < nodeCount; v++) {
    graph.addNode(String(v));
  }
  for (let i = 0; i < sources.length; i++) {
    graph.addEdge(String(sources[i]), String(targets[i]));
  }
  return graph;
}
