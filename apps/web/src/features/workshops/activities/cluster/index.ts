/** @module The web screens of this live activity kind, as `../registry.ts` lists them. */
import type { ActivityScreens } from '../types';
import { buildCluster, ClusterConfigForm } from './config-form';
import { ClusterInput } from './input';
import { ClusterResultsView } from './results';
import { clusterStrings } from './strings';

export const clusterScreens: ActivityScreens<'cluster'> = {
  Input: ClusterInput,
  Results: ClusterResultsView,
  ConfigForm: ClusterConfigForm,
  buildSpec: buildCluster,
  strings: clusterStrings,
};
