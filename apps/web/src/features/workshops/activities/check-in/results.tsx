/** @module Check-in results: the distribution of levels and the words (sorted), names only in named mode. */
import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { ChartResults } from '../shared/chart-results';
import { useActivityText } from '../shared/strings';
import type { ResultsOf, ResultsProps, Row } from '../types';
import { checkInStrings, levelKey } from './strings';

export function checkInRows(results: ResultsOf<'checkIn'>): Row[] {
  return results.levels.map((l) => ({ label: String(l.level), value: l.count }));
}

/** Each distinct line once with how many times it occurs, in first-seen order. */
function countWords(words: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const w of words) {
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts.entries()];
}

export function CheckInResultsView({ results, isLarge, isProjector }: ResultsProps<'checkIn'>) {
  const text = useActivityText(checkInStrings);
  const rows = results.levels.map((l) => ({
    label: `${l.level} · ${text(levelKey(results.scale, l.level))}`,
    value: l.count,
  }));
  return (
    <ChartResults
      rows={rows}
      summary={text('count', { n: results.count })}
      isLarge={isLarge}
      isProjector={isProjector}
      footer={
        <Stack gap="xs">
          {results.words.length > 0 ? (
            <>
              <Text size="sm" fw={600}>
                {text('words')}
              </Text>
              <Group gap={6} data-testid="check-in-words">
                {countWords(results.words).map(([w, n]) => (
                  <Badge key={w} variant="light" size={isLarge ? 'xl' : 'md'} tt="none">
                    {n > 1 ? `${w} ×${n}` : w}
                  </Badge>
                ))}
              </Group>
            </>
          ) : null}
          {results.named.length > 0 ? (
            <>
              <Text size="sm" fw={600}>
                {text('named')}
              </Text>
              <List size="sm">
                {countWords(
                  results.named.map(
                    (n) =>
                      `${n.name ?? text('nameless')} — ${text(levelKey(results.scale, n.level))}${n.word ? ` · ${n.word}` : ''}`,
                  ),
                ).map(([line, n]) => (
                  <List.Item key={line}>{n > 1 ? `${line} ×${n}` : line}</List.Item>
                ))}
              </List>
            </>
          ) : null}
        </Stack>
      }
    />
  );
}
