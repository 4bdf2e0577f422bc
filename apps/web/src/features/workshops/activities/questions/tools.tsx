/** @module Facilitator moderation of questions: publish, mark answered, hide. */
import { resultsOf } from '@essaim/core/live';
import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useActivityText } from '../shared/strings';
import type { ToolsProps } from '../types';
import { QuestionList, type QuestionSort, SortControl, sortQuestions } from './list';
import { questionsStrings } from './strings';

export function QuestionsTools({ state, activity, session }: ToolsProps<'questions'>) {
  const text = useActivityText(questionsStrings);
  const [sort, setSort] = useState<QuestionSort>('recent');
  const results = resultsOf(state, activity.id, { role: 'facilitator' });
  const questions = results?.type === 'questions' && !results.isHidden ? results.questions : [];
  const moderate = (questionId: string, status: 'approved' | 'answered' | 'hidden') =>
    session.send({ type: 'questions.moderate', activityId: activity.id, questionId, status });
  return (
    <Stack gap="xs" data-testid="questions-tools">
      <SortControl sort={sort} onChange={setSort} />
      <QuestionList
        questions={sortQuestions(questions, sort)}
        actions={(q) => (
          <Group gap={4}>
            {q.status === 'pending' || q.status === 'hidden' ? (
              <Button size="compact-xs" onClick={() => moderate(q.id, 'approved')}>
                {text('approve')}
              </Button>
            ) : null}
            {q.status === 'approved' ? (
              <Button size="compact-xs" variant="light" onClick={() => moderate(q.id, 'answered')}>
                {text('markAnswered')}
              </Button>
            ) : null}
            {q.status !== 'hidden' ? (
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => moderate(q.id, 'hidden')}>
                {text('hide')}
              </Button>
            ) : null}
          </Group>
        )}
      />
    </Stack>
  );
}
