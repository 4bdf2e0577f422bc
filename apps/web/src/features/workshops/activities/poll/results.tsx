/** @module Poll results: answers per option. */
import { ChartResults } from '../shared/chart-results';
import type { ResultsOf, ResultsProps, Row } from '../types';

export function pollRows(results: ResultsOf<'poll'>): Row[] {
  return results.options.map((o) => ({ label: o.label, value: o.count }));
}

export function PollResultsView({ results, isLarge, isProjector }: ResultsProps<'poll'>) {
  return <ChartResults rows={pollRows(results)} isLarge={isLarge} isProjector={isProjector} />;
}
