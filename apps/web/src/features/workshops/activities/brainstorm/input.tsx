/** @module What a participant does in a brainstorm: add cards, named or anonymous. */
import { ownStateOf } from '@essaim/core/live';
import { Button, Checkbox, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputProps } from '../types';

export function BrainstormInput({ state, activity, me, session }: InputProps<'brainstorm'>) {
  const { t } = useTranslation();
  const mine = ownStateOf(state, me).activities[activity.id]?.mine as
    | { cards: { id: string; text: string; isAnonymous: boolean }[]; remaining: number }
    | undefined;
  const [text, setText] = useState('');
  const [isAnonymous, setAnonymous] = useState(false);
  const config = activity.config as { anonymity: 'named' | 'anonymous' | 'optional' };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) {
          session.send({
            type: 'brainstorm.addCard',
            activityId: activity.id,
            text: text.trim(),
            ...(config.anonymity === 'optional' ? { isAnonymous } : {}),
          });
          setText('');
        }
      }}
    >
      <Stack gap="sm">
        <Textarea
          label={t('workshop.input.cardLabel')}
          description={t('workshop.input.cardHelp')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
        />
        {config.anonymity === 'optional' ? (
          <Checkbox
            label={t('workshop.input.anonymous')}
            checked={isAnonymous}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
          />
        ) : null}
        <Button type="submit" disabled={!text.trim() || mine?.remaining === 0} size="md">
          {t('workshop.input.addCard')}
        </Button>
        {mine && mine.cards.length > 0 ? (
          <Stack gap={4} component="section" aria-label={t('workshop.input.myCards')}>
            <Text size="sm" fw={600}>
              {t('workshop.input.myCardsCount', { count: mine.cards.length })}
            </Text>
            {mine.cards.map((c) => (
              <Paper key={c.id} withBorder p="xs" radius="sm">
                <Text size="sm">{c.text}</Text>
                {c.isAnonymous ? (
                  <Text size="xs" c="dimmed">
                    {t('workshop.input.anonymousCard')}
                  </Text>
                ) : null}
              </Paper>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </form>
  );
}
