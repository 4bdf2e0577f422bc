import {
  Alert,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useEngagement } from '../engagements/api';
import { tx, useCreateProposal } from './api';

export const RULE_IDS = [
  'consent',
  'integrative',
  'consensus',
  'fistToFive',
  'gradients',
  'majority',
  'majorityJudgment',
  'rankedChoice',
  'score',
  'advice',
  'deepDemocracy',
  'election',
] as const;
const OPTION_RULES = ['majorityJudgment', 'rankedChoice', 'score'];

const inDays = (d: number) => {
  const x = new Date(Date.now() + d * 24 * 3600 * 1000);
  x.setSeconds(0, 0);
  return new Date(x.getTime() - x.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
};

const slug = (label: string, i: number) =>
  `${
    label
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 30) || 'option'
  }-${i + 1}`;

/** Open a proposal: its rule (the group's current one by default), text, deadline, who takes part. */
export function NewProposalForm({
  orgId,
  engagementId,
  defaultRule,
}: {
  orgId: string;
  engagementId: string;
  defaultRule: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateProposal(orgId, engagementId);
  const engagement = useEngagement(orgId, engagementId);
  const [questionId, setQuestionId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [rule, setRule] = useState<string>(defaultRule ?? 'consent');
  const [deadline, setDeadline] = useState(inDays(7));
  const [reviewOn, setReviewOn] = useState('');
  const [isAnonymous, setAnonymous] = useState(false);
  const [hideResults, setHideResults] = useState(false);
  const [invitees, setInvitees] = useState('');
  const [options, setOptions] = useState('');
  const [majorityKind, setMajorityKind] = useState('simple');
  const [quorum, setQuorum] = useState<number | string>(0);
  const [cutoff, setCutoff] = useState('3');
  const [fallback, setFallback] = useState('none');
  const [rankedMethod, setRankedMethod] = useState('irv');
  const [scoreMethod, setScoreMethod] = useState('score');
  const [invites, setInvites] = useState<{ name: string; link: string; proposalId: string }[]>([]);
  const lines = (s: string) =>
    s
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const optionLabels = lines(options);
    create.mutate(
      {
        title,
        text,
        rule: rule as 'consent',
        deadline: new Date(deadline).toISOString(),
        ...(reviewOn ? { reviewOn } : {}),
        ...(questionId ? { questionId } : {}),
        isAnonymous,
        hideResults,
        ...(lines(invitees).length ? { invitees: lines(invitees) } : {}),
        ...(OPTION_RULES.includes(rule)
          ? { config: { options: optionLabels.map((label, i) => ({ id: slug(label, i), label })) } }
          : {}),
      },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'teal', message: t('decisions.proposals.created') });
          if (r.invites.length > 0) {
            setInvites(
              r.invites.map((i) => ({
                name: i.name,
                proposalId: r.proposal.id,
                link: `${window.location.origin}/p/${r.proposal.id}#${i.token}`,
              })),
            );
          } else {
            navigate(`/engagements/${engagementId}/proposals/${r.proposal.id}`);
          }
          setTitle('');
          setText('');
        },
      },
    );
  };
  return (
    <Card p="lg" component="section" aria-labelledby="new-proposal-title">
      <form onSubmit={submit} data-testid="new-proposal-form">
        <Stack gap="sm">
          <Title order={2} size="h3" id="new-proposal-title">
            {t('decisions.proposals.new')}
          </Title>
          <TextInput
            label={t('decisions.proposals.titleField')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Textarea
            label={t('decisions.proposals.text')}
            required
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('decisions.proposals.rule')}
              data={RULE_IDS.map((r) => ({ value: r, label: tx(t, `decisions.rules.${r}`) }))}
              value={rule}
              allowDeselect={false}
              onChange={(v) => setRule(v ?? 'consent')}
            />
            <TextInput
              type="datetime-local"
              label={t('decisions.proposals.deadline')}
              required
              value={deadline}
              onChange={(e) => setDeadline(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('decisions.proposals.reviewOn')}
              value={reviewOn}
              onChange={(e) => setReviewOn(e.currentTarget.value)}
            />
          </SimpleGrid>
          {(engagement.data?.questions.length ?? 0) > 0 && (
            <Select
              label={t('decisions.proposals.question')}
              clearable
              data={(engagement.data?.questions ?? []).map((q) => ({ value: q.id, label: q.text }))}
              value={questionId}
              onChange={setQuestionId}
            />
          )}
          {rule === 'majority' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('decisions.proposals.config.majorityKind')}
                allowDeselect={false}
                data={['simple', 'absolute', 'twoThirds', 'threeQuarters'].map((k) => ({
                  value: k,
                  label: tx(t, `decisions.proposals.config.${k}`),
                }))}
                value={majorityKind}
                onChange={(v) => setMajorityKind(v ?? 'simple')}
              />
              <NumberInput
                label={t('decisions.proposals.config.quorum')}
                min={0}
                max={100}
                value={quorum}
                onChange={setQuorum}
              />
            </SimpleGrid>
          )}
          {rule === 'gradients' && (
            <Select
              label={t('decisions.proposals.config.cutoff')}
              allowDeselect={false}
              data={['1', '2', '3', '4', '5', '6', '7'].map((k) => ({
                value: k,
                label: tx(t, `decisions.proposal.values.${k}`),
              }))}
              value={cutoff}
              onChange={(v) => setCutoff(v ?? '3')}
            />
          )}
          {rule === 'consensus' && (
            <Select
              label={t('decisions.proposals.config.fallback')}
              allowDeselect={false}
              data={[
                { value: 'none', label: t('decisions.proposals.config.fallbackNone') },
                { value: 'twoThirds', label: t('decisions.proposals.config.fallbackTwoThirds') },
                { value: 'threeQuarters', label: t('decisions.proposals.config.fallbackThreeQuarters') },
              ]}
              value={fallback}
              onChange={(v) => setFallback(v ?? 'none')}
            />
          )}
          {rule === 'rankedChoice' && (
            <Select
              label={t('decisions.proposals.config.rankedMethod')}
              allowDeselect={false}
              data={[
                { value: 'irv', label: t('decisions.proposals.config.irv') },
                { value: 'borda', label: t('decisions.proposals.config.borda') },
              ]}
              value={rankedMethod}
              onChange={(v) => setRankedMethod(v ?? 'irv')}
            />
          )}
          {rule === 'score' && (
            <Select
              label={t('decisions.proposals.config.scoreMethod')}
              allowDeselect={false}
              data={[
                { value: 'score', label: t('decisions.proposals.config.score') },
                { value: 'dots', label: t('decisions.proposals.config.dots') },
              ]}
              value={scoreMethod}
              onChange={(v) => setScoreMethod(v ?? 'score')}
            />
          )}
          {OPTION_RULES.includes(rule) && (
            <Textarea
              label={t('decisions.proposals.options')}
              required
              autosize
              minRows={2}
              value={options}
              onChange={(e) => setOptions(e.currentTarget.value)}
            />
          )}
          <Checkbox
            label={t('decisions.proposals.anonymous')}
            description={t('decisions.proposals.anonymousHint')}
            checked={isAnonymous}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
          />
          <Checkbox
            label={t('decisions.proposals.hideResults')}
            checked={hideResults}
            onChange={(e) => setHideResults(e.currentTarget.checked)}
          />
          <Textarea
            label={t('decisions.proposals.invitees')}
            autosize
            minRows={1}
            value={invitees}
            onChange={(e) => setInvitees(e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" loading={create.isPending} disabled={!title.trim() || !text.trim()}>
              {t('decisions.proposals.create')}
            </Button>
          </Group>
          {invites.length > 0 && (
            <Alert
              color="blue"
              variant="light"
              title={t('decisions.proposals.inviteLinks')}
              data-testid="invite-links"
            >
              <Stack gap={4}>
                {invites.map((i) => (
                  <Text key={i.link} size="sm">
                    {i.name} <Code>{i.link}</Code>
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  );
}
