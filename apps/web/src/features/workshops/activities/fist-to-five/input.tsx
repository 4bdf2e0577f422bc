/** @module What a participant does in a fist-to-five: show fingers, explain at two or fewer. */
import { type FistToFiveOwnState, ownStateOf } from '@essaim/core/live';
import { Button, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScaleButtons } from '../shared/scale-buttons';
import type { InputProps } from '../types';

export function FistToFiveInput({ state, activity, me, session }: InputProps<'fistToFive'>) {
  const { t } = useTranslation();
  const mine = ownStateOf(state, me).activities[activity.id]?.mine;
  return (
    <Stack gap="sm">
      <Text>{(activity.config as { proposal: string }).proposal}</Text>
      <Text size="sm" c="dimmed" data-testid="fist-names-notice">
        {(activity.config as { showNames?: boolean }).showNames === true
          ? t('workshop.fist.namesShown')
          : t('workshop.fist.namesHidden')}
      </Text>
      <ScaleButtons
        values={[0, 1, 2, 3, 4, 5]}
        selected={(mine as FistToFiveOwnState | null | undefined)?.value ?? null}
        label={t('workshop.input.fistLabel')}
        onPick={(value) => session.send({ type: 'fistToFive.show', activityId: activity.id, value })}
      />
      <Text size="sm" c="dimmed">
        {t('workshop.fist.help')}
      </Text>
      <FistExplain state={state} activity={activity} me={me} session={session} />
    </Stack>
  );
}

/** At two fingers or fewer, the participant is asked to say why. */
export function FistExplain({ activity, me, session, state }: InputProps<'fistToFive'>) {
  const { t } = useTranslation();
  const mine = ownStateOf(state, me).activities[activity.id]?.mine as FistToFiveOwnState | undefined;
  const [text, setText] = useState('');
  if (!mine?.isAskedToExplain) {
    return null;
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) {
          session.send({ type: 'fistToFive.explain', activityId: activity.id, text: text.trim() });
          setText('');
        }
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('workshop.fist.explainLabel')}
          description={t('workshop.fist.explainHelp')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
        />
        <Button type="submit" disabled={!text.trim()}>
          {t('workshop.fist.explainSend')}
        </Button>
        {mine.explanation ? (
          <Text size="sm" c="dimmed" data-testid="fist-my-explanation">
            {t('workshop.fist.yourExplanation', { text: mine.explanation })}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}
