import type { NetworkSurveyRelation } from '@essaim/contracts';
import { NETWORK_SURVEY_RELATIONS } from '@essaim/contracts';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  CopyButton,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { useCollectives } from '../people/api';
import { type NetworkSummary, networkKeys, networkPath, networksPath, useNetworks } from './api';

type Links = { links: { personId: string; displayName: string; token: string }[]; alreadyInvited: number };

function InvitationLinks({ links }: { links: Links }) {
  const { t } = useTranslation();
  const url = (token: string) => `${window.location.origin}/n/${token}`;
  if (links.links.length === 0) {
    return <Text size="sm">{t('network.survey.noNewLinks', { count: links.alreadyInvited })}</Text>;
  }
  return (
    <Stack gap="xs">
      <Alert color="yellow">{t('network.survey.linksOnce')}</Alert>
      <Table withTableBorder>
        <Table.Caption>{t('network.survey.linksCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('network.survey.person')}</Table.Th>
            <Table.Th>{t('network.survey.link')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {links.links.map((l) => (
            <Table.Tr key={l.personId}>
              <Table.Td>{l.displayName}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="xs" ff="monospace" truncate maw={260} data-respondent-link={url(l.token)}>
                    {url(l.token)}
                  </Text>
                  <CopyButton value={url(l.token)}>
                    {({ copied, copy }) => (
                      <Button size="compact-xs" variant="light" onClick={copy}>
                        {copied ? t('network.survey.copied') : t('network.survey.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** Create a network survey on a collective's roster and hand out respondent links. */
export function SurveyPanel({ orgId, engagementId }: { orgId: string; engagementId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const collectives = useCollectives(orgId);
  const networks = useNetworks(orgId, engagementId, orgId !== '');
  const [title, setTitle] = useState('');
  const [collectiveId, setCollectiveId] = useState<string | null>(null);
  const [relations, setRelations] = useState<NetworkSurveyRelation[]>(['advice', 'collaboration', 'trust']);
  const [scale, setScale] = useState<'frequency' | 'importance'>('frequency');
  const [links, setLinks] = useState<Links | null>(null);
  const invite = useMutation({
    mutationFn: (networkId: string) =>
      api.post<Links>(`${networkPath(orgId, engagementId, networkId)}/invitations`),
    onSuccess: async (l) => {
      setLinks(l);
      await queryClient.invalidateQueries({ queryKey: networkKeys.list(orgId, engagementId) });
    },
  });
  const create = useMutation({
    mutationFn: () =>
      api.post<NetworkSummary>(`${networksPath(orgId, engagementId)}/survey`, {
        title: title.trim() || t('network.survey.defaultTitle'),
        collectiveId,
        relations,
        scale,
      }),
    onSuccess: (n) => invite.mutate(n.id),
  });
  const surveys = (networks.data ?? []).filter((n) => n.source === 'survey');

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="network-survey-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="network-survey-title">
          {t('network.survey.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('network.survey.intro')}
        </Text>
        <TextInput
          label={t('network.survey.name')}
          placeholder={t('network.survey.defaultTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Select
          label={t('network.survey.collective')}
          description={t('network.survey.collectiveHelp')}
          data={(collectives.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={collectiveId}
          onChange={setCollectiveId}
          searchable
          nothingFoundMessage={t('network.survey.noCollective')}
        />
        <Checkbox.Group
          label={t('network.survey.relations')}
          value={relations}
          onChange={(v) => setRelations(v as NetworkSurveyRelation[])}
        >
          <Stack gap={6} mt={6}>
            {NETWORK_SURVEY_RELATIONS.map((r) => (
              <Checkbox
                key={r}
                value={r}
                label={t(`network.relation.${r}`)}
                description={t(`network.question.${r}`)}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="network-scale-label">
            {t('network.survey.scale')}
          </Text>
          <SegmentedControl
            aria-labelledby="network-scale-label"
            value={scale}
            onChange={(v) => setScale(v === 'importance' ? 'importance' : 'frequency')}
            data={[
              { value: 'frequency', label: t('network.scale.frequency') },
              { value: 'importance', label: t('network.scale.importance') },
            ]}
          />
        </Stack>
        <Button
          onClick={() => create.mutate()}
          loading={create.isPending || invite.isPending}
          disabled={!collectiveId || relations.length === 0}
          w="fit-content"
        >
          {t('network.survey.create')}
        </Button>
        {(create.isError || invite.isError) && (
          <Alert color="red">{describeError(t, create.error ?? invite.error)}</Alert>
        )}
        {surveys.length > 0 && (
          <Group gap="xs">
            <Text size="sm">{t('network.survey.newLinksFor')}</Text>
            {surveys.map((s) => (
              <Button key={s.id} size="compact-sm" variant="default" onClick={() => invite.mutate(s.id)}>
                {s.title}
              </Button>
            ))}
          </Group>
        )}
        {links && <InvitationLinks links={links} />}
      </Stack>
    </Card>
  );
}
