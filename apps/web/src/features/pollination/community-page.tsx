import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { tx } from './api';
import {
  type CommunityItem,
  type CommunityView,
  fileUrl,
  type NewItem,
  readAsBase64,
  useAddItem,
  useCommunity,
  useCommunityAction,
  useCommunityItems,
  useCommunityMembers,
  useItemAction,
} from './communities-api';

const TABS = ['posts', 'questions', 'resources', 'events', 'members'] as const;
type Tab = (typeof TABS)[number];

/** One community of practice: posts, questions and answers, resources, events and members. */
export function CommunityPage() {
  const { t } = useTranslation();
  const { communityId = '' } = useParams();
  const { org } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const community = useCommunity(orgId, communityId);
  const items = useCommunityItems(orgId, communityId);
  const action = useCommunityAction(orgId, communityId);
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'posts';
  usePageTitle(community.data?.title ?? t('pollination.communities.title'));

  if (community.isError) {
    return <QueryError error={community.error} onRetry={() => community.refetch()} />;
  }
  const c = community.data;
  if (!c) {
    return (
      <Center py="xl">
        <Loader aria-label={t('pollination.communities.loading')} />
      </Center>
    );
  }
  const all = items.data ?? [];
  return (
    <Stack gap="lg">
      <PageHeader
        title={c.title}
        description={c.description || c.theme}
        eyebrow={
          <Text size="sm" c="dimmed">
            {t('pollination.communities.hostedBy', { name: c.hostOrganisation })} ·{' '}
            {t('pollination.communities.memberCount', { count: c.memberCount })}
          </Text>
        }
      />
      <Group>
        {c.isMember ? (
          <>
            <Badge variant="light">
              {c.role === 'moderator'
                ? t('pollination.communities.moderator')
                : t('pollination.communities.joined')}
            </Badge>
            <Button variant="default" size="xs" onClick={() => action.mutate({ path: 'leave' })}>
              {t('pollination.communities.leave')}
            </Button>
          </>
        ) : (
          <Button onClick={() => action.mutate({ path: 'join' })} loading={action.isPending}>
            {t('pollination.communities.join')}
          </Button>
        )}
      </Group>
      {!c.isMember && <Text c="dimmed">{t('pollination.communities.joinToContribute')}</Text>}
      {items.isError && <QueryError error={items.error} onRetry={() => items.refetch()} />}
      <Tabs
        value={tab}
        onChange={(v) => setParams(v ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {tx(t, `pollination.communities.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="posts" pt="lg">
          <ItemsTab orgId={orgId} community={c} kind="post" items={all.filter((i) => i.kind === 'post')} />
        </Tabs.Panel>
        <Tabs.Panel value="questions" pt="lg">
          <QuestionsTab orgId={orgId} community={c} items={all} />
        </Tabs.Panel>
        <Tabs.Panel value="resources" pt="lg">
          <ItemsTab
            orgId={orgId}
            community={c}
            kind="resource"
            items={all.filter((i) => i.kind === 'resource')}
          />
        </Tabs.Panel>
        <Tabs.Panel value="events" pt="lg">
          <ItemsTab orgId={orgId} community={c} kind="event" items={all.filter((i) => i.kind === 'event')} />
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="lg">
          <MembersTab orgId={orgId} community={c} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

type Props = { orgId: string; community: CommunityView };

function ItemsTab({
  orgId,
  community,
  kind,
  items,
}: Props & { kind: 'post' | 'resource' | 'event'; items: CommunityItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {items.length === 0 && <Text c="dimmed">{tx(t, `pollination.communities.empty_${kind}`)}</Text>}
      {items.map((item) => (
        <ItemCard key={item.id} orgId={orgId} community={community} item={item} />
      ))}
      {community.isMember && <ItemForm orgId={orgId} community={community} kind={kind} />}
    </Stack>
  );
}

function QuestionsTab({ orgId, community, items }: Props & { items: CommunityItem[] }) {
  const { t } = useTranslation();
  const questions = items.filter((i) => i.kind === 'question');
  return (
    <Stack gap="md">
      {questions.length === 0 && <Text c="dimmed">{t('pollination.communities.empty_question')}</Text>}
      {questions.map((q) => {
        const answers = items.filter((a) => a.kind === 'answer' && a.parentId === q.id).reverse();
        return (
          <ItemCard key={q.id} orgId={orgId} community={community} item={q}>
            <Stack gap="xs" pl="md" mt="sm">
              <Text size="sm" fw={600}>
                {t('pollination.communities.answers', { count: answers.length })}
              </Text>
              {answers.map((a) => (
                <ItemCard key={a.id} orgId={orgId} community={community} item={a} asker={q.mine} />
              ))}
              {community.isMember && (
                <ItemForm orgId={orgId} community={community} kind="answer" parentId={q.id} />
              )}
            </Stack>
          </ItemCard>
        );
      })}
      {community.isMember && <ItemForm orgId={orgId} community={community} kind="question" />}
    </Stack>
  );
}

function ItemCard({
  orgId,
  community,
  item,
  asker = false,
  children,
}: Props & { item: CommunityItem; asker?: boolean; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const act = useItemAction(orgId, community.id);
  const [reason, setReason] = useState('');
  const [moderating, setModerating] = useState<'report' | 'hide' | null>(null);
  const date = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Card
      withBorder
      p="md"
      component="article"
      aria-label={item.title || t('pollination.communities.answer')}
    >
      {item.hidden && (
        <Badge color="red" variant="light" mb="xs">
          {t('pollination.communities.hiddenBecause', { reason: item.hidden.reason })}
        </Badge>
      )}
      {item.title && (
        <Title order={3} size="h4">
          {item.title}
        </Title>
      )}
      {item.body && (
        <Text style={{ whiteSpace: 'pre-wrap' }} mt={4}>
          {item.body}
        </Text>
      )}
      {item.url && (
        <Anchor href={item.url} target="_blank" rel="noopener noreferrer" mt={4}>
          {item.url}
        </Anchor>
      )}
      {item.file && (
        <Anchor href={fileUrl(orgId, community.id, item.id)} download={item.file.name}>
          {t('pollination.communities.download', {
            name: item.file.name,
            size: Math.ceil(item.file.size / 1024),
          })}
        </Anchor>
      )}
      {item.startsAt && (
        <Text size="sm" mt={4}>
          {t('pollination.communities.when', { date: date(item.startsAt), place: item.place ?? '' })}
        </Text>
      )}
      <Group gap="xs" mt="xs">
        <Text size="xs" c="dimmed">
          {t('pollination.communities.by', {
            author: item.author ?? t('pollination.communities.someone'),
            organisation: item.authorOrganisation ?? '',
            date: date(item.createdAt),
          })}
        </Text>
        {item.useful && (
          <Badge color="teal" variant="light">
            {t('pollination.communities.useful')}
          </Badge>
        )}
        {item.reports !== null && item.reports > 0 && (
          <Badge color="orange" variant="light">
            {t('pollination.communities.reports', { count: item.reports })}
          </Badge>
        )}
      </Group>
      <Group gap="xs" mt="xs">
        {item.kind === 'answer' && (asker || community.canModerate) && (
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => act.mutate({ itemId: item.id, path: 'useful', body: { useful: !item.useful } })}
          >
            {item.useful ? t('pollination.communities.notUseful') : t('pollination.communities.markUseful')}
          </Button>
        )}
        {community.isMember && !item.mine && !item.hidden && (
          <Button size="compact-xs" variant="subtle" onClick={() => setModerating('report')}>
            {t('pollination.communities.report')}
          </Button>
        )}
        {community.canModerate &&
          (item.hidden ? (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() =>
                act.mutate({ itemId: item.id, path: 'hide', body: { hidden: false, reason: '' } })
              }
            >
              {t('pollination.communities.unhide')}
            </Button>
          ) : (
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => setModerating('hide')}>
              {t('pollination.communities.hide')}
            </Button>
          ))}
      </Group>
      {moderating && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act.mutate(
              {
                itemId: item.id,
                path: moderating,
                body: moderating === 'hide' ? { hidden: true, reason } : { reason },
              },
              { onSuccess: () => setModerating(null) },
            );
          }}
        >
          <Group align="flex-end" mt="xs">
            <TextInput
              label={t('pollination.communities.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              miw={260}
            />
            <Button type="submit" size="xs" disabled={reason.trim().length === 0}>
              {moderating === 'hide'
                ? t('pollination.communities.hide')
                : t('pollination.communities.report')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setModerating(null)}>
              {t('pollination.communities.cancel')}
            </Button>
          </Group>
        </form>
      )}
      {children}
    </Card>
  );
}

function ItemForm({
  orgId,
  community,
  kind,
  parentId,
}: Props & { kind: NewItem['kind']; parentId?: string }) {
  const { t } = useTranslation();
  const add = useAddItem(orgId, community.id);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [url, setUrl] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [place, setPlace] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const id = `${kind}-${parentId ?? 'new'}`;
  const submit = async () => {
    const item: NewItem = { kind, title, body, parentId: parentId ?? null };
    if (kind === 'resource') {
      if (file) {
        item.file = { name: file.name, contentBase64: await readAsBase64(file) };
      } else {
        item.url = url;
      }
    }
    if (kind === 'event') {
      item.startsAt = startsAt ? new Date(startsAt).toISOString() : null;
      item.place = place || null;
      item.url = url || null;
    }
    add.mutate(item, {
      onSuccess: () => {
        setTitle('');
        setBody('');
        setUrl('');
        setFile(null);
        setStartsAt('');
        setPlace('');
      },
    });
  };
  const ready =
    (kind === 'answer' ? body.trim() : title.trim()) &&
    (kind !== 'post' || body.trim()) &&
    (kind !== 'resource' || file || url.trim()) &&
    (kind !== 'event' || startsAt);
  return (
    <form
      aria-labelledby={`${id}-legend`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="xs" maw={640}>
        <Text fw={600} id={`${id}-legend`}>
          {tx(t, `pollination.communities.add_${kind}`)}
        </Text>
        {kind !== 'answer' && (
          <TextInput
            label={t('pollination.communities.fieldTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
          />
        )}
        <Textarea
          label={t('pollination.communities.fieldBody')}
          description={t('pollination.communities.mentionHelp')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={2}
          required={kind === 'post' || kind === 'answer'}
        />
        {(kind === 'resource' || kind === 'event') && (
          <TextInput
            label={t('pollination.communities.fieldUrl')}
            type="url"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            disabled={Boolean(file)}
          />
        )}
        {kind === 'resource' && (
          <div>
            <Text component="label" htmlFor={`${id}-file`} size="sm" fw={500}>
              {t('pollination.communities.fieldFile')}
            </Text>
            <Text size="xs" c="dimmed" id={`${id}-file-help`}>
              {t('pollination.communities.fileHelp')}
            </Text>
            <input
              id={`${id}-file`}
              type="file"
              aria-describedby={`${id}-file-help`}
              accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.md,.csv"
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          </div>
        )}
        {kind === 'event' && (
          <Group grow>
            <TextInput
              label={t('pollination.communities.fieldStartsAt')}
              type="datetime-local"
              value={startsAt}
              onChange={(e) => setStartsAt(e.currentTarget.value)}
              required
            />
            <TextInput
              label={t('pollination.communities.fieldPlace')}
              value={place}
              onChange={(e) => setPlace(e.currentTarget.value)}
            />
          </Group>
        )}
        <Group>
          <Button type="submit" size="sm" loading={add.isPending} disabled={!ready}>
            {t('pollination.communities.publish')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MembersTab({ orgId, community }: Props) {
  const { t, i18n } = useTranslation();
  const members = useCommunityMembers(orgId, community.id);
  const action = useCommunityAction(orgId, community.id);
  const [guest, setGuest] = useState('');
  return (
    <Stack gap="lg">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('pollination.communities.memberName')}</Table.Th>
            <Table.Th>{t('pollination.communities.memberOrg')}</Table.Th>
            <Table.Th>{t('pollination.communities.memberSince')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(members.data ?? []).map((m) => (
            <Table.Tr key={m.userId}>
              <Table.Td>
                {m.name}
                {m.role === 'moderator' && ` (${t('pollination.communities.moderator')})`}
              </Table.Td>
              <Table.Td>{m.organisation}</Table.Td>
              <Table.Td>{new Date(m.joinedAt).toLocaleDateString(i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Card withBorder p="md" component="section" aria-labelledby="community-orgs">
        <Title order={2} size="h4" id="community-orgs" mb="xs">
          {t('pollination.communities.organisations')}
        </Title>
        <Stack gap={4}>
          {community.organisations.map((o) => (
            <Text key={o.name} size="sm">
              {o.name} —{' '}
              {o.host
                ? t('pollination.communities.host')
                : o.accepted
                  ? t('pollination.communities.guest')
                  : t('pollination.communities.pending')}
            </Text>
          ))}
        </Stack>
        {community.canInvite && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              action.mutate(
                { path: 'invitations', body: { orgId: guest.trim() } },
                { onSuccess: () => setGuest('') },
              );
            }}
          >
            <Group align="flex-end" mt="md">
              <TextInput
                label={t('pollination.communities.inviteOrg')}
                description={t('pollination.communities.inviteHelp')}
                value={guest}
                onChange={(e) => setGuest(e.currentTarget.value)}
                miw={320}
              />
              <Button type="submit" disabled={guest.trim().length === 0}>
                {t('pollination.communities.invite')}
              </Button>
            </Group>
          </form>
        )}
      </Card>
      {community.isMember && (
        <Switch
          label={t('pollination.communities.digest')}
          description={t('pollination.communities.digestHelp')}
          checked={community.digest}
          onChange={(e) =>
            action.mutate({ path: 'digest', method: 'PUT', body: { digest: e.currentTarget.checked } })
          }
        />
      )}
    </Stack>
  );
}
