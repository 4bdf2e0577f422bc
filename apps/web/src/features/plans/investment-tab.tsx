import {
  BUDGET_CATEGORIES,
  budgetTotals,
  lineAmount,
  type PlanDocument,
  SCENARIO_KINDS,
  type ScenarioKind,
} from '@essaim/core/plans';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localId, type PlanView, planBase, tx } from './api';
import { currentQuarter, replaceById, type Update } from './draft';
import { useDraftWarnings, useNamer, WarningList } from './warnings';

interface Props {
  draft: PlanDocument;
  update: Update;
  view: PlanView;
  readOnly: boolean;
  orgId: string;
  dirty: boolean;
}

function useMoney() {
  const { i18n } = useTranslation();
  const f = new Intl.NumberFormat(i18n.language, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  });
  return (v: number) => f.format(v);
}

/** One scenario's card: totals, by category and workstream, and its allocation warnings. */
function ScenarioCard({
  draft,
  view,
  scenarioId,
  update,
  readOnly,
}: Pick<Props, 'draft' | 'view' | 'update' | 'readOnly'> & { scenarioId: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const scenario = draft.scenarios.find((s) => s.id === scenarioId)!;
  const totals = budgetTotals(draft.budgetLines.filter((l) => l.scenarioId === scenarioId));
  const warnings = useDraftWarnings(draft, view, scenarioId).filter((w) => w.rule === 'over-allocation');
  const name = useNamer(draft, view);
  return (
    <Card p="md" withBorder component="section" aria-label={scenario.name}>
      <Stack gap="xs">
        <Group gap="xs" align="flex-end">
          <TextInput
            label={t('plans.investment.scenarioName')}
            value={scenario.name}
            readOnly={readOnly}
            onChange={(e) =>
              update((d) => ({
                ...d,
                scenarios: replaceById(d.scenarios, scenarioId, { name: e.currentTarget.value }),
              }))
            }
            style={{ flex: 1 }}
          />
          <NativeSelect
            label={t('plans.investment.scenarioKind')}
            data={SCENARIO_KINDS.map((k) => ({ value: k, label: tx(t, `plans.scenarioKinds.${k}`) }))}
            value={scenario.kind}
            disabled={readOnly}
            onChange={(e) =>
              update((d) => ({
                ...d,
                scenarios: replaceById(d.scenarios, scenarioId, {
                  kind: e.currentTarget.value as ScenarioKind,
                }),
              }))
            }
          />
        </Group>
        <Text fz={28} fw={700} data-testid={`total-${scenarioId}`}>
          {money(totals.total)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('plans.investment.personDays', { count: totals.personDays })}
        </Text>
        <Table fz="sm" verticalSpacing={2}>
          <Table.Tbody>
            {BUDGET_CATEGORIES.filter((c) => totals.byCategory[c] > 0).map((c) => (
              <Table.Tr key={c}>
                <Table.Td>{tx(t, `plans.categories.${c}`)}</Table.Td>
                <Table.Td ta="right">{money(totals.byCategory[c])}</Table.Td>
              </Table.Tr>
            ))}
            {draft.workstreams.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Td c="dimmed">{w.title}</Table.Td>
                <Table.Td ta="right" c="dimmed">
                  {money(totals.byWorkstream[w.id] ?? 0)}
                </Table.Td>
              </Table.Tr>
            ))}
            {Object.entries(totals.byYear).map(([year, v]) => (
              <Table.Tr key={year}>
                <Table.Td c="dimmed">{year}</Table.Td>
                <Table.Td ta="right" c="dimmed">
                  {money(v)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <WarningList warnings={warnings} name={name} empty={t('plans.investment.noAllocationWarning')} />
      </Stack>
    </Card>
  );
}

/** The investment plan: scenarios side by side, then the budget lines of the scenario chosen. */
export function InvestmentTab({ draft, update, view, readOnly, orgId, dirty }: Props) {
  const { t } = useTranslation();
  const money = useMoney();
  const [scenarioId, setScenarioId] = useState<string | null>(draft.scenarios[0]?.id ?? null);
  const current = draft.scenarios.find((s) => s.id === scenarioId) ?? draft.scenarios[0];
  const base = planBase(orgId, view.engagementId);

  const addScenario = () => {
    const id = localId('sc');
    update((d) => {
      const source = d.scenarios.find((s) => s.id === current?.id);
      const copied = source
        ? d.budgetLines
            .filter((l) => l.scenarioId === source.id)
            .map((l) => ({ ...l, id: localId('b'), scenarioId: id }))
        : [];
      const kind: ScenarioKind =
        d.scenarios.length === 0 ? 'standard' : d.scenarios.length === 1 ? 'accelerated' : 'custom';
      return {
        ...d,
        scenarios: [...d.scenarios, { id, name: tx(t, `plans.scenarioKinds.${kind}`), kind }],
        budgetLines: [...d.budgetLines, ...copied],
      };
    });
    setScenarioId(id);
  };
  const addLine = () => {
    if (!current) {
      return;
    }
    update((d) => ({
      ...d,
      budgetLines: [
        ...d.budgetLines,
        {
          id: localId('b'),
          scenarioId: current.id,
          workstreamId: d.workstreams[0]?.id ?? null,
          category: 'internal',
          label: '',
          personId: d.people[0]?.id ?? null,
          quantity: 5,
          unitCost: 400,
          period: currentQuarter(),
          fundingSource: '',
        },
      ],
    }));
  };
  const setLine = (id: string, patch: Partial<PlanDocument['budgetLines'][number]>) =>
    update((d) => ({ ...d, budgetLines: replaceById(d.budgetLines, id, patch) }));

  if (draft.scenarios.length === 0) {
    return (
      <Card p="xl" withBorder>
        <Stack align="flex-start">
          <Title order={2} size="h3">
            {t('plans.investment.emptyTitle')}
          </Title>
          <Text c="dimmed">{t('plans.investment.emptyText')}</Text>
          {!readOnly && <Button onClick={addScenario}>{t('plans.investment.addScenario')}</Button>}
        </Stack>
      </Card>
    );
  }
  const lines = draft.budgetLines.filter((l) => l.scenarioId === current?.id);
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('plans.investment.scenarios')}
        </Title>
        <Group gap="xs">
          {!readOnly && (
            <Button variant="light" size="xs" onClick={addScenario}>
              {t('plans.investment.addScenario')}
            </Button>
          )}
          <Button component="a" href={`${base}/investment.xlsx`} variant="default" size="xs" download>
            {t('plans.investment.exportXlsx')}
          </Button>
          <Button component="a" href={`${base}/investment.csv`} variant="default" size="xs" download>
            {t('plans.investment.exportCsv')}
          </Button>
          <Button component="a" href={`${base}.pdf`} variant="default" size="xs" download>
            {t('plans.investment.exportPdf')}
          </Button>
        </Group>
      </Group>
      {dirty && (
        <Text size="xs" c="dimmed">
          {t('plans.investment.exportsSaved')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: Math.min(3, draft.scenarios.length) }}>
        {draft.scenarios.map((s) => (
          <ScenarioCard
            key={s.id}
            draft={draft}
            view={view}
            scenarioId={s.id}
            update={update}
            readOnly={readOnly}
          />
        ))}
      </SimpleGrid>

      <Card p="lg" withBorder component="section" aria-labelledby="lines-title">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={2} size="h3" id="lines-title">
            {t('plans.investment.lines')}
          </Title>
          <SegmentedControl
            aria-label={t('plans.investment.chooseScenario')}
            data={draft.scenarios.map((s) => ({ value: s.id, label: s.name }))}
            value={current?.id ?? ''}
            onChange={setScenarioId}
          />
        </Group>
        {lines.length === 0 ? (
          <Text size="sm" c="dimmed" mb="sm">
            {t('plans.investment.noLine')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={1450}>
            <Table
              verticalSpacing={4}
              aria-label={t('plans.investment.linesOf', { name: current?.name ?? '' })}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plans.investment.category')}</Table.Th>
                  <Table.Th>{t('plans.investment.label')}</Table.Th>
                  <Table.Th>{t('plans.investment.workstream')}</Table.Th>
                  <Table.Th>{t('plans.investment.person')}</Table.Th>
                  <Table.Th>{t('plans.investment.quantity')}</Table.Th>
                  <Table.Th>{t('plans.investment.unitCost')}</Table.Th>
                  <Table.Th>{t('plans.investment.period')}</Table.Th>
                  <Table.Th>{t('plans.investment.funding')}</Table.Th>
                  <Table.Th ta="right">{t('plans.investment.amount')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>
                      <NativeSelect
                        size="xs"
                        aria-label={t('plans.investment.category')}
                        miw={170}
                        data={BUDGET_CATEGORIES.map((c) => ({
                          value: c,
                          label: tx(t, `plans.categories.${c}`),
                        }))}
                        value={l.category}
                        disabled={readOnly}
                        onChange={(e) =>
                          setLine(l.id, {
                            category: e.currentTarget.value as (typeof BUDGET_CATEGORIES)[number],
                          })
                        }
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={t('plans.investment.label')}
                        miw={200}
                        value={l.label}
                        readOnly={readOnly}
                        onChange={(e) => setLine(l.id, { label: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        size="xs"
                        aria-label={t('plans.investment.workstream')}
                        miw={180}
                        data={[
                          { value: '', label: t('plans.none') },
                          ...draft.workstreams.map((w) => ({ value: w.id, label: w.title })),
                        ]}
                        value={l.workstreamId ?? ''}
                        disabled={readOnly}
                        onChange={(e) => setLine(l.id, { workstreamId: e.currentTarget.value || null })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        size="xs"
                        aria-label={t('plans.investment.person')}
                        miw={160}
                        data={[
                          { value: '', label: t('plans.none') },
                          ...draft.people.map((p) => ({ value: p.id, label: p.name })),
                        ]}
                        value={l.personId ?? ''}
                        disabled={readOnly || l.category !== 'internal'}
                        onChange={(e) => setLine(l.id, { personId: e.currentTarget.value || null })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        size="xs"
                        w={90}
                        min={0}
                        aria-label={t('plans.investment.quantity')}
                        value={l.quantity}
                        readOnly={readOnly}
                        onChange={(v) => setLine(l.id, { quantity: Number(v) || 0 })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        size="xs"
                        w={100}
                        min={0}
                        aria-label={t('plans.investment.unitCost')}
                        value={l.unitCost}
                        readOnly={readOnly}
                        onChange={(v) => setLine(l.id, { unitCost: Number(v) || 0 })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        w={100}
                        aria-label={t('plans.investment.period')}
                        value={l.period}
                        readOnly={readOnly}
                        error={/^\d{4}-Q[1-4]$/.test(l.period) ? undefined : t('plans.investment.periodHint')}
                        onChange={(e) => setLine(l.id, { period: e.currentTarget.value.toUpperCase() })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={t('plans.investment.funding')}
                        miw={180}
                        value={l.fundingSource}
                        readOnly={readOnly}
                        onChange={(e) => setLine(l.id, { fundingSource: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td ta="right">{money(lineAmount(l))}</Table.Td>
                    <Table.Td>
                      {!readOnly && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('plans.remove')}
                          onClick={() =>
                            update((d) => ({ ...d, budgetLines: d.budgetLines.filter((x) => x.id !== l.id) }))
                          }
                        >
                          ×
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {!readOnly && (
          <Button variant="light" size="xs" onClick={addLine}>
            {t('plans.investment.addLine')}
          </Button>
        )}
      </Card>
    </Stack>
  );
}
