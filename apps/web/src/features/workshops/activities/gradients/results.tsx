/** @module Gradients results: participants per level. */
import { ChartResults } from '../shared/chart-results';
import type { ResultsOf, ResultsProps, Row } from '../types';

export function gradientsRows(results: ResultsOf<'gradients'>): Row[] {
  return results.levels.map((l) => ({ label: `${l.level}. ${l.label}`, value: l.count }));
}

export function GradientsResultsView({ results, isLarge, isProjector }: ResultsProps<'gradients'>) {
  return <ChartResults rows={gradientsRows(results)} isLarge={isLarge} isProjector={isProjector} />;
}
