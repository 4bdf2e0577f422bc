import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Progress,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { VisibilityNote } from '../../components/visibility-note';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { AssessedLevelNote } from '../competencies/assessed-level-note';
import { useEngagement, useEngagements } from '../engagements/api';
import { useCurrentOrg } from '../orgs/use-current-org';
import {
  type RecommendationBody,
  type RecommendationView,
  useMethodChoices,
  useRecommend,
  useRecordChoice,
} from './api';
import { FAMILIES, FamilyBadge, MethodFacts, useMethodLanguage } from './shared';

type Option = RecommendationView['options'][number];

function WarningList({ warnings }: { warnings: Option['warnings'] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) {
    return null;
  }
  return (
    <Alert color="honey" variant="light" title={t('library.reco.warningsTitle')} p="sm">
      <List size="sm" spacing={2}>
        {warnings.map((w) => (
          <List.Item key={String(w.code)}>
            {t(`library.reco.warnings.${w.code as 'GROUP_ABOVE_MAX'}`, {
              ...(w as Record<string, unknown>),
              source: w.source ? t(`library.reco.trustSource.${w.source as 'declared'}`) : '',
              domain: w.domain ? t(`library.cynefin.${w.domain as 'clear'}`) : '',
              maxDays: w.maxDays ?? '…',
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** Score breakdown as a table with bars: readable by screen readers as plain rows. */
function Breakdown({ option }: { option: Option }) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder fz="sm" aria-label={t('library.reco.breakdownLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('library.reco.criterion')}</Table.Th>
          <Table.Th>{t('library.reco.fit')}</Table.Th>
          <Table.Th ta="right">{t('library.reco.points')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {option.breakdown.map((b) => (
          <Table.Tr key={b.criterion}>
            <Table.Td>{t(`library.reco.criteria.${b.criterion as 'family'}`)}</Table.Td>
            <Table.Td w="40%">
              <Progress value={b.value * 100} aria-hidden="true" size="sm" />
              <VisuallyHidden>{Math.round(b.value * 100)} %</VisuallyHidden>
            </Table.Td>
            <Table.Td ta="right">{b.points.toFixed(1)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function OptionCard({ option }: { option: Option }) {
  const { t } = useTranslation();
  const lang = useMethodLanguage();
  const m = option.method;
  return (
    <Card p="lg" component="article" data-testid="reco-option" aria-labelledby={`opt-${m.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {t('library.reco.rank', { rank: option.rank })}
            </Text>
            <Title order={3} size="h4" id={`opt-${m.id}`}>
              <Anchor component={Link} to={`/methods/${m.id}`} inherit c="inherit">
                {m.name[lang]}
              </Anchor>
            </Title>
          </Stack>
          <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
            <Text fw={700} size="lg" style={{ whiteSpace: 'nowrap' }}>
              {t('library.reco.score', { score: option.score })}
            </Text>
            <FamilyBadge family={m.family} />
          </Stack>
        </Group>
        <Text size="sm">{m.purpose[lang]}</Text>
        <MethodFacts method={m} />
        <WarningList warnings={option.warnings} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('library.sections.advantages')}
            </Text>
            <List size="sm">
              {m.advantages.map((a) => (
                <List.Item key={a.en}>{a[lang]}</List.Item>
              ))}
            </List>
          </Stack>
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('library.sections.drawbacks')}
            </Text>
            <List size="sm">
              {m.drawbacks.map((a) => (
                <List.Item key={a.en}>{a[lang]}</List.Item>
              ))}
            </List>
          </Stack>
        </SimpleGrid>
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('library.sections.contraIndications')}
          </Text>
          <List size="sm">
            {m.contraIndications.map((a) => (
              <List.Item key={a.en}>{a[lang]}</List.Item>
            ))}
          </List>
        </Stack>
        <details>
          <summary>{t('library.reco.showBreakdown')}</summary>
          <Breakdown option={option} />
        </details>
      </Stack>
    </Card>
  );
}

function ChoiceForm({
  orgId,
  engagementId,
  reco,
  request,
}: {
  orgId: string;
  engagementId: string;
  reco: RecommendationView;
  request: RecommendationBody;
}) {
  const { t } = useTranslation();
  const lang = useMethodLanguage();
  const record = useRecordChoice(orgId, engagementId);
  const [methodId, setMethodId] = useState('');
  const [decidedBy, setDecidedBy] = useState<'group' | 'sponsor'>('group');
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({ methodId, decidedBy, reason, request }, { onSuccess: () => setReason('') });
  };
  return (
    <Card p="lg" component="section" aria-labelledby="choice-title">
      <form onSubmit={submit} data-testid="choice-form">
        <Stack gap="sm">
          <Title order={2} size="h4" id="choice-title">
            {t('library.choice.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('library.choice.intro')}
          </Text>
          <Radio.Group value={methodId} onChange={setMethodId} label={t('library.choice.which')} required>
            <Stack gap={6} mt="xs">
              {reco.options.map((o) => (
                <Radio key={o.method.id} value={o.method.id} label={o.method.name[lang]} />
              ))}
            </Stack>
          </Radio.Group>
          <Radio.Group
            value={decidedBy}
            onChange={(v) => setDecidedBy(v as 'group' | 'sponsor')}
            label={t('library.choice.who')}
          >
            <Group gap="md" mt="xs">
              <Radio value="group" label={t('library.choice.group')} />
              <Radio value="sponsor" label={t('library.choice.sponsor')} />
            </Group>
          </Radio.Group>
          <Textarea
            label={t('library.choice.reason')}
            description={t('library.choice.reasonHint')}
            required
            autosize
            minRows={2}
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" loading={record.isPending} disabled={!methodId || !reason.trim()}>
              {t('library.choice.submit')}
            </Button>
          </Group>
          <VisibilityNote>{t('library.choice.visibility')}</VisibilityNote>
        </Stack>
      </form>
    </Card>
  );
}

function ChoiceHistory({ orgId, engagementId }: { orgId: string; engagementId: string }) {
  const { t } = useTranslation();
  const lang = useMethodLanguage();
  const { data } = useMethodChoices(orgId, engagementId);
  if (!data?.length) {
    return null;
  }
  return (
    <Card p="lg" component="section" data-testid="choice-history">
      <Title order={2} size="h4" mb="sm">
        {t('library.choice.history')}
      </Title>
      <Stack gap="sm">
        {data.map((c) => (
          <Stack key={c.id} gap={2}>
            <Text fw={600}>{c.methodName[lang]}</Text>
            <Text size="sm">{c.reason}</Text>
            <Text size="xs" c="dimmed">
              {t('library.choice.recordLine', {
                who: t(`library.choice.${c.decidedBy}`),
                recorder: c.recordedBy ?? '—',
                date: formatDate(c.at),
              })}{' '}
              {c.proposedRank
                ? t('library.choice.wasProposed', { rank: c.proposedRank })
                : t('library.choice.notProposed')}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

/** Options for an engagement's essential question: ranked, explained, never imposed. */
export function RecommendPage() {
  const { t } = useTranslation();
  usePageTitle(t('library.reco.title'));
  const { org, can } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const [params, setParams] = useSearchParams();
  const engagementId = params.get('engagement') ?? '';
  const questionId = params.get('question') ?? '';
  const engagements = useEngagements(orgId);
  const engagement = useEngagement(orgId, engagementId);
  const recommend = useRecommend(orgId, engagementId);
  const [form, setForm] = useState({
    groupSize: 12,
    minutesAvailable: 60,
    mode: 'onsite' as 'onsite' | 'online',
    trustLevel: 3,
    facilitatorLevel: 2,
    urgency: 'low' as 'low' | 'medium' | 'high',
    family: '' as string,
    cynefin: '' as string,
  });
  const [lastRequest, setLastRequest] = useState<RecommendationBody | null>(null);
  const questions = engagementId ? (engagement.data?.questions ?? []) : [];
  const question = questions.find((q) => q.id === questionId);
  const assessed = question?.complexity?.domain ?? null;
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(key, value);
    } else {
      next.delete(key);
    }
    if (key === 'engagement') {
      next.delete('question');
    }
    setParams(next, { replace: true });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: RecommendationBody = {
      ...(questionId ? { questionId } : {}),
      groupSize: form.groupSize,
      minutesAvailable: form.minutesAvailable,
      mode: form.mode,
      trustLevel: form.trustLevel,
      facilitatorLevel: form.facilitatorLevel,
      urgency: form.urgency,
      ...(form.family ? { family: form.family as 'diverge' } : {}),
      ...(form.cynefin && !assessed ? { cynefin: form.cynefin as 'clear' } : {}),
    };
    setLastRequest(body);
    recommend.mutate(body);
  };
  const reco = recommend.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/methods" size="sm">
        {t('library.back')}
      </Anchor>
      <PageHeader title={t('library.reco.title')} description={t('library.reco.intro')} />
      <Alert color="blue" variant="light" data-testid="choice-belongs">
        {t('library.reco.choiceBelongs')}
      </Alert>
      <Card p="lg" component="section">
        <form onSubmit={submit} data-testid="reco-form">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Select
                label={t('library.reco.engagement')}
                required
                value={engagementId || null}
                onChange={(v) => setParam('engagement', v)}
                data={(engagements.data ?? []).map((e) => ({ value: e.id, label: e.title }))}
                data-testid="reco-engagement"
                nothingFoundMessage={t('library.reco.noEngagement')}
              />
              <Select
                label={t('library.reco.question')}
                description={t('library.reco.questionHint')}
                clearable
                value={questionId || null}
                onChange={(v) => setParam('question', v)}
                data={questions.map((q) => ({ value: q.id, label: q.text }))}
                disabled={!engagementId}
                data-testid="reco-question"
              />
            </SimpleGrid>
            {assessed ? (
              <Text size="sm" data-testid="reco-cynefin">
                {t('library.reco.cynefinFromQuestion', { domain: t(`library.cynefin.${assessed}`) })}
              </Text>
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <NumberInput
                label={t('library.reco.groupSize')}
                min={1}
                required
                value={form.groupSize}
                onChange={(v) => set({ groupSize: Number(v) || 1 })}
              />
              <NumberInput
                label={t('library.reco.minutes')}
                min={1}
                required
                value={form.minutesAvailable}
                onChange={(v) => set({ minutesAvailable: Number(v) || 1 })}
              />
              <Select
                label={t('library.filters.mode')}
                value={form.mode}
                allowDeselect={false}
                onChange={(v) => set({ mode: (v ?? 'onsite') as 'onsite' })}
                data={[
                  { value: 'onsite', label: t('library.modes.onsite') },
                  { value: 'online', label: t('library.modes.online') },
                ]}
              />
              <Select
                label={t('library.reco.urgency')}
                value={form.urgency}
                allowDeselect={false}
                onChange={(v) => set({ urgency: (v ?? 'low') as 'low' })}
                data={(['low', 'medium', 'high'] as const).map((u) => ({
                  value: u,
                  label: t(`library.reco.urgencies.${u}`),
                }))}
              />
              <Select
                label={t('library.reco.trust')}
                description={t('library.reco.trustHint')}
                value={String(form.trustLevel)}
                allowDeselect={false}
                onChange={(v) => set({ trustLevel: Number(v ?? 3) })}
                data={[1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: t(`library.trust.${l as 1}`) }))}
              />
              <Select
                label={t('library.reco.facilitator')}
                value={String(form.facilitatorLevel)}
                allowDeselect={false}
                onChange={(v) => set({ facilitatorLevel: Number(v ?? 2) })}
                data={[1, 2, 3].map((l) => ({ value: String(l), label: t(`library.skill.${l as 1}`) }))}
              />
              <AssessedLevelNote onLevel={(level) => set({ facilitatorLevel: level })} />
              <Select
                label={t('library.reco.family')}
                clearable
                value={form.family || null}
                onChange={(v) => set({ family: v ?? '' })}
                data={FAMILIES.map((f) => ({ value: f, label: t(`library.families.${f}`) }))}
              />
              {assessed ? null : (
                <Select
                  label={t('library.reco.cynefin')}
                  clearable
                  value={form.cynefin || null}
                  onChange={(v) => set({ cynefin: v ?? '' })}
                  data={(['clear', 'complicated', 'complex', 'chaotic', 'confusion'] as const).map((d) => ({
                    value: d,
                    label: t(`library.cynefin.${d}`),
                  }))}
                />
              )}
            </SimpleGrid>
            <Group>
              <Button
                type="submit"
                disabled={!engagementId}
                loading={recommend.isPending}
                data-testid="reco-submit"
              >
                {t('library.reco.submit')}
              </Button>
            </Group>
            <VisibilityNote>{t('library.reco.visibility')}</VisibilityNote>
          </Stack>
        </form>
      </Card>
      {reco ? (
        <Stack gap="md" aria-live="polite">
          <Title order={2} size="h3">
            {t('library.reco.resultsTitle', { count: reco.options.length })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('library.reco.resultsMeta', { eligible: reco.eligibleCount, excluded: reco.excludedCount })}{' '}
            {reco.cynefin
              ? t(`library.reco.cynefinSource.${reco.cynefinSource as 'question'}`, {
                  domain: t(`library.cynefin.${reco.cynefin}`),
                })
              : t('library.reco.cynefinSource.none')}
          </Text>
          <Text size="sm" data-testid="reco-trust-source">
            {reco.trustCampaign
              ? t('library.reco.trustUsed.measured', {
                  level: reco.trustLevel,
                  title: reco.trustCampaign.title,
                })
              : t('library.reco.trustUsed.declared', { level: reco.trustLevel })}{' '}
            {t('library.reco.order')}
          </Text>
          {reco.notices
            .filter((n) => n.code !== 'CHOICE_BELONGS_TO_GROUP')
            .map((n) => (
              <Alert key={String(n.code)} color="honey">
                {t(`library.reco.notices.${n.code as 'FEW_OPTIONS'}`, { count: Number(n.count ?? 0) })}
              </Alert>
            ))}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {reco.options.map((o) => (
              <OptionCard key={o.method.id} option={o} />
            ))}
          </SimpleGrid>
          {can('options.choose') && lastRequest && reco.options.length > 0 ? (
            <ChoiceForm orgId={orgId} engagementId={engagementId} reco={reco} request={lastRequest} />
          ) : null}
        </Stack>
      ) : null}
      {engagementId ? <ChoiceHistory orgId={orgId} engagementId={engagementId} /> : null}
    </Stack>
  );
}
