/** @module Fist-to-five results: fingers, whether it passes, who is asked to explain. */
import type { FistToFiveResults } from '@essaim/core/live';
import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartResults } from '../shared/chart-results';
import { keyed } from '../shared/keyed';
import type { ResultsOf, ResultsProps, Row } from '../types';

/** Fist-to-five: who is asked to explain (names for the facilitator only) and what was said. */
export function FistDetails({ results, isLarge = false }: { results: FistToFiveResults; isLarge?: boolean }) {
  const { t } = useTranslation();
  if (results.flagged.length === 0 && results.explanations.length === 0) {
    return null;
  }
  return (
    <Stack gap={4} data-testid="fist-explanations">
      <Text size="sm" fz={isLarge ? 28 : undefined} fw={600}>
        {results.showNames ? t('workshop.fist.explanations') : t('workshop.fist.anonymousExplanations')}
      </Text>
      <List size="sm" fz={isLarge ? 26 : undefined} spacing={4}>
        {keyed(results.flagged, (f) => `${f.participant}:${f.explanation}`).map(({ key, item: f }) => (
          <List.Item key={key}>
            {f.participant ?? t('workshop.participants.anonymous')} –{' '}
            {f.explanation ?? (
              <Text span c="dimmed" size="sm">
                {t('workshop.fist.noExplanation')}
              </Text>
            )}
          </List.Item>
        ))}
        {results.flagged.length === 0
          ? keyed(results.explanations, (e) => e.text).map(({ key, item }) => (
              <List.Item key={key}>{item.text}</List.Item>
            ))
          : null}
      </List>
    </Stack>
  );
}

export function fistToFiveRows(results: ResultsOf<'fistToFive'>): Row[] {
  return results.histogram.map((count, fingers) => ({ label: String(fingers), value: count }));
}

export function FistToFiveResultsView({ results, isLarge, isProjector }: ResultsProps<'fistToFive'>) {
  const { t } = useTranslation();
  return (
    <ChartResults
      rows={fistToFiveRows(results)}
      isLarge={isLarge}
      isProjector={isProjector}
      header={
        <Text fw={600} c={results.isPassing ? 'teal' : 'orange'}>
          {results.isPassing
            ? t('workshop.fist.passing')
            : t('workshop.fist.notPassing', { count: results.flaggedCount })}
        </Text>
      }
      footer={<FistDetails results={results} />}
    />
  );
}
