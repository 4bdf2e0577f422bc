import { ADOPTION_STAGES } from '@essaim/core/pollination';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  List,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { tx, usePlan, useReportAdoption } from './api';
import { CurveChart } from './curve-chart';
import { PulseSection } from './pulse-section';

const today = () => new Date().toISOString().slice(0, 10);

/** A diffusion plan: agents, sessions, adoption per collective, the curve and the report form. */
export function PlanPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const { org, can } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const plan = usePlan(orgId, planId);
  usePageTitle(plan.data?.title ?? t('pollination.home.plans'));
  const report = useReportAdoption(orgId, planId);
  const [collectiveId, setCollectiveId] = useState<string | null>(null);
  const [stage, setStage] = useState<string | null>('aware');
  const [date, setDate] = useState(today());
  if (plan.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (plan.error || !plan.data) {
    return <QueryError error={plan.error} />;
  }
  const p = plan.data;
  return (
    <Stack gap="lg">
      <PageHeader title={p.title} description={p.practice || undefined} />
      {p.experienceId && p.experienceTitle && (
        <Anchor component={Link} to={`/pollination/library/${p.experienceId}`}>
          {p.experienceTitle}
        </Anchor>
      )}
      <Card withBorder p="lg" component="section">
        <Title order={2} size="h3" mb="sm">
          {t('pollination.plan.curve')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('pollination.plan.curveHelp')}
        </Text>
        <Group gap="lg" mb="sm">
          <Text fw={600}>
            {t('pollination.plan.observed', { percent: Math.round(p.observedReach * 100) })}
          </Text>
          <Text>
            {p.predictedReach === null
              ? t('pollination.plan.noPrediction')
              : t('pollination.plan.predictedValue', { percent: Math.round(p.predictedReach * 100) })}
          </Text>
        </Group>
        <CurveChart plan={p} />
      </Card>
      <Card withBorder p="lg" component="section">
        <Title order={2} size="h3" mb="sm">
          {t('pollination.plan.adoption')}
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pollination.plan.reportCollective')}</Table.Th>
              <Table.Th>{t('pollination.plan.reportStage')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.collectives.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>
                  <Badge
                    variant={c.stage === 'adopted' || c.stage === 'abandoned' ? 'filled' : 'light'}
                    color={c.stage === 'adopted' ? 'teal.9' : c.stage === 'abandoned' ? 'red.9' : 'blue'}
                  >
                    {tx(t, `pollination.plan.stages.${c.stage}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {p.canReport && (
          <Group
            align="flex-end"
            mt="md"
            component="form"
            onSubmit={(ev) => {
              ev.preventDefault();
              if (collectiveId && stage) {
                report.mutate({ collectiveId, stage, date });
              }
            }}
          >
            <Select
              label={t('pollination.plan.reportCollective')}
              data={p.collectives.map((c) => ({ value: c.id, label: c.name }))}
              value={collectiveId}
              onChange={setCollectiveId}
            />
            <Select
              label={t('pollination.plan.reportStage')}
              data={ADOPTION_STAGES.map((s) => ({ value: s, label: tx(t, `pollination.plan.stages.${s}`) }))}
              value={stage}
              onChange={setStage}
              allowDeselect={false}
            />
            <TextInput
              type="date"
              label={t('pollination.plan.reportDate')}
              value={date}
              onChange={(ev) => setDate(ev.currentTarget.value)}
            />
            <Button type="submit" loading={report.isPending} disabled={!collectiveId}>
              {t('pollination.plan.reportSave')}
            </Button>
          </Group>
        )}
      </Card>
      <PulseSection orgId={orgId} plan={p} canManage={can('methods.manage')} />
      <Card withBorder p="lg" component="section">
        <Title order={2} size="h3" mb="sm">
          {t('pollination.plan.agents')}
        </Title>
        <List>
          {p.agents.map((a) => (
            <List.Item key={a.id}>
              {a.name} — {tx(t, `pollination.plan.source.${a.source}`)}
            </List.Item>
          ))}
        </List>
        {p.sessions.length > 0 && (
          <>
            <Title order={3} size="h4" mt="md" mb="xs">
              {t('pollination.plan.sessions')}
            </Title>
            <List>
              {p.sessions.map((s) => (
                <List.Item key={s.id}>
                  {s.date} — {tx(t, `pollination.plan.kinds.${s.kind}`)}
                  {s.title ? ` : ${s.title}` : ''}
                  {s.collectiveName ? ` · ${s.collectiveName}` : ''}
                  {s.carrierName ? ` · ${s.carrierName}` : ''}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Card>
    </Stack>
  );
}
