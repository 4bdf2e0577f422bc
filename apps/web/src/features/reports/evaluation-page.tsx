import type { EvaluationView } from '@essaim/contracts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { useEvaluation } from './api';
import { ChartersOutcome, PlanOutcome, PracticesOutcome } from './evaluation-outcomes';
import { FeedbackSummary } from './feedback-summary';

type Finding = EvaluationView['findings'][number];
const MEASURED = new Set<Finding['code']>(['improved', 'declined', 'no-detectable-change']);

const fmt = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : `${n > 0 ? '+' : ''}${n.toFixed(2)}`;

/** A change and its 95 % interval against zero; decorative (the sentence beside it says the same). */
function IntervalBar({ f, scale }: { f: Finding; scale: number }) {
  // Only diagnostic differences carry an interval; outcome statements (indicators, adoption) do not.
  if (f.delta === undefined || !MEASURED.has(f.code)) {
    return null;
  }
  const x = (v: number) => 100 + (v / scale) * 90;
  const low = f.low ?? f.delta;
  const high = f.high ?? f.delta;
  const color =
    f.code === 'improved'
      ? 'var(--mantine-color-teal-6)'
      : f.code === 'declined'
        ? 'var(--mantine-color-red-6)'
        : 'var(--mantine-color-gray-6)';
  return (
    <svg width={200} height={24} viewBox="0 0 200 24" aria-hidden="true" focusable="false">
      <line x1={100} x2={100} y1={2} y2={22} stroke="currentColor" strokeOpacity={0.4} />
      <line x1={x(low)} x2={x(high)} y1={12} y2={12} stroke={color} strokeWidth={3} strokeLinecap="round" />
      <circle cx={x(f.delta)} cy={12} r={5} fill={color} />
    </svg>
  );
}

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <Card withBorder radius="lg" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Card withBorder radius="md" p="sm">
      <Text size="xl" fw={700}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Card>
  );
}

function Findings({ view }: { view: EvaluationView }) {
  const { t } = useTranslation();
  const changed = view.findings.filter((f) => f.kind === 'changed');
  const stable = view.findings.filter((f) => f.kind === 'stable');
  const cannot = view.findings.filter((f) => f.kind === 'cannot-conclude');
  const scale = Math.max(
    0.5,
    ...[...changed, ...stable]
      .filter((f) => MEASURED.has(f.code))
      .flatMap((f) => [Math.abs(f.low ?? 0), Math.abs(f.high ?? 0), Math.abs(f.delta ?? 0)]),
  );
  const line = (f: Finding) => (
    <Group key={`${f.group}-${f.subject}`} gap="md" wrap="wrap" justify="space-between">
      <Text size="sm" style={{ flex: '1 1 280px' }}>
        {t(`reports.evaluation.findings.${f.code}`, {
          subject: f.subject,
          group: f.group,
          delta: fmt(f.delta),
          share: f.delta === undefined ? '' : `${Math.round(f.delta * 100)} %`,
          count: f.delta ?? 0,
          low: fmt(f.low),
          high: fmt(f.high),
        })}
      </Text>
      <IntervalBar f={f} scale={scale} />
    </Group>
  );
  return (
    <>
      <Section title={t('reports.evaluation.changedTitle')} id="eval-changed">
        {changed.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('reports.evaluation.noChange')}
          </Text>
        ) : (
          <Stack gap="xs">{changed.map(line)}</Stack>
        )}
        {stable.length > 0 && (
          <>
            <Text size="sm" fw={600} mt="sm">
              {t('reports.evaluation.stableTitle')}
            </Text>
            <Stack gap="xs">{stable.map(line)}</Stack>
          </>
        )}
        {(changed.length > 0 || stable.length > 0) && (
          <Text size="xs" c="dimmed">
            {t('reports.evaluation.intervalHelp')}
          </Text>
        )}
      </Section>
      <Section title={t('reports.evaluation.cannotTitle')} id="eval-cannot">
        <List size="sm" spacing="xs" icon={<Icon name="info" size={16} />}>
          {cannot.map((f) => (
            <List.Item key={`${f.code}-${f.group ?? ''}-${f.subject ?? ''}`}>
              {t(`reports.evaluation.findings.${f.code}`, {
                group: f.group,
                subject: f.subject,
                reason: f.reason ?? '',
              })}
            </List.Item>
          ))}
        </List>
      </Section>
    </>
  );
}

