import type { PlanDocument } from '@essaim/core/plans';
import { Badge, Button, CloseButton, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PlanView, tx, useCarriesOut } from './api';

/**
 * What a workstream's milestones carry out: trace links from the roadmap item to decisions (and charter
 * clauses, once that feature registers its kind). Links are made on saved milestones only: a link must
 * point at something that exists.
 */
export function CarriesOut({
  orgId,
  view,
  milestones,
  readOnly,
}: {
  orgId: string;
  view: PlanView;
  milestones: PlanDocument['milestones'];
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const { link, unlink } = useCarriesOut(orgId, view.engagementId);
  const saved = milestones.filter((m) => view.document.milestones.some((s) => s.id === m.id));
  const [milestoneId, setMilestoneId] = useState('');
  const [decisionId, setDecisionId] = useState('');
  const current = view.carriesOut.filter((c) => saved.some((m) => m.id === c.milestoneId));
  const title = (id: string) => saved.find((m) => m.id === id)?.title ?? id;
  if (saved.length === 0 || (readOnly && current.length === 0)) {
    return null;
  }
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t('plans.master.carriesOut')}
      </Text>
      {current.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('plans.master.carriesOutNone')}
        </Text>
      )}
      <Group gap="xs">
        {current.map((c) => (
          <Badge
            key={c.linkId}
            variant="light"
            size="lg"
            tt="none"
            rightSection={
              readOnly ? null : (
                <CloseButton
                  size="xs"
                  aria-label={t('plans.master.unlink', { label: c.label ?? c.id })}
                  onClick={() => unlink.mutate(c.linkId)}
                />
              )
            }
          >
            {title(c.milestoneId)} → {tx(t, `plans.traceKinds.${c.kind}`)} : {c.label ?? c.id}
          </Badge>
        ))}
      </Group>
      {!readOnly && view.choices.decisions.length > 0 && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NativeSelect
            size="xs"
            label={t('plans.master.milestone')}
            data={[{ value: '', label: '—' }, ...saved.map((m) => ({ value: m.id, label: m.title }))]}
            value={milestoneId}
            onChange={(e) => setMilestoneId(e.currentTarget.value)}
          />
          <NativeSelect
            size="xs"
            label={t('plans.traceKinds.decision')}
            data={[
              { value: '', label: '—' },
              ...view.choices.decisions.map((d) => ({ value: d.id, label: d.title })),
            ]}
            value={decisionId}
            onChange={(e) => setDecisionId(e.currentTarget.value)}
          />
          <Button
            size="xs"
            variant="light"
            disabled={!milestoneId || !decisionId}
            loading={link.isPending}
            onClick={() =>
              link.mutate(
                { milestoneId, kind: 'decision', id: decisionId },
                {
                  onSuccess: () => {
                    setMilestoneId('');
                    setDecisionId('');
                  },
                },
              )
            }
          >
            {t('plans.master.link')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
