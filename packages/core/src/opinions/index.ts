/**
 * @module Opinion mapping (Polis-grade): sparse PCA, two-level clustering, representative
 * statements, consensus, bridging, routing priority, small-group mode and Polis CSV interop.
 * Pure and deterministic for a given seed.
 */

export { createRng, type Rng } from '../rng';
export {
  type AnalysisExplanation,
  type AnalysisMode,
  type AnalyzeOptions,
  analyzeOpinions,
  analyzeVoteMatrix,
  type OpinionAnalysis,
  type OpinionAxes,
  type OpinionGroup,
  type ParticipantPosition,
  type StatementStats,
} from './analyze';
export { centersOf, clusterOpinionMap, type GroupCountSmoother, type OpinionClustering } from './clustering';
export { computeSilhouette, type KMeansResult, runKMeans } from './kmeans';
export { adjustedRandIndex } from './metrics';
export { computeSparsePca, computeStatementExtremity, type PcaResult, projectParticipants } from './pca';
export {
  formatPolisComments,
  formatPolisDatetime,
  formatPolisVotes,
  listModeratedOut,
  type PolisComment,
  PolisCsvError,
  parsePolisComments,
  parsePolisVotes,
} from './polis-csv';
export {
  analyzePolisExport,
  analyzePolisVotes,
  type PolisExportFiles,
  type PolisImportOptions,
  type PolisImportResult,
} from './polis-import';
export { type InclusionOptions, replayPolisInclusion } from './polis-inclusion';
export { type PolisParticipantsVotes, parsePolisParticipantsVotes } from './polis-participants';
export { computeImportance, computePriority, pickNextStatement, rankNextStatements } from './priority';
export {
  type BridgingStatement,
  type ConsensusStatement,
  proportionTest,
  type RepresentativeStatement,
  twoProportionTest,
} from './repness';
export { clusterSmallGroup, computeAgreementDistances } from './small-group';
export { buildVoteMatrix, type Vote, type VoteMatrix, voteMatrixFromTriplets } from './vote-matrix';
