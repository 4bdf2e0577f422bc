import { Alert, Badge, Button, Group, List, Modal, Stack, Stepper, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { api, isApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { type ImportPreview, type ImportResult, orgPath, peopleKeys } from './api';

const MAX_BYTES = 5 * 1024 * 1024;
const KNOWN_CODES = [
  'CONFLICTING_PARENT',
  'EMPTY_FILE',
  'INVALID_EMAIL',
  'MALFORMED',
  'MISSING_COLUMN',
  'MISSING_VALUE',
  'TOO_LONG',
  'TOO_MANY_ROWS',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];
const isKnownCode = (code: string): code is KnownCode => (KNOWN_CODES as readonly string[]).includes(code);
type Issue = ImportPreview['errors'][number];

/** Reads a file as base64 (without the data-URL prefix), with the browser's FileReader. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result ?? '');
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function IssuesTable({ issues }: { issues: Issue[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped withTableBorder verticalSpacing={6} fz="sm" data-testid="import-errors">
        <Table.Caption>{t('members.import.errorsCaption', { count: issues.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('members.import.line')}</Table.Th>
            <Table.Th scope="col">{t('members.import.column')}</Table.Th>
            <Table.Th scope="col">{t('members.import.problem')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((issue) => (
            <Table.Tr key={`${issue.line}-${issue.column}-${issue.code}`}>
              <Table.Td>{issue.line}</Table.Td>
              <Table.Td>{issue.column ?? '—'}</Table.Td>
              <Table.Td>
                {isKnownCode(issue.code) ? t(`members.import.codes.${issue.code}`) : issue.message}{' '}
                <Badge size="xs" variant="outline" color="gray">
                  {issue.code}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PreviewView({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const creates = preview.people.filter((p) => p.action === 'create').length;
  const updates = preview.people.length - creates;
  return (
    <Stack gap="md" data-testid="import-preview">
      <Group gap="xs">
        <Badge size="lg" variant="light">
          {t('members.import.rows', { count: preview.rows })}
        </Badge>
        <Badge size="lg" variant="light" color="teal">
          {t('members.import.toCreate', { count: creates })}
        </Badge>
        <Badge size="lg" variant="light" color="blue">
          {t('members.import.toUpdate', { count: updates })}
        </Badge>
        <Badge size="lg" variant="light" color={preview.errors.length > 0 ? 'red' : 'gray'}>
          {t('members.import.errorCount', { count: preview.errors.length })}
        </Badge>
      </Group>
      {preview.errors.length > 0 && (
        <Alert
          color="red"
          variant="light"
          icon={<Icon name="alert" size={20} />}
          title={t('members.import.blockedTitle')}
        >
          <Stack gap="sm">
            <Text size="sm">{t('members.import.blockedBody')}</Text>
            <IssuesTable issues={preview.errors} />
          </Stack>
        </Alert>
      )}
      {preview.merges.length > 0 && (
        <Stack gap={4}>
          <Text fw={600} size="sm" component="h3">
            {t('members.import.mergesTitle')}
          </Text>
          <List size="sm" spacing={2}>
            {preview.merges.map((m) => (
              <List.Item key={m.email}>
                {m.existingPersonId
                  ? t('members.import.mergeExisting', { email: m.email, lines: m.lines.join(', ') })
                  : t('members.import.mergeLines', { email: m.email, lines: m.lines.join(', ') })}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {preview.collectivesToCreate.length > 0 && (
        <Stack gap={4}>
          <Text fw={600} size="sm" component="h3">
            {t('members.import.collectivesTitle')}
          </Text>
          <Group gap={6}>
            {preview.collectivesToCreate.map((c) => (
              <Badge key={`${c.parent ?? ''}/${c.name}`} variant="outline" tt="none">
                {c.parent ? `${c.parent} › ${c.name}` : c.name}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
      {preview.people.length > 0 && (
        <Table.ScrollContainer minWidth={640} mah={320}>
          <Table striped verticalSpacing={6} fz="sm" stickyHeader>
            <Table.Caption>{t('members.import.peopleCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('members.import.line')}</Table.Th>
                <Table.Th scope="col">{t('members.people.displayName')}</Table.Th>
                <Table.Th scope="col">{t('members.people.email')}</Table.Th>
                <Table.Th scope="col">{t('members.people.collectives')}</Table.Th>
                {preview.attributeColumns.map((col) => (
                  <Table.Th scope="col" key={col}>
                    {col}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('members.import.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.people.map((p) => (
                <Table.Tr key={p.line}>
                  <Table.Td>{p.line}</Table.Td>
                  <Table.Td>{p.displayName}</Table.Td>
                  <Table.Td>{p.email ?? '—'}</Table.Td>
                  <Table.Td>{p.collectives.join(', ') || '—'}</Table.Td>
                  {preview.attributeColumns.map((col) => (
                    <Table.Td key={col}>{p.attributes[col] ?? ''}</Table.Td>
                  ))}
                  <Table.Td>
                    <Badge size="xs" color={p.action === 'create' ? 'teal' : 'blue'} variant="light">
                      {t(`members.import.actions.${p.action}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** Upload → preview (errors by line and column, merges, new collectives) → confirm. All or nothing. */
export function ImportWizard({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<{ filename: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const step = result ? 2 : preview ? 1 : 0;

  const previewMutation = useMutation({
    mutationFn: (body: { filename: string; contentBase64: string }) =>
      api.post<ImportPreview>(`${orgPath(orgId)}/people/import/preview`, body),
    onSuccess: setPreview,
    onError: (err) => setError(describeError(t, err)),
  });
  const confirm = useMutation({
    mutationFn: () => api.post<ImportResult>(`${orgPath(orgId)}/people/import`, file),
    onSuccess: (res) => {
      setResult(res);
      void queryClient.invalidateQueries({ queryKey: peopleKeys.people(orgId) });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.collectives(orgId) });
    },
    onError: (err) => {
      if (isApiError(err) && err.code === 'VALIDATION_FAILED' && Array.isArray(err.details) && preview) {
        setPreview({ ...preview, ok: false, errors: err.details as Issue[] });
      }
      setError(describeError(t, err));
    },
  });

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.currentTarget.files?.[0];
    setError(null);
    setPreview(null);
    if (!picked) {
      return;
    }
    if (!/\.(csv|xlsx)$/i.test(picked.name)) {
      setError(t('members.import.wrongType'));
      return;
    }
    if (picked.size > MAX_BYTES) {
      setError(t('members.import.tooLarge'));
      return;
    }
    setReading(true);
    try {
      const body = { filename: picked.name, contentBase64: await readBase64(picked) };
      setFile(body);
      previewMutation.mutate(body);
    } catch {
      setError(t('members.import.readFailed'));
    } finally {
      setReading(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('members.import.title')} size="80rem" centered>
      <Stack gap="md">
        <Stepper active={step} size="sm" allowNextStepsSelect={false}>
          <Stepper.Step label={t('members.import.stepUpload')} />
          <Stepper.Step label={t('members.import.stepPreview')} />
          <Stepper.Step label={t('members.import.stepDone')} />
        </Stepper>
        <Alert color="blue" variant="light" icon={<Icon name="info" size={20} />}>
          {t('members.import.allOrNothing')}
        </Alert>
        {!result && (
          <Stack gap={6}>
            <label htmlFor={inputId}>
              <Text size="sm" fw={600} component="span">
                {t('members.import.fileLabel')}
              </Text>
            </label>
            <Text size="xs" c="dimmed" id={`${inputId}-help`}>
              {t('members.import.fileHelp')}
            </Text>
            <input
              id={inputId}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => void onFile(event)}
              aria-describedby={`${inputId}-help`}
              data-testid="import-file-input"
              style={{ fontSize: 'var(--mantine-font-size-sm)' }}
            />
            {(reading || previewMutation.isPending) && (
              <Text size="sm" c="dimmed" role="status">
                {t('members.import.analysing')}
              </Text>
            )}
          </Stack>
        )}
        <FormAlert message={error} />
        {preview && !result && <PreviewView preview={preview} />}
        {result && (
          <Alert
            color="teal"
            variant="light"
            icon={<Icon name="circleCheck" size={20} />}
            title={t('members.import.doneTitle')}
            data-testid="import-result"
          >
            {t('members.import.doneBody', {
              created: result.created,
              updated: result.updated,
              collectives: result.collectivesCreated,
            })}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {result ? t('common.close') : t('common.cancel')}
          </Button>
          {preview && !result && (
            <Button
              onClick={() => confirm.mutate()}
              loading={confirm.isPending}
              disabled={!preview.ok || preview.errors.length > 0}
              data-testid="import-confirm"
            >
              {t('members.import.confirm', { count: preview.people.length })}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
