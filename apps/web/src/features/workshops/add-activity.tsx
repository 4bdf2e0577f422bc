import {
  ACTIVITY_DEFAULTS,
  type ActivityKind,
  type ActivitySpec,
  type RatingScale,
  type WorkshopState,
} from '@essaim/core/live';
import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The kinds a facilitator can add, in the menu's order (a test checks every core kind is here). */
export const ACTIVITY_MENU = [
  'brainstorm',
  'cluster',
  'dotVote',
  'poll',
  'rating',
  'ranking',
  'pairwise',
  'fistToFive',
  'consentRound',
  'wordCloud',
  'gradients',
  'timer',
] as const satisfies readonly ActivityKind[];
type Kind = (typeof ACTIVITY_MENU)[number];
const ITEM_KINDS: readonly Kind[] = ['dotVote', 'poll', 'rating', 'ranking', 'pairwise'];

/** Lines of a textarea → items with short stable ids. */
export function itemsFromLines(text: string): { id: string; label: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .slice(0, 200)
    .map((label, i) => ({ id: `i${i + 1}`, label: label.slice(0, 200) }));
}

/** Form values that describe an existing activity (to edit it in preparation). */
function initialOf(spec: ActivitySpec | undefined) {
  const config = (spec?.config ?? {}) as Record<string, unknown>;
  const list = (config.items ?? config.options) as { label: string }[] | undefined;
  return {
    kind: (spec?.type ?? 'brainstorm') as Kind,
    title: spec?.title ?? '',
    lines: list ? list.map((i) => i.label).join('\n') : '',
    proposal: typeof config.proposal === 'string' ? config.proposal : '',
    dots: typeof config.dotsPerParticipant === 'number' ? config.dotsPerParticipant : 3,
    minutes: typeof config.durationMs === 'number' ? Math.round(config.durationMs / 60_000) : 5,
    scale: (config.scale ?? 'oneToFive') as RatingScale,
    showNames: config.showNames === true,
    source: typeof config.sourceActivityId === 'string' ? config.sourceActivityId : null,
  };
}

