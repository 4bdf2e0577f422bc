import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ProposalView, tx } from './api';

/** The count of a proposal: outcome and counts per position (or per option). */
export function TallyView({ tally, rule }: { tally: ProposalView['tally']; rule: string }) {
  const { t } = useTranslation();
  if (!tally) {
    return <Text c="dimmed">{t('decisions.proposal.hidden')}</Text>;
  }
  const color = tally.outcome === 'passed' ? 'teal' : tally.outcome === 'rejected' ? 'red' : 'blue';
  const isOptions = ['majorityJudgment', 'rankedChoice', 'score'].includes(rule);
  return (
    <Stack gap="xs" data-testid="tally">
      <Badge color={color} size="lg" variant="light">
        {tx(t, `decisions.proposal.outcome.${tally.outcome}`)}
      </Badge>
      <Table withTableBorder fz="sm">
        <Table.Tbody>
          {Object.entries(tally.counts).map(([k, n]) => (
            <Table.Tr key={k}>
              <Table.Td>{isOptions ? k : tx(t, `decisions.proposal.values.${k}`)}</Table.Td>
              <Table.Td ta="right">{n}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