/**
 * Engagement → evaluation: before/after diagnostics with their intervals, decisions, participants'
 * feedback, and the statements of what changed and what cannot be concluded (built by the server).
 */
export function EvaluationPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('reports.evaluation.title'));
  const { engagementId = '' } = useParams();
  const { org, can } = useCurrentOrg();
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const view = useEvaluation(org?.id ?? '', engagementId, lang);
  const base = `/engagements/${engagementId}`;

  return (
    <Stack gap="lg" maw={1000}>
      <Anchor component={Link} to={base} size="sm">
        {t('reports.common.back')}
      </Anchor>
      <PageHeader title={t('reports.evaluation.title')} description={t('reports.evaluation.intro')} />
      {view.isError ? (
        <QueryError error={view.error} onRetry={() => void view.refetch()} />
      ) : view.isPending ? (
        <Loader aria-label={t('reports.evaluation.loading')} />
      ) : (
        <>
          <Findings view={view.data} />
          <Section title={t('reports.evaluation.diagnosticsTitle')} id="eval-diagnostics">
            {view.data.comparison ? (
              <Text size="sm">
                {t('reports.evaluation.compared', {
                  before: view.data.comparison.before.title,
                  after: view.data.comparison.after.title,
                })}
              </Text>
            ) : (
              <Alert color="blue" variant="light" icon={<Icon name="compass" size={18} />}>
                {t('reports.evaluation.noComparison', { count: view.data.closedCampaigns })}
              </Alert>
            )}
            <Group>
              <Button component={Link} to={`${base}/diagnostics`} variant="light" size="xs">
                {t('reports.evaluation.openDiagnostics')}
              </Button>
            </Group>
          </Section>
          <Section title={t('reports.evaluation.decisionsTitle')} id="eval-decisions">
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Stat label={t('reports.evaluation.decisions.taken')} value={view.data.decisions.taken} />
              <Stat label={t('reports.evaluation.decisions.adopted')} value={view.data.decisions.adopted} />
              <Stat label={t('reports.evaluation.decisions.reviewed')} value={view.data.decisions.reviewed} />
              <Stat
                label={t('reports.evaluation.decisions.dueForReview')}
                value={view.data.decisions.dueForReview}
              />
            </SimpleGrid>
            {view.data.decisions.taken === 0 && (
              <Text size="sm" c="dimmed">
                {t('reports.evaluation.decisions.none')}
              </Text>
            )}
          </Section>
          <Section title={t('reports.evaluation.feedbackTitle')} id="eval-feedback">
            <FeedbackSummary summary={view.data.feedback} />
          </Section>
          <Section title={t('reports.evaluation.outcomes.chartersTitle')} id="eval-charters">
            <ChartersOutcome view={view.data} base={base} />
          </Section>
          <Section title={t('reports.evaluation.outcomes.planTitle')} id="eval-plan">
            <PlanOutcome view={view.data} base={base} canOpen={can('plan.read')} />
          </Section>
          <Section title={t('reports.evaluation.outcomes.practicesTitle')} id="eval-practices">
            <PracticesOutcome view={view.data} />
          </Section>
          <Group>
            <Button component={Link} to={`${base}/reports`} variant="light" size="xs">
              {t('reports.evaluation.more.reports')}
            </Button>
          </Group>
          <Badge variant="light" color="gray" size="sm" w="fit-content">
            {t('reports.evaluation.confidential')}
          </Badge>
        </>
      )}
    </Stack>
  );
}