/**
 * The facilitator's form to add an activity to the agenda, or, given `initial`, to edit one still in
 * preparation (same kind).
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
  const start = initialOf(initial);
  const isEdit = initial !== undefined;
  const [kind, setKind] = useState<Kind>(start.kind);
  const [title, setTitle] = useState(start.title);
  const [lines, setLines] = useState(start.lines);
  const [proposal, setProposal] = useState(start.proposal);
  const [dots, setDots] = useState<number | string>(start.dots);
  const [minutes, setMinutes] = useState<number | string>(start.minutes);
  const [scale, setScale] = useState<RatingScale>(start.scale);
  const [showNames, setShowNames] = useState(start.showNames);
  const brainstorms = state.activityOrder
    .map((id) => state.activities[id])
    .filter((a) => a?.type === 'brainstorm')
    .map((a) => ({ value: a?.id ?? '', label: a?.title ?? '' }));
  const [source, setSource] = useState<string | null>(start.source);
  const items = itemsFromLines(lines);
  const name = title.trim() || t(`workshop.kinds.${kind}`);

  const build = (): ActivitySpec | null => {
    switch (kind) {
      case 'brainstorm':
        return {
          type: 'brainstorm',
          title: name,
          config: { ...ACTIVITY_DEFAULTS.brainstorm },
        };
      case 'cluster': {
        const from = source ?? brainstorms[0]?.value;
        return from
          ? { type: 'cluster', title: name, config: { ...ACTIVITY_DEFAULTS.cluster, sourceActivityId: from } }
          : null;
      }
      case 'dotVote':
        return items.length > 0
          ? {
              type: 'dotVote',
              title: name,
              config: { items, dotsPerParticipant: Number(dots) || 3, maxPerItem: Number(dots) || 3 },
            }
          : null;
      case 'poll':
        return items.length > 1
          ? { type: 'poll', title: name, config: { ...ACTIVITY_DEFAULTS.poll, options: items } }
          : null;
      case 'rating':
        return items.length > 0 ? { type: 'rating', title: name, config: { items, scale } } : null;
      case 'ranking':
        return items.length > 1 ? { type: 'ranking', title: name, config: { items } } : null;
      case 'pairwise':
        return items.length > 1
          ? { type: 'pairwise', title: name, config: { ...ACTIVITY_DEFAULTS.pairwise, items } }
          : null;
      case 'consentRound':
        return proposal.trim()
          ? { type: 'consentRound', title: name, config: { proposal: proposal.trim() } }
          : null;
      case 'fistToFive':
        return proposal.trim()
          ? {
              type: 'fistToFive',
              title: name,
              config: showNames ? { proposal: proposal.trim(), showNames } : { proposal: proposal.trim() },
            }
          : null;
      case 'gradients':
        return proposal.trim()
          ? { type: 'gradients', title: name, config: { proposal: proposal.trim() } }
          : null;
      case 'wordCloud':
        return { type: 'wordCloud', title: name, config: { ...ACTIVITY_DEFAULTS.wordCloud } };
      case 'timer':
        return {
          type: 'timer',
          title: name,
          config: { durationMs: Math.max(1, Number(minutes) || 5) * 60_000, isBreak: false },
        };
      default:
        return null;
    }
  };
  const spec = build();

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (spec) {
          onAdd(spec);
          if (!isEdit) {
            setTitle('');
            setLines('');
            setProposal('');
            setShowNames(false);
          }
        }
      }}
    >
      <Stack gap="sm">
        <Group grow align="flex-end">
          <Select
            disabled={isEdit}
            label={t('workshop.add.kind')}
            data={ACTIVITY_MENU.map((k) => ({ value: k, label: t(`workshop.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as Kind)}
            allowDeselect={false}
          />
          <TextInput
            label={t('workshop.add.name')}
            placeholder={t(`workshop.kinds.${kind}`)}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={200}
          />
        </Group>
        {kind === 'cluster' ? (
          <Select
            label={t('workshop.add.source')}
            data={brainstorms}
            value={source ?? brainstorms[0]?.value ?? null}
            onChange={setSource}
            description={brainstorms.length === 0 ? t('workshop.add.needBrainstorm') : undefined}
          />
        ) : null}
        {ITEM_KINDS.includes(kind) ? (
          <Textarea
            label={t('workshop.add.items')}
            description={t(kind === 'pairwise' ? 'workshop.add.pairsHelp' : 'workshop.add.itemsHelp', {
              count: (items.length * (items.length - 1)) / 2,
            })}
            autosize
            minRows={3}
            value={lines}
            onChange={(e) => setLines(e.currentTarget.value)}
          />
        ) : null}
        {kind === 'dotVote' ? (
          <NumberInput label={t('workshop.add.dots')} min={1} max={20} value={dots} onChange={setDots} />
        ) : null}
        {kind === 'rating' ? (
          <Select
            label={t('workshop.add.scale')}
            data={[
              { value: 'oneToFive', label: t('workshop.add.scales.oneToFive') },
              { value: 'zeroToTen', label: t('workshop.add.scales.zeroToTen') },
            ]}
            value={scale}
            onChange={(v) => v && setScale(v as RatingScale)}
            allowDeselect={false}
          />
        ) : null}
        {kind === 'fistToFive' || kind === 'gradients' || kind === 'consentRound' ? (
          <Textarea
            label={t('workshop.add.proposal')}
            autosize
            minRows={2}
            value={proposal}
            onChange={(e) => setProposal(e.currentTarget.value)}
            maxLength={kind === 'consentRound' ? 5000 : 2000}
          />
        ) : null}
        {kind === 'fistToFive' ? (
          <Checkbox
            label={t('workshop.fist.showNames')}
            description={t('workshop.fist.showNamesHelp')}
            checked={showNames}
            onChange={(e) => setShowNames(e.currentTarget.checked)}
            data-testid="fist-show-names"
          />
        ) : null}
        {kind === 'timer' ? (
          <NumberInput
            label={t('workshop.add.minutes')}
            min={1}
            max={240}
            value={minutes}
            onChange={setMinutes}
          />
        ) : null}
        <Text size="xs" c="dimmed" data-testid="add-hint">
          {t(`workshop.add.hints.${kind}`)}
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
