import { IC_FORMS } from '@essaim/core/methods';
import { EXPERIENCE_TEXT_FIELDS } from '@essaim/core/pollination';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  List,
  Loader,
  MultiSelect,
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
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { isApiError } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { useCollectives } from '../people/api';
import {
  base,
  type ExperienceView,
  tx,
  useExperience,
  useExperienceAction,
  useLibraryExperience,
} from './api';

const CYNEFIN = ['clear', 'complicated', 'complex', 'chaotic', 'confusion'] as const;
const LICENCES = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'LicenseRef-All-Rights-Reserved'] as const;
const VISIBILITIES = ['collective', 'organisation', 'instance'] as const;
type TextField = (typeof EXPERIENCE_TEXT_FIELDS)[number];

/** An experience of the organisation: the editor for facilitators, the reading view for others. */
export function ExperiencePage() {
  const { experienceId = '' } = useParams();
  const { org } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const experience = useExperience(orgId, experienceId);
  return (
    <ExperienceScreen
      orgId={orgId}
      query={experience}
      exportBase={`${base(orgId)}/experiences/${experienceId}`}
    />
  );
}

/** An experience from the library (possibly another organisation's): read only. */
export function LibraryExperiencePage() {
  const { experienceId = '' } = useParams();
  const { org } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const experience = useLibraryExperience(orgId, experienceId);
  return (
    <ExperienceScreen
      orgId={orgId}
      query={experience}
      exportBase={`${base(orgId)}/library/${experienceId}`}
    />
  );
}

function ExperienceScreen({
  orgId,
  query,
  exportBase,
}: {
  orgId: string;
  query: ReturnType<typeof useExperience>;
  exportBase: string;
}) {
  const { t } = useTranslation();
  usePageTitle(query.data?.title ?? t('pollination.home.title'));
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (query.error || !query.data) {
    return isApiError(query.error) && query.error.code === 'NOT_FOUND' ? (
      <Alert color="gray">{t('pollination.editor.notFound')}</Alert>
    ) : (
      <QueryError error={query.error} />
    );
  }
  const e = query.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={e.title}
        eyebrow={
          <Group gap="xs">
            <Badge variant="light">{tx(t, `pollination.status.${e.status}`)}</Badge>
            {e.visibility && (
              <Badge variant="outline">{tx(t, `pollination.visibility.${e.visibility}`)}</Badge>
            )}
          </Group>
        }
        description={e.canEdit ? t('pollination.editor.steps') : t('pollination.editor.readOnly')}
      />
      {e.canEdit ? <Editor orgId={orgId} experience={e} /> : <Reading experience={e} />}
      {e.canEdit && <AnonymisePanel orgId={orgId} experience={e} />}
      {e.canEdit && <ConsentPanel orgId={orgId} experience={e} />}
      {e.canEdit && <SharePanel orgId={orgId} experience={e} />}
      <Card withBorder p="lg">
        <Title order={2} size="h3" mb="sm">
          {t('pollination.share.export')}
        </Title>
        <Group>
          <Button component="a" href={`${exportBase}/export.md`} variant="light">
            {t('pollination.share.exportMd')}
          </Button>
          <Button component="a" href={`${exportBase}/export.json`} variant="light">
            {t('pollination.share.exportJson')}
          </Button>
          <Text size="sm" c="dimmed">
            {tx(t, `pollination.licences.${e.licence}`)}
          </Text>
        </Group>
      </Card>
    </Stack>
  );
}

