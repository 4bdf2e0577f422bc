import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { tx, useProposals, useRegister } from './api';
import { NewProposalForm } from './new-proposal-form';
import { RegisterTable } from './register-table';
import { RuleChoiceSection } from './rule-choice-section';

/** An engagement's decisions: the rule the group chose, its proposals, and its register. */
export function DecisionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('decisions.title'));
  const { engagementId = '' } = useParams();
  const { org, can } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const proposals = useProposals(orgId, engagementId);
  const register = useRegister(orgId, {}, engagementId);
  const canRecord = can('decision.record');
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/engagements/${engagementId}`} size="sm">
        {t('decisions.back')}
      </Anchor>
      <PageHeader title={t('decisions.title')} description={t('decisions.intro')} />
      <RuleChoiceSection
        orgId={orgId}
        engagementId={engagementId}
        currentRule={proposals.data?.currentRule ?? null}
        canRecord={canRecord}
      />
      <Card p="lg" component="section" aria-labelledby="proposals-title">
        <Title order={2} size="h3" id="proposals-title" mb="sm">
          {t('decisions.proposals.title')}
        </Title>
        {proposals.error && <QueryError error={proposals.error} />}
        {proposals.data && proposals.data.proposals.length === 0 && (
          <Text c="dimmed">{t('decisions.proposals.empty')}</Text>
        )}
        <Stack gap="xs" data-testid="proposal-list">
          {proposals.data?.proposals.map((p) => (
            <Group key={p.id} justify="space-between" wrap="wrap">
              <Stack gap={0}>
                <Anchor component={Link} to={`/engagements/${engagementId}/proposals/${p.id}`} fw={600}>
                  {p.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {tx(t, `decisions.rules.${p.rule}`)} ·{' '}
                  {t('decisions.proposals.version', { version: p.version })} ·{' '}
                  {t('decisions.proposals.until', { date: formatDateTime(p.deadline) })}
                </Text>
              </Stack>
              <Group gap="xs">
                <Text size="sm">
                  {t('decisions.proposals.answered', {
                    answered: p.answeredCount,
                    eligible: p.eligibleCount,
                  })}
                </Text>
                <Badge variant="light">{tx(t, `decisions.proposals.status.${p.status}`)}</Badge>
              </Group>
            </Group>
          ))}
        </Stack>
      </Card>
      {canRecord && (
        <NewProposalForm
          key={proposals.data?.currentRule ?? 'none'}
          orgId={orgId}
          engagementId={engagementId}
          defaultRule={proposals.data?.currentRule ?? null}
        />
      )}
      <Card p="lg" component="section" aria-labelledby="register-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="register-title">
            {t('decisions.register.title')}
          </Title>
          <Anchor component={Link} to="/decisions" size="sm">
            {t('decisions.register.orgLink')}
          </Anchor>
        </Group>
        {register.data && <RegisterTable decisions={register.data.decisions} />}
      </Card>
    </Stack>
  );
}
