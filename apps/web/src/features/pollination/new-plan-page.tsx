import { DIFFUSION_SESSION_KINDS } from '@essaim/core/pollination';
import {
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { usePageTitle } from '../../lib/use-page-title';
import { useEngagements } from '../engagements/api';
import { useCurrentOrg } from '../orgs/use-current-org';
import { useCollectives, usePeople } from '../people/api';
import { tx, useCandidates, useCreatePlan, useExperiences } from './api';

interface SessionRow {
  kind: (typeof DIFFUSION_SESSION_KINDS)[number];
  date: string;
  collectiveId: string | null;
  carrierPersonId: string | null;
}

/** A new diffusion plan: practice, target collectives, change agents who accepted (or by hand), sessions. */
export function NewPlanPage() {
  const { t } = useTranslation();
  usePageTitle(t('pollination.plan.newTitle'));
  const navigate = useNavigate();
  const { org } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const engagements = useEngagements(orgId);
  const experiences = useExperiences(orgId);
  const collectives = useCollectives(orgId);
  const people = usePeople(orgId, null, '');
  const [title, setTitle] = useState('');
  const [practice, setPractice] = useState('');
  const [experienceId, setExperienceId] = useState<string | null>(null);
  const [engagementId, setEngagementId] = useState<string | null>(null);
  const [collectiveIds, setCollectiveIds] = useState<string[]>([]);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [manual, setManual] = useState<string[]>([]);
  const [sessions, setSessions] = useState<SessionRow[]>([]);
  const candidates = useCandidates(orgId, engagementId);
  const create = useCreatePlan(orgId);
  const collectiveData = (collectives.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  const peopleData = (people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }));
  const submit = () => {
    const fromNetwork = Object.entries(chosen).map(([personId, proposalId]) => ({ personId, proposalId }));
    const byHand = manual.filter((id) => !(id in chosen)).map((personId) => ({ personId, proposalId: null }));
    create.mutate(
      {
        title,
        practice,
        experienceId,
        engagementId,
        collectiveIds,
        agents: [...fromNetwork, ...byHand],
        sessions: sessions.map((s) => ({ ...s, title: '' })),
      },
      { onSuccess: (plan) => navigate(`/pollination/plans/${plan.id}`) },
    );
  };
  return (
    <Stack gap="lg">
      <PageHeader title={t('pollination.plan.newTitle')} />
      <Card
        withBorder
        p="lg"
        component="form"
        onSubmit={(ev) => {
          ev.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <TextInput
            label={t('pollination.plan.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
          />
          <Textarea
            label={t('pollination.plan.practice')}
            value={practice}
            onChange={(e) => setPractice(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Select
            label={t('pollination.plan.experience')}
            data={(experiences.data ?? []).map((e) => ({ value: e.id, label: e.title }))}
            value={experienceId}
            onChange={setExperienceId}
            clearable
          />
          <MultiSelect
            label={t('pollination.plan.collectives')}
            data={collectiveData}
            value={collectiveIds}
            onChange={setCollectiveIds}
            searchable
          />
          <Select
            label={t('pollination.plan.engagement')}
            data={(engagements.data ?? []).map((e) => ({ value: e.id, label: e.title }))}
            value={engagementId}
            onChange={(v) => {
              setEngagementId(v);
              setChosen({});
            }}
            clearable
          />
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('pollination.plan.agents')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('pollination.plan.agentsHelp')}
            </Text>
            {engagementId && candidates.data?.length === 0 && (
              <Text size="sm">{t('pollination.plan.agentsEmpty')}</Text>
            )}
            {(candidates.data ?? []).map((c) => (
              <Checkbox
                key={c.proposalId}
                label={`${c.name} — ${c.networkTitle}`}
                checked={chosen[c.personId] === c.proposalId}
                onChange={(e) => {
                  const next = { ...chosen };
                  if (e.currentTarget.checked) {
                    next[c.personId] = c.proposalId;
                  } else {
                    delete next[c.personId];
                  }
                  setChosen(next);
                }}
              />
            ))}
            <MultiSelect
              label={t('pollination.plan.manualAgents')}
              data={peopleData}
              value={manual}
              onChange={setManual}
              searchable
            />
          </Stack>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('pollination.plan.sessions')}
            </Title>
            {sessions.map((s, i) => (
              <Group key={`s-${i.toString()}`} align="flex-end" wrap="wrap">
                <Select
                  label={t('pollination.plan.sessionKind')}
                  data={DIFFUSION_SESSION_KINDS.map((k) => ({
                    value: k,
                    label: tx(t, `pollination.plan.kinds.${k}`),
                  }))}
                  value={s.kind}
                  onChange={(v) =>
                    setSessions(
                      sessions.map((x, j) =>
                        j === i ? { ...x, kind: (v ?? 'peer_visit') as SessionRow['kind'] } : x,
                      ),
                    )
                  }
                  allowDeselect={false}
                />
                <TextInput
                  type="date"
                  label={t('pollination.plan.sessionDate')}
                  value={s.date}
                  onChange={(e) =>
                    setSessions(sessions.map((x, j) => (j === i ? { ...x, date: e.currentTarget.value } : x)))
                  }
                />
                <Select
                  label={t('pollination.plan.sessionCollective')}
                  data={collectiveData}
                  value={s.collectiveId}
                  onChange={(v) =>
                    setSessions(sessions.map((x, j) => (j === i ? { ...x, collectiveId: v } : x)))
                  }
                  clearable
                />
                <Select
                  label={t('pollination.plan.carrier')}
                  data={peopleData}
                  value={s.carrierPersonId}
                  onChange={(v) =>
                    setSessions(sessions.map((x, j) => (j === i ? { ...x, carrierPersonId: v } : x)))
                  }
                  clearable
                  searchable
                />
              </Group>
            ))}
            <Button
              variant="subtle"
              w="fit-content"
              onClick={() =>
                setSessions([
                  ...sessions,
                  {
                    kind: 'peer_visit',
                    date: new Date().toISOString().slice(0, 10),
                    collectiveId: null,
                    carrierPersonId: null,
                  },
                ])
              }
            >
              {t('pollination.plan.addSession')}
            </Button>
          </Stack>
          <Group>
            <Button type="submit" loading={create.isPending} disabled={!title.trim()}>
              {t('pollination.plan.create')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
