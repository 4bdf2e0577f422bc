/** @module Brainstorm results: the visible cards. */
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResultsProps } from '../types';

export function BrainstormResultsView({ results, isLarge }: ResultsProps<'brainstorm'>) {
  const { t } = useTranslation();
  const cards = results.cards.filter((c) => !c.isHidden);
  return cards.length === 0 ? (
    <Text c="dimmed">{t('workshop.results.noCards')}</Text>
  ) : (
    <SimpleGrid cols={{ base: 1, sm: 2, md: isLarge ? 4 : 3 }} data-testid="cards">
      {cards.map((c) => (
        <Paper key={c.id} withBorder p="sm" radius="md" component="article">
          <Text fz={isLarge ? 26 : 'md'}>{c.text}</Text>
          {c.author ? (
            <Text size="xs" c="dimmed">
              {c.author}
            </Text>
          ) : null}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
