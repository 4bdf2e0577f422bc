import { Anchor, Button, Card, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { describeError } from '../../lib/describe-error';
import { formatDate } from '../../lib/format';
import { useMe } from '../auth/session';
import { useAssessment, useRequestSupervision, useShare } from './api';
import { EvidenceLine } from './evidence-line';
import { competencyName, descriptor, LevelBadge } from './shared';

function Sharing({ id, sharedWith }: { id: string; sharedWith: string[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const share = useShare(id);
  const memberships = me.data?.memberships ?? [];
  if (memberships.length === 0) {
    return null;
  }
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('competencies.share.title')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('competencies.share.hint')}
      </Text>
      {memberships.map((m) => (
        <Checkbox
          key={m.orgId}
          label={m.orgName}
          checked={sharedWith.includes(m.orgId)}
          disabled={share.isPending}
          onChange={(e) => share.mutate({ orgId: m.orgId, share: e.currentTarget.checked })}
        />
      ))}
    </Stack>
  );
}

function Supervision({ id }: { id: string }) {
  const { t } = useTranslation();
  const request = useRequestSupervision(id);
  const [peerName, setPeerName] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate(
      { peerName, message: '' },
      { onSuccess: (r) => setLink(`${window.location.origin}${r.link}`) },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('competencies.supervision.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('competencies.supervision.hint')}
        </Text>
        <Group align="end">
          <TextInput
            label={t('competencies.supervision.peer')}
            value={peerName}
            onChange={(e) => setPeerName(e.currentTarget.value)}
            required
          />
          <Button type="submit" variant="light" loading={request.isPending}>
            {t('competencies.supervision.create')}
          </Button>
        </Group>
        {request.isError ? <FormAlert message={describeError(t, request.error)} /> : null}
        {link ? (
          <Text size="sm" data-testid="supervision-link">
            {t('competencies.supervision.link')} <Anchor href={link}>{link}</Anchor>
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}

/** One self-assessment: levels with descriptors and cited evidence, sharing and peer supervision. */
export function AssessmentDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const assessment = useAssessment(id);
  const a = assessment.data;
  if (!a) {
    return null;
  }
  return (
    <Card withBorder component="section" aria-labelledby="detail-title" data-testid="assessment-detail">
      <Stack gap="md">
        <Title order={2} size="h4" id="detail-title">
          {a.title || t('competencies.timeline.untitled')} — {formatDate(a.createdAt)}
        </Title>
        {a.facilitatorLevel ? (
          <Text size="sm">{t('competencies.detail.facilitatorLevel', { level: a.facilitatorLevel })}</Text>
        ) : null}
        {a.ratings.map((r) => (
          <Stack key={r.competencyId} gap={2}>
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600}>{competencyName(r.competencyId)}</Text>
              <LevelBadge level={r.level} />
            </Group>
            <Text size="sm" c="dimmed">
              {descriptor(r.competencyId, r.level)}
            </Text>
            {r.note ? <Text size="sm">{r.note}</Text> : null}
            {r.evidence.map((e) => (
              <EvidenceLine key={e.key} item={e} />
            ))}
            {r.ownEvidence.map((e) => (
              <Text key={`${e.kind}:${e.text}`} size="sm">
                {t(`competencies.own.${e.kind}`)} : {e.text}
              </Text>
            ))}
          </Stack>
        ))}
        <Sharing id={a.id} sharedWith={a.shares.map((s) => s.orgId)} />
        <Supervision id={a.id} />
        {a.supervisions.map((s) => (
          <Text key={s.id} size="sm" data-testid="supervision-review">
            {s.review
              ? t('competencies.supervision.review', { peer: s.peerName, review: s.review })
              : t('competencies.supervision.pending', { peer: s.peerName })}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
