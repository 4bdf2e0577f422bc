import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { inAWeek } from './amendments-panel';
import { type CharterDetail, useCharterAction } from './api';

/** Adopt the current text (a DecisionRecord naming its hash), or re-open an adopted charter. */
export function AdoptionCard(props: {
  orgId: string;
  engagementId: string;
  charter: CharterDetail;
  canAdopt: boolean;
  canReopen: boolean;
}) {
  const { t } = useTranslation();
  const { charter } = props;
  const action = useCharterAction(props.orgId, props.engagementId, charter.id);
  const [name, setName] = useState('');
  const [count, setCount] = useState<number | string>(0);
  const [reviewOn, setReviewOn] = useState(charter.reviewOn ?? '');
  const [deadline, setDeadline] = useState(() => inAWeek().slice(0, 10));
  if (charter.status === 'adopted') {
    return (
      <Stack gap="xs">
        <Alert color="honey" title={t('charters.status.adopted')} data-testid="charter-adopted">
          <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {t('charters.adopt.adopted', { hash: charter.adoptedHash })}
          </Text>
          {charter.reviewOn && !charter.isReviewDue && (
            <Text size="sm" mt={4}>
              {t('charters.review.next', { date: charter.reviewOn })}
            </Text>
          )}
          {props.canReopen && !charter.isReviewDue && (
            <Button mt="xs" size="xs" variant="light" onClick={() => action.mutate({ path: 'reopen' })}>
              {t('charters.adopt.reopen')}
            </Button>
          )}
        </Alert>
        {charter.isReviewDue && (
          <Alert color="orange" title={t('charters.review.due', { date: charter.reviewOn })}>
            <Text size="sm">{t('charters.review.dueIntro')}</Text>
            {props.canReopen && (
              <Button mt="xs" size="xs" onClick={() => action.mutate({ path: 'reopen' })}>
                {t('charters.review.start')}
              </Button>
            )}
          </Alert>
        )}
      </Stack>
    );
  }
  if (charter.adoptionProposalId) {
    return (
      <Alert color="blue" title={t('charters.decision.inRound')} data-testid="charter-adoption-round">
        <Text size="sm">{t('charters.decision.adoptionIntro')}</Text>
        <Anchor
          component={Link}
          to={`/engagements/${props.engagementId}/proposals/${charter.adoptionProposalId}`}
          size="sm"
        >
          {t('charters.decision.open')}
        </Anchor>
      </Alert>
    );
  }
  if (!props.canAdopt) {
    return null;
  }
  return (
    <Card p="md" withBorder component="section" aria-labelledby="charter-adopt-title">
      <Title order={2} size="h4" id="charter-adopt-title">
        {t('charters.adopt.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('charters.adopt.intro')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          action.mutate({
            path: 'adoption',
            body: {
              ...(name.trim() ? { name } : {}),
              rule: 'consent',
              participantCount: Number(count) || 0,
              ...(reviewOn ? { reviewOn } : {}),
            },
          });
        }}
      >
        <Stack gap="xs">
          <TextInput
            label={t('charters.adopt.versionName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Group grow>
            <NumberInput label={t('charters.adopt.participants')} min={0} value={count} onChange={setCount} />
            <TextInput
              type="date"
              label={t('charters.adopt.reviewOn')}
              value={reviewOn}
              onChange={(e) => setReviewOn(e.currentTarget.value)}
            />
          </Group>
          <Group>
            <Button type="submit" loading={action.isPending}>
              {t('charters.adopt.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Title order={3} size="h5" mt="md" id="charter-round-title">
        {t('charters.decision.adoptionTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('charters.decision.adoptionIntro')}
      </Text>
      <form
        aria-labelledby="charter-round-title"
        onSubmit={(e) => {
          e.preventDefault();
          action.mutate({
            path: 'decision',
            body: {
              deadline: new Date(`${deadline}T18:00:00`).toISOString(),
              ...(reviewOn ? { reviewOn } : {}),
            },
          });
        }}
      >
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('charters.decision.deadline')}
            value={deadline}
            onChange={(e) => setDeadline(e.currentTarget.value)}
          />
          <Button type="submit" variant="light" loading={action.isPending}>
            {t('charters.decision.put')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}
