/**
 * @module The workshop-method catalogue, assembled from one data module per family.
 */
import type { Method } from '../types';
import { CONVERGE_METHODS } from './converge';
import { DECIDE_METHODS } from './decide';
import { DIVERGE_METHODS } from './diverge';
import { PLAN_METHODS } from './plan';
import { REFLECT_METHODS } from './reflect';
import { RELATE_METHODS } from './relate';
import { SPREAD_METHODS } from './spread';

export { METHOD_SCHEMA_VERSION } from '../types';
export { LS_CREDIT, LS_SOURCE } from './credits';

/** Every method, in family order then authoring order. */
export const METHOD_CATALOGUE: readonly Method[] = [
  ...DIVERGE_METHODS,
  ...CONVERGE_METHODS,
  ...DECIDE_METHODS,
  ...RELATE_METHODS,
  ...REFLECT_METHODS,
  ...PLAN_METHODS,
  ...SPREAD_METHODS,
];
