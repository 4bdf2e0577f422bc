/** @module Dot-vote results: dots per item. */
import { ChartResults } from '../shared/chart-results';
import type { ResultsOf, ResultsProps, Row } from '../types';

export function dotVoteRows(results: ResultsOf<'dotVote'>): Row[] {
  return results.items.map((i) => ({ label: i.label, value: i.dots }));
}

export function DotVoteResultsView({ results, isLarge, isProjector }: ResultsProps<'dotVote'>) {
  return <ChartResults rows={dotVoteRows(results)} isLarge={isLarge} isProjector={isProjector} />;
}
