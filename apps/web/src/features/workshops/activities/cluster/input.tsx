/** @module Clustering is the facilitator's work: participants watch the groups form in the results. */
import type { InputProps } from '../types';

export function ClusterInput(_props: InputProps<'cluster'>) {
  return null;
}
