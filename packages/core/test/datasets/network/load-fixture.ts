/**
 * Test-only loader for the network fixtures in this folder (reads files with node:fs).
 * Datasets: Zachary's karate club (W. W. Zachary, J. Anthropological Research 33, 1977),
 * Florentine families (Breiger & Pattison, Social Networks 8, 1986; Padgett & Ansell 1993),
 * Krackhardt kite (D. Krackhardt, Administrative Science Quarterly 35, 1990). Edge lists
 * follow networkx's generators; published-values.json holds the reference metrics.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseEdgeListCsv } from '../../../src/network/csv';
import { type Graph, graphFromEdges } from '../../../src/network/graph';

export type FixtureName = 'karate-club' | 'florentine-families' | 'krackhardt-kite';

/** Absolute path of a file in this folder. */
export function fixturePath(file: string): string {
  return fileURLToPath(new URL(file, import.meta.url));
}

/** Reads `<name>.edges.csv` as an undirected, unweighted graph. */
export function loadFixture(name: FixtureName): Graph {
  const parsed = parseEdgeListCsv(readFileSync(fixturePath(`${name}.edges.csv`), 'utf8'));
  if (!parsed.isOk) {
    throw new Error(`fixture ${name}: ${JSON.stringify(parsed.errors)}`);
  }
  return graphFromEdges(parsed.value.edges, { isDirected: false });
}

/** Published reference values keyed by fixture, metric and node id. */
export function loadPublishedValues(): Record<FixtureName, Record<string, Record<string, number>>> {
  return JSON.parse(readFileSync(fixturePath('published-values.json'), 'utf8'));
}
