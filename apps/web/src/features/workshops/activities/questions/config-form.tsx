/** @module Questions config: moderation first or not, and whether askers may sign. */
import { Checkbox, Stack } from '@mantine/core';
import { useActivityText } from '../shared/strings';
import type { ConfigContext, ConfigFormProps } from '../types';
import { questionsStrings } from './strings';

const read = (extra: Readonly<Record<string, unknown>>) => ({
  isModerated: extra.isModerated !== false,
  allowNames: extra.allowNames !== false,
});

export function QuestionsConfigForm({ values, set }: ConfigFormProps) {
  const text = useActivityText(questionsStrings);
  const v = read(values.extra);
  return (
    <Stack gap="xs">
      <Checkbox
        label={text('moderated')}
        checked={v.isModerated}
        onChange={(e) => set('extra', { ...values.extra, isModerated: e.currentTarget.checked })}
      />
      <Checkbox
        label={text('allowNames')}
        checked={v.allowNames}
        onChange={(e) => set('extra', { ...values.extra, allowNames: e.currentTarget.checked })}
      />
    </Stack>
  );
}

export function buildQuestions({ name, values }: ConfigContext) {
  // The room sees published questions at once: that is what a Q&A is for.
  return { type: 'questions' as const, title: name, config: read(values.extra), isRevealed: true };
}
