import {
  Alert,
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, isApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { type NetworkImportPreview, type NetworkSummary, networkKeys, networksPath } from './api';

function CsvField(props: {
  label: string;
  description: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Textarea
        label={props.label}
        description={props.description}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        autosize
        minRows={3}
        maxRows={8}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      />
      <FileButton
        accept=".csv,text/csv,text/plain"
        onChange={(file) => void file?.text().then(props.onChange)}
      >
        {(p) => (
          <Button {...p} variant="subtle" size="compact-sm" w="fit-content">
            {t('network.import.loadFile', { what: props.label })}
          </Button>
        )}
      </FileButton>
    </Stack>
  );
}

function ErrorsTable({ errors }: { errors: NetworkImportPreview['errors'] }) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder captionSide="top" aria-live="polite">
      <Table.Caption>{t('network.import.errorsCaption', { count: errors.length })}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('network.import.file')}</Table.Th>
          <Table.Th>{t('network.import.line')}</Table.Th>
          <Table.Th>{t('network.import.problem')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {errors.map((e) => (
          <Table.Tr key={`${e.file}-${e.line}-${e.message}`}>
            <Table.Td>{t(`network.import.files.${e.file}`)}</Table.Td>
            <Table.Td>{e.line}</Table.Td>
            <Table.Td>{e.message}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Import an edge list and node attributes: preview first, then all-or-nothing. */
export function ImportPanel({ orgId, engagementId }: { orgId: string; engagementId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [edgesCsv, setEdgesCsv] = useState('');
  const [nodesCsv, setNodesCsv] = useState('');
  const [isDirected, setDirected] = useState(true);
  const [isWeighted, setWeighted] = useState(false);
  const [preview, setPreview] = useState<NetworkImportPreview | null>(null);
  const body = () => ({ edgesCsv, ...(nodesCsv.trim() ? { nodesCsv } : {}), isDirected, isWeighted });
  const previewMutation = useMutation({
    mutationFn: () =>
      api.post<NetworkImportPreview>(`${networksPath(orgId, engagementId)}/import/preview`, body()),
    onSuccess: setPreview,
  });
  const importMutation = useMutation({
    mutationFn: () =>
      api.post<NetworkSummary>(`${networksPath(orgId, engagementId)}/import`, {
        ...body(),
        title: title.trim() || t('network.import.defaultTitle'),
      }),
    onSuccess: async (n) => {
      await queryClient.invalidateQueries({ queryKey: networkKeys.list(orgId, engagementId) });
      void navigate(n.id);
    },
    onError: (error) => {
      const details = isApiError(error)
        ? (error.details as { errors?: NetworkImportPreview['errors'] })
        : undefined;
      if (details?.errors) {
        setPreview((p) => (p ? { ...p, isOk: false, errors: details.errors! } : p));
      }
    },
  });
  const change = (set: (v: string) => void) => (v: string) => {
    set(v);
    setPreview(null);
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="network-import-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="network-import-title">
          {t('network.import.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('network.import.intro')}
        </Text>
        <TextInput
          label={t('network.import.name')}
          placeholder={t('network.import.defaultTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <CsvField
          label={t('network.import.edges')}
          description={t('network.import.edgesHelp')}
          value={edgesCsv}
          onChange={change(setEdgesCsv)}
        />
        <CsvField
          label={t('network.import.nodes')}
          description={t('network.import.nodesHelp')}
          value={nodesCsv}
          onChange={change(setNodesCsv)}
        />
        <Group>
          <Checkbox
            label={t('network.import.directed')}
            checked={isDirected}
            onChange={(e) => {
              setDirected(e.currentTarget.checked);
              setPreview(null);
            }}
          />
          <Checkbox
            label={t('network.import.weighted')}
            checked={isWeighted}
            onChange={(e) => {
              setWeighted(e.currentTarget.checked);
              setPreview(null);
            }}
          />
        </Group>
        <Group>
          <Button
            variant="light"
            onClick={() => previewMutation.mutate()}
            loading={previewMutation.isPending}
            disabled={edgesCsv.trim() === ''}
          >
            {t('network.import.preview')}
          </Button>
          <Button
            onClick={() => importMutation.mutate()}
            loading={importMutation.isPending}
            disabled={!preview?.isOk}
          >
            {t('network.import.submit')}
          </Button>
        </Group>
        {previewMutation.isError && <Alert color="red">{describeError(t, previewMutation.error)}</Alert>}
        {preview && !preview.isOk && (
          <Alert color="red" title={t('network.import.refused')}>
            <ErrorsTable errors={preview.errors} />
          </Alert>
        )}
        {preview?.isOk && (
          <Alert color="teal" title={t('network.import.ready')} role="status">
            <Text size="sm">
              {t('network.import.summary', {
                nodes: preview.nodeCount,
                edges: preview.edgeCount,
                relations: preview.relations.join(', ') || '—',
                consenting: preview.consentingCount,
              })}
            </Text>
            {preview.consentingCount === 0 && (
              <Text size="sm" mt={4}>
                {t('network.import.noConsent')}
              </Text>
            )}
          </Alert>
        )}
        {importMutation.isError && !isApiError(importMutation.error) && (
          <Alert color="red">{describeError(t, importMutation.error)}</Alert>
        )}
      </Stack>
    </Card>
  );
}
