/** @module The web screens of this live activity kind, as `../registry.ts` lists them. */
import type { ActivityScreens } from '../types';
import { buildWordCloud, WordCloudConfigForm } from './config-form';
import { WordCloudInput } from './input';
import { WordCloudResultsView, wordCloudRows } from './results';
import { wordCloudStrings } from './strings';

export const wordCloudScreens: ActivityScreens<'wordCloud'> = {
  Input: WordCloudInput,
  Results: WordCloudResultsView,
  ConfigForm: WordCloudConfigForm,
  buildSpec: buildWordCloud,
  chartRows: wordCloudRows,
  strings: wordCloudStrings,
};
