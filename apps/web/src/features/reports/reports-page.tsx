import { REPORT_KINDS, REPORT_NEEDS, type ReportJob, type ReportKind } from '@essaim/contracts';
import {
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Progress,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { engagementExportUrl, reportFileUrl, useReports, useRequestReport } from './api';

const STATUS_COLOR: Record<ReportJob['status'], string> = {
  queued: 'gray',
  running: 'blue',
  done: 'teal',
  failed: 'red',
};

function JobRow({ orgId, job }: { orgId: string; job: ReportJob }) {
  const { t } = useTranslation();
  const name = t(`reports.kinds.${job.kind}.title`);
  // The accessible name starts with the visible text (WCAG 2.5.3), then says which report.
  const downloadText = t('reports.list.download', {
    size: Math.max(1, Math.round((job.sizeBytes ?? 0) / 1024)),
  });
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {name}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(job.createdAt)} · {job.lang.toUpperCase()}
        </Text>
      </Table.Td>
      <Table.Td miw={180}>
        {job.status === 'queued' || job.status === 'running' ? (
          <Stack gap={4}>
            <Text size="xs">{t(`reports.stages.${job.stage}`, { defaultValue: job.stage })}</Text>
            <Progress
              value={Math.round(job.progress * 100)}
              animated
              aria-label={t('reports.list.progressLabel', { name, percent: Math.round(job.progress * 100) })}
            />
          </Stack>
        ) : (
          <Badge color={STATUS_COLOR[job.status]} variant="light">
            {t(`reports.list.statuses.${job.status}`)}
          </Badge>
        )}
        {job.status === 'failed' && job.error && (
          <Text size="xs" c="red">
            {job.error}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {job.status === 'done' ? (
          <Button
            component="a"
            href={reportFileUrl(orgId, job.id)}
            download
            size="xs"
            variant="light"
            leftSection={<Icon name="download" size={14} />}
            aria-label={t('reports.list.downloadLabel', {
              text: downloadText,
              name,
              at: formatDateTime(job.createdAt),
            })}
          >
            {downloadText}
          </Button>
        ) : (
          <Text size="xs" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** One titled part of the page: a section named by its heading. */
function SectionCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** Engagement → reports: choose a PDF, generate it off the request path, follow its progress, download it. */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('reports.page.title'));
  const { engagementId = '' } = useParams();
  const { org, can } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const kinds = REPORT_KINDS.filter((k) => can(REPORT_NEEDS[k]));
  const [kind, setKind] = useState<ReportKind | null>(kinds.includes('final') ? 'final' : (kinds[0] ?? null));
  const [lang, setLang] = useState<'fr' | 'en'>(i18n.language.startsWith('en') ? 'en' : 'fr');
  const reports = useReports(orgId, engagementId);
  const requestReport = useRequestReport(orgId, engagementId);

  return (
    <Stack gap="lg" maw={1000}>
      <Anchor component={Link} to={`/engagements/${engagementId}`} size="sm">
        {t('reports.common.back')}
      </Anchor>
      <PageHeader title={t('reports.page.title')} description={t('reports.page.intro')} />
      <SectionCard id="new-report" title={t('reports.page.choose')}>
        {kinds.length === 0 ? (
          <Text>{t('reports.page.noneAllowed')}</Text>
        ) : (
          <>
            <Radio.Group
              value={kind}
              onChange={(v) => setKind(v as ReportKind)}
              label={t('reports.page.kind')}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="sm">
                {kinds.map((k) => (
                  <Radio.Card key={k} value={k} radius="md" p="md">
                    <Group wrap="nowrap" align="flex-start">
                      <Radio.Indicator />
                      <div>
                        <Text fw={600} size="sm">
                          {t(`reports.kinds.${k}.title`)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`reports.kinds.${k}.body`)}
                        </Text>
                      </div>
                    </Group>
                  </Radio.Card>
                ))}
              </SimpleGrid>
            </Radio.Group>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="report-lang">
                {t('reports.page.lang')}
              </Text>
              <SegmentedControl
                aria-labelledby="report-lang"
                value={lang}
                onChange={(v) => setLang(v as 'fr' | 'en')}
                data={[
                  { value: 'fr', label: t('reports.page.fr') },
                  { value: 'en', label: t('reports.page.en') },
                ]}
                w="fit-content"
              />
            </Stack>
            <FormAlert message={requestReport.isError ? describeError(t, requestReport.error) : null} />
            <Group>
              <Button
                leftSection={<Icon name="chart" size={16} />}
                disabled={!kind}
                loading={requestReport.isPending}
                onClick={() => kind && requestReport.mutate({ kind, lang })}
              >
                {t('reports.page.generate')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('reports.page.confidential')}
              </Text>
            </Group>
          </>
        )}
      </SectionCard>

      {can('survey.readReport') && (
        <SectionCard id="engagement-export" title={t('reports.export.title')}>
          <Text size="sm">{t('reports.export.body')}</Text>
          <Group>
            <Button
              component="a"
              href={engagementExportUrl(orgId, engagementId)}
              download
              variant="light"
              leftSection={<Icon name="download" size={16} />}
            >
              {t('reports.export.download')}
            </Button>
          </Group>
        </SectionCard>
      )}

      <SectionCard id="my-reports" title={t('reports.list.title')}>
        {reports.isError ? (
          <QueryError error={reports.error} onRetry={() => void reports.refetch()} />
        ) : reports.isPending ? (
          <Text size="sm">{t('reports.list.loading')}</Text>
        ) : reports.data.length === 0 ? (
          <EmptyState icon={<Icon name="chart" size={26} />} variant="light">
            <EmptyState.Title order={3}>{t('reports.list.emptyTitle')}</EmptyState.Title>
            <EmptyState.Description>{t('reports.list.emptyBody')}</EmptyState.Description>
          </EmptyState>
        ) : (
          <div aria-live="polite">
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="sm">
                <Table.Caption>{t('reports.list.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.list.report')}</Table.Th>
                    <Table.Th>{t('reports.list.status')}</Table.Th>
                    <Table.Th>{t('reports.list.file')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {reports.data.map((job) => (
                    <JobRow key={job.id} orgId={orgId} job={job} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </div>
        )}
      </SectionCard>
    </Stack>
  );
}
