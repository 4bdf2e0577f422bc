import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { PageSkeleton } from '../../components/page-skeleton';
import { QueryError } from '../../components/query-error';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { type ProposalView, tx, useProposal, useProposalAction, useTakeToWorkshop } from './api';
import { PositionForm } from './position-form';
import { TallyView } from './tally-view';

type Act = ReturnType<typeof useProposalAction>;

function Objections({ view, canRecord, act }: { view: ProposalView; canRecord: boolean; act: Act }) {
  const { t } = useTranslation();
  const [testing, setTesting] = useState<string | null>(null);
  const [tests, setTests] = useState({
    reducesCapacity: false,
    createdByProposal: false,
    cannotAdaptInTime: false,
    limitsObjectorRole: false,
    breachesRules: false,
  });
  return (
    <Card p="lg" component="section" aria-labelledby="objections-title">
      <Title order={2} size="h4" id="objections-title" mb="sm">
        {t('decisions.proposal.objections')}
      </Title>
      {view.objections.length === 0 && <Text c="dimmed">{t('decisions.proposal.noObjection')}</Text>}
      <Stack gap="sm" data-testid="objections">
        {view.objections.map((o) => (
          <Card key={o.id} withBorder p="sm">
            <Group justify="space-between" wrap="wrap">
              <Text fw={600}>{o.objector ?? t('decisions.proposal.anonymousPerson')}</Text>
              <Badge
                color={o.status === 'open' ? 'red' : o.status === 'integrated' ? 'teal' : 'gray'}
                variant="light"
              >
                {tx(t, `decisions.proposal.objectionStatus.${o.status}`)}
              </Badge>
            </Group>
            <Text size="sm">{o.reason}</Text>
            <Text size="xs" c="dimmed">
              {t('decisions.proposals.version', { version: o.version })}
            </Text>
            {o.integration && (
              <Text size="sm" mt={4}>
                {t('decisions.proposal.integrationLine', { text: o.integration })}
              </Text>
            )}
            {canRecord && view.rule === 'integrative' && o.status === 'open' && view.status === 'open' && (
              <Stack gap={4} mt="xs">
                {testing !== o.id ? (
                  <Button size="xs" variant="light" onClick={() => setTesting(o.id)}>
                    {t('decisions.proposal.tests')}
                  </Button>
                ) : (
                  <>
                    {(
                      [
                        ['reducesCapacity', 'testReduces'],
                        ['createdByProposal', 'testCreated'],
                        ['cannotAdaptInTime', 'testTime'],
                        ['limitsObjectorRole', 'testRole'],
                        ['breachesRules', 'testRules'],
                      ] as const
                    ).map(([k, label]) => (
                      <Checkbox
                        key={k}
                        label={tx(t, `decisions.proposal.${label}`)}
                        checked={tests[k]}
                        onChange={(e) => setTests((x) => ({ ...x, [k]: e.currentTarget.checked }))}
                      />
                    ))}
                    <Button
                      size="xs"
                      onClick={() =>
                        act.mutate({ path: `objections/${o.id}`, body: { status: 'tested', tests } })
                      }
                    >
                      {t('decisions.proposal.testSubmit')}
                    </Button>
                  </>
                )}
              </Stack>
            )}
          </Card>
        ))}
      </Stack>
    </Card>
  );
}

