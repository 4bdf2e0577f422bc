import type { PlanDocument } from '@essaim/core/plans';
import { Anchor, Badge, Button, Card, Group, Loader, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { usePlan, useSavePlan } from './api';
import { DashboardTab } from './dashboard-tab';
import { InvestmentTab } from './investment-tab';
import { MasterPlanTab } from './master-plan-tab';
import { SpecTab } from './spec-tab';
import { useDraftWarnings, useNamer, WarningList } from './warnings';

const TABS = ['dashboard', 'specification', 'master', 'investment'] as const;
type Tab = (typeof TABS)[number];

/**
 * The engagement's plan: the sponsor's dashboard, the specification, the master plan and the investment
 * plan. The plan is edited as a draft (warnings follow each change) and saved as a new version.
 */
export function PlanPage() {
  const { t } = useTranslation();
  usePageTitle(t('plans.title'));
  const { engagementId = '' } = useParams();
  const { org, can } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const plan = usePlan(orgId, engagementId);
  const save = useSavePlan(orgId, engagementId);
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'dashboard';
  const [draft, setDraft] = useState<PlanDocument | null>(null);
  const [dirty, setDirty] = useState(false);
  const readOnly = !can('plan.manage');

  useEffect(() => {
    if (plan.data && !dirty) {
      setDraft(plan.data.document);
    }
  }, [plan.data, dirty]);
  const warnings = useDraftWarnings(draft, plan.data);
  const name = useNamer(draft, plan.data);

  if (plan.error) {
    return <QueryError error={plan.error} />;
  }
  if (!plan.data || !draft) {
    return <Loader aria-label={t('plans.loading')} />;
  }
  const view = plan.data;
  const update = (change: (d: PlanDocument) => PlanDocument) => {
    setDraft((d) => (d ? change(d) : d));
    setDirty(true);
  };
  const onSave = () =>
    save.mutate(
      { version: view.version, document: draft },
      {
        onSuccess: (saved) => {
          setDirty(false);
          setDraft(saved.document);
        },
      },
    );

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/engagements/${engagementId}`} size="sm">
        {t('plans.back')}
      </Anchor>
      <PageHeader title={t('plans.title')} description={t('plans.intro')} />
      {!readOnly && (
        <Paper
          withBorder
          p="sm"
          pos="sticky"
          top={60}
          style={{ zIndex: 5 }}
          bg="var(--mantine-color-body)"
          aria-live="polite"
        >
          <Group justify="space-between" wrap="wrap">
            <Group gap="xs">
              <Text size="sm">
                {dirty ? t('plans.unsaved') : t('plans.upToDate', { version: view.version })}
              </Text>
              {warnings.length > 0 && (
                <Badge color="orange" variant="light">
                  {t('plans.warnings.count', { count: warnings.length })}
                </Badge>
              )}
            </Group>
            <Group gap="xs">
              {dirty && (
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={() => {
                    setDirty(false);
                    setDraft(view.document);
                  }}
                >
                  {t('plans.discard')}
                </Button>
              )}
              <Button size="xs" disabled={!dirty} loading={save.isPending} onClick={onSave}>
                {t('plans.save')}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
      <Tabs
        value={tab}
        onChange={(v) => setParams(v ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`plans.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="dashboard" pt="lg">
          <DashboardTab
            orgId={orgId}
            draft={draft}
            view={view}
            warnings={warnings}
            readOnly={readOnly}
            dirty={dirty}
          />
        </Tabs.Panel>
        <Tabs.Panel value="specification" pt="lg">
          <SpecTab orgId={orgId} engagementId={engagementId} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="master" pt="lg">
          <Stack gap="lg">
            {warnings.length > 0 && (
              <Card p="md" withBorder component="section" aria-label={t('plans.warnings.title')}>
                <WarningList warnings={warnings} name={name} />
              </Card>
            )}
            <MasterPlanTab orgId={orgId} draft={draft} update={update} view={view} readOnly={readOnly} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="investment" pt="lg">
          <InvestmentTab
            draft={draft}
            update={update}
            view={view}
            readOnly={readOnly}
            orgId={orgId}
            dirty={dirty}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
