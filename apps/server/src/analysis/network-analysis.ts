/**
 * The server's network analysis is core's one pipeline (`@essaim/core/network`, analyze.ts); this
 * module keeps the server-side names the jobs service, the worker and the runner use.
 */
import {
  analyzeNetwork,
  type NetworkAnalysisInput,
  type NetworkProgressCallback,
} from '@essaim/core/network';

export type {
  NetworkAnalysisEdge as AnalysisEdge,
  NetworkAnalysisInput as AnalysisInput,
  NetworkAnalysisNode as AnalysisNode,
  NetworkAnalysisOutput as AnalysisOutput,
  NetworkAnalysisProposal as AnalysisProposal,
  NetworkProgressCallback as ProgressCallback,
} from '@essaim/core/network';

/** Runs every analysis on one network (see `analyzeNetwork` in core). */
export function analyseNetwork(input: NetworkAnalysisInput, onProgress?: NetworkProgressCallback) {
  return analyzeNetwork(input, { onProgress });
}
