import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { PageSkeleton } from '../../components/page-skeleton';
import { QueryError } from '../../components/query-error';
import { usePageTitle } from '../../lib/use-page-title';
import { type CompetencyFeedbackReport, useCloseRound, useRound } from './api';
import { competencyName } from './shared';

type Cut = CompetencyFeedbackReport['cuts'][number];

function CutView({ cut }: { cut: Cut }) {
  const { t } = useTranslation();
  const title = cut.relation
    ? t(`competencies.relations.${cut.relation}`)
    : t('competencies.report.everyone');
  return (
    <Card withBorder data-testid={`cut-${cut.relation ?? 'all'}`}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {cut.status === 'shown' ? (
          <Badge variant="light">{t('competencies.report.n', { count: cut.n ?? 0 })}</Badge>
        ) : (
          <Badge variant="light" color="gray">
            {t(`competencies.report.reasons.${cut.reason}`)}
          </Badge>
        )}
      </Group>
      {cut.status === 'shown' ? (
        <Stack gap="xs">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('competencies.report.competency')}</Table.Th>
                <Table.Th>{t('competencies.report.mean')}</Table.Th>
                <Table.Th>{t('competencies.report.answers')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cut.competencies.map((c) => (
                <Table.Tr key={c.competencyId} data-testid="report-row">
                  <Table.Td>{competencyName(c.competencyId)}</Table.Td>
                  <Table.Td>
                    {c.status === 'shown' && c.mean !== undefined ? (
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm" data-testid="report-mean">
                          {c.mean.toFixed(1)} / 4
                        </Text>
                        <Progress value={(c.mean / 4) * 100} w={80} aria-hidden="true" />
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t(`competencies.report.reasons.${c.reason}`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{c.n ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {cut.comments.status === 'shown' ? (
            <List size="sm">
              {(cut.comments.texts ?? []).map((text) => (
                <List.Item key={text}>{text}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed" data-testid="comments-withheld">
              {t('competencies.report.commentsWithheld')}
            </Text>
          )}
        </Stack>
      ) : null}
    </Card>
  );
}

export function RoundPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const report = useRound(roundId);
  const close = useCloseRound(roundId);
  usePageTitle(report.data?.round.title ?? t('competencies.feedback.title'));
  if (report.isPending) {
    return <PageSkeleton />;
  }
  if (report.isError) {
    return <QueryError error={report.error} onRetry={() => void report.refetch()} />;
  }
  const { round, thresholds, cuts } = report.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/competencies/feedback" size="sm">
        {t('competencies.feedback.back')}
      </Anchor>
      <PageHeader
        title={round.title}
        description={t('competencies.report.thresholds', {
          k: thresholds.minRespondents,
          kText: thresholds.minOpenText,
        })}
      />
      <Text data-testid="round-progress">
        {t('competencies.feedback.answered', { answered: round.answered, invited: round.invited })}
      </Text>
      {round.status === 'open' ? (
        <Alert variant="light" color="blue">
          <Stack gap="xs">
            <Text size="sm">{t('competencies.report.closeFirst')}</Text>
            <Group>
              <Button onClick={() => close.mutate()} loading={close.isPending} data-testid="close-round">
                {t('competencies.report.close')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Stack gap="md" data-testid="round-report">
          {cuts.map((cut) => (
            <CutView key={cut.relation ?? 'all'} cut={cut} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
