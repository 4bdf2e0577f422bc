/**
 * Child process for the memory measurement: builds a 1,000,000-edge Barabási–Albert graph
 * (200,000 nodes) in CSR form and runs PageRank, Louvain and approximate betweenness, then
 * prints its peak RSS (whole process: Node runtime + tsx + data) as JSON.
 */
import { approximateBetweenness, buildGraph, louvain, pagerank } from '@essaim/core/network';
import { barabasiAlbert } from './barabasi-albert';

const start = performance.now();
const edges = barabasiAlbert(200_000, 5, 7);
const graph = buildGraph({ ...edges, isDirected: false });
pagerank(graph);
const communities = louvain(graph, { seed: 1 });
approximateBetweenness(graph, { epsilon: 0.02, seed: 1 });
console.log(
  JSON.stringify({
    edges: graph.edgeCount,
    nodes: graph.nodeCount,
    communities: communities.count,
    ms: Math.round(performance.now() - start),
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
