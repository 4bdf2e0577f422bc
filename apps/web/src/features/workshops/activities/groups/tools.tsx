/** @module Facilitator controls for small groups: form them, then regroup (pairs → fours → everyone). */
import { Button, Group } from '@mantine/core';
import { useActivityText } from '../shared/strings';
import type { ToolsProps } from '../types';
import { groupsStrings } from './strings';

export function GroupsTools({ activity, session }: ToolsProps<'groups'>) {
  const text = useActivityText(groupsStrings);
  const id = activity.id;
  const size = activity.config.size;
  const groups = activity.data.groups;
  const isFormed = groups.length > 0;
  // Regrouping doubles the groups as they are now (pairs → fours → eights), until one group is left.
  const current = isFormed ? Math.floor(groups.flat().length / groups.length) : size;
  const next = !isFormed || groups.length < 2 || current === 0 ? null : current * 2;
  return (
    <Group gap="xs" data-testid="groups-tools">
      <Button size="xs" onClick={() => session.send({ type: 'groups.form', activityId: id, size })}>
        {text('form')}
      </Button>
      {isFormed && next !== null ? (
        <Button
          size="xs"
          variant="light"
          onClick={() => session.send({ type: 'groups.form', activityId: id, size: next })}
        >
          {text('regroupTo', { n: next })}
        </Button>
      ) : null}
      {isFormed && groups.length > 1 ? (
        <Button
          size="xs"
          variant="default"
          onClick={() => session.send({ type: 'groups.form', activityId: id, size: 0 })}
        >
          {text('all')}
        </Button>
      ) : null}
    </Group>
  );
}
