/** @module The web screens of this live activity kind, as `../registry.ts` lists them. */
import type { ActivityScreens } from '../types';
import { buildQuestions, QuestionsConfigForm } from './config-form';
import { QuestionsInput } from './input';
import { QuestionsResultsView } from './results';
import { questionsStrings } from './strings';
import { QuestionsTools } from './tools';

export const questionsScreens: ActivityScreens<'questions'> = {
  Input: QuestionsInput,
  Results: QuestionsResultsView,
  ConfigForm: QuestionsConfigForm,
  buildSpec: buildQuestions,
  Tools: QuestionsTools,
  strings: questionsStrings,
  isInputEnough: true,
};
