import type { ActivityResults, ActivitySpec } from '@essaim/core/live';
import { Button, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKindName } from './activities/registry';

const VOTE_KINDS = ['dotVote', 'ranking', 'rating', 'pairwise'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];

/** Labels → the spec of a vote of the given kind (items with short stable ids, at most 200). */
export function voteSpec(kind: VoteKind, title: string, labels: readonly string[]): ActivitySpec {
  const items = labels.slice(0, 200).map((label, i) => ({ id: `i${i + 1}`, label: label.slice(0, 200) }));
  switch (kind) {
    case 'dotVote':
      return { type: 'dotVote', title, config: { items, dotsPerParticipant: 3, maxPerItem: 3 } };
    case 'ranking':
      return { type: 'ranking', title, config: { items } };
    case 'rating':
      return { type: 'rating', title, config: { items, scale: 'oneToFive' } };
    case 'pairwise':
      return { type: 'pairwise', title, config: { items, maxComparisonsPerParticipant: null } };
  }
}

/** The labels to vote on: visible cards of a brainstorm, or groups of a clustering (largest first, top N). */
export function chainLabels(results: ActivityResults, top: number | null): string[] {
  if (results.isHidden) {
    return [];
  }
  if (results.type === 'brainstorm') {
    return results.cards.filter((c) => !c.isHidden).map((c) => c.text);
  }
  if (results.type === 'cluster') {
    const groups = results.groups
      .map((g, order) => ({ name: g.name, size: g.cards.length, order }))
      .filter((g) => g.size > 0)
      .sort((a, b) => b.size - a.size || a.order - b.order);
    return groups.slice(0, top ?? groups.length).map((g) => g.name);
  }
  return [];
}

/**
 * "Vote on these cards": a brainstorm's cards or a clustering's groups become the items of a dot
 * vote, ranking, rating or pairwise comparison in one step, without retyping.
 */
export function ChainVote({
  results,
  onAdd,
}: {
  results: ActivityResults;
  onAdd: (spec: ActivitySpec) => void;
}) {
  const { t } = useTranslation();
  const kindName = useKindName();
  const [kind, setKind] = useState<VoteKind>('dotVote');
  const isCluster = results.type === 'cluster';
  const groupCount = results.type === 'cluster' && !results.isHidden ? results.groups.length : 0;
  const [top, setTop] = useState<number | string>('');
  const keep = typeof top === 'number' && top > 0 ? top : null;
  const labels = chainLabels(results, keep);
  const minimum = kind === 'ranking' || kind === 'pairwise' ? 2 : 1;
  const title = isCluster ? t('workshop.cluster.voteTitle') : t('workshop.chain.cardsTitle');
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={t('workshop.chain.cardsButton')}>
      <Stack gap="xs">
        <Group align="flex-end" gap="sm">
          <Select
            size="sm"
            w={200}
            label={t('workshop.chain.kind')}
            data={VOTE_KINDS.map((k) => ({ value: k, label: kindName(k) }))}
            value={kind}
            onChange={(v) => v && setKind(v as VoteKind)}
            allowDeselect={false}
          />
          {isCluster && groupCount > 1 ? (
            <NumberInput
              size="sm"
              w={260}
              label={t('workshop.chain.top')}
              min={1}
              max={groupCount}
              placeholder={String(groupCount)}
              value={top}
              onChange={setTop}
            />
          ) : null}
          <Button
            variant="light"
            disabled={labels.length < minimum}
            onClick={() => {
              onAdd(voteSpec(kind, title, labels));
              notifications.show({ color: 'teal', message: t('workshop.chain.added', { title }) });
            }}
          >
            {isCluster ? t('workshop.cluster.voteOnGroups') : t('workshop.chain.cardsButton')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('workshop.chain.help')}
        </Text>
      </Stack>
    </Paper>
  );
}
