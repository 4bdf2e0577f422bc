import type { Clause } from '@essaim/core/charters';
import { Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CharterComments, useCharterAction, useCharterPart } from './api';
import { ClauseSelect, clauseLabel } from './clause-select';

export function CommentsPanel(props: {
  orgId: string;
  engagementId: string;
  charterId: string;
  clauses: Clause[];
  canComment: boolean;
}) {
  const { t } = useTranslation();
  const { orgId, engagementId, charterId, clauses } = props;
  const list = useCharterPart<CharterComments>(orgId, engagementId, charterId, 'comments');
  const action = useCharterAction(orgId, engagementId, charterId);
  const [clauseId, setClauseId] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const comments = list.data?.comments ?? [];
  return (
    <Stack gap="sm">
      {comments.length === 0 && <Text c="dimmed">{t('charters.comments.empty')}</Text>}
      {comments.map((c) => (
        <Card key={c.id} withBorder p="sm" data-testid="charter-comment">
          <Text size="xs" c="dimmed">
            {c.authorName} · {clauseLabel(clauses, c.clauseId)}
          </Text>
          <Text>{c.body}</Text>
          <Group justify="space-between" mt={4}>
            {c.status === 'resolved' ? (
              <Badge variant="light" color="honey">
                {t('charters.comments.resolved')}
              </Badge>
            ) : (
              <span />
            )}
            {props.canComment && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() =>
                  action.mutate({
                    path: `comments/${c.id}/status`,
                    body: { status: c.status === 'resolved' ? 'open' : 'resolved' },
                  })
                }
              >
                {c.status === 'resolved' ? t('charters.comments.reopen') : t('charters.comments.resolve')}
              </Button>
            )}
          </Group>
        </Card>
      ))}
      {props.canComment && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (clauseId && body.trim()) {
              action.mutate({ path: 'comments', body: { clauseId, body } }, { onSuccess: () => setBody('') });
            }
          }}
        >
          <Stack gap="xs">
            <ClauseSelect
              clauses={clauses}
              value={clauseId}
              onChange={setClauseId}
              label={t('charters.comments.clause')}
            />
            <Textarea
              label={t('charters.comments.body')}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              maxLength={4000}
              autosize
              minRows={2}
            />
            <Group>
              <Button type="submit" size="xs" disabled={!clauseId || !body.trim()} loading={action.isPending}>
                {t('charters.comments.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
