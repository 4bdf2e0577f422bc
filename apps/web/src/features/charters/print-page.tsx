import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { type CharterCommitments, useCharter, useCharterPart } from './api';

/** A plain page to print: the text, its fingerprint, and the list of commitments. */
export function CharterPrintPage() {
  const { t } = useTranslation();
  const { engagementId = '', charterId = '' } = useParams();
  const { org } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const charter = useCharter(orgId, engagementId, charterId);
  const commitments = useCharterPart<CharterCommitments>(orgId, engagementId, charterId, 'commitments');
  usePageTitle(charter.data?.title ?? t('charters.title'));
  const data = charter.data;
  return (
    <Stack gap="md" maw={760}>
      <Group className="no-print" justify="space-between">
        <Anchor component={Link} to={`/engagements/${engagementId}/charters/${charterId}`} size="sm">
          {data?.title}
        </Anchor>
        <Button size="xs" onClick={() => window.print()}>
          {t('charters.export.print')}
        </Button>
      </Group>
      {charter.error && <QueryError error={charter.error} />}
      {data && (
        <article>
          <Title order={1}>{data.title}</Title>
          <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {data.adoptedHash ? t('charters.adopt.adopted', { hash: data.adoptedHash }) : data.contentHash}
          </Text>
          {data.clauses.map((c) =>
            c.kind === 'heading' ? (
              <Title key={c.id} order={Math.min(c.level + 1, 4) as 2 | 3 | 4} mt="md">
                {c.text}
              </Title>
            ) : (
              <Text key={c.id} mt="xs">
                {c.text}
              </Text>
            ),
          )}
          {commitments.data?.people && commitments.data.people.length > 0 && (
            <>
              <Title order={2} mt="xl">
                {t('charters.tabs.commitments')}
              </Title>
              <Table>
                <Table.Tbody>
                  {commitments.data.people.map((p) => (
                    <Table.Tr key={p.personId}>
                      <Table.Td>{p.name}</Table.Td>
                      <Table.Td>{t(`charters.commitments.state.${p.state}`)}</Table.Td>
                      <Table.Td>{formatDateTime(p.at)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </article>
      )}
    </Stack>
  );
}
