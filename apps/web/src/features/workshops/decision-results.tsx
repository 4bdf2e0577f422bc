/**
 * @module Results of the decision activities that are more than one bar per item: the consent
 * round's trace (every proposal version, every objection and how it was integrated), the spread
 * of a ranking (Borda, de Borda 1781) and pairwise strengths (Bradley–Terry, 1952), and who is
 * asked to explain in a fist-to-five.
 */
import type {
  ConsentRoundResults,
  FistToFiveResults,
  PairwiseResults,
  RankingResults,
} from '@essaim/core/live';
import { Badge, Blockquote, Group, List, Paper, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Stable React keys for append-only text lists (same text twice gets `#2`). */
export function keyed<T>(list: readonly T[], textOf: (item: T) => string): { key: string; item: T }[] {
  const seen = new Map<string, number>();
  return list.map((item) => {
    const text = textOf(item);
    const n = (seen.get(text) ?? 0) + 1;
    seen.set(text, n);
    return { key: `${text}#${n}`, item };
  });
}

const STATUS_COLOR = { open: 'orange', integrated: 'teal', withdrawn: 'gray' } as const;

/** Ranking details: mean rank, standard deviation and best–worst range of every item. */
export function RankingTable({ results }: { results: RankingResults }) {
  const { t } = useTranslation();
  const fmt = (n: number | null) => (n === null ? '–' : String(Math.round(n * 10) / 10));
  return (
    <Table striped withTableBorder data-testid="results-table">
      <Table.Caption>{t('workshop.ranking.caption', { count: results.ballotCount })}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('workshop.results.label')}</Table.Th>
          <Table.Th scope="col">{t('workshop.ranking.score')}</Table.Th>
          <Table.Th scope="col">{t('workshop.ranking.meanRank')}</Table.Th>
          <Table.Th scope="col">{t('workshop.ranking.spread')}</Table.Th>
          <Table.Th scope="col">{t('workshop.ranking.range')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {results.items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Th scope="row" fw={500}>
              {item.label}
            </Table.Th>
            <Table.Td>{item.score}</Table.Td>
            <Table.Td>{fmt(item.meanRank)}</Table.Td>
            <Table.Td>{fmt(item.rankStandardDeviation)}</Table.Td>
            <Table.Td>
              {item.bestRank === null
                ? '–'
                : t('workshop.ranking.rangeValue', { best: item.bestRank, worst: item.worstRank })}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Pairwise details: Bradley–Terry strength (share of 100) and raw wins. */
export function PairwiseTable({ results }: { results: PairwiseResults }) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder data-testid="results-table">
      <Table.Caption>{t('workshop.pairwise.caption', { count: results.comparisonCount })}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('workshop.results.label')}</Table.Th>
          <Table.Th scope="col">{t('workshop.pairwise.strength')}</Table.Th>
          <Table.Th scope="col">{t('workshop.pairwise.wins')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {results.items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Th scope="row" fw={500}>
              {item.label}
            </Table.Th>
            <Table.Td>{Math.round(item.strength * 1000) / 10}</Table.Td>
            <Table.Td>{item.wins}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Fist-to-five: who is asked to explain (names for the facilitator only) and what was said. */
export function FistDetails({ results, isLarge = false }: { results: FistToFiveResults; isLarge?: boolean }) {
  const { t } = useTranslation();
  if (results.flagged.length === 0 && results.explanations.length === 0) {
    return null;
  }
  return (
    <Stack gap={4} data-testid="fist-explanations">
      <Text size="sm" fz={isLarge ? 28 : undefined} fw={600}>
        {results.showNames ? t('workshop.fist.explanations') : t('workshop.fist.anonymousExplanations')}
      </Text>
      <List size="sm" fz={isLarge ? 26 : undefined} spacing={4}>
        {keyed(results.flagged, (f) => `${f.participant}:${f.explanation}`).map(({ key, item: f }) => (
          <List.Item key={key}>
            {f.participant ?? t('workshop.participants.anonymous')} –{' '}
            {f.explanation ?? (
              <Text span c="dimmed" size="sm">
                {t('workshop.fist.noExplanation')}
              </Text>
            )}
          </List.Item>
        ))}
        {results.flagged.length === 0
          ? keyed(results.explanations, (e) => e.text).map(({ key, item }) => (
              <List.Item key={key}>{item.text}</List.Item>
            ))
          : null}
      </List>
    </Stack>
  );
}

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
