/** @module Consent round input: questions, reactions and objections by stage. */
import { CONSENT_STAGES, ownStateOf } from '@essaim/core/live';
import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keyed } from '../shared/keyed';
import type { InputProps } from '../types';

interface ConsentMine {
  questions: string[];
  reactions: string[];
  objections: { id: string; reason: string; status: 'open' | 'integrated' | 'withdrawn' }[];
}

/** Where the round is, the proposal as it stands, and what this participant may add now. */
export function ConsentRoundInput({ activity, me, session, state }: InputProps<'consentRound'>) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const data = activity.data;
  const stage = data.stage;
  const proposal = data.versions[data.versions.length - 1];
  const mine = ownStateOf(state, me).activities[activity.id]?.mine as ConsentMine | undefined;
  const step = CONSENT_STAGES.indexOf(stage);
  const kind =
    stage === 'clarifying'
      ? 'ask'
      : stage === 'reactions'
        ? 'react'
        : stage === 'objections' || stage === 'consent'
          ? 'object'
          : null;
  return (
    <Stack gap="sm">
      <Text size="sm" fw={600} role="status" aria-live="polite" data-testid="consent-stage">
        {t('workshop.consent.stageOf', {
          step: step + 1,
          count: CONSENT_STAGES.length,
          stage: t(`workshop.consent.stages.${stage}`),
        })}
      </Text>
      <Text size="sm" c="dimmed">
        {t(`workshop.consent.stageHelp.${stage}`)}
      </Text>
      <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-body)">
        <Text size="xs" c="dimmed">
          {t('workshop.consent.version', { version: proposal?.version ?? 1 })}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{proposal?.text}</Text>
      </Paper>
      {kind ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const value = text.trim();
            if (!value) {
              return;
            }
            if (kind === 'object') {
              session.send({ type: 'consentRound.object', activityId: activity.id, reason: value });
            } else {
              session.send({
                type: kind === 'ask' ? 'consentRound.ask' : 'consentRound.react',
                activityId: activity.id,
                text: value,
              });
            }
            setText('');
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t(`workshop.consent.input.${kind}`)}
              description={kind === 'object' ? t('workshop.consent.input.objectHelp') : undefined}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              maxLength={500}
              autosize
              minRows={2}
            />
            <Button type="submit" disabled={!text.trim()} color={kind === 'object' ? 'orange' : undefined}>
              {t(`workshop.consent.input.${kind}Send`)}
            </Button>
          </Stack>
        </form>
      ) : null}
      {mine && mine.questions.length + mine.reactions.length + mine.objections.length > 0 ? (
        <Stack gap={4} component="section" aria-label={t('workshop.consent.myContributions')}>
          <Text size="sm" fw={600}>
            {t('workshop.consent.myContributions')}
          </Text>
          {keyed(
            [
              ...mine.questions.map((q) => ['q', q] as const),
              ...mine.reactions.map((r) => ['r', r] as const),
            ],
            ([k, v]) => `${k}${v}`,
          ).map(({ key, item: [k, v] }) => (
            <Text key={key} size="sm">
              {k === 'q'
                ? t('workshop.consent.myQuestion', { text: v })
                : t('workshop.consent.myReaction', { text: v })}
            </Text>
          ))}
          {mine.objections.map((o) => (
            <Paper key={o.id} withBorder p="xs" radius="sm" data-testid="my-objection">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" style={{ flex: 1 }}>
                  {o.reason}
                </Text>
                <Badge
                  size="sm"
                  color={o.status === 'open' ? 'orange' : o.status === 'integrated' ? 'teal' : 'gray'}
                >
                  {t(`workshop.consent.status.${o.status}`)}
                </Badge>
                {o.status === 'open' ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={t('workshop.consent.withdrawLabel', { text: o.reason })}
                    onClick={() =>
                      session.send({
                        type: 'consentRound.withdraw',
                        activityId: activity.id,
                        objectionId: o.id,
                      })
                    }
                  >
                    {t('workshop.consent.withdraw')}
                  </Button>
                ) : null}
              </Group>
              {data.objections[o.id]?.integration ? (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('workshop.consent.integratedAs', {
                    text: data.objections[o.id]?.integration,
                    version: data.objections[o.id]?.integratedInVersion ?? 1,
                  })}
                </Text>
              ) : null}
            </Paper>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
