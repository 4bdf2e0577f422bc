import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { describeError } from '../../lib/describe-error';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { useCreateRound, useRounds } from './api';
import { competencyOptions } from './shared';

const RELATIONS = ['client', 'co-facilitator', 'participant', 'peer'] as const;
type Relation = (typeof RELATIONS)[number];

function CreateRound({ onLinks }: { onLinks: (links: { label: string; link: string }[]) => void }) {
  const { t } = useTranslation();
  const create = useCreateRound();
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState('');
  const [competencyIds, setCompetencyIds] = useState<string[]>([]);
  const [invitees, setInvitees] = useState<{ label: string; relation: Relation }[]>([
    { label: '', relation: 'participant' },
  ]);
  const update = (i: number, patch: Partial<{ label: string; relation: Relation }>) =>
    setInvitees((all) => all.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { title, message, competencyIds, invitees: invitees.filter((i) => i.label.trim() !== '') },
      {
        onSuccess: (r) => {
          onLinks(r.links.map((l) => ({ label: l.label, link: `${window.location.origin}${l.link}` })));
          setTitle('');
          setCompetencyIds([]);
          setInvitees([{ label: '', relation: 'participant' }]);
        },
      },
    );
  };
  return (
    <Card withBorder component="section" aria-labelledby="round-create">
      <form onSubmit={submit} data-testid="round-form">
        <Stack gap="sm">
          <Title order={2} size="h4" id="round-create">
            {t('competencies.feedback.create')}
          </Title>
          <TextInput
            label={t('competencies.feedback.name')}
            name="title"
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <MultiSelect
            label={t('competencies.feedback.competencies')}
            description={t('competencies.feedback.competenciesHint')}
            data={competencyOptions()}
            value={competencyIds}
            onChange={setCompetencyIds}
            maxValues={8}
            searchable
            data-testid="round-competencies"
          />
          <Textarea
            label={t('competencies.feedback.message')}
            autosize
            minRows={2}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
          />
          <Text size="sm" fw={600}>
            {t('competencies.feedback.invitees')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('competencies.feedback.inviteesHint')}
          </Text>
          {invitees.map((invitee, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until sent
            <Group key={i} align="end" data-testid="invitee-row">
              <TextInput
                label={t('competencies.feedback.person', { n: i + 1 })}
                value={invitee.label}
                onChange={(e) => update(i, { label: e.currentTarget.value })}
                name={`invitee-${i}`}
              />
              <Select
                label={t('competencies.feedback.relation')}
                value={invitee.relation}
                allowDeselect={false}
                onChange={(v) => update(i, { relation: (v ?? 'participant') as Relation })}
                data={RELATIONS.map((r) => ({ value: r, label: t(`competencies.relations.${r}`) }))}
              />
              <ActionIcon
                variant="subtle"
                aria-label={t('competencies.feedback.remove')}
                onClick={() => setInvitees((all) => all.filter((_, j) => j !== i))}
                disabled={invitees.length === 1}
              >
                <Icon name="x" />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="subtle"
              leftSection={<Icon name="plus" />}
              onClick={() => setInvitees((all) => [...all, { label: '', relation: 'participant' }])}
              data-testid="add-invitee"
            >
              {t('competencies.feedback.add')}
            </Button>
          </Group>
          {create.isError ? <FormAlert message={describeError(t, create.error)} /> : null}
          <Group>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={competencyIds.length === 0}
              data-testid="round-submit"
            >
              {t('competencies.feedback.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function FeedbackPage() {
  const { t } = useTranslation();
  usePageTitle(t('competencies.feedback.title'));
  const rounds = useRounds();
  const [links, setLinks] = useState<{ label: string; link: string }[]>([]);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/competencies" size="sm">
        {t('competencies.back')}
      </Anchor>
      <PageHeader title={t('competencies.feedback.title')} description={t('competencies.feedback.intro')} />
      {links.length > 0 ? (
        <Card withBorder data-testid="round-links">
          <Title order={2} size="h4" mb="xs">
            {t('competencies.feedback.links')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('competencies.feedback.linksHint')}
          </Text>
          <Stack gap={4}>
            {links.map((l) => (
              <Group key={l.link} wrap="nowrap" justify="space-between">
                <Text size="sm">{l.label}</Text>
                <Text size="xs" ff="monospace" truncate="end" maw={420} data-testid="feedback-link">
                  {l.link}
                </Text>
                <CopyButton value={l.link}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" onClick={copy}>
                      {copied ? t('competencies.feedback.copied') : t('competencies.feedback.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            ))}
          </Stack>
        </Card>
      ) : null}
      <CreateRound onLinks={setLinks} />
      <Card withBorder component="section" aria-labelledby="rounds-title">
        <Title order={2} size="h4" id="rounds-title" mb="xs">
          {t('competencies.feedback.rounds')}
        </Title>
        {(rounds.data?.rounds ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('competencies.feedback.none')}
          </Text>
        ) : (
          <Table>
            <Table.Tbody>
              {rounds.data!.rounds.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/competencies/feedback/${r.id}`} data-testid="round-link">
                      {r.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(r.createdAt)}</Table.Td>
                  <Table.Td>
                    {t('competencies.feedback.answered', { answered: r.answered, invited: r.invited })}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={r.status === 'open' ? 'blue' : 'gray'}>
                      {t(`competencies.feedback.status.${r.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
