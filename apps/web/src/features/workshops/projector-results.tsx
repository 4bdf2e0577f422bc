import type { ActivityResults } from '@essaim/core/live';
import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FistDetails } from './activities/fist-to-five/results';
import { chartRows, ResultsView } from './results-view';

/** Results kinds whose values count people (never a fraction of a person on the projector). */
const COUNTS_PEOPLE = new Set(['dotVote', 'poll', 'fistToFive', 'wordCloud', 'gradients']);

/**
 * Results as the back of a room reads them: one bar per row with its label and value written in
 * large type (≥ 24 px at 1366 px wide), numbers in the interface language's format, no
 * chart/table switch. Text results (cards, groups, timers, consent) use the large results view.
 */
export function ProjectorResults({ results }: { results: ActivityResults }) {
  const { t, i18n } = useTranslation();
  const rows = chartRows(results);
  if (results.isHidden || rows === null || results.type === 'ranking' || results.type === 'pairwise') {
    return <ResultsView results={results} isLarge isProjector />;
  }
  const isCount = COUNTS_PEOPLE.has(results.type);
  const format = new Intl.NumberFormat(i18n.language, {
    maximumFractionDigits: isCount ? 0 : 1,
  });
  const max = Math.max(1, ...rows.map((r) => r.value));
  const total = rows.reduce((s, r) => s + r.value, 0);
  return (
    <Stack gap="lg" data-testid="projector-bars">
      {results.type === 'fistToFive' ? (
        <Text fz={32} fw={700} c={results.isPassing ? 'teal.8' : 'orange.8'}>
          {results.isPassing
            ? t('workshop.fist.passing')
            : t('workshop.fist.notPassing', { count: results.flaggedCount })}
        </Text>
      ) : null}
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {rows.map((row) => {
          const value = isCount ? Math.round(row.value) : row.value;
          return (
            <Box component="li" key={row.label} data-testid="projector-row">
              <Group gap="md" wrap="nowrap" align="center">
                <Text fz={28} fw={600} w="32%" style={{ overflowWrap: 'anywhere' }}>
                  {row.label}
                </Text>
                <Box style={{ flex: 1 }} pos="relative" h={52}>
                  <Box
                    h="100%"
                    bg="honey.6"
                    style={{ width: `${Math.max(2, (value / max) * 100)}%`, borderRadius: 8 }}
                  />
                </Box>
                <Text fz={32} fw={800} w={110} ta="right" data-testid="projector-value">
                  {format.format(value)}
                </Text>
              </Group>
            </Box>
          );
        })}
      </Stack>
      <Text fz={24} c="dimmed">
        {results.type === 'rating'
          ? t('workshop.results.meanScale')
          : t('workshop.results.total', { count: Math.round(total) })}
      </Text>
      {results.type === 'fistToFive' ? <FistDetails results={results} isLarge /> : null}
    </Stack>
  );
}
