/** @module The web screens of this live activity kind, as `../registry.ts` lists them. */
import type { ActivityScreens } from '../types';
import { buildRanking, RankingConfigForm } from './config-form';
import { RankingInput } from './input';
import { RankingResultsView, rankingRows } from './results';
import { rankingStrings } from './strings';

export const rankingScreens: ActivityScreens<'ranking'> = {
  Input: RankingInput,
  Results: RankingResultsView,
  ConfigForm: RankingConfigForm,
  buildSpec: buildRanking,
  chartRows: rankingRows,
  strings: rankingStrings,
};
