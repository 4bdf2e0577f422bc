/**
 * @module @essaim/core/methods — workshop-method catalogue, search, recommender and agenda.
 * Pure: no I/O, no platform imports.
 */
export * from './agenda';
export { LS_CREDIT, LS_SOURCE, METHOD_CATALOGUE } from './catalogue';
export * from './measured-trust';
export * from './recommend';
export * from './search';
export * from './types';
