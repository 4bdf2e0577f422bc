/**
 * @module scoreCampaign: one campaign, scored as a whole, with the same confidentiality rules.
 */
import { aggregateCuts, type CutReport } from './aggregate-cuts';
import type { Instrument } from './instrument';
import { buildResponseMatrix } from './response-matrix';
import type { ValidSubmission } from './submission';
import type { ThemeOptions } from './themes';
import type { Thresholds } from './thresholds';

/** Props of {@link scoreCampaign}. */
export interface ScoreCampaignProps {
  readonly instrument: Instrument;
  /** Submissions that passed validateSubmission. */
  readonly submissions: readonly ValidSubmission[];
  readonly thresholds?: Partial<Thresholds>;
  readonly themeOptions?: Partial<ThemeOptions>;
}

/**
 * Score a whole campaign: construct scores, distributions, alpha, profile, level, highlights,
 * themes — or a suppression reason when there are fewer respondents than the threshold.
 * @example scoreCampaign({ instrument: ESSAIM_IC, submissions }).interpretation?.effectiveness.level
 */
export function scoreCampaign(props: ScoreCampaignProps): CutReport {
  const matrix = buildResponseMatrix(props.instrument, props.submissions);
  const respondents = props.submissions.map((_, index) => ({
    id: String(index),
    collectiveIds: [],
    attributes: {},
  }));
  const report = aggregateCuts({
    matrix,
    respondents,
    requestedCuts: [{}],
    ...(props.thresholds === undefined ? {} : { thresholds: props.thresholds }),
    ...(props.themeOptions === undefined ? {} : { themeOptions: props.themeOptions }),
  });
  return report.cuts[0]!;
}
