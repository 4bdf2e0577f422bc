import { MILESTONE_STATUSES, type PlanDocument } from '@essaim/core/plans';
import { Button, Card, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tx, useMilestoneStatus } from './api';

/**
 * The everyday edit of the dashboard: one milestone's status and the comment that explains it, saved on
 * its own (the plan's other fields untouched). Held back while the page has unsaved edits, which a new
 * version would otherwise make stale.
 */
export function StatusUpdate({
  orgId,
  engagementId,
  draft,
  dirty,
}: {
  orgId: string;
  engagementId: string;
  draft: PlanDocument;
  dirty: boolean;
}) {
  const { t } = useTranslation();
  const mutation = useMilestoneStatus(orgId, engagementId);
  const [milestoneId, setMilestoneId] = useState(draft.milestones[0]?.id ?? '');
  const milestone = draft.milestones.find((m) => m.id === milestoneId);
  const [status, setStatus] = useState(milestone?.status ?? 'planned');
  const [comment, setComment] = useState(milestone?.comment ?? '');
  const choose = (id: string) => {
    const m = draft.milestones.find((x) => x.id === id);
    setMilestoneId(id);
    setStatus(m?.status ?? 'planned');
    setComment(m?.comment ?? '');
  };
  if (draft.milestones.length === 0) {
    return null;
  }
  return (
    <Card p="lg" withBorder component="section" aria-labelledby="dash-status">
      <Title order={2} size="h4" id="dash-status" mb={4}>
        {t('plans.dashboard.statusTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {dirty ? t('plans.dashboard.statusSaveFirst') : t('plans.dashboard.statusIntro')}
      </Text>
      <Stack gap="xs">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('plans.dashboard.statusMilestone')}
            data={draft.milestones.map((m) => ({ value: m.id, label: m.title }))}
            value={milestoneId}
            onChange={(e) => choose(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('plans.master.status')}
            data={MILESTONE_STATUSES.map((s) => ({ value: s, label: tx(t, `plans.statuses.${s}`) }))}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as typeof status)}
          />
        </Group>
        <Textarea
          label={t('plans.dashboard.statusComment')}
          autosize
          minRows={2}
          maxLength={4000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <Button
          w="fit-content"
          size="xs"
          disabled={dirty || !milestone}
          loading={mutation.isPending}
          onClick={() => mutation.mutate({ milestoneId, status, comment })}
        >
          {t('plans.dashboard.statusSave')}
        </Button>
        {mutation.isSuccess && !mutation.isPending && (
          <Text size="sm" c="teal" role="status">
            {t('plans.dashboard.statusSaved', { version: mutation.data.version })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