function AmendForm({ view, act }: { view: ProposalView; act: Act }) {
  const { t } = useTranslation();
  const open = view.objections.filter((o) => o.status === 'open');
  const [text, setText] = useState(view.text);
  const [note, setNote] = useState('');
  const [integrations, setIntegrations] = useState<Record<string, string>>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    act.mutate(
      {
        path: 'amendments',
        body: {
          text,
          note,
          integrates: Object.entries(integrations)
            .filter(([, v]) => v.trim())
            .map(([objectionId, integration]) => ({ objectionId, integration })),
        },
      },
      { onSuccess: () => setIntegrations({}) },
    );
  };
  return (
    <Card p="lg" component="section" aria-labelledby="amend-title">
      <form onSubmit={submit} data-testid="amend-form">
        <Stack gap="sm">
          <Title order={2} size="h4" id="amend-title">
            {t('decisions.proposal.amend')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('decisions.proposal.amendIntro')}
          </Text>
          <Textarea
            label={t('decisions.proposal.newText')}
            required
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <TextInput
            label={t('decisions.proposal.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {open.map((o) => (
            <Textarea
              key={o.id}
              label={t('decisions.proposal.integrates', { reason: o.reason })}
              autosize
              minRows={1}
              value={integrations[o.id] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setIntegrations((x) => ({ ...x, [o.id]: value }));
              }}
            />
          ))}
          <Group>
            <Button
              type="submit"
              loading={act.isPending}
              disabled={!text.trim() || text.trim() === view.text.trim()}
            >
              {t('decisions.proposal.saveAmendment')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Deep democracy: the minority's conditions, each either added to the decision or not (Lewis method). */
function ConditionsField({
  conditions,
  onChange,
}: {
  conditions: { text: string; isAdded: boolean }[];
  onChange: (next: { text: string; isAdded: boolean }[]) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = () => {
    // Conditions are keyed by their text: the same condition twice is one condition.
    if (draft.trim() && !conditions.some((c) => c.text === draft.trim())) {
      onChange([...conditions, { text: draft.trim(), isAdded: true }]);
      setDraft('');
    }
  };
  return (
    <Stack gap="xs" data-testid="minority-conditions">
      <Text fw={600} size="sm">
        {t('decisions.proposal.conditions')}
      </Text>
      {conditions.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('decisions.proposal.conditionsEmpty')}
        </Text>
      )}
      {conditions.map((c, i) => (
        <Group key={c.text} gap="xs" wrap="nowrap">
          <Checkbox
            label={c.text}
            checked={c.isAdded}
            onChange={(e) =>
              onChange(conditions.map((x, j) => (j === i ? { ...x, isAdded: e.currentTarget.checked } : x)))
            }
          />
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            aria-label={t('decisions.proposal.conditionRemove', { text: c.text })}
            onClick={() => onChange(conditions.filter((_, j) => j !== i))}
          >
            {t('decisions.proposal.remove')}
          </Button>
        </Group>
      ))}
      <Group align="flex-end" gap="xs">
        <TextInput
          style={{ flex: 1 }}
          label={t('decisions.proposal.conditionNew')}
          description={t('decisions.proposal.conditionHint')}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button variant="light" onClick={add} disabled={!draft.trim()}>
          {t('decisions.proposal.conditionAdd')}
        </Button>
      </Group>
    </Stack>
  );
}

