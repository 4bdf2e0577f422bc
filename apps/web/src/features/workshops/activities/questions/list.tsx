/** @module A list of questions, sorted by votes or recency, shared by the phone, the console and the screen. */
import type { QuestionsResults } from '@essaim/core/live';
import { Badge, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useActivityText } from '../shared/strings';
import { questionsStrings } from './strings';

export type QuestionView = QuestionsResults['questions'][number];
export type QuestionSort = 'votes' | 'recent';

export function sortQuestions(list: readonly QuestionView[], sort: QuestionSort): QuestionView[] {
  return [...list].sort((a, b) => (sort === 'votes' ? b.votes - a.votes || a.at - b.at : b.at - a.at));
}

export function SortControl({ sort, onChange }: { sort: QuestionSort; onChange: (s: QuestionSort) => void }) {
  const text = useActivityText(questionsStrings);
  return (
    <SegmentedControl
      size="xs"
      aria-label={text('sort')}
      value={sort}
      onChange={(v) => onChange(v as QuestionSort)}
      data={[
        { value: 'votes', label: text('byVotes') },
        { value: 'recent', label: text('recent') },
      ]}
    />
  );
}

export function QuestionList({
  questions,
  isLarge = false,
  actions,
}: {
  questions: readonly QuestionView[];
  isLarge?: boolean;
  actions?: (q: QuestionView) => ReactNode;
}) {
  const text = useActivityText(questionsStrings);
  if (questions.length === 0) {
    return <Text c="dimmed">{text('none')}</Text>;
  }
  return (
    <Stack gap="xs" data-testid="questions-list">
      {questions.map((q) => (
        <Paper key={q.id} withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ flex: 1 }}>
              <Text size={isLarge ? 'xl' : 'md'}>{q.text}</Text>
              <Group gap={6}>
                <Text size="xs" c="dimmed">
                  {q.author ?? text('anonymous')}
                </Text>
                {q.isMine ? (
                  <Badge size="xs" variant="light">
                    {text('mine')}
                  </Badge>
                ) : null}
                {q.status !== 'approved' ? (
                  <Badge size="xs" variant="outline" color={q.status === 'answered' ? 'teal' : 'gray'}>
                    {text(q.status)}
                  </Badge>
                ) : null}
              </Group>
            </Stack>
            <Stack gap={4} align="flex-end">
              <Text fw={700} size={isLarge ? 'xl' : 'sm'}>
                {q.votes === 1 ? text('oneVote') : text('votes', { n: q.votes })}
              </Text>
              {actions?.(q)}
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
