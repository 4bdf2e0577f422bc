import { Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../components/query-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { tx, useSpec } from './api';

/** The specification laid out for paper: the browser's print (or "save as PDF") does the rest. */
export function SpecPrintPage() {
  const { t } = useTranslation();
  usePageTitle(t('plans.spec.printTitle'));
  const { engagementId = '' } = useParams();
  const { org } = useCurrentOrg();
  const spec = useSpec(org?.id ?? '', engagementId);
  if (spec.error) {
    return <QueryError error={spec.error} />;
  }
  if (!spec.data) {
    return <Loader />;
  }
  return (
    <Stack gap="md" maw={780} className="plan-print">
      <style>
        {
          '@media print { header, nav, .plan-print-actions { display: none !important; } main { padding: 0 !important; } }'
        }
      </style>
      <Group justify="space-between" className="plan-print-actions">
        <Anchor component={Link} to={`/engagements/${engagementId}/plan?tab=specification`} size="sm">
          {t('plans.back')}
        </Anchor>
        <Button size="xs" onClick={() => window.print()}>
          {t('plans.spec.printNow')}
        </Button>
      </Group>
      <Title order={1}>{t('plans.spec.printTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('plans.spec.versionShort', { version: spec.data.version })}
      </Text>
      {spec.data.sections.map((s) => (
        <section key={s.key}>
          <Title order={2} size="h3" mt="md" mb={4}>
            {tx(t, `plans.spec.sections.${s.key}`)}
          </Title>
          {s.text.split('\n').map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of a static text, never reordered
            <Text key={i} size="sm">
              {line}
            </Text>
          ))}
          {s.pulled.sources.length > 0 && (
            <Text size="xs" c="dimmed" fs="italic" mt={2}>
              {t('plans.spec.sources')} {s.pulled.sources.map((x) => x.label).join(' ; ')}
            </Text>
          )}
        </section>
      ))}
    </Stack>
  );
}
