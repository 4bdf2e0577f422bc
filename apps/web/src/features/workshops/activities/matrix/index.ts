/** @module The web screens of this live activity kind, as `../registry.ts` lists them. */
import type { ActivityScreens } from '../types';
import { buildMatrix, MatrixConfigForm } from './config-form';
import { MatrixInput } from './input';
import { MatrixResultsView } from './results';
import { matrixStrings } from './strings';
import { MatrixTools } from './tools';

export const matrixScreens: ActivityScreens<'matrix'> = {
  Input: MatrixInput,
  Results: MatrixResultsView,
  ConfigForm: MatrixConfigForm,
  buildSpec: buildMatrix,
  Tools: MatrixTools,
  strings: matrixStrings,
};
