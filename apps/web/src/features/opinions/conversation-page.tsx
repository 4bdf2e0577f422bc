import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  CopyButton,
  FileButton,
  Group,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { api, isApiError } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import {
  type Conversation,
  conversationKeys,
  conversationPath,
  useConversation,
  useConversationMutation,
  useResults,
} from './api';
import { ResultsPanel } from './results-panel';

export function SeedForm({ orgId, conversation }: { orgId: string; conversation: Conversation }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const seed = useConversationMutation(orgId, conversation.id, (path, body: { text: string }) =>
    api.post<Conversation>(`${path}/statements`, body),
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        seed.mutate({ text }, { onSuccess: () => setText('') });
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('opinion.seed.label')}
          description={t('opinion.seed.hint')}
          maxLength={280}
          autosize
          minRows={2}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={seed.error ? t(isApiError(seed.error) ? seed.error.i18nKey : 'errors.UNKNOWN') : undefined}
        />
        <Group>
          <Button type="submit" loading={seed.isPending} disabled={text.trim().length < 3}>
            {t('opinion.seed.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function Moderation({ orgId, conversation }: { orgId: string; conversation: Conversation }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'pending' | 'accepted' | 'rejected'>('pending');
  const moderate = useConversationMutation(
    orgId,
    conversation.id,
    (path, vars: { id: string; status: 'accepted' | 'rejected' | 'pending' }) =>
      api.patch<Conversation>(`${path}/statements/${vars.id}`, { status: vars.status }),
  );
  const rows = conversation.statements.filter((s) => s.status === filter);
  const pendingCount = conversation.statements.filter((s) => s.status === 'pending').length;
  return (
    <Stack gap="sm">
      <SegmentedControl
        value={filter}
        onChange={(v) => setFilter(v as typeof filter)}
        data={[
          { value: 'pending', label: t('opinion.moderation.pending', { count: pendingCount }) },
          { value: 'accepted', label: t('opinion.moderation.accepted') },
          { value: 'rejected', label: t('opinion.moderation.rejected') },
        ]}
        aria-label={t('opinion.moderation.filter')}
      />
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(`opinion.moderation.empty_${filter}`)}
        </Text>
      ) : (
        <Table striped data-testid={`statements-${filter}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('opinion.moderation.statement')}</Table.Th>
              <Table.Th scope="col">{t('opinion.moderation.votes')}</Table.Th>
              <Table.Th scope="col">
                <span className="sr-only">{t('opinion.moderation.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  {s.text}{' '}
                  {s.isSeed ? (
                    <Badge size="xs" variant="light">
                      {t('opinion.moderation.seed')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {t('opinion.moderation.tally', { agree: s.agree, disagree: s.disagree, pass: s.pass })}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {s.status !== 'accepted' ? (
                      <Button
                        size="xs"
                        color="teal"
                        onClick={() => moderate.mutate({ id: s.id, status: 'accepted' })}
                      >
                        {t('opinion.moderation.accept')}
                      </Button>
                    ) : null}
                    {s.status !== 'rejected' ? (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        onClick={() => moderate.mutate({ id: s.id, status: 'rejected' })}
                      >
                        {t('opinion.moderation.reject')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function PolisInterop({ orgId, conversation }: { orgId: string; conversation: Conversation }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [votes, setVotes] = useState<File | null>(null);
  const [comments, setComments] = useState<File | null>(null);
  const path = conversationPath(orgId, conversation.id);
  const importer = useMutation({
    mutationFn: async () =>
      api.post<{ statements: number; participants: number; votes: number }>(`${path}/import`, {
        votesCsv: await votes!.text(),
        commentsCsv: await comments!.text(),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: conversationKeys.one(orgId, conversation.id) });
      void queryClient.invalidateQueries({ queryKey: conversationKeys.results(orgId, conversation.id) });
    },
  });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('opinion.polis.hint')}
      </Text>
      <Group>
        <Button component="a" href={`${path}/export/votes.csv`} variant="light" download>
          {t('opinion.polis.exportVotes')}
        </Button>
        <Button component="a" href={`${path}/export/comments.csv`} variant="light" download>
          {t('opinion.polis.exportComments')}
        </Button>
        <Button component="a" href={`${path}/export/votes.xlsx`} variant="light" download>
          {t('opinion.polis.exportVotesXlsx')}
        </Button>
        <Button component="a" href={`${path}/export/comments.xlsx`} variant="light" download>
          {t('opinion.polis.exportCommentsXlsx')}
        </Button>
      </Group>
      {conversation.statements.length === 0 ? (
        <Group>
          <FileButton onChange={setVotes} accept=".csv,text/csv">
            {(props) => (
              <Button {...props} variant="default">
                {votes ? votes.name : t('opinion.polis.pickVotes')}
              </Button>
            )}
          </FileButton>
          <FileButton onChange={setComments} accept=".csv,text/csv">
            {(props) => (
              <Button {...props} variant="default">
                {comments ? comments.name : t('opinion.polis.pickComments')}
              </Button>
            )}
          </FileButton>
          <Button
            disabled={!votes || !comments}
            loading={importer.isPending}
            onClick={() => importer.mutate()}
          >
            {t('opinion.polis.import')}
          </Button>
        </Group>
      ) : (
        <Text size="sm">{t('opinion.polis.importOnlyEmpty')}</Text>
      )}
      {importer.error ? (
        <Alert color="red" role="alert">
          {importer.error.message}
        </Alert>
      ) : null}
      {importer.data ? <Alert color="teal">{t('opinion.polis.imported', importer.data)}</Alert> : null}
    </Stack>
  );
}

/** Facilitator view: share the link, seed and moderate statements, read the map. */
export function ConversationPage() {
  const { t } = useTranslation();
  const { conversationId = '' } = useParams();
  const { org } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const conversation = useConversation(orgId, conversationId);
  const results = useResults(orgId, conversationId);
  usePageTitle(conversation.data?.title ?? t('opinion.list.title'));
  const toggle = useConversationMutation(orgId, conversationId, (path, status: 'open' | 'closed') =>
    api.patch<Conversation>(path, { status }),
  );
  if (conversation.error) {
    return <QueryError error={conversation.error} onRetry={() => void conversation.refetch()} />;
  }
  const c = conversation.data;
  if (!c) {
    return <Skeleton height={320} />;
  }
  const link = c.joinCode ? `${window.location.origin}/c/${c.joinCode}` : null;
  const accepted = c.statements.filter((s) => s.status === 'accepted').length;
  return (
    <Stack gap="xl">
      <PageHeader
        title={c.title}
        description={c.topic || undefined}
        eyebrow={
          <Anchor component={Link} to="/conversations" size="sm">
            {t('opinion.page.back')}
          </Anchor>
        }
      />
      <VisibilityNote>{t('opinion.visibility.conversation')}</VisibilityNote>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('opinion.page.participants')}
          </Text>
          <Text fz={32} fw={700} data-testid="participant-count">
            {c.participants}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('opinion.page.votes')}
          </Text>
          <Text fz={32} fw={700}>
            {c.votes}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('opinion.page.statements')}
          </Text>
          <Text fz={32} fw={700}>
            {accepted}
          </Text>
        </Card>
      </SimpleGrid>
      {c.canModerate && link ? (
        <Card withBorder component="section" aria-labelledby="share-title">
          <Stack gap="xs">
            <Title order={2} size="h3" id="share-title">
              {t('opinion.page.shareTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('opinion.page.shareHint')}
            </Text>
            <Group>
              <Text ff="monospace" size="sm" data-testid="join-link" style={{ overflowWrap: 'anywhere' }}>
                {link}
              </Text>
              <CopyButton value={link}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? t('opinion.page.copied') : t('opinion.page.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button
                size="xs"
                variant="default"
                component={Link}
                to={`/screen/conversations/${orgId}/${c.id}`}
                target="_blank"
              >
                {t('opinion.page.bigScreen')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                onClick={() => toggle.mutate(c.status === 'open' ? 'closed' : 'open')}
              >
                {c.status === 'open' ? t('opinion.page.close') : t('opinion.page.reopen')}
              </Button>
            </Group>
            {accepted === 0 ? <Alert color="yellow">{t('opinion.page.needStatements')}</Alert> : null}
          </Stack>
        </Card>
      ) : null}
      {c.canModerate ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Card withBorder component="section" aria-labelledby="seed-title">
            <Title order={2} size="h3" id="seed-title" mb="sm">
              {t('opinion.seed.title')}
            </Title>
            <SeedForm orgId={orgId} conversation={c} />
          </Card>
          <Card withBorder component="section" aria-labelledby="moderation-title">
            <Title order={2} size="h3" id="moderation-title" mb="sm">
              {t('opinion.moderation.title')}
            </Title>
            <Moderation orgId={orgId} conversation={c} />
          </Card>
        </SimpleGrid>
      ) : null}
      <section aria-labelledby="results-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h2" id="results-title">
            {t('opinion.results.title')}
          </Title>
          {results.data?.isStale ? <Badge variant="light">{t('opinion.results.updating')}</Badge> : null}
        </Group>
        {results.error ? <QueryError error={results.error} onRetry={() => void results.refetch()} /> : null}
        {results.data ? <ResultsPanel results={results.data} /> : <Skeleton height={300} />}
      </section>
      {c.canModerate ? (
        <Card withBorder component="section" aria-labelledby="polis-title">
          <Title order={2} size="h3" id="polis-title" mb="sm">
            {t('opinion.polis.title')}
          </Title>
          <PolisInterop orgId={orgId} conversation={c} />
        </Card>
      ) : null}
    </Stack>
  );
}
