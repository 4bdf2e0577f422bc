/** @module What a participant does in a poll: pick one option. */
import { Button, Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputProps } from '../types';

export function PollInput({ activity, session }: InputProps<'poll'>) {
  const { t } = useTranslation();
  const config = activity.config as unknown as { options: { id: string; label: string }[] };
  const [choice, setChoice] = useState<string>('');
  return (
    <Stack gap="sm">
      <Radio.Group label={t('workshop.input.pollLabel')} value={choice} onChange={setChoice}>
        <Stack gap="xs" mt="xs">
          {config.options.map((o) => (
            <Radio key={o.id} value={o.id} label={o.label} />
          ))}
        </Stack>
      </Radio.Group>
      <Button
        disabled={!choice}
        onClick={() => session.send({ type: 'poll.answer', activityId: activity.id, optionIds: [choice] })}
      >
        {t('workshop.input.answer')}
      </Button>
    </Stack>
  );
}
