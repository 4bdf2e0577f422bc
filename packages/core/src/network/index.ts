/**
 * @module @essaim/core/network — pure graph analytics on compact CSR graphs: centralities,
 * structure, communities, informal roles, trust zones and change agents. No I/O; every
 * randomised algorithm takes a `seed`.
 */

export * from '../rng';
export * from './analyze';
export * from './betweenness';
export * from './betweenness-approx';
export * from './closeness';
export * from './cohesion';
export * from './components';
export * from './csv';
export * from './degree';
export * from './eigenvector';
export * from './graph';
export * from './influence';
export * from './k-core';
export * from './leiden';
export * from './louvain';
export * from './modularity';
export * from './pagerank';
export * from './reorder';
export * from './roles';
export * from './structural-holes';
export * from './trust-zones';
