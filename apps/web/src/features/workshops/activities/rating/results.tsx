/** @module Rating results: mean score per item. */
import { useTranslation } from 'react-i18next';
import { ChartResults } from '../shared/chart-results';
import type { ResultsOf, ResultsProps, Row } from '../types';

export function ratingRows(results: ResultsOf<'rating'>): Row[] {
  return results.items.map((i) => ({ label: i.label, value: Math.round((i.mean ?? 0) * 10) / 10 }));
}

export function RatingResultsView({ results, isLarge, isProjector }: ResultsProps<'rating'>) {
  const { t } = useTranslation();
  return (
    <ChartResults
      rows={ratingRows(results)}
      summary={t('workshop.results.meanScale')}
      isLarge={isLarge}
      isProjector={isProjector}
    />
  );
}