function CloseForm({ view, act }: { view: ProposalView; act: Act }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('');
  const [reviewOn, setReviewOn] = useState(view.reviewOn ?? '');
  const [minorityAsked, setMinorityAsked] = useState(false);
  const [conditions, setConditions] = useState<{ text: string; isAdded: boolean }[]>([]);
  const [nominee, setNominee] = useState('');
  const [fallbackInvoked, setFallbackInvoked] = useState(false);
  const fallback = view.config.consensusFallback as { num: number; den: number } | null | undefined;
  const hasFallback = view.rule === 'consensus' && fallback != null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    act.mutate(
      {
        path: 'close',
        body: {
          outcomeStatement: outcome,
          ...(reviewOn ? { reviewOn } : {}),
          ...(view.rule === 'deepDemocracy' ? { minorityAsked, conditions } : {}),
          ...(view.rule === 'election' && nominee.trim() ? { nominee: nominee.trim() } : {}),
          ...(hasFallback ? { fallbackInvoked } : {}),
        },
      },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('decisions.proposal.closed') }) },
    );
  };
  return (
    <Card p="lg" component="section" aria-labelledby="close-title">
      <form onSubmit={submit} data-testid="close-form">
        <Stack gap="sm">
          <Title order={2} size="h4" id="close-title">
            {t('decisions.proposal.close')}
          </Title>
          {view.rule === 'deepDemocracy' && (
            <>
              <Checkbox
                label={t('decisions.proposal.minorityAsked')}
                description={t('decisions.proposal.minorityAskedHint')}
                checked={minorityAsked}
                onChange={(e) => setMinorityAsked(e.currentTarget.checked)}
              />
              <ConditionsField conditions={conditions} onChange={setConditions} />
            </>
          )}
          {view.rule === 'election' && (
            <TextInput
              label={t('decisions.proposal.nominee')}
              description={t('decisions.proposal.nomineeHint')}
              required
              value={nominee}
              onChange={(e) => setNominee(e.currentTarget.value)}
            />
          )}
          {hasFallback && (
            <Checkbox
              label={t('decisions.proposal.fallbackInvoked', { num: fallback.num, den: fallback.den })}
              description={t('decisions.proposal.fallbackInvokedHint')}
              checked={fallbackInvoked}
              onChange={(e) => setFallbackInvoked(e.currentTarget.checked)}
            />
          )}
          <Textarea
            label={t('decisions.proposal.outcomeStatement')}
            required
            autosize
            minRows={2}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('decisions.proposals.reviewOn')}
            required={view.rule === 'consent' || view.rule === 'integrative'}
            value={reviewOn}
            onChange={(e) => setReviewOn(e.currentTarget.value)}
          />
          <Group>
            <Button
              type="submit"
              color="teal"
              loading={act.isPending}
              disabled={!outcome.trim() || (view.rule === 'election' && !nominee.trim())}
            >
              {t('decisions.proposal.closeSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ReviewForm({ act }: { act: Act }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [deadline, setDeadline] = useState('');
  return (
    <Card p="lg" component="section">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          act.mutate({ path: 'review', body: { note, deadline: new Date(deadline).toISOString() } });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('decisions.proposal.review')}
          </Title>
          <TextInput
            label={t('decisions.proposal.reviewNote')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <TextInput
            type="datetime-local"
            label={t('decisions.proposal.reviewDeadline')}
            required
            value={deadline}
            onChange={(e) => setDeadline(e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" variant="light" disabled={!deadline}>
              {t('decisions.proposal.review')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

const LIVE_RULES = ['consent', 'integrative', 'fistToFive'];

/** Advice process: the decider says whether each advice was followed, and why. */
function AdviceAnswer({ positionId, act }: { positionId: string; act: Act }) {
  const { t } = useTranslation();
  const [isFollowed, setFollowed] = useState(false);
  const [why, setWhy] = useState('');
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Checkbox
        label={t('decisions.proposal.adviceFollowed')}
        checked={isFollowed}
        onChange={(e) => setFollowed(e.currentTarget.checked)}
      />
      <TextInput
        size="xs"
        label={t('decisions.proposal.adviceWhy')}
        value={why}
        onChange={(e) => setWhy(e.currentTarget.value)}
      />
      <Button
        size="xs"
        variant="light"
        disabled={!why.trim()}
        onClick={() => act.mutate({ path: `positions/${positionId}/response`, body: { isFollowed, why } })}
      >
        {t('decisions.proposal.adviceAnswer')}
      </Button>
    </Group>
  );
}

function LiveSection({
  view,
  orgId,
  engagementId,
}: {
  view: ProposalView;
  orgId: string;
  engagementId: string;
}) {
  const { t } = useTranslation();
  const take = useTakeToWorkshop(orgId, engagementId, view.id);
  if (view.live) {
    return (
      <Alert color={view.live.isReturned ? 'teal' : 'blue'} variant="light" data-testid="proposal-live">
        <Stack gap={4}>
          <Text size="sm">
            {view.live.isReturned
              ? t('decisions.proposal.live.returned')
              : t('decisions.proposal.live.taken')}
          </Text>
          <Anchor component={Link} to={`/workshops/${view.live.workshopId}`} size="sm">
            {t('decisions.proposal.live.open')}
          </Anchor>
        </Stack>
      </Alert>
    );
  }
  return (
    <Card p="lg" component="section">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('decisions.proposal.live.intro')}
        </Text>
        <Group>
          <Button variant="light" loading={take.isPending} onClick={() => take.mutate()}>
            {t('decisions.proposal.live.take')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** One proposal: text and versions, my position, the tally, objections and their integration. */
export function ProposalPage() {
  const { t } = useTranslation();
  const { engagementId = '', proposalId = '' } = useParams();
  const { org, can } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const query = useProposal(orgId, engagementId, proposalId);
  const act = useProposalAction(orgId, engagementId, proposalId);
  usePageTitle(query.data?.title ?? t('decisions.title'));
  if (query.error) {
    return <QueryError error={query.error} />;
  }
  const view = query.data;
  if (!view) {
    return <PageSkeleton />;
  }
  const canRecord = can('decision.record');
  const isOpen = view.status === 'open';
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/engagements/${engagementId}/decisions`} size="sm">
        {t('decisions.backToDecisions')}
      </Anchor>
      <PageHeader
        title={view.title}
        eyebrow={
          <Group gap="xs">
            <Badge variant="light">{tx(t, `decisions.rules.${view.rule}`)}</Badge>
            <Badge variant="outline" data-testid="proposal-status">
              {tx(t, `decisions.proposals.status.${view.status}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('decisions.proposals.version', { version: view.version })} ·{' '}
              {t('decisions.proposals.until', { date: formatDateTime(view.deadline) })}
            </Text>
          </Group>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card p="lg" component="section">
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="proposal-text">
            {view.text}
          </Text>
          {view.outcomeStatement && (
            <Alert mt="md" color="teal" variant="light" data-testid="outcome">
              {view.outcomeStatement}
              {view.reviewOn &&
                ` · ${t('decisions.proposal.reviewLine', { date: formatDate(view.reviewOn) })}`}
            </Alert>
          )}
          {view.versions.length > 1 && (
            <details>
              <summary>{t('decisions.proposal.history')}</summary>
              <List size="sm">
                {view.versions.map((v) => (
                  <List.Item key={v.version}>
                    {t('decisions.proposals.version', { version: v.version })} — {v.note || '…'} — {v.text}
                  </List.Item>
                ))}
              </List>
            </details>
          )}
        </Card>
        <Card p="lg" component="section" aria-labelledby="my-position">
          <Title order={2} size="h4" id="my-position" mb="sm">
            {t('decisions.proposal.yourPosition')}
          </Title>
          {!isOpen ? (
            <Text c="dimmed">{t('decisions.proposal.closedNote')}</Text>
          ) : view.me.canTakePosition ? (
            <PositionForm
              key={`${view.version}-${view.me.position?.value ?? ''}`}
              rule={view.rule}
              config={view.config}
              allowedValues={view.allowedValues}
              reasonRequiredFor={view.reasonRequiredFor}
              current={view.me.position}
              isPending={act.isPending}
              onSubmit={(body) =>
                act.mutate(
                  { path: 'positions', body },
                  {
                    onSuccess: () =>
                      notifications.show({ color: 'teal', message: t('decisions.proposal.saved') }),
                  },
                )
              }
            />
          ) : (
            <Text c="dimmed">{t('decisions.proposal.notEligible')}</Text>
          )}
        </Card>
      </SimpleGrid>
      <Card p="lg" component="section" aria-labelledby="results-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="results-title">
            {t('decisions.proposal.results')}
          </Title>
          <Text size="sm">
            {t('decisions.proposals.answered', {
              answered: view.answeredCount,
              eligible: view.eligibleCount,
            })}
          </Text>
        </Group>
        <TallyView tally={view.tally} rule={view.rule} />
        {view.positions.length > 0 && (
          <Table mt="sm" withTableBorder fz="sm" data-testid="positions">
            <Table.Tbody>
              {view.positions.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.participant ?? t('decisions.proposal.anonymousPerson')}</Table.Td>
                  <Table.Td>{tx(t, `decisions.proposal.values.${p.value}`)}</Table.Td>
                  <Table.Td>
                    {p.reason}
                    {p.response && (
                      <Text size="xs" c="dimmed">
                        {p.response.isFollowed ? t('decisions.proposal.adviceFollowed') : '—'} ·{' '}
                        {p.response.why}
                      </Text>
                    )}
                    {view.rule === 'advice' && canRecord && isOpen && !p.response && (
                      <AdviceAnswer positionId={p.id} act={act} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Objections view={view} canRecord={canRecord} act={act} />
      {isOpen && can('workshop.run') && LIVE_RULES.includes(view.rule) && (
        <LiveSection view={view} orgId={orgId} engagementId={engagementId} />
      )}
      {canRecord && isOpen && <AmendForm key={view.version} view={view} act={act} />}
      {canRecord && isOpen && <CloseForm view={view} act={act} />}
      {canRecord && view.status === 'closed' && <ReviewForm act={act} />}
    </Stack>
  );
}
