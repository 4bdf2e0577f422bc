import { ESSAIM_IC } from '@essaim/core/diagnostics';
import { MILESTONE_KINDS, MILESTONE_STATUSES, type PlanDocument } from '@essaim/core/plans';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localId, type PlanView, tx } from './api';
import { CarriesOut } from './carries-out';
import { monthBounds, replaceById, type Update } from './draft';
import { Gantt } from './gantt';
import { IndicatorsEditor } from './indicators-editor';
import { PersonMonths } from './person-months';

interface Props {
  orgId: string;
  draft: PlanDocument;
  update: Update;
  view: PlanView;
  readOnly: boolean;
}

/** The master plan: timeline, workstreams with their objective, milestones as an editable table. */
export function MasterPlanTab({ orgId, draft, update, view, readOnly }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const constructs = ESSAIM_IC.constructs.map((c) => ({ value: c.id, label: c.name[lang] }));
  const questions = view.choices.questions.map((q) => ({
    value: q.id,
    label: `${q.text.slice(0, 80)}${q.domain ? ` (${tx(t, `plans.domains.${q.domain}`)})` : ''}`,
  }));
  const collectives = view.choices.collectives.map((c) => ({ value: c.id, label: c.name }));

  const addWorkstream = () => {
    const [start] = monthBounds(0);
    const [, end] = monthBounds(5);
    update((d) => ({
      ...d,
      workstreams: [
        ...d.workstreams,
        {
          id: localId('ws'),
          title: t('plans.master.newWorkstream', { n: d.workstreams.length + 1 }),
          objective: '',
          constructIds: [],
          questionId: null,
          collectiveId: null,
          demandLevel: null,
          startsOn: start,
          endsOn: end,
          phases: [],
        },
      ],
    }));
  };
  const addMilestone = (workstreamId: string) => {
    const [start, end] = monthBounds(1);
    update((d) => ({
      ...d,
      milestones: [
        ...d.milestones,
        {
          id: localId('ms'),
          workstreamId,
          title: t('plans.master.newMilestone', { n: d.milestones.length + 1 }),
          kind: 'delivery',
          owner: '',
          startsOn: start,
          dueOn: end,
          dependsOn: [],
          deliverables: [],
          status: 'planned',
          comment: '',
        },
      ],
    }));
  };
  const setWs = (id: string, patch: Partial<PlanDocument['workstreams'][number]>) =>
    update((d) => ({ ...d, workstreams: replaceById(d.workstreams, id, patch) }));
  const setMs = (id: string, patch: Partial<PlanDocument['milestones'][number]>) =>
    update((d) => ({ ...d, milestones: replaceById(d.milestones, id, patch) }));

  if (draft.workstreams.length === 0) {
    return (
      <Card p="xl" withBorder>
        <Stack align="flex-start">
          <Title order={2} size="h3">
            {t('plans.master.emptyTitle')}
          </Title>
          <Text c="dimmed">{t('plans.master.emptyText')}</Text>
          {!readOnly && <Button onClick={addWorkstream}>{t('plans.master.addWorkstream')}</Button>}
        </Stack>
      </Card>
    );
  }

  return (
    <Stack gap="lg">
      <Card p="md" withBorder>
        <Title order={2} size="h3" mb="sm">
          {t('plans.master.timeline')}
        </Title>
        <Gantt
          plan={draft}
          {...(readOnly
            ? {}
            : {
                onMilestone: (id: string, dates: { startsOn: string; dueOn: string }) => setMs(id, dates),
                onPhase: (wsId: string, phaseId: string, dates: { startsOn: string; endsOn: string }) =>
                  update((d) => ({
                    ...d,
                    workstreams: d.workstreams.map((w) =>
                      w.id === wsId ? { ...w, phases: replaceById(w.phases, phaseId, dates) } : w,
                    ),
                  })),
              })}
        />
      </Card>

      {draft.workstreams.map((w) => {
        const own = draft.milestones.filter((m) => m.workstreamId === w.id);
        const others = draft.milestones.map((m) => ({ value: m.id, label: m.title }));
        return (
          <Card key={w.id} p="lg" withBorder component="section" aria-label={w.title}>
            <Stack gap="sm">
              <Group justify="space-between" align="flex-end">
                <TextInput
                  label={t('plans.master.workstreamTitle')}
                  value={w.title}
                  readOnly={readOnly}
                  onChange={(e) => setWs(w.id, { title: e.currentTarget.value })}
                  style={{ flex: 1 }}
                />
                {!readOnly && (
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() =>
                      update((d) => ({
                        ...d,
                        workstreams: d.workstreams.filter((x) => x.id !== w.id),
                        milestones: d.milestones.filter((m) => m.workstreamId !== w.id),
                        budgetLines: d.budgetLines.map((l) =>
                          l.workstreamId === w.id ? { ...l, workstreamId: null } : l,
                        ),
                        indicators: d.indicators.filter((i) => i.workstreamId !== w.id),
                      }))
                    }
                  >
                    {t('plans.remove')}
                  </Button>
                )}
              </Group>
              <Textarea
                label={t('plans.master.objective')}
                description={t('plans.master.objectiveHint')}
                autosize
                minRows={2}
                value={w.objective}
                readOnly={readOnly}
                onChange={(e) => setWs(w.id, { objective: e.currentTarget.value })}
              />
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                <MultiSelect
                  label={t('plans.master.constructs')}
                  data={constructs}
                  value={w.constructIds}
                  readOnly={readOnly}
                  onChange={(v) => setWs(w.id, { constructIds: v })}
                />
                <NativeSelect
                  label={t('plans.master.question')}
                  data={[{ value: '', label: t('plans.none') }, ...questions]}
                  value={w.questionId ?? ''}
                  disabled={readOnly}
                  onChange={(e) => setWs(w.id, { questionId: e.currentTarget.value || null })}
                />
                <NativeSelect
                  label={t('plans.master.collective')}
                  data={[{ value: '', label: t('plans.wholeCollective') }, ...collectives]}
                  value={w.collectiveId ?? ''}
                  disabled={readOnly}
                  onChange={(e) => setWs(w.id, { collectiveId: e.currentTarget.value || null })}
                />
                <NumberInput
                  label={t('plans.master.demandLevel')}
                  description={t('plans.master.demandLevelHint')}
                  min={1}
                  max={5}
                  value={w.demandLevel ?? ''}
                  readOnly={readOnly}
                  onChange={(v) => setWs(w.id, { demandLevel: typeof v === 'number' ? v : null })}
                />
                <TextInput
                  type="date"
                  label={t('plans.master.startsOn')}
                  value={w.startsOn}
                  readOnly={readOnly}
                  onChange={(e) => e.currentTarget.value && setWs(w.id, { startsOn: e.currentTarget.value })}
                />
                <TextInput
                  type="date"
                  label={t('plans.master.endsOn')}
                  value={w.endsOn}
                  readOnly={readOnly}
                  onChange={(e) => e.currentTarget.value && setWs(w.id, { endsOn: e.currentTarget.value })}
                />
              </SimpleGrid>

              <Title order={3} size="h5" mt="sm">
                {t('plans.master.phases')}
              </Title>
              {w.phases.map((p) => (
                <Group key={p.id} gap="xs" align="flex-end" wrap="wrap">
                  <TextInput
                    aria-label={t('plans.master.phaseTitle')}
                    value={p.title}
                    readOnly={readOnly}
                    onChange={(e) =>
                      setWs(w.id, { phases: replaceById(w.phases, p.id, { title: e.currentTarget.value }) })
                    }
                  />
                  <TextInput
                    type="date"
                    aria-label={t('plans.master.startsOn')}
                    value={p.startsOn}
                    readOnly={readOnly}
                    onChange={(e) =>
                      e.currentTarget.value &&
                      setWs(w.id, {
                        phases: replaceById(w.phases, p.id, { startsOn: e.currentTarget.value }),
                      })
                    }
                  />
                  <TextInput
                    type="date"
                    aria-label={t('plans.master.endsOn')}
                    value={p.endsOn}
                    readOnly={readOnly}
                    onChange={(e) =>
                      e.currentTarget.value &&
                      setWs(w.id, { phases: replaceById(w.phases, p.id, { endsOn: e.currentTarget.value }) })
                    }
                  />
                  {!readOnly && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('plans.remove')}
                      onClick={() => setWs(w.id, { phases: w.phases.filter((x) => x.id !== p.id) })}
                    >
                      ×
                    </ActionIcon>
                  )}
                </Group>
              ))}
              {!readOnly && (
                <Button
                  variant="subtle"
                  size="xs"
                  w="fit-content"
                  onClick={() =>
                    setWs(w.id, {
                      phases: [
                        ...w.phases,
                        {
                          id: localId('ph'),
                          title: t('plans.master.newPhase'),
                          startsOn: w.startsOn,
                          endsOn: w.endsOn,
                        },
                      ],
                    })
                  }
                >
                  {t('plans.master.addPhase')}
                </Button>
              )}

              <Title order={3} size="h5" mt="sm">
                {t('plans.master.milestones')}
              </Title>
              {own.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('plans.master.noMilestone')}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={1500}>
                  <Table verticalSpacing={4} aria-label={t('plans.master.milestonesOf', { title: w.title })}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('plans.master.milestone')}</Table.Th>
                        <Table.Th>{t('plans.master.kind')}</Table.Th>
                        <Table.Th>{t('plans.master.owner')}</Table.Th>
                        <Table.Th>{t('plans.master.startsOn')}</Table.Th>
                        <Table.Th>{t('plans.master.dueOn')}</Table.Th>
                        <Table.Th>{t('plans.master.dependsOn')}</Table.Th>
                        <Table.Th>{t('plans.master.deliverables')}</Table.Th>
                        <Table.Th>{t('plans.master.status')}</Table.Th>
                        <Table.Th>{t('plans.master.comment')}</Table.Th>
                        <Table.Th />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {own.map((m) => (
                        <Table.Tr key={m.id}>
                          <Table.Td>
                            <TextInput
                              size="xs"
                              aria-label={t('plans.master.milestone')}
                              miw={200}
                              value={m.title}
                              readOnly={readOnly}
                              onChange={(e) => setMs(m.id, { title: e.currentTarget.value })}
                            />
                          </Table.Td>
                          <Table.Td>
                            <NativeSelect
                              size="xs"
                              aria-label={t('plans.master.kind')}
                              miw={150}
                              data={MILESTONE_KINDS.map((k) => ({
                                value: k,
                                label: tx(t, `plans.kinds.${k}`),
                              }))}
                              value={m.kind}
                              disabled={readOnly}
                              onChange={(e) =>
                                setMs(m.id, { kind: e.currentTarget.value as 'probe' | 'delivery' })
                              }
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              size="xs"
                              aria-label={t('plans.master.owner')}
                              miw={150}
                              value={m.owner}
                              readOnly={readOnly}
                              onChange={(e) => setMs(m.id, { owner: e.currentTarget.value })}
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              size="xs"
                              type="date"
                              miw={140}
                              aria-label={t('plans.master.startsOn')}
                              value={m.startsOn}
                              readOnly={readOnly}
                              onChange={(e) =>
                                e.currentTarget.value && setMs(m.id, { startsOn: e.currentTarget.value })
                              }
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              size="xs"
                              type="date"
                              miw={140}
                              aria-label={t('plans.master.dueOn')}
                              value={m.dueOn}
                              readOnly={readOnly}
                              onChange={(e) =>
                                e.currentTarget.value && setMs(m.id, { dueOn: e.currentTarget.value })
                              }
                            />
                          </Table.Td>
                          <Table.Td miw={180}>
                            <MultiSelect
                              size="xs"
                              aria-label={t('plans.master.dependsOn')}
                              data={others.filter((o) => o.value !== m.id)}
                              value={m.dependsOn}
                              readOnly={readOnly}
                              onChange={(v) => setMs(m.id, { dependsOn: v })}
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              size="xs"
                              aria-label={t('plans.master.deliverables')}
                              miw={200}
                              placeholder={t('plans.master.deliverablesHint')}
                              value={m.deliverables.join('; ')}
                              readOnly={readOnly}
                              onChange={(e) =>
                                setMs(m.id, {
                                  deliverables: e.currentTarget.value
                                    .split(';')
                                    .map((s) => s.trimStart())
                                    .filter((s, i, all) => s !== '' || i === all.length - 1),
                                })
                              }
                            />
                          </Table.Td>
                          <Table.Td>
                            <NativeSelect
                              size="xs"
                              aria-label={t('plans.master.status')}
                              miw={130}
                              data={MILESTONE_STATUSES.map((s) => ({
                                value: s,
                                label: tx(t, `plans.statuses.${s}`),
                              }))}
                              value={m.status}
                              disabled={readOnly}
                              onChange={(e) =>
                                setMs(m.id, {
                                  status: e.currentTarget.value as (typeof MILESTONE_STATUSES)[number],
                                })
                              }
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              size="xs"
                              aria-label={t('plans.master.comment')}
                              miw={200}
                              value={m.comment}
                              readOnly={readOnly}
                              onChange={(e) => setMs(m.id, { comment: e.currentTarget.value })}
                            />
                          </Table.Td>
                          <Table.Td>
                            {!readOnly && (
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={t('plans.master.removeMilestone', { title: m.title })}
                                onClick={() =>
                                  update((d) => ({
                                    ...d,
                                    milestones: d.milestones
                                      .filter((x) => x.id !== m.id)
                                      .map((x) => ({
                                        ...x,
                                        dependsOn: x.dependsOn.filter((y) => y !== m.id),
                                      })),
                                  }))
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
              <CarriesOut orgId={orgId} view={view} milestones={own} readOnly={readOnly} />
              {!readOnly && (
                <Button variant="light" size="xs" w="fit-content" onClick={() => addMilestone(w.id)}>
                  {t('plans.master.addMilestone')}
                </Button>
              )}
            </Stack>
          </Card>
        );
      })}
      {!readOnly && (
        <Button variant="light" w="fit-content" onClick={addWorkstream}>
          {t('plans.master.addWorkstream')}
        </Button>
      )}
      <AvailabilityCard orgId={orgId} draft={draft} update={update} view={view} readOnly={readOnly} />
      <IndicatorsEditor draft={draft} update={update} readOnly={readOnly} />
    </Stack>
  );
}

/** People with their days per month, and periods a collective marked as unavailable. */
function AvailabilityCard({ draft, update, view, readOnly }: Props) {
  const { t } = useTranslation();
  const collectives = view.choices.collectives.map((c) => ({ value: c.id, label: c.name }));
  return (
    <Card p="lg" withBorder component="section" aria-labelledby="availability-title">
      <Title order={2} size="h3" id="availability-title" mb="xs">
        {t('plans.availability.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('plans.availability.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('plans.availability.people')}
          </Title>
          {draft.people.map((p) => (
            <Stack key={p.id} gap={4}>
              <Group gap="xs" align="flex-end">
                <TextInput
                  aria-label={t('plans.availability.name')}
                  value={p.name}
                  readOnly={readOnly}
                  onChange={(e) =>
                    update((d) => ({
                      ...d,
                      people: replaceById(d.people, p.id, { name: e.currentTarget.value }),
                    }))
                  }
                />
                <NumberInput
                  aria-label={t('plans.availability.daysPerMonth')}
                  suffix={` ${t('plans.availability.daysUnit')}`}
                  w={130}
                  min={0}
                  max={31}
                  value={p.daysPerMonth}
                  readOnly={readOnly}
                  onChange={(v) =>
                    update((d) => ({
                      ...d,
                      people: replaceById(d.people, p.id, { daysPerMonth: Number(v) || 0 }),
                    }))
                  }
                />
                {!readOnly && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('plans.remove')}
                    onClick={() =>
                      update((d) => ({
                        ...d,
                        people: d.people.filter((x) => x.id !== p.id),
                        budgetLines: d.budgetLines.map((l) =>
                          l.personId === p.id ? { ...l, personId: null } : l,
                        ),
                      }))
                    }
                  >
                    ×
                  </ActionIcon>
                )}
              </Group>
              <PersonMonths
                person={p}
                readOnly={readOnly}
                onChange={(availability) =>
                  update((d) => ({ ...d, people: replaceById(d.people, p.id, { availability }) }))
                }
              />
            </Stack>
          ))}
          {!readOnly && (
            <Button
              variant="subtle"
              size="xs"
              w="fit-content"
              onClick={() =>
                update((d) => ({
                  ...d,
                  people: [
                    ...d.people,
                    { id: localId('p'), name: t('plans.availability.newPerson'), daysPerMonth: 4 },
                  ],
                }))
              }
            >
              {t('plans.availability.addPerson')}
            </Button>
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('plans.availability.periods')}
          </Title>
          {draft.unavailable.map((u) => (
            <Group key={u.id} gap="xs" align="flex-end" wrap="wrap">
              <TextInput
                aria-label={t('plans.availability.label')}
                value={u.label}
                readOnly={readOnly}
                onChange={(e) =>
                  update((d) => ({
                    ...d,
                    unavailable: replaceById(d.unavailable, u.id, { label: e.currentTarget.value }),
                  }))
                }
              />
              <NativeSelect
                aria-label={t('plans.master.collective')}
                data={[{ value: '', label: t('plans.wholeCollective') }, ...collectives]}
                value={u.collectiveId ?? ''}
                disabled={readOnly}
                onChange={(e) =>
                  update((d) => ({
                    ...d,
                    unavailable: replaceById(d.unavailable, u.id, {
                      collectiveId: e.currentTarget.value || null,
                    }),
                  }))
                }
              />
              <TextInput
                type="date"
                aria-label={t('plans.availability.from')}
                value={u.from}
                readOnly={readOnly}
                onChange={(e) =>
                  e.currentTarget.value &&
                  update((d) => ({
                    ...d,
                    unavailable: replaceById(d.unavailable, u.id, { from: e.currentTarget.value }),
                  }))
                }
              />
              <TextInput
                type="date"
                aria-label={t('plans.availability.to')}
                value={u.to}
                readOnly={readOnly}
                onChange={(e) =>
                  e.currentTarget.value &&
                  update((d) => ({
                    ...d,
                    unavailable: replaceById(d.unavailable, u.id, { to: e.currentTarget.value }),
                  }))
                }
              />
              {!readOnly && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('plans.remove')}
                  onClick={() =>
                    update((d) => ({ ...d, unavailable: d.unavailable.filter((x) => x.id !== u.id) }))
                  }
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          ))}
          {!readOnly && (
            <Button
              variant="subtle"
              size="xs"
              w="fit-content"
              onClick={() => {
                const [from] = monthBounds(7);
                const [, to] = monthBounds(7);
                update((d) => ({
                  ...d,
                  unavailable: [
                    ...d.unavailable,
                    {
                      id: localId('u'),
                      collectiveId: null,
                      label: t('plans.availability.newPeriod'),
                      from,
                      to,
                    },
                  ],
                }));
              }}
            >
              {t('plans.availability.addPeriod')}
            </Button>
          )}
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
