/** @module Questions on the console and the projector: published and answered ones, by votes or recency. */
import { Stack } from '@mantine/core';
import { useState } from 'react';
import type { ResultsProps } from '../types';
import { QuestionList, type QuestionSort, SortControl, sortQuestions } from './list';

export function QuestionsResultsView({ results, isLarge, isProjector }: ResultsProps<'questions'>) {
  const [sort, setSort] = useState<QuestionSort>('votes');
  // The room's screen shows only what the room may see, whoever opened it.
  const visible = results.questions.filter((q) => q.status === 'approved' || q.status === 'answered');
  return (
    <Stack gap="sm">
      {isProjector ? null : <SortControl sort={sort} onChange={setSort} />}
      <QuestionList questions={sortQuestions(visible, sort)} isLarge={isLarge} />
    </Stack>
  );
}
