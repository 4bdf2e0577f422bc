/**
 * Personal links of a campaign. Links are never shown at launch: Essaim e-mails them when SMTP is
 * configured; handing them out by hand (show, copy, CSV, QR codes) is a deliberate step, recorded
 * in the audit log and counted in the report (docs/diagnostics.md, "Threat model").
 */
import { writeCsv } from '@essaim/core/csv';
import { writeXlsx } from '@essaim/core/spreadsheet';
import { Alert, Badge, Button, Card, CopyButton, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/confirm-modal';
import { FormAlert } from '../../components/form-alert';
import { QR_PRINT_CSS } from '../../components/qr-print-css';
import { describeError } from '../../lib/describe-error';
import { useCurrentOrg } from '../orgs/use-current-org';
import {
  absoluteLink,
  type Campaign,
  type Invitation,
  useHandOut,
  useInvitations,
  useMailAction,
  useReissue,
} from './api';

/** A link to copy, labelled with its holder. */
export function LinkRow({ label, path }: { label: string; path: string }) {
  const { t } = useTranslation();
  const url = absoluteLink(path);
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text fw={500}>{label}</Text>
        <Text size="xs" c="dimmed" truncate="end" data-testid="respond-link">
          {url}
        </Text>
      </Stack>
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Button
            size="xs"
            variant={copied ? 'filled' : 'default'}
            onClick={copy}
            aria-label={t('diagnostic.links.copyFor', { name: label })}
          >
            {copied ? t('diagnostic.links.copied') : t('diagnostic.links.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** The links as a table: a header, then one row per person (what the CSV and the XLSX both hold). */
function linkRows(rows: Invitation[]): string[][] {
  return [
    ['name', 'email', 'link'],
    ...rows.map((i) => [i.personName, i.email ?? '', absoluteLink(i.link ?? '')]),
  ];
}

/**
 * Built in the browser: a link exists only here, once (the server keeps its hash). CSV with RFC 4180
 * quoting and formula-looking cells guarded (core's writeCsv); XLSX with inline strings, which a
 * spreadsheet never runs as formulas.
 */
function download(rows: Invitation[], filename: string, format: 'csv' | 'xlsx') {
  const table = linkRows(rows);
  const blob =
    format === 'csv'
      ? new Blob([writeCsv(table, { eol: '\r\n' })], { type: 'text/csv;charset=utf-8' })
      : new Blob([writeXlsx('links', table)], {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${filename}.${format}`;
  a.click();
  URL.revokeObjectURL(url);
}

/** Links just handed out: each one, copy all, CSV, and QR codes to print. */
function HandedOut({ rows, campaign }: { rows: Invitation[]; campaign: Campaign }) {
  const { t } = useTranslation();
  const [showQr, setShowQr] = useState(false);
  const all = rows.map((i) => `${i.personName}\t${absoluteLink(i.link ?? '')}`).join('\n');
  return (
    <Stack gap="sm" data-testid="handed-out">
      <Alert variant="light" color="yellow" title={t('diagnostic.links.onceTitle')}>
        {t('diagnostic.links.once')}
      </Alert>
      <Group gap="xs" className="no-print">
        <CopyButton value={all}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy}>
              {copied ? t('diagnostic.links.copied') : t('diagnostic.links.copyAll')}
            </Button>
          )}
        </CopyButton>
        <Button size="xs" variant="default" onClick={() => download(rows, `links-${campaign.id}`, 'csv')}>
          {t('diagnostic.links.downloadCsv')}
        </Button>
        <Button size="xs" variant="default" onClick={() => download(rows, `links-${campaign.id}`, 'xlsx')}>
          {t('diagnostic.links.downloadXlsx')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setShowQr((v) => !v)} aria-expanded={showQr}>
          {showQr ? t('diagnostic.links.hideQr') : t('diagnostic.links.showQr')}
        </Button>
        {showQr && (
          <Button size="xs" onClick={() => window.print()}>
            {t('diagnostic.links.printQr')}
          </Button>
        )}
      </Group>
      {showQr ? (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} data-testid="qr-grid" className="qr-print">
          <style>{QR_PRINT_CSS}</style>
          {rows.map((i) => (
            <Stack key={i.id} gap={4} align="center" style={{ breakInside: 'avoid' }}>
              {i.qrSvg && (
                <img
                  src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(i.qrSvg)}`}
                  alt={t('diagnostic.links.qrFor', { name: i.personName })}
                  width={140}
                  height={140}
                />
              )}
              <Text size="sm" fw={500} ta="center">
                {i.personName}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      ) : (
        <Stack gap="xs" component="ul" p={0} style={{ listStyle: 'none' }}>
          {rows.map((i) => (
            <li key={i.id}>
              <LinkRow label={i.personName} path={i.link ?? ''} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function MailActions({ orgId, campaign }: { orgId: string; campaign: Campaign }) {
  const { t } = useTranslation();
  const email = useMailAction(orgId, campaign.id, 'invitations/email');
  const remind = useMailAction(orgId, campaign.id, 'remind');
  const error = email.error ?? remind.error;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {campaign.distribution.pending > 0 && (
          <Button size="xs" variant="default" loading={email.isPending} onClick={() => email.mutate()}>
            {t('diagnostic.links.emailPending')}
          </Button>
        )}
        <Button size="xs" variant="default" loading={remind.isPending} onClick={() => remind.mutate()}>
          {t('diagnostic.links.remind')}
        </Button>
      </Group>
      {email.isSuccess && (
        <Text size="sm">{t('diagnostic.links.emailed', { count: email.data.emailed ?? 0 })}</Text>
      )}
      {remind.isSuccess && <Text size="sm">{t('diagnostic.links.reminded')}</Text>}
      <FormAlert message={error ? describeError(t, error) : null} />
    </Stack>
  );
}

export function PersonalLinks({ orgId, campaign }: { orgId: string; campaign: Campaign }) {
  const { t } = useTranslation();
  const { can } = useCurrentOrg();
  const list = useInvitations(orgId, campaign.id, can('survey.manage') && campaign.hasMemberLinks);
  const handOut = useHandOut(orgId, campaign.id);
  const reissue = useReissue(orgId, campaign.id);
  const [confirming, setConfirming] = useState(false);
  const [reissued, setReissued] = useState<Record<string, string>>({});
  if (!campaign.hasMemberLinks || !can('survey.manage')) {
    return null;
  }
  const rows = list.data ?? [];
  const isOpen = campaign.status === 'open';
  const { email, hand, pending } = campaign.distribution;
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('diagnostic.links.personalTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('diagnostic.links.personalHelp')}
        </Text>
        <Text size="sm" data-testid="distribution">
          {t('diagnostic.links.distribution', { email, hand, pending })}
        </Text>
        {isOpen && !campaign.canEmail && (
          <Alert variant="light" color="blue" title={t('diagnostic.links.noSmtpTitle')}>
            {t('diagnostic.links.noSmtp')}
          </Alert>
        )}
        {isOpen && campaign.canEmail && <MailActions orgId={orgId} campaign={campaign} />}
        {isOpen && pending > 0 && !handOut.data && (
          <Group>
            <Button variant="default" onClick={() => setConfirming(true)}>
              {t('diagnostic.links.handOut', { count: pending })}
            </Button>
          </Group>
        )}
        <ConfirmModal
          opened={confirming}
          title={t('diagnostic.links.handOutTitle')}
          body={t('diagnostic.links.handOutBody')}
          confirmLabel={t('diagnostic.links.handOutConfirm')}
          loading={handOut.isPending}
          error={handOut.isError ? describeError(t, handOut.error) : null}
          onClose={() => setConfirming(false)}
          onConfirm={() => handOut.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        />
        {handOut.data && <HandedOut rows={handOut.data.invitations} campaign={campaign} />}
        {rows.length === 0 ? (
          <Text size="sm">{t('diagnostic.links.noMembers')}</Text>
        ) : (
          <Stack
            gap="xs"
            component="ul"
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={t('diagnostic.links.invitees')}
          >
            {rows.map((i) => {
              const link = reissued[i.id];
              return (
                <li key={i.id}>
                  {link ? (
                    <LinkRow label={i.personName} path={link} />
                  ) : (
                    <Group justify="space-between">
                      <Group gap="xs">
                        <Text>{i.personName}</Text>
                        <Badge
                          variant="light"
                          color={i.channel === 'hand' ? 'orange' : i.channel ? 'blue' : 'gray'}
                        >
                          {t(`diagnostic.links.channel.${i.channel ?? 'pending'}`)}
                        </Badge>
                      </Group>
                      {isOpen && (
                        <Button
                          size="xs"
                          variant="subtle"
                          loading={reissue.isPending && reissue.variables === i.id}
                          onClick={() =>
                            reissue.mutate(i.id, {
                              onSuccess: (r) => setReissued((old) => ({ ...old, [i.id]: r.link ?? '' })),
                            })
                          }
                        >
                          {t('diagnostic.links.reissue')}
                        </Button>
                      )}
                    </Group>
                  )}
                </li>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
