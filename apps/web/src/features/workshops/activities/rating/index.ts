/** @module The web screens of this live activity kind, as `../registry.ts` lists them. */
import type { ActivityScreens } from '../types';
import { buildRating, RatingConfigForm } from './config-form';
import { RatingInput } from './input';
import { RatingResultsView, ratingRows } from './results';
import { ratingStrings } from './strings';

export const ratingScreens: ActivityScreens<'rating'> = {
  Input: RatingInput,
  Results: RatingResultsView,
  ConfigForm: RatingConfigForm,
  buildSpec: buildRating,
  chartRows: ratingRows,
  strings: ratingStrings,
};
