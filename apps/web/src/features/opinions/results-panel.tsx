import { Alert, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConversationResults } from './api';
import { GroupsTable, groupColour, groupLetter, OpinionMap } from './opinion-map';

/** Which method drew the map and why, in words a facilitator can repeat to the room. */
export function MethodExplanation({ results }: { results: ConversationResults }) {
  const { t } = useTranslation();
  const { key, data } = results.explanation;
  const vars = { participants: data.participants ?? 0, groups: data.groups ?? 0 };
  const body =
    key === 'opinions.polis.groups'
      ? t('opinion.method.polisGroups', vars)
      : key === 'opinions.smallGroup.groups'
        ? t('opinion.method.smallGroups', vars)
        : key === 'opinions.smallGroup.noClearGroups'
          ? t('opinion.method.noClearGroups', vars)
          : t('opinion.method.empty');
  return (
    <Alert
      variant="light"
      color={results.mode === 'small-group' ? 'grape' : 'blue'}
      title={results.mode === 'small-group' ? t('opinion.method.smallTitle') : t('opinion.method.polisTitle')}
      data-testid="method-explanation"
    >
      {body}
    </Alert>
  );
}

/** Below this many people a group's percentage moves by 10 points or more per person: shown as an estimate. */
const TINY_GROUP = 10;

function StatementList({
  items,
  results,
  groupSize,
}: {
  items: { statementId: string; direction: 'agree' | 'disagree'; share: number }[];
  results: ConversationResults;
  /** Size of the group the shares come from, when they describe one group. */
  groupSize?: number;
}) {
  const { t } = useTranslation();
  const isEstimate = groupSize !== undefined && groupSize < TINY_GROUP;
  return (
    <List spacing="xs" size="sm">
      {items.map((r) => (
        <List.Item key={r.statementId}>
          <Text span size="sm">
            {results.statements[r.statementId]}
          </Text>{' '}
          <Badge size="sm" variant="light" color={r.direction === 'agree' ? 'teal' : 'red'}>
            {isEstimate
              ? t(`opinion.share.${r.direction}Estimate`, {
                  share: Math.round(r.share * 100),
                  count: groupSize,
                })
              : t(`opinion.share.${r.direction}`, { share: Math.round(r.share * 100) })}
          </Badge>
        </List.Item>
      ))}
    </List>
  );
}

/** Map, groups and what they say, consensus and bridges: the whole reading of a conversation. */
export function ResultsPanel({ results, big = false }: { results: ConversationResults; big?: boolean }) {
  const { t } = useTranslation();
  if (results.points.length === 0) {
    return (
      <Text c="dimmed" data-testid="results-empty">
        {t('opinion.results.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="lg" data-testid="results">
      <MethodExplanation results={results} />
      <SimpleGrid cols={{ base: 1, md: big ? 2 : 1, lg: 2 }} spacing="lg">
        <OpinionMap results={results} height={big ? 560 : 380} />
        <GroupsTable results={results} />
      </SimpleGrid>
      {results.groups.length > 0 ? (
        <section aria-labelledby="groups-title">
          <Title order={2} size="h3" id="groups-title" mb="sm">
            {t('opinion.results.groupsTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {results.groups.map((g) => (
              <Card
                key={g.id}
                withBorder
                data-testid="group-card"
                style={{ borderTop: `6px solid ${groupColour(g.id)}` }}
              >
                <Group justify="space-between" mb="xs">
                  <Title order={3} size="h4">
                    {t('opinion.map.groupName', { letter: groupLetter(g.id) })}
                  </Title>
                  <Badge variant="outline">{t('opinion.results.people', { count: g.size })}</Badge>
                </Group>
                <Text size="xs" c="dimmed" mb="xs">
                  {t('opinion.results.representativeHint')}
                </Text>
                <StatementList items={g.representative} results={results} groupSize={g.size} />
              </Card>
            ))}
          </SimpleGrid>
        </section>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <section aria-labelledby="consensus-title" data-testid="consensus">
          <Title order={2} size="h3" id="consensus-title">
            {t('opinion.results.consensusTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('opinion.results.consensusHint')}
          </Text>
          {results.consensus.length ? (
            <StatementList items={results.consensus} results={results} />
          ) : (
            <Text size="sm">{t('opinion.results.noConsensus')}</Text>
          )}
        </section>
        <section aria-labelledby="bridging-title" data-testid="bridging">
          <Title order={2} size="h3" id="bridging-title">
            {t('opinion.results.bridgingTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('opinion.results.bridgingHint')}
          </Text>
          {results.bridging.length ? (
            <StatementList
              items={results.bridging.map((b) => ({
                statementId: b.statementId,
                direction: 'agree' as const,
                share: b.minGroupAgree,
              }))}
              results={results}
            />
          ) : (
            <Text size="sm">{t('opinion.results.noBridging')}</Text>
          )}
        </section>
      </SimpleGrid>
    </Stack>
  );
}
