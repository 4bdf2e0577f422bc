/**
 * @module Facilitator tools for the consent round (move the stage, integrate each objection with
 * a text and optionally an amended proposal, Rau & Koch-Gonzalez 2018 ch. 2).
 */
import { type ActivityOf, CONSENT_STAGES, type ConsentStage } from '@essaim/core/live';
import { Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveSession } from '../../live-session';

function IntegrateForm({
  activity,
  objection,
  session,
}: {
  activity: ActivityOf<'consentRound'>;
  objection: { id: string; reason: string };
  session: LiveSession;
}) {
  const { t } = useTranslation();
  const current = activity.data.versions[activity.data.versions.length - 1]?.text ?? '';
  const [integration, setIntegration] = useState('');
  const [amended, setAmended] = useState(current);
  const isAmended = amended.trim() !== '' && amended.trim() !== current.trim();
  const isAmendments = activity.data.stage === 'amendments';
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      component="article"
      aria-label={t('workshop.consent.integrateLabel', { text: objection.reason })}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (integration.trim()) {
            session.send({
              type: 'consentRound.integrate',
              activityId: activity.id,
              objectionId: objection.id,
              integration: integration.trim(),
              amendedProposal: isAmended ? amended.trim() : null,
            });
            setIntegration('');
          }
        }}
      >
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {objection.reason}
          </Text>
          <Textarea
            label={t('workshop.consent.integration')}
            description={t('workshop.consent.integrationHelp')}
            value={integration}
            onChange={(e) => setIntegration(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
          />
          <Textarea
            label={t('workshop.consent.amended')}
            description={t('workshop.consent.amendedHelp')}
            value={amended}
            onChange={(e) => setAmended(e.currentTarget.value)}
            maxLength={5000}
            autosize
            minRows={2}
          />
          <Group>
            <Button type="submit" size="xs" disabled={!integration.trim() || !isAmendments}>
              {isAmended ? t('workshop.consent.integrateAmend') : t('workshop.consent.integrate')}
            </Button>
            {!isAmendments ? (
              <Text size="xs" c="dimmed">
                {t('workshop.consent.integrateWhen')}
              </Text>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function ConsentTools({
  activity,
  session,
}: {
  activity: ActivityOf<'consentRound'>;
  session: LiveSession;
}) {
  const { t } = useTranslation();
  const data = activity.data;
  const index = CONSENT_STAGES.indexOf(data.stage);
  const next = CONSENT_STAGES[index + 1];
  const setStage = (stage: ConsentStage) =>
    session.send({ type: 'consentRound.setStage', activityId: activity.id, stage });
  const open = data.objectionOrder
    .map((id) => data.objections[id])
    .filter((o) => o !== undefined && o.status === 'open') as { id: string; reason: string }[];
  return (
    <Stack gap="sm" data-testid="consent-tools">
      <Title order={3} size="h5">
        {t('workshop.consent.toolsTitle')}
      </Title>
      <Group align="flex-end" gap="xs">
        <Select
          size="xs"
          w={260}
          label={t('workshop.consent.stageLabel')}
          value={data.stage}
          allowDeselect={false}
          onChange={(v) => v && v !== data.stage && setStage(v as ConsentStage)}
          data={CONSENT_STAGES.map((s, i) => ({
            value: s,
            label: `${i + 1}. ${t(`workshop.consent.stages.${s}`)}`,
          }))}
        />
        {next ? (
          <Button size="xs" variant="light" onClick={() => setStage(next)}>
            {t('workshop.consent.nextStage', { stage: t(`workshop.consent.stages.${next}`) })}
          </Button>
        ) : null}
      </Group>
      {open.length > 0 ? (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('workshop.consent.openObjections', { count: open.length })}
          </Text>
          {open.map((o) => (
            <IntegrateForm
              key={`${o.id}-${data.versions.length}`}
              activity={activity}
              objection={o}
              session={session}
            />
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
