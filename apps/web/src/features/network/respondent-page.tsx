import type { NetworkSurveyRelation } from '@essaim/contracts';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  Checkbox,
  CloseButton,
  Container,
  Group,
  List,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch';
import { Logo } from '../../components/logo';
import { PageSkeleton } from '../../components/page-skeleton';
import { api, isApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { type NetworkRespondentView, networkKeys, surveyPath, useRespondentView } from './api';
import { useProposalReason } from './proposal-reason';

type Answer = { relation: NetworkSurveyRelation; targetId: string; value: number };

function useValueOptions(relation: NetworkSurveyRelation, scale: 'frequency' | 'importance') {
  const { t } = useTranslation();
  if (relation === 'energy') {
    return ([-2, -1, 1, 2] as const).map((v) => ({ value: String(v), label: t(`network.energy.${v}`) }));
  }
  return ([1, 2, 3, 4, 5] as const).map((v) => ({
    value: String(v),
    label:
      scale === 'importance'
        ? t(`network.scale.importanceValues.${v}`)
        : t(`network.scale.frequencyValues.${v}`),
  }));
}

function RelationPicker(props: {
  relation: NetworkSurveyRelation;
  view: NetworkRespondentView;
  answers: Answer[];
  setAnswers: (a: Answer[]) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const { relation, view, answers, setAnswers } = props;
  const [search, setSearch] = useState('');
  const mine = answers.filter((a) => a.relation === relation);
  const chosen = new Set(mine.map((a) => a.targetId));
  const byLabel = useMemo(
    () => new Map(view.roster.map((p) => [p.title ? `${p.label} — ${p.title}` : p.label, p.id])),
    [view.roster],
  );
  const labelOf = new Map(view.roster.map((p) => [p.id, p.label]));
  const options = [...byLabel].filter(([, id]) => !chosen.has(id)).map(([label]) => label);
  const defaultValue = relation === 'energy' ? 1 : 3;
  const headingId = `relation-${relation}`;
  const values = useValueOptions(relation, view.scale);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t(`network.relation.${relation}`)}
        </Title>
        <Text size="sm">{t(`network.question.${relation}`)}</Text>
        <Autocomplete
          label={t('network.respondent.addColleague')}
          placeholder={t('network.respondent.searchPlaceholder')}
          data={options}
          value={search}
          onChange={setSearch}
          onOptionSubmit={(label) => {
            const id = byLabel.get(label);
            if (id) {
              setAnswers([...answers, { relation, targetId: id, value: defaultValue }]);
            }
            setTimeout(() => setSearch(''), 0);
          }}
          limit={8}
          disabled={props.disabled}
          data-relation-picker={relation}
        />
        {mine.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('network.respondent.noneYet')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {mine.map((a) => (
              <Box component="li" key={a.targetId}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text fw={500} id={`${relation}-${a.targetId}`}>
                    {labelOf.get(a.targetId) ?? ''}
                  </Text>
                  <Group gap="xs" wrap="nowrap">
                    <SegmentedControl
                      size="xs"
                      aria-labelledby={`${relation}-${a.targetId}`}
                      value={String(a.value)}
                      onChange={(v) =>
                        setAnswers(
                          answers.map((x) =>
                            x.relation === relation && x.targetId === a.targetId
                              ? { ...x, value: Number(v) }
                              : x,
                          ),
                        )
                      }
                      data={values}
                      disabled={props.disabled}
                    />
                    <CloseButton
                      aria-label={t('network.respondent.remove', { name: labelOf.get(a.targetId) ?? '' })}
                      onClick={() =>
                        setAnswers(
                          answers.filter((x) => !(x.relation === relation && x.targetId === a.targetId)),
                        )
                      }
                      disabled={props.disabled}
                    />
                  </Group>
                </Group>
              </Box>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function ConsentScreen({ token, view }: { token: string; view: NetworkRespondentView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [changeAgent, setChangeAgent] = useState(false);
  const consent = useMutation({
    mutationFn: () => api.post(`${surveyPath(token)}/consent`, { answer: true, changeAgent }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.survey(token) }),
  });
  return (
    <Card withBorder padding="xl" component="section" aria-labelledby="consent-title">
      <Stack gap="md">
        <Title order={2} id="consent-title">
          {t('network.respondent.consentTitle')}
        </Title>
        <Text>{t('network.respondent.consentLead', { name: view.me.label })}</Text>
        <List spacing="xs">
          <List.Item>
            <b>{t('network.respondent.consentIdentifiable')}</b>
          </List.Item>
          <List.Item>{t('network.respondent.consentNeverShown')}</List.Item>
          <List.Item>{t('network.respondent.consentEgo')}</List.Item>
          <List.Item>{t('network.respondent.consentWithdraw')}</List.Item>
          <List.Item>{t('network.respondent.consentPurpose')}</List.Item>
        </List>
        <Checkbox
          checked={changeAgent}
          onChange={(e) => setChangeAgent(e.currentTarget.checked)}
          label={t('network.respondent.changeAgentConsent')}
          description={t('network.respondent.changeAgentHelp')}
        />
        <Button
          onClick={() => consent.mutate()}
          loading={consent.isPending}
          disabled={!view.isOpen}
          w="fit-content"
        >
          {t('network.respondent.agree')}
        </Button>
        {consent.isError && <Alert color="red">{describeError(t, consent.error)}</Alert>}
      </Stack>
    </Card>
  );
}

function ProposalCard({ token, view }: { token: string; view: NetworkRespondentView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (decision: 'accepted' | 'declined') =>
      api.post(`${surveyPath(token)}/proposal`, { decision }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.survey(token) }),
  });
  const p = view.proposal!;
  const reason = useProposalReason(p.why);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="proposal-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="proposal-title">
          {t('network.respondent.proposalTitle')}
        </Title>
        <Text size="sm">{t('network.respondent.proposalLead')}</Text>
        <Text size="sm" c="dimmed">
          {reason}
        </Text>
        {p.status === 'proposed' ? (
          <Group>
            <Button
              color="teal"
              onClick={() => answer.mutate('accepted')}
              loading={answer.isPending}
              disabled={!view.isOpen}
            >
              {t('network.respondent.accept')}
            </Button>
            <Button
              variant="default"
              onClick={() => answer.mutate('declined')}
              loading={answer.isPending}
              disabled={!view.isOpen}
            >
              {t('network.respondent.decline')}
            </Button>
          </Group>
        ) : (
          <Text fw={600} role="status">
            {t(`network.agents.status.${p.status}`)}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function Survey({ token, view }: { token: string; view: NetworkRespondentView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Answer[]>(view.answers);
  const [isDirty, setDirty] = useState(false);
  useEffect(() => {
    setAnswers(view.answers);
    setDirty(false);
  }, [view.answers]);
  const save = useMutation({
    mutationFn: () => api.put(`${surveyPath(token)}/answers`, { answers }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: networkKeys.survey(token) });
      setDirty(false);
    },
  });
  const withdraw = useMutation({
    mutationFn: () => api.delete(`${surveyPath(token)}/consent`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.survey(token) }),
  });
  const update = (a: Answer[]) => {
    setAnswers(a);
    setDirty(true);
  };
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('network.respondent.reminder')}
      </Text>
      {view.relations.map((r) => (
        <RelationPicker
          key={r}
          relation={r}
          view={view}
          answers={answers}
          setAnswers={update}
          disabled={!view.isOpen}
        />
      ))}
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!view.isOpen}>
          {t('network.respondent.save')}
        </Button>
        {!isDirty && view.submittedAt && (
          <Text size="sm" c="teal" role="status">
            {t('network.respondent.saved', { date: formatDateTime(view.submittedAt) })}
          </Text>
        )}
      </Group>
      {save.isError && <Alert color="red">{describeError(t, save.error)}</Alert>}
      {view.proposal && <ProposalCard token={token} view={view} />}
      <Card withBorder padding="md">
        <Stack gap="xs">
          <Text size="sm">{t('network.respondent.withdrawHelp')}</Text>
          <Button
            color="red"
            variant="light"
            onClick={() => withdraw.mutate()}
            loading={withdraw.isPending}
            w="fit-content"
          >
            {t('network.respondent.withdraw')}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}

/** `/n/:token`: the respondent's page, no account needed. */
export function RespondentPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const view = useRespondentView(token);
  usePageTitle(view.data?.networkTitle ?? t('network.respondent.title'));
  return (
    <Container size="sm" py="xl">
      <Group justify="space-between" mb="lg">
        <Logo />
        <LanguageSwitch />
      </Group>
      <Box component="main" id="main">
        {view.isPending && <PageSkeleton />}
        {view.isError && (
          <Alert color="red" title={t('network.respondent.invalidTitle')}>
            {isApiError(view.error) && view.error.status === 404
              ? t('network.respondent.invalidBody')
              : describeError(t, view.error)}
          </Alert>
        )}
        {view.data && (
          <Stack gap="lg">
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {view.data.engagementTitle}
              </Text>
              <Title order={1}>{view.data.networkTitle}</Title>
            </Stack>
            {!view.data.isOpen && <Alert color="yellow">{t('network.respondent.closed')}</Alert>}
            {view.data.hasConsented ? (
              <Survey token={token} view={view.data} />
            ) : (
              <ConsentScreen token={token} view={view.data} />
            )}
          </Stack>
        )}
      </Box>
    </Container>
  );
}
