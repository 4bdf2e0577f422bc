import { Anchor, Button, Card, Checkbox, Group, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { exportUrl, tx, useRegister } from './api';
import { RULE_IDS } from './new-proposal-form';
import { RegisterTable } from './register-table';

const STATUSES = ['open', 'passed', 'rejected', 'withdrawn', 'review'];
const SOURCES = [
  'proposal',
  'options_board',
  'method_choice',
  'live_activity',
  'governance_map',
  'rule_choice',
  'charter',
];

/** The organisation's decision register with filters and CSV/XLSX/JSON export. */
export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('decisions.register.title'));
  const { org } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const [rule, setRule] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [source, setSource] = useState<string | null>(null);
  const [due, setDue] = useState(false);
  const query = {
    ...(rule ? { rule } : {}),
    ...(status ? { status } : {}),
    ...(source ? { source } : {}),
    ...(due ? { dueForReview: 'true' } : {}),
  };
  const register = useRegister(orgId, query);
  return (
    <Stack gap="lg">
      <PageHeader title={t('decisions.register.title')} description={t('decisions.register.intro')} />
      <Card p="lg">
        <Group align="flex-end" wrap="wrap" gap="md">
          <Select
            label={t('decisions.register.filterRule')}
            placeholder={t('decisions.register.all')}
            clearable
            data={RULE_IDS.map((r) => ({ value: r, label: tx(t, `decisions.rules.${r}`) }))}
            value={rule}
            onChange={setRule}
          />
          <Select
            label={t('decisions.register.filterStatus')}
            placeholder={t('decisions.register.all')}
            clearable
            data={STATUSES.map((s) => ({ value: s, label: tx(t, `decisions.register.statuses.${s}`) }))}
            value={status}
            onChange={setStatus}
          />
          <Select
            label={t('decisions.register.filterSource')}
            placeholder={t('decisions.register.all')}
            clearable
            data={SOURCES.map((s) => ({ value: s, label: tx(t, `decisions.register.sources.${s}`) }))}
            value={source}
            onChange={setSource}
          />
          <Checkbox
            label={t('decisions.register.dueOnly')}
            checked={due}
            onChange={(e) => setDue(e.currentTarget.checked)}
          />
          <Button component="a" href={exportUrl(orgId, 'csv', query)} variant="light" size="sm">
            {t('decisions.register.exportCsv')}
          </Button>
          <Button component="a" href={exportUrl(orgId, 'xlsx', query)} variant="light" size="sm">
            {t('decisions.register.exportXlsx')}
          </Button>
          <Button component="a" href={exportUrl(orgId, 'json', query)} variant="light" size="sm">
            {t('decisions.register.exportJson')}
          </Button>
          <Anchor component={Link} to="/governance" size="sm">
            {t('decisions.governance.title')}
          </Anchor>
        </Group>
      </Card>
      {register.error && <QueryError error={register.error} />}
      {register.data && <RegisterTable decisions={register.data.decisions} />}
    </Stack>
  );
}
