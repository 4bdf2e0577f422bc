/** @module A participant's phone in small groups: answer the question, then see one's group and its members. */
import { ownStateOf } from '@essaim/core/live';
import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useActivityText } from '../shared/strings';
import type { InputProps } from '../types';
import { groupsStrings } from './strings';

export function GroupsInput({ state, activity, me, session }: InputProps<'groups'>) {
  const text = useActivityText(groupsStrings);
  const mine = ownStateOf(state, me).activities[activity.id]?.mine as
    | { optionId: string | null; groupIndex: number | null }
    | undefined;
  const groups = activity.data.groups;
  const index = groups.findIndex((g) => g.includes(me));
  const asked = useRef(false);
  // Someone who arrives after the groups were formed asks for a place once, by themselves.
  useEffect(() => {
    if (groups.length > 0 && index < 0 && !asked.current && activity.phase === 'open') {
      asked.current = true;
      session.send({ type: 'groups.join', activityId: activity.id });
    }
  }, [groups.length, index, activity.id, activity.phase, session]);
  const attribute = activity.config.attribute;
  const chosen = attribute?.options.find((o) => o.id === mine?.optionId);
  return (
    <Stack gap="sm">
      {attribute && index < 0 ? (
        <Stack gap="xs">
          <Text fw={600}>{attribute.question}</Text>
          <Group gap="xs">
            {attribute.options.map((o) => (
              <Button
                key={o.id}
                variant={o.id === mine?.optionId ? 'filled' : 'default'}
                aria-pressed={o.id === mine?.optionId}
                onClick={() =>
                  session.send({ type: 'groups.declare', activityId: activity.id, optionId: o.id })
                }
              >
                {o.label}
              </Button>
            ))}
          </Group>
          {chosen ? (
            <Text size="sm" c="dimmed" role="status">
              {text('answered', { option: chosen.label })}
            </Text>
          ) : null}
        </Stack>
      ) : null}
      {index >= 0 ? (
        <Paper withBorder p="md" radius="md" data-testid="my-group">
          <Title order={3} size="h4">
            {text('yourGroup')} · {text('groupN', { n: index + 1 })}
          </Title>
          <List mt="xs" spacing={4}>
            {groups[index]!.map((id) => (
              <List.Item key={id}>
                {state.participants[id]?.displayName ?? text('nameless')}
                {id === me ? ` (${text('you')})` : ''}
              </List.Item>
            ))}
          </List>
        </Paper>
      ) : groups.length > 0 ? (
        <Button onClick={() => session.send({ type: 'groups.join', activityId: activity.id })}>
          {text('findGroup')}
        </Button>
      ) : (
        <Alert variant="light">{text('waiting')}</Alert>
      )}
    </Stack>
  );
}
