import { ESSAIM_IC } from '@essaim/core/diagnostics';
import { INDICATOR_SOURCES, type IndicatorSource, type PlanDocument } from '@essaim/core/plans';
import {
  ActionIcon,
  Button,
  Card,
  NativeSelect,
  NumberInput,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localId, tx } from './api';
import { replaceById, type Update } from './draft';

/** Hand-entered values are typed as `YYYY-MM-DD=value; …`: one text box, keyboard-friendly. */
function parsePoints(text: string): { at: string; value: number }[] {
  return text
    .split(';')
    .map((p) => p.trim().split('='))
    .flatMap(([at, v]) =>
      at && /^\d{4}-\d{2}-\d{2}$/.test(at.trim()) && v !== undefined && Number.isFinite(Number(v))
        ? [{ at: at.trim(), value: Number(v) }]
        : [],
    );
}

/** Indicators per objective: source, baseline and target (progress is drawn on the dashboard). */
export function IndicatorsEditor({
  draft,
  update,
  readOnly,
}: {
  draft: PlanDocument;
  update: Update;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const set = (id: string, patch: Partial<PlanDocument['indicators'][number]>) =>
    update((d) => ({ ...d, indicators: replaceById(d.indicators, id, patch) }));
  return (
    <Card p="lg" withBorder component="section" aria-labelledby="indicators-title">
      <Title order={2} size="h3" id="indicators-title" mb="xs">
        {t('plans.indicators.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('plans.indicators.intro')}
      </Text>
      {draft.indicators.length > 0 && (
        <Table.ScrollContainer minWidth={1000}>
          <Table verticalSpacing={4} aria-labelledby="indicators-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plans.indicators.name')}</Table.Th>
                <Table.Th>{t('plans.investment.workstream')}</Table.Th>
                <Table.Th>{t('plans.indicators.source')}</Table.Th>
                <Table.Th>{t('plans.indicators.construct')}</Table.Th>
                <Table.Th>{t('plans.indicators.baseline')}</Table.Th>
                <Table.Th>{t('plans.indicators.target')}</Table.Th>
                <Table.Th>{t('plans.indicators.points')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.indicators.map((ind) => (
                <Table.Tr key={ind.id}>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('plans.indicators.name')}
                      value={ind.name}
                      readOnly={readOnly}
                      onChange={(e) => set(ind.id, { name: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      size="xs"
                      aria-label={t('plans.investment.workstream')}
                      data={draft.workstreams.map((w) => ({ value: w.id, label: w.title }))}
                      value={ind.workstreamId}
                      disabled={readOnly}
                      onChange={(e) => set(ind.id, { workstreamId: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      size="xs"
                      aria-label={t('plans.indicators.source')}
                      data={INDICATOR_SOURCES.map((s) => ({
                        value: s,
                        label: tx(t, `plans.indicators.sources.${s}`),
                      }))}
                      value={ind.source}
                      disabled={readOnly}
                      onChange={(e) => set(ind.id, { source: e.currentTarget.value as IndicatorSource })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      size="xs"
                      aria-label={t('plans.indicators.construct')}
                      data={[
                        { value: '', label: t('plans.none') },
                        ...ESSAIM_IC.constructs.map((c) => ({ value: c.id, label: c.name[lang] })),
                      ]}
                      value={ind.constructId ?? ''}
                      disabled={readOnly || ind.source !== 'construct'}
                      onChange={(e) => set(ind.id, { constructId: e.currentTarget.value || null })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      w={80}
                      aria-label={t('plans.indicators.baseline')}
                      value={ind.baseline ?? ''}
                      readOnly={readOnly}
                      onChange={(v) => set(ind.id, { baseline: typeof v === 'number' ? v : null })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      w={80}
                      aria-label={t('plans.indicators.target')}
                      value={ind.target ?? ''}
                      readOnly={readOnly}
                      onChange={(v) => set(ind.id, { target: typeof v === 'number' ? v : null })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('plans.indicators.points')}
                      placeholder="2027-01-31=42; 2027-06-30=50"
                      defaultValue={ind.points.map((p) => `${p.at}=${p.value}`).join('; ')}
                      readOnly={readOnly || ind.source !== 'manual'}
                      onBlur={(e) => set(ind.id, { points: parsePoints(e.currentTarget.value) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    {!readOnly && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('plans.remove')}
                        onClick={() =>
                          update((d) => ({ ...d, indicators: d.indicators.filter((x) => x.id !== ind.id) }))
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
      {!readOnly && draft.workstreams.length > 0 && (
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() =>
            update((d) => ({
              ...d,
              indicators: [
                ...d.indicators,
                {
                  id: localId('i'),
                  workstreamId: d.workstreams[0]!.id,
                  name: t('plans.indicators.newIndicator'),
                  source: 'construct',
                  constructId: d.workstreams[0]!.constructIds[0] ?? 'psychological-safety',
                  baseline: null,
                  target: null,
                  points: [],
                },
              ],
            }))
          }
        >
          {t('plans.indicators.add')}
        </Button>
      )}
    </Card>
  );
}
