import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { type MethodView, useAddNote, useDeleteNote, useMethod } from './api';
import { FamilyBadge, MethodFacts, useMethodLanguage } from './shared';

function TextList({
  title,
  items,
  ordered,
}: {
  title: string;
  items: { fr: string; en: string }[];
  ordered?: boolean;
}) {
  const lang = useMethodLanguage();
  if (items.length === 0) {
    return null;
  }
  return (
    <Card p="lg" component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <List type={ordered ? 'ordered' : 'unordered'} spacing="xs">
        {items.map((item) => (
          <List.Item key={item.fr + item.en}>{item[lang]}</List.Item>
        ))}
      </List>
    </Card>
  );
}

function NotesSection({ orgId, method }: { orgId: string; method: MethodView }) {
  const { t } = useTranslation();
  const { data } = useMethod(orgId, method.id);
  const add = useAddNote(orgId, method.id);
  const del = useDeleteNote(orgId, method.id);
  const [kind, setKind] = useState<'note' | 'variant'>('note');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { kind, title, body },
      {
        onSuccess: () => {
          setTitle('');
          setBody('');
        },
      },
    );
  };
  return (
    <Card p="lg" component="section" aria-labelledby="notes-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="notes-title">
          {t('library.notes.title')}
        </Title>
        <VisibilityNote>{t('library.notes.visibility')}</VisibilityNote>
        {data?.notes.length ? (
          data.notes.map((n) => (
            <Card key={n.id} withBorder p="sm">
              <Group justify="space-between" align="flex-start">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Badge size="sm" variant="light">
                      {t(`library.notes.kinds.${n.kind}`)}
                    </Badge>
                    {n.title ? <Text fw={600}>{n.title}</Text> : null}
                  </Group>
                  <Text style={{ whiteSpace: 'pre-wrap' }}>{n.body}</Text>
                  <Text size="xs" c="dimmed">
                    {n.authorName ?? t('library.notes.formerMember')}
                  </Text>
                </Stack>
                <Button size="xs" variant="subtle" color="red" onClick={() => del.mutate(n.id)}>
                  {t('library.notes.delete')}
                </Button>
              </Group>
            </Card>
          ))
        ) : (
          <Text c="dimmed">{t('library.notes.empty')}</Text>
        )}
        <form onSubmit={submit} data-testid="note-form">
          <Stack gap="xs">
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v as 'note' | 'variant')}
              data={[
                { value: 'note', label: t('library.notes.kinds.note') },
                { value: 'variant', label: t('library.notes.kinds.variant') },
              ]}
              aria-label={t('library.notes.kindLabel')}
            />
            <TextInput
              label={t('library.notes.titleLabel')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <Textarea
              label={t('library.notes.bodyLabel')}
              required
              autosize
              minRows={2}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" loading={add.isPending} disabled={!body.trim()}>
                {t('library.notes.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}

/** One method in the UI language, with its source and credit. */
export function MethodPage() {
  const { t } = useTranslation();
  const lang = useMethodLanguage();
  const { methodId = '' } = useParams();
  const { org, can } = useCurrentOrg();
  const query = useMethod(org?.id ?? '', methodId);
  const method = query.data?.method;
  usePageTitle(method ? method.name[lang] : t('library.title'));
  if (query.isError) {
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!method || !org) {
    return <Skeleton h={320} />;
  }
  return (
    <Stack gap="lg" data-testid="method-page">
      <Anchor component={Link} to="/methods" size="sm">
        {t('library.back')}
      </Anchor>
      <PageHeader
        title={method.name[lang]}
        description={method.purpose[lang]}
        eyebrow={<FamilyBadge family={method.family} />}
      />
      <MethodFacts method={method} />
      <VisibilityNote>
        {method.origin === 'custom' ? t('library.visibilityCustom') : t('library.visibilityCatalogue')}
      </VisibilityNote>
      <TextList title={t('library.sections.steps')} items={method.steps} ordered />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextList title={t('library.sections.advantages')} items={method.advantages} />
        <TextList title={t('library.sections.drawbacks')} items={method.drawbacks} />
        <TextList title={t('library.sections.contraIndications')} items={method.contraIndications} />
        <TextList title={t('library.sections.materials')} items={method.materials} />
      </SimpleGrid>
      <Card p="lg" component="section" data-testid="method-credit">
        <Title order={2} size="h4" mb="xs">
          {t('library.sections.source')}
        </Title>
        <Text size="sm">{method.source || t('library.noSource')}</Text>
        <Text size="sm" c="dimmed">
          {t('library.credit', { credit: method.credit || '—' })}
        </Text>
      </Card>
      {can('methods.manage') ? <NotesSection orgId={org.id} method={method} /> : null}
    </Stack>
  );
}
