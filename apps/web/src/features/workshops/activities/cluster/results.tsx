/** @module Cluster results: the groups and the cards left ungrouped. */
import { Badge, List, Paper, SimpleGrid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResultsProps } from '../types';

export function ClusterResultsView({ results }: ResultsProps<'cluster'>) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} data-testid="groups">
      {results.groups.map((g) => (
        <Paper key={g.id} withBorder p="sm" radius="md" component="section" aria-label={g.name}>
          <Title order={3} size="h5">
            {g.name} <Badge variant="light">{g.cards.length}</Badge>
          </Title>
          <List size="sm" mt="xs">
            {g.cards.map((c) => (
              <List.Item key={c.id}>{c.text}</List.Item>
            ))}
          </List>
        </Paper>
      ))}
      {results.ungrouped.length > 0 ? (
        <Paper withBorder p="sm" radius="md" component="section" aria-label={t('workshop.results.ungrouped')}>
          <Title order={3} size="h5">
            {t('workshop.results.ungrouped')}
          </Title>
          <List size="sm" mt="xs">
            {results.ungrouped.map((c) => (
              <List.Item key={c.id}>{c.text}</List.Item>
            ))}
          </List>
        </Paper>
      ) : null}
    </SimpleGrid>
  );
}
