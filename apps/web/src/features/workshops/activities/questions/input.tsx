/** @module A participant's phone in questions with upvotes: ask (signed or not), upvote others' questions. */
import { resultsOf } from '@essaim/core/live';
import { Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useActivityText } from '../shared/strings';
import type { InputProps } from '../types';
import { QuestionList, type QuestionSort, SortControl, sortQuestions } from './list';
import { questionsStrings } from './strings';

export function QuestionsInput({ state, activity, me, session }: InputProps<'questions'>) {
  const text = useActivityText(questionsStrings);
  const [draft, setDraft] = useState('');
  const [isNamed, setNamed] = useState(false);
  const [sort, setSort] = useState<QuestionSort>('votes');
  const results = resultsOf(state, activity.id, { role: 'participant', participantId: me });
  const questions = results?.type === 'questions' && !results.isHidden ? results.questions : [];
  const hasPending = questions.some((q) => q.isMine && q.status === 'pending');
  return (
    <Stack gap="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim()) {
            session.send({ type: 'questions.ask', activityId: activity.id, text: draft.trim(), isNamed });
            setDraft('');
          }
        }}
      >
        <Stack gap="xs">
          <Textarea
            label={text('ask')}
            value={draft}
            maxLength={500}
            autosize
            minRows={2}
            onChange={(e) => setDraft(e.currentTarget.value)}
          />
          {activity.config.allowNames ? (
            <Checkbox
              label={text('sign')}
              checked={isNamed}
              onChange={(e) => setNamed(e.currentTarget.checked)}
            />
          ) : null}
          {isNamed ? null : (
            <Text size="xs" c="dimmed">
              {text('anonymousNote')}
            </Text>
          )}
          <Group>
            <Button type="submit" disabled={!draft.trim()}>
              {text('send')}
            </Button>
          </Group>
        </Stack>
      </form>
      {hasPending ? (
        <Text size="sm" c="dimmed" role="status">
          {text('waitingApproval')}
        </Text>
      ) : null}
      <SortControl sort={sort} onChange={setSort} />
      <QuestionList
        questions={sortQuestions(questions, sort)}
        actions={(q) =>
          q.isMine || q.status === 'pending' ? null : (
            <Button
              size="compact-sm"
              variant={q.hasMyVote ? 'filled' : 'light'}
              aria-pressed={q.hasMyVote}
              aria-label={text(q.hasMyVote ? 'unvote' : 'upvote', { text: q.text })}
              onClick={() =>
                session.send({
                  type: q.hasMyVote ? 'questions.unvote' : 'questions.upvote',
                  activityId: activity.id,
                  questionId: q.id,
                })
              }
            >
              ▲
            </Button>
          )
        }
      />
    </Stack>
  );
}
