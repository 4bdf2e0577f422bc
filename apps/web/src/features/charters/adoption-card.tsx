import { Alert, Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  if (charter.status === 'adopted') {
    return (
      <Alert color="honey" title={t('charters.status.adopted')} data-testid="charter-adopted">
        <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {t('charters.adopt.adopted', { hash: charter.adoptedHash })}
        </Text>
        {props.canReopen && (
          <Button mt="xs" size="xs" variant="light" onClick={() => action.mutate({ path: 'reopen' })}>
            {t('charters.adopt.reopen')}
          </Button>
        )}
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
    </Card>
  );
}
