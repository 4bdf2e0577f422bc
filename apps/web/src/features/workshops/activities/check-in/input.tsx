/** @module A participant's phone at a check-in: the notice (anonymous or named), a level, maybe one word. */
import { ownStateOf } from '@essaim/core/live';
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useActivityText } from '../shared/strings';
import type { InputProps } from '../types';
import { checkInStrings, levelKey } from './strings';

export function CheckInInput({ state, activity, me, session }: InputProps<'checkIn'>) {
  const text = useActivityText(checkInStrings);
  const [level, setLevel] = useState<number | null>(null);
  const [word, setWord] = useState('');
  const mine = ownStateOf(state, me).activities[activity.id]?.mine as { hasAnswered: boolean } | undefined;
  const { scale, allowWord, showNames } = activity.config;
  if (mine?.hasAnswered) {
    return (
      <Alert variant="light" color="teal" role="status">
        {text('thanks')}
      </Alert>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (level !== null) {
          session.send({
            type: 'checkIn.answer',
            activityId: activity.id,
            level,
            word: allowWord && word.trim() ? word.trim() : null,
          });
        }
      }}
    >
      <Stack gap="sm">
        <Alert variant="light" color={showNames ? 'orange' : 'blue'} data-testid="check-in-notice">
          {showNames ? text('namedNotice') : text('anonymousNotice')}
        </Alert>
        <Group gap="xs" role="radiogroup" aria-label={text(scale)}>
          {[1, 2, 3, 4, 5].map((n) => (
            <Button
              key={n}
              role="radio"
              aria-checked={level === n}
              variant={level === n ? 'filled' : 'default'}
              onClick={() => setLevel(n)}
            >
              {n} · {text(levelKey(scale, n))}
            </Button>
          ))}
        </Group>
        {allowWord ? (
          <TextInput
            label={text('word')}
            value={word}
            maxLength={40}
            onChange={(e) => setWord(e.currentTarget.value.replace(/\s/g, ''))}
          />
        ) : null}
        <Group>
          <Button type="submit" disabled={level === null}>
            {text('send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
