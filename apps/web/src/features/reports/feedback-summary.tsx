import type { WorkshopFeedbackSummary } from '@essaim/contracts';
import { Alert, Group, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';

/** Bars of the 1–5 answers; decorative (the table beside it carries the figures for assistive tech). */
function DistributionBars({ distribution }: { distribution: WorkshopFeedbackSummary['distribution'] }) {
  const max = Math.max(1, ...distribution.map((d) => d.count));
  return (
    <svg width={160} height={84} viewBox="0 0 160 84" aria-hidden="true" focusable="false">
      {distribution.map((d, i) => {
        const h = (d.count / max) * 64;
        return (
          <g key={d.value}>
            <rect x={8 + i * 30} y={68 - h} width={22} height={h} rx={3} fill="var(--mantine-color-teal-6)" />
            <text x={19 + i * 30} y={82} fontSize={11} textAnchor="middle" fill="currentColor">
              {d.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * Participants' feedback in aggregate: nothing below the respondents threshold, open answers only from
 * the text threshold (the server decides; this shows what it sent and says why the rest is missing).
 */
export function FeedbackSummary({ summary }: { summary: WorkshopFeedbackSummary }) {
  const { t } = useTranslation();
  if (summary.status === 'suppressed') {
    return (
      <Alert color="gray" variant="light" icon={<Icon name="lock" size={18} />}>
        {t('reports.feedback.suppressed')}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm">
        {t('reports.feedback.mean', {
          mean: summary.mean?.toFixed(1) ?? '—',
          count: summary.respondents ?? 0,
        })}
      </Text>
      <Group align="flex-start" gap="xl" wrap="wrap">
        <DistributionBars distribution={summary.distribution} />
        <Table withTableBorder={false} fz="sm" w="auto" verticalSpacing={2}>
          <Table.Caption>{t('reports.feedback.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.feedback.usefulness')}</Table.Th>
              <Table.Th>{t('reports.feedback.answers')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.distribution.map((d) => (
              <Table.Tr key={d.value}>
                <Table.Td>{t(`reports.feedback.scale.${d.value as 1 | 2 | 3 | 4 | 5}`)}</Table.Td>
                <Table.Td>{d.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Group>
      {summary.commentsStatus === 'shown' ? (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('reports.feedback.comments')}
          </Text>
          <List size="sm" spacing={2}>
            {summary.comments.map((c, i) => (
              // Comments come sorted alphabetically and may repeat: the index keeps keys unique.
              // biome-ignore lint/suspicious/noArrayIndexKey: a static, sorted list
              <List.Item key={i}>{c}</List.Item>
            ))}
          </List>
        </Stack>
      ) : (
        <Text size="xs" c="dimmed">
          {t('reports.feedback.commentsSuppressed')}
        </Text>
      )}
    </Stack>
  );
}
