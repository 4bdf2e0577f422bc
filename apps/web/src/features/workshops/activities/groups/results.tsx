/** @module Small groups on the console and the projector: every group with its members' names. */
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useActivityText } from '../shared/strings';
import type { ResultsProps } from '../types';
import { groupsStrings } from './strings';

export function GroupsResultsView({ results, isLarge }: ResultsProps<'groups'>) {
  const text = useActivityText(groupsStrings);
  if (results.teams.length === 0) {
    return <Text c="dimmed">{text('empty')}</Text>;
  }
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {text('round', { n: results.round })} · {text('people', { n: results.participantCount })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: isLarge ? 3 : 2 }} spacing="sm" data-testid="groups-list">
        {results.teams.map((team) => (
          <Paper key={team.index} withBorder p="sm" radius="md">
            <Title order={3} size={isLarge ? 'h3' : 'h5'}>
              {text('groupN', { n: team.index + 1 })}
            </Title>
            <Text size={isLarge ? 'xl' : 'sm'}>
              {team.members.map((m) => m ?? text('nameless')).join(', ')}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
