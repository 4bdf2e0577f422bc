import type { Clause } from '@essaim/core/charters';
import { Anchor, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { engagementKeys, useLinks } from '../engagements/api';
import { usePlan } from '../plans/api';
import { ClauseSelect, clauseLabel } from './clause-select';

/**
 * Which roadmap items (the plan's milestones) carry out each clause: trace links `roadmap_item →
 * charter_clause` (`implements`), the same links the plan page makes from the other end.
 */
export function RoadmapPanel(props: {
  orgId: string;
  engagementId: string;
  charterId: string;
  clauses: Clause[];
  canLink: boolean;
}) {
  const { t } = useTranslation();
  const { orgId, engagementId, charterId, clauses } = props;
  const links = useLinks(orgId, engagementId);
  const plan = usePlan(orgId, engagementId);
  const qc = useQueryClient();
  const [clauseId, setClauseId] = useState<string | null>(null);
  const [milestoneId, setMilestoneId] = useState<string | null>(null);
  const base = `/api/orgs/${encodeURIComponent(orgId)}/engagements/${encodeURIComponent(engagementId)}/links`;
  const onError = (error: unknown) => notifications.show({ color: 'red', message: describeError(t, error) });
  const refresh = () => qc.invalidateQueries({ queryKey: engagementKeys.links(orgId, engagementId) });
  const link = useMutation({
    mutationFn: (b: { milestoneId: string; clauseId: string }) =>
      api.post(base, {
        from: { kind: 'roadmap_item', id: b.milestoneId },
        to: { kind: 'charter_clause', id: `${charterId}#${b.clauseId}` },
        relation: 'implements',
      }),
    onSuccess: () => {
      setMilestoneId(null);
      void refresh();
    },
    onError,
  });
  const unlink = useMutation({
    mutationFn: (linkId: string) => api.delete(`${base}/${encodeURIComponent(linkId)}`),
    onSuccess: () => void refresh(),
    onError,
  });
  const prefix = `${charterId}#`;
  const mine = (links.data ?? []).filter(
    (l) => l.from.kind === 'roadmap_item' && l.to.kind === 'charter_clause' && l.to.id.startsWith(prefix),
  );
  const milestones = plan.data?.document.milestones ?? [];
  return (
    <Stack gap="sm">
      {mine.length === 0 && <Text c="dimmed">{t('charters.roadmap.empty')}</Text>}
      {mine.map((l) => (
        <Card key={l.id} withBorder p="sm" data-testid="charter-roadmap-link">
          <Text size="xs" c="dimmed">
            {clauseLabel(clauses, l.to.id.slice(prefix.length))}
          </Text>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('charters.roadmap.carriedOutBy', { title: l.from.label ?? l.from.id })}</Text>
            {props.canLink && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => unlink.mutate(l.id)}
                aria-label={t('charters.roadmap.unlinkLabel', { title: l.from.label ?? l.from.id })}
              >
                {t('charters.roadmap.unlink')}
              </Button>
            )}
          </Group>
        </Card>
      ))}
      {props.canLink && milestones.length === 0 && plan.isSuccess && (
        <Text size="sm">
          {t('charters.roadmap.noMilestones')}{' '}
          <Anchor component={Link} to={`/engagements/${engagementId}/plan`}>
            {t('charters.roadmap.openPlan')}
          </Anchor>
        </Text>
      )}
      {props.canLink && milestones.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (clauseId && milestoneId) {
              link.mutate({ clauseId, milestoneId });
            }
          }}
        >
          <Stack gap="xs">
            <ClauseSelect
              clauses={clauses}
              value={clauseId}
              onChange={setClauseId}
              label={t('charters.roadmap.clause')}
            />
            <Select
              label={t('charters.roadmap.item')}
              searchable
              data={milestones.map((m) => ({ value: m.id, label: m.title }))}
              value={milestoneId}
              onChange={setMilestoneId}
            />
            <Group>
              <Button type="submit" size="xs" disabled={!clauseId || !milestoneId} loading={link.isPending}>
                {t('charters.roadmap.link')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
