export { assertNever } from './assert.ts';
export {
  type CsvCell,
  type CsvLimits,
  type CsvReadResult,
  type CsvRecord,
  csvCell,
  guardFormula,
  readCsv,
  unguardFormula,
  writeCsv,
} from './csv.ts';
export { ACTIONS, type Action, actionsOf, can, isRole, ROLES, type Role } from './permissions.ts';
export { frenchTypography } from './text/french-typography.ts';
