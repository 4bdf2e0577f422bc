export * from './commitments';
export * from './diff';
export * from './hash';
export * from './sha256';
export * from './templates';
export * from './types';
