import {
  Alert,
  Button,
  Center,
  Checkbox,
  Paper,
  PinInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Logo } from '../../components/logo';
import { VisibilityNote } from '../../components/visibility-note';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import { realtime } from '../../lib/use-realtime';
import { useJoinInfo, useJoinWorkshop } from './api';

const normalise = (code: string) =>
  code
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, 6);

/** Join by code: type the code (or arrive from the QR code), choose a name or stay anonymous. */
export function JoinPage() {
  const { t } = useTranslation();
  const params = useParams();
  const navigate = useNavigate();
  const [code, setCode] = useState(normalise(params.code ?? ''));
  usePageTitle(t('workshop.join.title'));
  const isComplete = code.length === 6;
  return (
    <Center mih="100dvh" p="md" component="main">
      <Paper withBorder p="xl" radius="lg" w="100%" maw={440}>
        <Stack gap="md">
          <Logo />
          <Title order={1} size="h2">
            {t('workshop.join.title')}
          </Title>
          <Stack gap={6}>
            <Text component="label" htmlFor="join-code" fw={500}>
              {t('workshop.join.codeLabel')}
            </Text>
            <PinInput
              id="join-code"
              length={6}
              size="lg"
              type={/^[0-9A-Za-z]$/}
              value={code}
              onChange={(v) => setCode(normalise(v))}
              // Mantine names each box with `ariaLabel` (its default is the English "PinInput").
              ariaLabel={t('workshop.join.codeLabel')}
              oneTimeCode={false}
              inputMode="text"
            />
            <Text size="sm" c="dimmed">
              {t('workshop.join.codeHelp')}
            </Text>
          </Stack>
          {isComplete ? <JoinForm code={code} onJoined={(id) => navigate(`/w/${id}`)} /> : null}
        </Stack>
      </Paper>
    </Center>
  );
}

function JoinForm({ code, onJoined }: { code: string; onJoined: (workshopId: string) => void }) {
  const { t } = useTranslation();
  const info = useJoinInfo(code);
  const join = useJoinWorkshop();
  const [name, setName] = useState('');
  const [isAnonymous, setAnonymous] = useState(false);
  if (info.isPending) {
    return <Text c="dimmed">{t('workshop.join.looking')}</Text>;
  }
  if (info.isError) {
    return (
      <Alert color="orange" role="alert">
        {t('workshop.join.unknownCode')}
      </Alert>
    );
  }
  if (info.data.status === 'stopped') {
    return (
      <Alert color="red" role="alert">
        {t('workshop.join.ended', { title: info.data.title })}
      </Alert>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        join.mutate(
          { code, displayName: isAnonymous || !name.trim() ? null : name.trim() },
          {
            onSuccess: (p) => {
              // The socket must be reopened so that it carries the new participant cookie.
              realtime.disconnect();
              onJoined(p.workshopId);
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <Text fw={600} data-testid="join-title">
          {info.data.title}
        </Text>
        <TextInput
          label={t('workshop.join.nameLabel')}
          description={t('workshop.join.nameHelp')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          disabled={isAnonymous}
          maxLength={60}
          autoComplete="nickname"
        />
        <Checkbox
          label={t('workshop.join.anonymous')}
          checked={isAnonymous}
          onChange={(e) => setAnonymous(e.currentTarget.checked)}
        />
        {join.isError ? (
          <Alert color="red" role="alert">
            {describeError(t, join.error)}
          </Alert>
        ) : null}
        <Button type="submit" size="md" loading={join.isPending}>
          {t('workshop.join.submit')}
        </Button>
        <VisibilityNote>{t('workshop.visibility.join')}</VisibilityNote>
      </Stack>
    </form>
  );
}
