/** @module Consent round results: the trace of stages, versions and objections. */
import type { ConsentRoundResults } from '@essaim/core/live';
import { Badge, Blockquote, Group, List, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { keyed } from '../shared/keyed';
import type { ResultsProps } from '../types';

const STATUS_COLOR = { open: 'orange', integrated: 'teal', withdrawn: 'gray' } as const;

/** The consent round as a trace: stage, outcome, current proposal, versions, objections. */
export function ConsentTrace({
  results,
  isLarge = false,
}: {
  results: ConsentRoundResults;
  isLarge?: boolean;
}) {
  const { t } = useTranslation();
  const outcomeColor =
    results.outcome === 'consent' ? 'teal' : results.outcome === 'objections' ? 'orange' : 'blue';
  return (
    <Stack gap="sm" data-testid="consent-trace">
      <Group gap="xs">
        <Badge variant="light">{t(`workshop.consent.stages.${results.stage}`)}</Badge>
        <Badge color={outcomeColor} data-testid="consent-outcome">
          {t(`workshop.consent.outcome.${results.outcome}`)}
        </Badge>
      </Group>
      <Blockquote
        p="sm"
        color="honey"
        cite={t('workshop.consent.version', { version: results.proposal.version })}
        // The default cite (dimmed, translucent) falls under 4.5:1 on the honey tint.
        styles={{ cite: { color: 'var(--mantine-color-text)', opacity: 1 } }}
      >
        <Text size={isLarge ? 'xl' : 'md'} style={{ whiteSpace: 'pre-wrap' }} data-testid="consent-proposal">
          {results.proposal.text}
        </Text>
      </Blockquote>
      {results.questions.length > 0 ? (
        <section aria-label={t('workshop.consent.questions')}>
          <Title order={3} size="h5">
            {t('workshop.consent.questions')}
          </Title>
          <List size="sm">
            {keyed(results.questions, (q) => q).map(({ key, item }) => (
              <List.Item key={key}>{item}</List.Item>
            ))}
          </List>
        </section>
      ) : null}
      {results.reactions.length > 0 ? (
        <section aria-label={t('workshop.consent.reactions')}>
          <Title order={3} size="h5">
            {t('workshop.consent.reactions')}
          </Title>
          <List size="sm">
            {keyed(results.reactions, (r) => r).map(({ key, item }) => (
              <List.Item key={key}>{item}</List.Item>
            ))}
          </List>
        </section>
      ) : null}
      <section aria-label={t('workshop.consent.objections')}>
        <Title order={3} size="h5">
          {t('workshop.consent.objectionsCount', { count: results.objections.length })}
        </Title>
        {results.objections.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('workshop.consent.noObjection')}
          </Text>
        ) : (
          <Stack gap="xs" mt={4} data-testid="consent-objections">
            {results.objections.map((o) => (
              <Paper key={o.id} withBorder p="xs" radius="sm" component="article">
                <Group gap="xs" justify="space-between">
                  <Text size="sm" fw={600}>
                    {o.objector ?? (o.isMine ? t('workshop.consent.mine') : t('workshop.consent.someone'))} ·{' '}
                    {t('workshop.consent.onVersion', { version: o.proposalVersion })}
                  </Text>
                  <Badge size="sm" color={STATUS_COLOR[o.status]}>
                    {t(`workshop.consent.status.${o.status}`)}
                  </Badge>
                </Group>
                <Text size="sm">{o.reason}</Text>
                {o.integration ? (
                  <Text size="sm" c="dimmed" mt={4}>
                    {t('workshop.consent.integratedAs', {
                      text: o.integration,
                      version: o.integratedInVersion ?? o.proposalVersion,
                    })}
                  </Text>
                ) : null}
              </Paper>
            ))}
          </Stack>
        )}
      </section>
      {results.versions.length > 1 ? (
        <section aria-label={t('workshop.consent.history')}>
          <Title order={3} size="h5" mb={4}>
            {t('workshop.consent.history')}
          </Title>
          <Timeline active={results.versions.length - 1} bulletSize={16} lineWidth={2}>
            {results.versions.map((v) => (
              <Timeline.Item key={v.version} title={t('workshop.consent.version', { version: v.version })}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {v.text}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </section>
      ) : null}
    </Stack>
  );
}

export function ConsentRoundResultsView({ results, isLarge }: ResultsProps<'consentRound'>) {
  return <ConsentTrace results={results} isLarge={isLarge} />;
}
