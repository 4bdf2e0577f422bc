import { Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error';
import { useCurrentOrg } from '../orgs/use-current-org';
import { useWorkshopFeedback } from './api';
import { FeedbackSummary } from './feedback-summary';

/** Beside a workshop's results: what participants said of it, in aggregate (thresholds respected). */
export function WorkshopFeedbackCard({ orgId, workshopId }: { orgId: string; workshopId: string }) {
  const { t } = useTranslation();
  const { can } = useCurrentOrg();
  const allowed = can('workshop.run');
  const summary = useWorkshopFeedback(orgId, workshopId, allowed && orgId !== '');
  if (!allowed) {
    return null;
  }
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="feedback-title">
      <Stack gap="xs">
        <Title order={2} size="h5" id="feedback-title">
          {t('reports.feedback.resultsTitle')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('reports.feedback.resultsHelp')}
        </Text>
        {summary.isError ? (
          <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
        ) : summary.isPending ? (
          <Loader size="sm" aria-label={t('reports.feedback.loading')} />
        ) : (
          <FeedbackSummary summary={summary.data} />
        )}
      </Stack>
    </Paper>
  );
}
