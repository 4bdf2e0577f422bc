import { Alert, Anchor, Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { PageSkeleton } from '../../components/page-skeleton';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { type CampaignReport, campaignPath, useReport } from './api';
import {
  BeforeAfter,
  Constructs,
  CutsOverview,
  Effectiveness,
  Highlights,
  IcForms,
  OpenText,
  Reliability,
  Withheld,
} from './report-sections';
import {
  CampaignStatusBadge,
  type Reason,
  useInstrumentLabels,
  useProgressText,
  useReasonText,
} from './shared';

function CutPicker({ report }: { report: CampaignReport }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = new Map(
    (params.get('filter') ?? '')
      .split(';')
      .filter(Boolean)
      .map((p) => p.split('=') as [string, string]),
  );
  const update = (collectiveId: string | null, next: Map<string, string>) => {
    const p = new URLSearchParams();
    if (collectiveId) {
      p.set('collectiveId', collectiveId);
    }
    const f = [...next].map(([k, v]) => `${k}=${v}`).join(';');
    if (f) {
      p.set('filter', f);
    }
    setParams(p, { replace: true });
  };
  const collectiveId = params.get('collectiveId');
  return (
    <Group align="flex-end" className="no-print">
      <Select
        label={t('diagnostic.report.pickCollective')}
        w={280}
        data={[
          { value: '', label: t('diagnostic.report.whole') },
          ...report.requestable.collectives.map((c) => ({ value: c.id, label: c.name })),
        ]}
        value={collectiveId ?? ''}
        onChange={(v) => update(v || null, filters)}
        allowDeselect={false}
      />
      {report.requestable.attributes.map((a) => (
        <Select
          key={a.name}
          label={a.name}
          placeholder={t('diagnostic.report.anyValue')}
          data={a.values}
          value={filters.get(a.name) ?? null}
          clearable
          disabled={!filters.has(a.name) && filters.size >= report.requestable.maxFilters}
          onChange={(v) => {
            const next = new Map(filters);
            if (v) {
              next.set(a.name, v);
            } else {
              next.delete(a.name);
            }
            update(collectiveId, next);
          }}
        />
      ))}
    </Group>
  );
}

const PRINT_CSS = `
@media print {
  @page { margin: 12mm; }
  body * { visibility: hidden; }
  .diagnostic-report, .diagnostic-report * { visibility: visible; }
  .diagnostic-report { position: absolute; inset: 0 auto auto 0; width: 100%; }
  .diagnostic-report .no-print, .diagnostic-report .no-print * { display: none !important; }
  .diagnostic-report section { break-inside: avoid; }
}`;

/** The aggregated report of one campaign: only what the disclosure planner allows. */
export function ReportPage() {
  const { t } = useTranslation();
  const { campaignId = '' } = useParams();
  const [params] = useSearchParams();
  const { org, can } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const cut = {
    ...(params.get('collectiveId') ? { collectiveId: params.get('collectiveId') ?? '' } : {}),
    ...(params.get('filter') ? { filter: params.get('filter') ?? '' } : {}),
  };
  const query = useReport(orgId, campaignId, cut);
  const labels = useInstrumentLabels(query.data?.instrument);
  const reasonText = useReasonText();
  const progressText = useProgressText();
  usePageTitle(
    query.data ? t('diagnostic.report.pageTitle', { title: query.data.title }) : t('diagnostic.report.title'),
  );
  if (query.isPending) {
    return <PageSkeleton />;
  }
  if (query.isError) {
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const report = query.data;
  const wanted =
    report.cuts.find(
      (c) =>
        (c.collectiveId ?? undefined) === cut.collectiveId &&
        Object.entries(c.filters)
          .map(([k, v]) => `${k}=${v}`)
          .sort()
          .join(';') === (cut.filter ?? '').split(';').filter(Boolean).sort().join(';'),
    ) ?? report.cuts[0]!;
  const isWhole = wanted.collectiveId === null && Object.keys(wanted.filters).length === 0;
  return (
    <Stack gap="lg" data-testid="report" className="diagnostic-report">
      <style>{PRINT_CSS}</style>
      <PageHeader
        eyebrow={<CampaignStatusBadge status={report.status} />}
        title={t('diagnostic.report.pageTitle', { title: report.title })}
        description={`${report.instrument.name[labels.lng]} · ${t('diagnostic.report.thresholds', report.thresholds)}`}
      />
      <Group className="no-print">
        <Anchor component={Link} to={`/diagnostics/campaigns/${campaignId}`} size="sm">
          {t('diagnostic.backToCampaign')}
        </Anchor>
        <Button size="xs" variant="default" onClick={() => window.print()}>
          {t('diagnostic.report.print')}
        </Button>
        {report.isReleased && (
          <Button
            size="xs"
            variant="default"
            component="a"
            href={`${campaignPath(orgId, campaignId)}/export.csv`}
            download
          >
            {t('diagnostic.report.export')}
          </Button>
        )}
        {report.isReleased && (
          <Button
            size="xs"
            variant="default"
            component="a"
            href={`${campaignPath(orgId, campaignId)}/export.xlsx`}
            download
          >
            {t('reports.xlsx.aggregated')}
          </Button>
        )}
      </Group>
      <VisibilityNote>
        {t('diagnostic.visibility.report', {
          min: report.thresholds.minRespondents,
          minText: report.thresholds.minOpenText,
        })}
      </VisibilityNote>
      <CutPicker report={report} />
      <Text fw={600} aria-live="polite" data-testid="cut-status">
        {isWhole ? t('diagnostic.report.whole') : wanted.label} —{' '}
        {!report.isReleased
          ? progressText(wanted.progress)
          : wanted.status === 'shown'
            ? t('diagnostic.report.respondentsCount', { count: wanted.n ?? 0 })
            : t('diagnostic.report.hidden')}
      </Text>
      {wanted.channels && (wanted.channels.sharedLink > 0 || wanted.channels.handLinks > 0) && (
        <Text size="sm" data-testid="channels">
          {t('diagnostic.report.channels', {
            shared: wanted.channels.sharedLink,
            hand: wanted.channels.handLinks,
          })}
        </Text>
      )}
      {!report.isReleased && (
        <Alert
          variant="light"
          color="blue"
          title={t('diagnostic.report.notReleasedTitle')}
          data-testid="not-released"
        >
          <Stack gap="xs">
            <Text size="sm">{t('diagnostic.report.notReleased')}</Text>
            {can('survey.manage') && report.status === 'open' && (
              <Anchor component={Link} to={`/diagnostics/campaigns/${campaignId}`} size="sm">
                {t('diagnostic.report.goClose')}
              </Anchor>
            )}
          </Stack>
        </Alert>
      )}
      {!report.isReleased ? null : wanted.status !== 'shown' ? (
        <Alert
          variant="light"
          color="gray"
          title={t('diagnostic.report.suppressedTitle')}
          data-testid="suppressed"
        >
          {reasonText(wanted.reason as Reason, report.thresholds)}
        </Alert>
      ) : !report.isReleased ? null : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Effectiveness cut={wanted} labels={labels} />
            <IcForms cut={wanted} labels={labels} />
          </SimpleGrid>
          <Constructs cut={wanted} labels={labels} />
          <Highlights cut={wanted} labels={labels} />
          <Reliability cut={wanted} labels={labels} />
          <Withheld cut={wanted} labels={labels} thresholds={report.thresholds} />
        </>
      )}
      {report.isReleased && <OpenText cut={wanted} labels={labels} thresholds={report.thresholds} />}
      <CutsOverview report={report} />
      {report.isReleased && <BeforeAfter orgId={orgId} report={report} labels={labels} />}
    </Stack>
  );
}