function Reading({ experience: e }: { experience: ExperienceView }) {
  const { t } = useTranslation();
  return (
    <Card withBorder p="lg" component="article">
      <Stack gap="md">
        {EXPERIENCE_TEXT_FIELDS.filter((f) => f !== 'title' && e[f].trim() !== '').map((f) => (
          <div key={f}>
            <Title order={2} size="h4">
              {tx(t, `pollination.fields.${f}`)}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{e[f]}</Text>
          </div>
        ))}
        <Group gap={6}>
          {e.cynefin && <Badge variant="outline">{tx(t, `pollination.cynefin.${e.cynefin}`)}</Badge>}
          {e.icForms.map((f) => (
            <Badge key={f} variant="light">
              {tx(t, `pollination.icForms.${f}`)}
            </Badge>
          ))}
          {e.methods.map((m) => (
            <Badge key={m.id} variant="dot">
              {m.name}
            </Badge>
          ))}
        </Group>
        <Deltas experience={e} />
        {e.contacts.length > 0 && (
          <div>
            <Title order={2} size="h4">
              {t('pollination.fields.contacts')}
            </Title>
            <List>
              {e.contacts.map((c) => (
                <List.Item key={c.id}>
                  {c.name}
                  {c.role ? ` (${c.role})` : ''}
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Card>
  );
}

function Deltas({ experience: e }: { experience: ExperienceView }) {
  const { t } = useTranslation();
  if (e.diagnosticDeltas.length === 0) {
    return null;
  }
  return (
    <div>
      <Title order={2} size="h4">
        {t('pollination.fields.deltas')}
      </Title>
      <List>
        {e.diagnosticDeltas.map((d) => (
          <List.Item key={d.constructId}>
            {d.constructId} : {Math.round(d.before)} → {Math.round(d.after)}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

function Editor({ orgId, experience: e }: { orgId: string; experience: ExperienceView }) {
  const { t } = useTranslation();
  const save = useExperienceAction(orgId, e.id);
  const collectives = useCollectives(orgId);
  const [texts, setTexts] = useState<Record<TextField, string>>(
    () => Object.fromEntries(EXPERIENCE_TEXT_FIELDS.map((f) => [f, e[f]])) as Record<TextField, string>,
  );
  const [icForms, setIcForms] = useState<string[]>(e.icForms);
  const [cynefin, setCynefin] = useState<string | null>(e.cynefin);
  const [sector, setSector] = useState(e.sector);
  const [size, setSize] = useState<number | string>(e.size ?? '');
  const [licence, setLicence] = useState<string>(e.licence);
  const [collectiveId, setCollectiveId] = useState<string | null>(e.collectiveId);
  const [indicators, setIndicators] = useState(e.indicators);
  const [contacts, setContacts] = useState(
    e.contacts.map((c) => ({ name: c.name, role: c.role, personId: c.personId })),
  );
  // The server rewrites the texts when anonymising: follow it.
  useEffect(() => {
    setTexts(Object.fromEntries(EXPERIENCE_TEXT_FIELDS.map((f) => [f, e[f]])) as Record<TextField, string>);
  }, [e]);
  const submit = () =>
    save.mutate(
      {
        method: 'PUT',
        path: '',
        body: {
          ...texts,
          icForms,
          cynefin,
          sector,
          size: typeof size === 'number' ? size : null,
          licence,
          collectiveId,
          indicators: indicators.filter((i) => i.label.trim() && i.value.trim()),
          contacts: contacts.filter((c) => c.name.trim()),
        },
      },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: t('pollination.editor.saved'),
            closeButtonProps: { 'aria-label': t('pollination.editor.close') },
          }),
      },
    );
  return (
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
        {e.status !== 'draft' && (
          <Alert color="blue" variant="light">
            {t('pollination.editor.backToDraft')}
          </Alert>
        )}
        <TextInput
          label={t('pollination.fields.title')}
          value={texts.title}
          onChange={(ev) => setTexts({ ...texts, title: ev.currentTarget.value })}
          required
        />
        {EXPERIENCE_TEXT_FIELDS.filter((f) => f !== 'title').map((f) => (
          <Textarea
            key={f}
            label={tx(t, `pollination.fields.${f}`)}
            value={texts[f]}
            onChange={(ev) => setTexts({ ...texts, [f]: ev.currentTarget.value })}
            autosize
            minRows={2}
          />
        ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('pollination.fields.icForms')}
            data={IC_FORMS.map((f) => ({ value: f, label: tx(t, `pollination.icForms.${f}`) }))}
            value={icForms}
            onChange={setIcForms}
          />
          <Select
            label={t('pollination.fields.cynefin')}
            data={CYNEFIN.map((c) => ({ value: c, label: tx(t, `pollination.cynefin.${c}`) }))}
            value={cynefin}
            onChange={setCynefin}
            clearable
          />
          <TextInput
            label={t('pollination.fields.sector')}
            value={sector}
            onChange={(ev) => setSector(ev.currentTarget.value)}
          />
          <NumberInput label={t('pollination.fields.size')} value={size} onChange={setSize} min={1} />
          <Select
            label={t('pollination.fields.collective')}
            data={(collectives.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={collectiveId}
            onChange={setCollectiveId}
            clearable
            searchable
          />
          <Select
            label={t('pollination.fields.licence')}
            data={LICENCES.map((l) => ({ value: l, label: tx(t, `pollination.licences.${l}`) }))}
            value={licence}
            onChange={(v) => setLicence(v ?? 'CC-BY-4.0')}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Text size="sm">
          {t('pollination.fields.methods')} : {e.methods.map((m) => m.name).join(', ') || '—'}
        </Text>
        <Deltas experience={e} />
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('pollination.fields.indicators')}
          </Title>
          {indicators.map((ind, i) => (
            <Group key={`ind-${i.toString()}`} align="flex-end">
              <TextInput
                label={t('pollination.fields.indicatorLabel')}
                value={ind.label}
                onChange={(ev) =>
                  setIndicators(
                    indicators.map((x, j) => (j === i ? { ...x, label: ev.currentTarget.value } : x)),
                  )
                }
              />
              <TextInput
                label={t('pollination.fields.indicatorValue')}
                value={ind.value}
                onChange={(ev) =>
                  setIndicators(
                    indicators.map((x, j) => (j === i ? { ...x, value: ev.currentTarget.value } : x)),
                  )
                }
              />
              <Button
                variant="subtle"
                color="red"
                onClick={() => setIndicators(indicators.filter((_, j) => j !== i))}
              >
                {t('pollination.fields.remove')}
              </Button>
            </Group>
          ))}
          <Button
            variant="subtle"
            onClick={() => setIndicators([...indicators, { label: '', value: '' }])}
            w="fit-content"
          >
            {t('pollination.fields.addIndicator')}
          </Button>
        </Stack>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('pollination.fields.contacts')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('pollination.fields.contactsHelp')}
          </Text>
          {contacts.map((c, i) => (
            <Group key={`contact-${i.toString()}`} align="flex-end">
              <TextInput
                label={t('pollination.fields.contactName')}
                value={c.name}
                onChange={(ev) =>
                  setContacts(contacts.map((x, j) => (j === i ? { ...x, name: ev.currentTarget.value } : x)))
                }
              />
              <TextInput
                label={t('pollination.fields.contactRole')}
                value={c.role}
                onChange={(ev) =>
                  setContacts(contacts.map((x, j) => (j === i ? { ...x, role: ev.currentTarget.value } : x)))
                }
              />
              <Button
                variant="subtle"
                color="red"
                onClick={() => setContacts(contacts.filter((_, j) => j !== i))}
              >
                {t('pollination.fields.remove')}
              </Button>
            </Group>
          ))}
          <Button
            variant="subtle"
            onClick={() => setContacts([...contacts, { name: '', role: '', personId: null }])}
            w="fit-content"
          >
            {t('pollination.fields.addContact')}
          </Button>
        </Stack>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('pollination.editor.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function AnonymisePanel({ orgId, experience: e }: { orgId: string; experience: ExperienceView }) {
  const { t } = useTranslation();
  const action = useExperienceAction(orgId, e.id);
  const [removeOrganisation, setRemoveOrganisation] = useState(e.removeOrganisation);
  return (
    <Card withBorder p="lg" component="section" aria-labelledby="anonymise-title">
      <Title order={2} size="h3" mb={4} id="anonymise-title">
        {t('pollination.anonymise.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('pollination.anonymise.help')}
      </Text>
      <Checkbox
        label={t('pollination.anonymise.removeOrganisation')}
        checked={removeOrganisation}
        onChange={(ev) => setRemoveOrganisation(ev.currentTarget.checked)}
        mb="sm"
      />
      <Button
        onClick={() =>
          action.mutate(
            { method: 'POST', path: '/anonymise', body: { removeOrganisation } },
            {
              onSuccess: (r) =>
                notifications.show({
                  color: 'green',
                  message: t('pollination.anonymise.done', { count: (r as { removed: number }).removed }),
                  closeButtonProps: { 'aria-label': t('pollination.editor.close') },
                }),
            },
          )
        }
        loading={action.isPending}
      >
        {t('pollination.anonymise.run')}
      </Button>
      <Stack gap={4} mt="md" aria-live="polite">
        {e.namesLeft.length === 0 ? (
          <Text size="sm" fw={600}>
            {t('pollination.anonymise.namesLeftNone')}
          </Text>
        ) : (
          <>
            <Text size="sm" fw={600}>
              {t('pollination.anonymise.namesLeft')}
            </Text>
            <List size="sm">
              {e.namesLeft.map((h, i) => (
                <List.Item key={`${h.field}-${i.toString()}`}>
                  « {h.text} »{' '}
                  {t('pollination.anonymise.field', { field: tx(t, `pollination.fields.${h.field}`) })}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Card>
  );
}

function ConsentPanel({ orgId, experience: e }: { orgId: string; experience: ExperienceView }) {
  const { t } = useTranslation();
  const action = useExperienceAction(orgId, e.id);
  return (
    <Card withBorder p="lg" component="section">
      <Title order={2} size="h3" mb="sm">
        {t('pollination.consent.title')}
      </Title>
      {e.contacts.length === 0 && <Text c="dimmed">{t('pollination.consent.none')}</Text>}
      <Stack gap="xs">
        {e.contacts.map((c) => (
          <Group key={c.id} justify="space-between">
            <Text>
              {c.name}
              {c.role ? ` (${c.role})` : ''} —{' '}
              <Text span fw={600}>
                {c.consentedAt ? t('pollination.consent.agreed') : t('pollination.consent.waiting')}
              </Text>
            </Text>
            <Button
              size="xs"
              variant="light"
              onClick={() =>
                action.mutate({
                  method: 'POST',
                  path: `/contacts/${c.id}/consent`,
                  body: { consented: !c.consentedAt },
                })
              }
            >
              {c.consentedAt ? t('pollination.consent.withdraw') : t('pollination.consent.record')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function SharePanel({ orgId, experience: e }: { orgId: string; experience: ExperienceView }) {
  const { t } = useTranslation();
  const { can } = useCurrentOrg();
  const action = useExperienceAction(orgId, e.id);
  const [visibility, setVisibility] = useState<string>(e.visibility ?? 'organisation');
  const reason =
    isApiError(action.error) && action.error.code === 'CONFLICT'
      ? (action.error.details as { reason?: string } | undefined)?.reason
      : undefined;
  return (
    <Card withBorder p="lg" component="section">
      <Title order={2} size="h3" mb="sm">
        {t('pollination.share.title')}
      </Title>
      {e.status === 'shared' && e.visibility && (
        <Text mb="sm">
          {t('pollination.share.shared', { audience: tx(t, `pollination.visibility.${e.visibility}`) })}
        </Text>
      )}
      <Group align="flex-end">
        <Select
          label={t('pollination.share.visibility')}
          data={VISIBILITIES.filter((v) => v !== 'instance' || can('org.update')).map((v) => ({
            value: v,
            label: tx(t, `pollination.visibility.${v}`),
          }))}
          value={visibility}
          onChange={(v) => setVisibility(v ?? 'organisation')}
          allowDeselect={false}
        />
        <Button
          onClick={() => action.mutate({ method: 'POST', path: '/share', body: { visibility } })}
          loading={action.isPending}
        >
          {t('pollination.share.run')}
        </Button>
        {e.status === 'shared' && (
          <Button
            variant="subtle"
            onClick={() => action.mutate({ method: 'POST', path: '/unshare', body: {} })}
          >
            {t('pollination.share.unshare')}
          </Button>
        )}
      </Group>
      {reason && (
        <Alert color="orange" mt="sm" role="alert">
          {tx(t, `pollination.share.reasons.${reason}`)}
        </Alert>
      )}
      {e.status !== 'shared' && e.namesLeft.length > 0 && (
        <Anchor href="#anonymise-title" size="sm" mt="xs" display="block">
          {t('pollination.share.reasons.names-left')}
        </Anchor>
      )}
    </Card>
  );
}
