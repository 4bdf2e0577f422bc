import {
  type ActivityResults,
  type ActivitySpec,
  type RatingScale,
  resultsOf,
  type WorkshopState,
} from '@essaim/core/live';
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_MENU, ACTIVITY_SCREENS, useKindHint, useKindName } from './activities/registry';
import type { ConfigContext, ConfigValues } from './activities/types';

type Kind = (typeof ACTIVITY_MENU)[number];

/** Lines of a textarea → items with short stable ids. */
export function itemsFromLines(text: string): { id: string; label: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .slice(0, 200)
    .map((label, i) => ({ id: `i${i + 1}`, label: label.slice(0, 200) }));
}

/**
 * The labels an activity's results list, best first: cards, cluster groups, ranked or voted items, a
 * matrix's items by priority, a budget's by points (what "take items from" copies into a new activity).
 */
export function labelsOfResults(results: ActivityResults | null): string[] {
  if (!results || results.isHidden) {
    return [];
  }
  const r = results as unknown as Record<string, unknown>;
  for (const key of ['items', 'ranking', 'groups', 'options', 'cards', 'words']) {
    const list = r[key];
    if (Array.isArray(list)) {
      return (list as { label?: string; name?: string; text?: string; word?: string; isHidden?: boolean }[])
        .filter((x) => x.isHidden !== true)
        .map((x) => x.label ?? x.name ?? x.text ?? x.word ?? '')
        .filter((label) => label.length > 0);
    }
  }
  return [];
}

/** Form values that describe an existing activity (to edit it in preparation). */
function initialOf(spec: ActivitySpec | undefined): { kind: Kind; title: string; values: ConfigValues } {
  const config = (spec?.config ?? {}) as Record<string, unknown>;
  const list = (config.items ?? config.options) as { label: string }[] | undefined;
  return {
    kind: (spec?.type ?? 'brainstorm') as Kind,
    title: spec?.title ?? '',
    values: {
      lines: list ? list.map((i) => i.label).join('\n') : '',
      proposal: typeof config.proposal === 'string' ? config.proposal : '',
      dots: typeof config.dotsPerParticipant === 'number' ? config.dotsPerParticipant : 3,
      minutes: typeof config.durationMs === 'number' ? Math.round(config.durationMs / 60_000) : 5,
      scale: (config.scale ?? 'oneToFive') as RatingScale,
      showNames: config.showNames === true,
      source: typeof config.sourceActivityId === 'string' ? config.sourceActivityId : null,
      extra: { ...config },
    },
  };
}

/**
 * The facilitator's form to add an activity to the agenda, or, given `initial`, to edit one still in
 * preparation (same kind). Each kind's fields and the spec they build come from its registry entry.
 */
export function AddActivity({
  state,
  onAdd,
  initial,
}: {
  state: WorkshopState;
  onAdd: (spec: ActivitySpec) => void;
  initial?: ActivitySpec;
}) {
  const { t } = useTranslation();
  const kindName = useKindName();
  const kindHint = useKindHint();
  const start = initialOf(initial);
  const initialId =
    initial === undefined
      ? null
      : (state.activityOrder.find((id) => state.activities[id]?.title === initial.title) ?? null);
  const isEdit = initial !== undefined;
  const [kind, setKind] = useState<Kind>(start.kind);
  const [title, setTitle] = useState(start.title);
  const [values, setValues] = useState<ConfigValues>(start.values);
  const set = <F extends keyof ConfigValues>(field: F, value: ConfigValues[F]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const brainstorms = state.activityOrder
    .map((id) => state.activities[id])
    .filter((a) => a?.type === 'brainstorm')
    .map((a) => ({ value: a?.id ?? '', label: a?.title ?? '' }));
  const items = itemsFromLines(values.lines);
  const name = title.trim() || kindName(kind);
  const activities = state.activityOrder
    .map((id) => state.activities[id])
    .filter((a) => a !== undefined && a.id !== initialId)
    .map((a) => ({ value: a?.id ?? '', label: a?.title ?? '', type: a?.type ?? 'brainstorm' }));
  const labelsOf = (activityId: string) =>
    labelsOfResults(resultsOf(state, activityId, { role: 'facilitator' }));
  const context: ConfigContext = { name, values, items, brainstorms, activities, labelsOf };
  const screens = ACTIVITY_SCREENS[kind];
  const spec: ActivitySpec | null = screens.buildSpec(context);
  const ConfigForm = screens.ConfigForm;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (spec) {
          onAdd(spec);
          if (!isEdit) {
            setTitle('');
            setValues((v) => ({ ...v, lines: '', proposal: '', showNames: false, extra: {} }));
          }
        }
      }}
    >
      <Stack gap="sm">
        <Group grow align="flex-end">
          <Select
            disabled={isEdit}
            label={t('workshop.add.kind')}
            data={ACTIVITY_MENU.map((k) => ({ value: k, label: kindName(k) }))}
            value={kind}
            onChange={(v) => v && setKind(v as Kind)}
            allowDeselect={false}
          />
          <TextInput
            label={t('workshop.add.name')}
            placeholder={kindName(kind)}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={200}
          />
        </Group>
        <ConfigForm {...context} set={set} />
        <Text size="xs" c="dimmed" data-testid="add-hint">
          {kindHint(kind)}
        </Text>
        <Group>
          <Button type="submit" disabled={spec === null}>
            {isEdit ? t('workshop.edit.submit') : t('workshop.add.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
