import type { ActivityResults } from '@essaim/core/live';
import { Text } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_SCREENS } from './activities/registry';
import type { ResultsOf, ResultsProps, Row } from './activities/types';

/** Bars for results that count something; `null` for text results (cards, groups). */
export function chartRows(results: ActivityResults): Row[] | null {
  if (results.isHidden) {
    return null;
  }
  const rows = ACTIVITY_SCREENS[results.type].chartRows as
    | ((r: ResultsOf<typeof results.type>) => Row[])
    | undefined;
  return rows ? rows(results) : null;
}

/** Results of one activity, drawn by its kind's screen in the registry (or a note while hidden). */
export function ResultsView({
  results,
  isLarge = false,
  isProjector = false,
}: {
  results: ActivityResults;
  isLarge?: boolean;
  /** On the room's screen: no chart/table switch (nobody there can click it). */
  isProjector?: boolean;
}) {
  const { t } = useTranslation();
  if (results.isHidden) {
    return (
      <Text c="dimmed" fz={isLarge ? 28 : undefined} data-testid="results-hidden">
        {t('workshop.results.hidden')}
      </Text>
    );
  }
  const Results = ACTIVITY_SCREENS[results.type].Results as ComponentType<ResultsProps>;
  return <Results results={results} isLarge={isLarge} isProjector={isProjector} />;
}
