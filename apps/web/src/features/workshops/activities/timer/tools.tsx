/** @module Facilitator tools for the timer. */
import type { ActivityOf } from '@essaim/core/live';
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveSession } from '../../live-session';

export function TimerTools({ activity, session }: { activity: ActivityOf<'timer'>; session: LiveSession }) {
  const { t } = useTranslation();
  const isRunning = activity.data.startedAt !== null;
  const id = activity.id;
  return (
    <Group gap="xs" data-testid="timer-tools">
      {isRunning ? (
        <Button
          size="xs"
          variant="light"
          onClick={() => session.send({ type: 'timer.pause', activityId: id })}
        >
          {t('workshop.timer.pause')}
        </Button>
      ) : (
        <Button size="xs" onClick={() => session.send({ type: 'timer.start', activityId: id })}>
          {t('workshop.timer.start')}
        </Button>
      )}
      <Button
        size="xs"
        variant="default"
        onClick={() => session.send({ type: 'timer.reset', activityId: id })}
      >
        {t('workshop.timer.reset')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        onClick={() =>
          session.send({
            type: 'timer.setDuration',
            activityId: id,
            durationMs: activity.data.durationMs + 60_000,
          })
        }
      >
        {t('workshop.timer.addMinute')}
      </Button>
    </Group>
  );
}
