/**
 * The respondent's questionnaire, reached by a personal or shared link, without an account.
 * Mobile-first: one construct per step, consent screen first, progress saved on every step
 * (personal links) so the person can stop and come back; French or English per respondent.
 */

import { SCALES } from '@essaim/core/diagnostics';
import {
  Alert,
  Box,
  Button,
  Container,
  Group,
  List,
  NativeSelect,
  Progress,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { PageSkeleton } from '../../components/page-skeleton';
import i18n, { currentLanguage } from '../../i18n';
import { api, isApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import {
  diagnosticKeys,
  type Language,
  type RespondSession,
  respondApi,
  resumeHeaders,
  storeResumeKey,
  useRespondSession,
} from './api';

type Answer = number | string | null;
type Answers = Record<string, Answer>;
type Item = RespondSession['instrument']['items'][number];

function LanguageChoice() {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('diagnostic.respond.language')}
      value={currentLanguage()}
      onChange={(lng) => void i18n.changeLanguage(lng)}
      data={[
        { value: 'fr', label: 'Français' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}

function ItemField({ item, value, onChange }: { item: Item; value: Answer; onChange: (v: Answer) => void }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const scale = SCALES[item.scale];
  const label = (
    <Text component="span" fw={500}>
      {item.text[lng]}
      {item.isOptional ? ` ${t('diagnostic.respond.optional')}` : ''}
    </Text>
  );
  if (scale.kind === 'text') {
    return (
      <Textarea
        label={label}
        autosize
        minRows={3}
        maxLength={4000}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.currentTarget.value)}
        description={t('diagnostic.respond.textHelp')}
      />
    );
  }
  const points = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const pointLabel = (p: number) => {
    const l = scale.labels[p - scale.min];
    if (l) {
      return l[lng];
    }
    if (p === scale.min) {
      return t('diagnostic.respond.scaleLow', { value: p });
    }
    if (p === scale.max) {
      return t('diagnostic.respond.scaleHigh', { value: p });
    }
    return String(p);
  };
  return (
    <Radio.Group
      label={label}
      value={typeof value === 'number' ? String(value) : null}
      onChange={(v) => onChange(Number(v))}
      required={!item.isOptional}
    >
      <Stack gap={6} mt="xs">
        {points.map((p) => (
          <Radio
            key={p}
            value={String(p)}
            label={pointLabel(p)}
            styles={{ body: { alignItems: 'center', minHeight: 36 } }}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function Consent({
  session,
  onAccept,
  isPending,
}: {
  session: RespondSession;
  onAccept: (declared: { collectiveId: string | null; attributes: Record<string, string> }) => void;
  isPending: boolean;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [collectiveId, setCollectiveId] = useState<string | null>(null);
  const [attributes, setAttributes] = useState<Record<string, string>>({});
  const c = session.consent;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {session.campaign.title}
      </Title>
      <Text>
        {t('diagnostic.respond.purpose', {
          instrument: session.instrument.name[lng],
          engagement: c.engagementTitle,
        })}
      </Text>
      <Text size="sm" c="dimmed" data-testid="ic-meaning">
        {t('diagnostic.respond.icMeaning')}
      </Text>
      <Box>
        <Title order={2} size="h4" mb={4}>
          {t('diagnostic.respond.whoSeesTitle')}
        </Title>
        <List spacing={4} size="sm">
          <List.Item>{t('diagnostic.respond.whoSeesNobody')}</List.Item>
          <List.Item>
            {t('diagnostic.respond.whoSeesGroups', { min: c.minRespondents, minText: c.minOpenText })}
          </List.Item>
          <List.Item>{t('diagnostic.respond.whoSeesRoles')}</List.Item>
        </List>
      </Box>
      <Box>
        <Title order={2} size="h4" mb={4}>
          {t('diagnostic.respond.agreementTitle')}
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="agreement">
          {c.agreement}
        </Text>
      </Box>
      <Box>
        <Title order={2} size="h4" mb={4}>
          {t('diagnostic.respond.stopTitle')}
        </Title>
        <Text size="sm">{t('diagnostic.respond.stop')}</Text>
      </Box>
      {session.mode === 'shared' &&
        (session.selfDeclare.collectives.length > 0 || session.selfDeclare.attributes.length > 0) && (
          <Stack gap="sm">
            <Text size="sm">{t('diagnostic.respond.declareHelp')}</Text>
            {session.selfDeclare.collectives.length > 0 && (
              // Native pickers: the phone's own list, reliable with touch and screen readers.
              <NativeSelect
                size="md"
                label={t('diagnostic.respond.collective')}
                data={[
                  { value: '', label: t('diagnostic.respond.preferNot') },
                  ...session.selfDeclare.collectives.map((x) => ({ value: x.id, label: x.name })),
                ]}
                value={collectiveId ?? ''}
                onChange={(e) => setCollectiveId(e.currentTarget.value || null)}
              />
            )}
            {session.selfDeclare.attributes.map((a) => (
              <NativeSelect
                key={a.name}
                size="md"
                label={a.name}
                data={[{ value: '', label: t('diagnostic.respond.preferNot') }, ...a.values]}
                value={attributes[a.name] ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setAttributes((old) => ({ ...old, [a.name]: value }));
                }}
              />
            ))}
          </Stack>
        )}
      <Button size="md" onClick={() => onAccept({ collectiveId, attributes })} loading={isPending}>
        {t('diagnostic.respond.accept')}
      </Button>
    </Stack>
  );
}

/** Why the shared link refused to start a response: already answered here, cap reached, too many at once. */
function startRefusal(t: TFunction, e: unknown): string | null {
  if (!isApiError(e)) {
    return null;
  }
  if (e.code === 'RATE_LIMITED') {
    return t('diagnostic.respond.startRefused.rate-limited');
  }
  const reason = (e.details as { reason?: unknown } | undefined)?.reason;
  return reason === 'already-started' || reason === 'shared-cap-reached'
    ? t(`diagnostic.respond.startRefused.${reason}`)
    : null;
}

function refusalText(t: TFunction, refusal: string | null) {
  switch (refusal) {
    case 'draft':
    case 'not-yet-open':
    case 'closed':
    case 'engagement-paused':
    case 'engagement-stopped':
      return t(`diagnostic.respond.refusal.${refusal}`);
    default:
      return t('diagnostic.respond.refusal.other');
  }
}

function Questionnaire({ token, session }: { token: string; session: RespondSession }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const lng = currentLanguage() as Language;
  const steps = useMemo(() => {
    const byConstruct = session.instrument.constructs
      .map((c) => ({ construct: c, items: session.instrument.items.filter((i) => i.constructId === c.id) }))
      .filter((s) => s.items.length > 0);
    return byConstruct;
  }, [session.instrument]);
  const [consented, setConsented] = useState(
    session.mode === 'personal' && session.draft?.consentedAt != null,
  );
  const [answers, setAnswers] = useState<Answers>(
    () => (session.draft?.answers as Answers | undefined) ?? {},
  );
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(session.submittedAt);
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (session.draft?.language && session.draft.language !== currentLanguage()) {
      void i18n.changeLanguage(session.draft.language);
    }
  }, [session.draft?.language]);
  // Move focus to the new step's heading so screen readers announce where the person is.
  const focusKey = `${step}-${consented}`;
  const lastFocus = useRef(focusKey);
  useEffect(() => {
    if (lastFocus.current !== focusKey) {
      lastFocus.current = focusKey;
      heading.current?.focus();
    }
  }, [focusKey]);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      if (isApiError(e) && (e.code === 'CONFLICT' || e.code.startsWith('ENGAGEMENT_'))) {
        void queryClient.invalidateQueries({ queryKey: diagnosticKeys.respond(token) });
      }
      setError(startRefusal(t, e) ?? describeError(t, e));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2" ref={heading} tabIndex={-1}>
          {t('diagnostic.respond.thanksTitle')}
        </Title>
        <Text>{t('diagnostic.respond.thanks')}</Text>
      </Stack>
    );
  }
  if (session.isClaimed) {
    return (
      <Alert variant="light" color="yellow" title={t('diagnostic.respond.claimedTitle')} role="status">
        {t('diagnostic.respond.claimed')}
      </Alert>
    );
  }
  if (!session.campaign.acceptsAnswers) {
    return (
      <Alert variant="light" color="yellow" title={session.campaign.title} role="status">
        {refusalText(t, session.campaign.refusal)}
      </Alert>
    );
  }
  if (!consented) {
    return (
      <Consent
        session={session}
        isPending={busy}
        onAccept={(declared) =>
          void run(async () => {
            if (session.mode === 'shared') {
              const r = await api.post<{ token: string; resumeKey: string }>(`${respondApi(token)}/start`, {
                ...declared,
                language: lng,
              });
              storeResumeKey(r.token, r.resumeKey);
              await navigate(`/respond/${r.token}`, { replace: true });
              return;
            }
            const r = await api.post<{ resumeKey: string }>(
              `${respondApi(token)}/consent`,
              { accepted: true, language: lng },
              { headers: resumeHeaders(token) },
            );
            storeResumeKey(token, r.resumeKey);
            setConsented(true);
          })
        }
      />
    );
  }

  const current = steps[step]!;
  const missing = current.items.filter(
    (i) => !i.isOptional && (answers[i.id] === undefined || answers[i.id] === null || answers[i.id] === ''),
  );
  const isLast = step === steps.length - 1;
  const save = () =>
    api.post(`${respondApi(token)}/save`, { answers, language: lng }, { headers: resumeHeaders(token) });
  return (
    <Stack
      gap="lg"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (missing.length > 0) {
          setError(t('diagnostic.respond.missing', { count: missing.length }));
          return;
        }
        void run(async () => {
          if (isLast) {
            const r = await api.post<{ submittedAt: string }>(
              `${respondApi(token)}/submit`,
              { answers, language: lng },
              { headers: resumeHeaders(token) },
            );
            setDone(r.submittedAt);
          } else {
            await save();
            setSaved(false);
            setStep(step + 1);
          }
        });
      }}
    >
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t('diagnostic.respond.stepOf', { step: step + 1, total: steps.length })}
        </Text>
        <Progress value={((step + 1) / steps.length) * 100} aria-hidden="true" />
      </Stack>
      <Stack gap={4}>
        <Title order={1} size="h3" ref={heading} tabIndex={-1} data-testid="step-title">
          {current.construct.name[lng]}
        </Title>
        <Text size="sm" c="dimmed">
          {current.construct.description[lng]}
        </Text>
        {/* Construct names such as "IC relationnelle" use the abbreviation: define it where it appears. */}
        {/\bIC\b/.test(current.construct.name[lng]) ? (
          <Text size="sm" c="dimmed">
            {t('diagnostic.respond.icMeaning')}
          </Text>
        ) : null}
      </Stack>
      {current.items.map((item) => (
        <ItemField
          key={item.id}
          item={item}
          value={answers[item.id] ?? null}
          onChange={(v) => setAnswers((old) => ({ ...old, [item.id]: v }))}
        />
      ))}
      <FormAlert message={error} />
      <Group justify="space-between">
        <Button variant="default" disabled={step === 0 || busy} onClick={() => setStep(step - 1)}>
          {t('diagnostic.respond.previous')}
        </Button>
        <Button type="submit" loading={busy}>
          {isLast ? t('diagnostic.respond.submit') : t('diagnostic.respond.next')}
        </Button>
      </Group>
      <Button
        variant="subtle"
        size="xs"
        onClick={() =>
          void run(async () => {
            await save();
            setSaved(true);
          })
        }
      >
        {t('diagnostic.respond.saveLater')}
      </Button>
      {saved && (
        <Text size="sm" role="status">
          {t('diagnostic.respond.saved')}
        </Text>
      )}
    </Stack>
  );
}

/** Public page: `/respond/:token`. */
export function RespondPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const session = useRespondSession(token);
  usePageTitle(session.data?.campaign.title ?? t('diagnostic.respond.title'));
  return (
    <Container size={560} px="md" py="lg">
      <Group justify="flex-end" mb="md">
        <LanguageChoice />
      </Group>
      <main>
        {session.isPending ? (
          <PageSkeleton />
        ) : session.isError ? (
          <Alert color="red" variant="light" role="alert" title={t('diagnostic.respond.invalidTitle')}>
            {isApiError(session.error) && session.error.status === 404
              ? t('diagnostic.respond.invalid')
              : describeError(t, session.error)}
          </Alert>
        ) : (
          <Questionnaire key={token} token={token} session={session.data} />
        )}
      </main>
    </Container>
  );
}
