export {
  assessCynefin,
  CLEAR_MARGIN,
  type ComplexityAnswers,
  type CynefinAssessment,
  type CynefinDomain,
} from './cynefin.ts';
export { type Criterion, weightedScore } from './options-board.ts';
export {
  parseRosterCsv,
  type RosterIssue,
  type RosterParseResult,
  type RosterRow,
  rowsToRoster,
} from './roster.ts';
