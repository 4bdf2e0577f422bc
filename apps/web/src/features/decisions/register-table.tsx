import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import { type DecisionItem, tx } from './api';

const STATUS_COLOR: Record<string, string> = {
  passed: 'teal',
  rejected: 'red',
  open: 'blue',
  review: 'honey',
  withdrawn: 'gray',
};

/** The register as a table (one row per decision); proposals link to their page. */
export function RegisterTable({ decisions }: { decisions: DecisionItem[] }) {
  const { t } = useTranslation();
  if (decisions.length === 0) {
    return <Text c="dimmed">{t('decisions.register.empty')}</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder data-testid="register-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('decisions.register.colTitle')}</Table.Th>
            <Table.Th>{t('decisions.register.colRule')}</Table.Th>
            <Table.Th>{t('decisions.register.colSource')}</Table.Th>
            <Table.Th>{t('decisions.register.colStatus')}</Table.Th>
            <Table.Th>{t('decisions.register.colDate')}</Table.Th>
            <Table.Th>{t('decisions.register.colReview')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {decisions.map((d) => {
            const title =
              d.source === 'rule_choice' ? tx(t, `decisions.rules.${d.outcome ?? 'consent'}`) : d.title;
            return (
              <Table.Tr key={d.id}>
                <Table.Td>
                  {(d.source === 'proposal' || d.source === 'governance_map') &&
                  d.sourceId &&
                  d.engagementId ? (
                    <Anchor component={Link} to={`/engagements/${d.engagementId}/proposals/${d.sourceId}`}>
                      {title}
                    </Anchor>
                  ) : (
                    title
                  )}
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {d.outcome && d.source !== 'rule_choice' ? d.outcome : d.statement}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {d.rule ? tx(t, `decisions.rules.${d.rule}`) : t('decisions.register.noRule')}
                </Table.Td>
                <Table.Td>{tx(t, `decisions.register.sources.${d.source}`)}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[d.status] ?? 'gray'} variant="light">
                    {tx(t, `decisions.register.statuses.${d.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDate(d.decidedAt ?? d.createdAt)}</Table.Td>
                <Table.Td>
                  {d.reviewOn ? formatDate(d.reviewOn) : '—'}
                  {d.isDueForReview && (
                    <Badge ml="xs" color="honey" size="sm">
                      {t('decisions.register.due')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
