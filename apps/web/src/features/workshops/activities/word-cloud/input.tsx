/** @module What a participant does in a word cloud: send words. */
import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputProps } from '../types';

export function WordCloudInput({ activity, session }: InputProps<'wordCloud'>) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) {
          session.send({ type: 'wordCloud.submit', activityId: activity.id, text: text.trim() });
          setText('');
        }
      }}
    >
      <Group align="flex-end">
        <TextInput
          label={t('workshop.input.wordLabel')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={80}
          style={{ flex: 1 }}
        />
        <Button type="submit">{t('workshop.input.send')}</Button>
      </Group>
    </form>
  );
}
