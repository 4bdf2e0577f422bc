/** @module The web screens of this live activity kind, as `../registry.ts` lists them. */
import type { ActivityScreens } from '../types';
import { BudgetConfigForm, buildBudget } from './config-form';
import { BudgetInput } from './input';
import { BudgetResultsView, budgetRows } from './results';
import { budgetStrings } from './strings';

export const budgetScreens: ActivityScreens<'budget'> = {
  Input: BudgetInput,
  Results: BudgetResultsView,
  ConfigForm: BudgetConfigForm,
  buildSpec: buildBudget,
  chartRows: budgetRows,
  strings: budgetStrings,
};
