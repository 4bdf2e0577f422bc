/** @module Word-cloud results: the 15 most frequent words. */
import { ChartResults } from '../shared/chart-results';
import type { ResultsOf, ResultsProps, Row } from '../types';

export function wordCloudRows(results: ResultsOf<'wordCloud'>): Row[] {
  return results.words.slice(0, 15).map((w) => ({ label: w.word, value: w.count }));
}

export function WordCloudResultsView({ results, isLarge, isProjector }: ResultsProps<'wordCloud'>) {
  return <ChartResults rows={wordCloudRows(results)} isLarge={isLarge} isProjector={isProjector} />;
}
