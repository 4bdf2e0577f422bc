import type { Clause } from '@essaim/core/charters';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CharterAmendments, useCharterAction, useCharterPart } from './api';
import { ClauseSelect, clauseLabel } from './clause-select';

/** A round's deadline one week from now (the proposal page lets the facilitator extend it). */
export const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

export function AmendmentsPanel(props: {
  orgId: string;
  engagementId: string;
  charterId: string;
  clauses: Clause[];
  canPropose: boolean;
  canDecide: boolean;
  /** May open a proposal round (decisions capability) on an amendment. */
  canPutToDecision: boolean;
  editorsMayDecide: boolean;
}) {
  const { t } = useTranslation();
  const { orgId, engagementId, charterId, clauses } = props;
  const list = useCharterPart<CharterAmendments>(orgId, engagementId, charterId, 'amendments');
  const action = useCharterAction(orgId, engagementId, charterId);
  const [clauseId, setClauseId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [objection, setObjection] = useState<Record<string, string>>({});
  const amendments = list.data?.amendments ?? [];
  return (
    <Stack gap="sm">
      {amendments.length === 0 && <Text c="dimmed">{t('charters.amendments.empty')}</Text>}
      {amendments.map((a) => (
        <Card key={a.id} withBorder p="sm" data-testid="charter-amendment">
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {a.authorName} · {clauseLabel(clauses, a.clauseId)}
            </Text>
            <Badge
              variant="light"
              color={a.status === 'accepted' ? 'honey' : a.status === 'rejected' ? 'red' : 'gray'}
            >
              {t(`charters.amendments.status.${a.status}`)}
            </Badge>
          </Group>
          <Text size="sm" td="line-through" c="dimmed">
            {a.originalText}
          </Text>
          <Text>{a.text}</Text>
          {a.reason && (
            <Text size="sm" c="dimmed">
              {a.reason}
            </Text>
          )}
          <Text size="xs" mt={4}>
            {t('charters.amendments.counts', a.positions)}
          </Text>
          {a.status === 'open' && a.proposalId && (
            <Stack gap={4} mt="xs">
              <Text size="sm">{t('charters.decision.inRound')}</Text>
              <Text size="xs" c="dimmed">
                {t('charters.decision.amendmentIntro')}
              </Text>
              <Anchor
                component={Link}
                to={`/engagements/${engagementId}/proposals/${a.proposalId}`}
                size="sm"
              >
                {t('charters.decision.open')}
              </Anchor>
            </Stack>
          )}
          {a.status === 'open' && !a.proposalId && (
            <Stack gap={6} mt="xs">
              <Group gap="xs">
                <Button
                  size="compact-sm"
                  variant={a.myPosition === 'consent' ? 'filled' : 'light'}
                  onClick={() =>
                    action.mutate({ path: `amendments/${a.id}/positions`, body: { value: 'consent' } })
                  }
                >
                  {t('charters.amendments.consent')}
                </Button>
                <TextInput
                  size="xs"
                  aria-label={t('charters.amendments.objectReason')}
                  placeholder={t('charters.amendments.objectReason')}
                  value={objection[a.id] ?? ''}
                  onChange={(e) => setObjection({ ...objection, [a.id]: e.currentTarget.value })}
                />
                <Button
                  size="compact-sm"
                  color="red"
                  variant={a.myPosition === 'object' ? 'filled' : 'light'}
                  disabled={!objection[a.id]?.trim()}
                  onClick={() =>
                    action.mutate({
                      path: `amendments/${a.id}/positions`,
                      body: { value: 'object', reason: objection[a.id] },
                    })
                  }
                >
                  {t('charters.amendments.object')}
                </Button>
              </Group>
              {props.canDecide && (
                <Group gap="xs">
                  <Button
                    size="compact-sm"
                    onClick={() =>
                      action.mutate({
                        path: `amendments/${a.id}/decision`,
                        body: { by: 'rule', rule: 'consent' },
                      })
                    }
                  >
                    {t('charters.amendments.decide')}
                  </Button>
                  {props.canPutToDecision && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() =>
                        action.mutate({ path: `amendments/${a.id}/proposal`, body: { deadline: inAWeek() } })
                      }
                    >
                      {t('charters.decision.put')}
                    </Button>
                  )}
                  {props.editorsMayDecide && (
                    <>
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() =>
                          action.mutate({ path: `amendments/${a.id}/decision`, body: { by: 'accept' } })
                        }
                      >
                        {t('charters.amendments.accept')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="light"
                        color="red"
                        onClick={() =>
                          action.mutate({ path: `amendments/${a.id}/decision`, body: { by: 'reject' } })
                        }
                      >
                        {t('charters.amendments.reject')}
                      </Button>
                    </>
                  )}
                </Group>
              )}
            </Stack>
          )}
        </Card>
      ))}
      {props.canPropose && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (clauseId) {
              action.mutate(
                { path: 'amendments', body: { clauseId, text, reason } },
                {
                  onSuccess: () => {
                    setText('');
                    setReason('');
                  },
                },
              );
            }
          }}
        >
          <Stack gap="xs">
            <ClauseSelect
              clauses={clauses}
              value={clauseId}
              onChange={(id) => {
                setClauseId(id);
                setText(clauses.find((c) => c.id === id)?.text ?? '');
              }}
              label={t('charters.amendments.clause')}
            />
            <Textarea
              label={t('charters.amendments.text')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <TextInput
              label={t('charters.amendments.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" size="xs" disabled={!clauseId} loading={action.isPending}>
                {t('charters.amendments.propose')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
