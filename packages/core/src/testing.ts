/**
 * @module @essaim/core/testing — slow reference implementations used as oracles by tests.
 *
 * They follow textbook definitions literally and share no code with the fast versions, so
 * agreement between the two is meaningful. They are not part of the public entry points
 * (`@essaim/core/network`, `/opinions`, `/diagnostics`, `/live`): production code must never
 * call them (cubic or exponential time).
 */

export { referenceClauseDiff } from './charters/diff-reference';
export { exactRank, findExposedGroup } from './diagnostics/disclosure-oracle';
export { referenceBradleyTerry } from './live/bradley-terry-reference';
export * from './network/reference';
export { computeDensePca } from './opinions/pca-dense';
