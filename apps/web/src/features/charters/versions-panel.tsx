import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { type CharterDiff, type CharterVersions, fetchDiff, useCharterAction, useCharterPart } from './api';

/** Named versions, the clause-by-clause difference with the current text, and restore. */
export function VersionsPanel(props: {
  orgId: string;
  engagementId: string;
  charterId: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { orgId, engagementId, charterId } = props;
  const list = useCharterPart<CharterVersions>(orgId, engagementId, charterId, 'versions');
  const action = useCharterAction(orgId, engagementId, charterId);
  const [name, setName] = useState('');
  const [diff, setDiff] = useState<{ name: string; diff: CharterDiff } | null>(null);
  const versions = list.data?.versions ?? [];
  return (
    <Stack gap="sm">
      {versions.length === 0 && <Text c="dimmed">{t('charters.versions.empty')}</Text>}
      {versions.map((v) => (
        <Card key={v.id} withBorder p="sm" data-testid="charter-version">
          <Group justify="space-between">
            <Text fw={600}>
              {v.number}. {v.name}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(v.createdAt)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {v.contentHash}
          </Text>
          <Group gap="xs" mt={4}>
            <Button
              size="compact-sm"
              variant="light"
              onClick={async () =>
                setDiff({ name: v.name, diff: await fetchDiff(orgId, engagementId, charterId, v.id) })
              }
            >
              {t('charters.versions.compare')}
            </Button>
            {props.canEdit && (
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => action.mutate({ path: `versions/${v.id}/restore` })}
              >
                {t('charters.versions.restore')}
              </Button>
            )}
          </Group>
        </Card>
      ))}
      {diff && <DiffView name={diff.name} diff={diff.diff} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) {
            action.mutate({ path: 'versions', body: { name } }, { onSuccess: () => setName('') });
          }
        }}
      >
        <Group align="end" gap="xs">
          <TextInput
            label={t('charters.versions.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={200}
          />
          <Button type="submit" size="sm" disabled={!name.trim()} loading={action.isPending}>
            {t('charters.versions.save')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

/** Stable keys for word segments: the character offset where each starts (segments never move). */
function wordKeys<T extends { text: string }>(words: readonly T[]): [string, T][] {
  let at = 0;
  return words.map((w) => {
    const key = `${at}`;
    at += w.text.length;
    return [key, w];
  });
}

const COLORS = { added: 'honey', removed: 'red', changed: 'orange', unchanged: 'gray' } as const;

export function DiffView({ name, diff }: { name: string; diff: CharterDiff }) {
  const { t } = useTranslation();
  const shown = diff.entries.filter((e) => e.change !== 'unchanged' || e.moved);
  return (
    <Card
      withBorder
      p="sm"
      component="section"
      aria-labelledby="charter-diff-title"
      data-testid="charter-diff"
    >
      <Title order={3} size="h5" id="charter-diff-title">
        {t('charters.versions.diffTitle', { name })}
      </Title>
      <Text size="sm" mb="xs">
        {t('charters.versions.summary', diff.summary)}
      </Text>
      {shown.length === 0 && <Text c="dimmed">{t('charters.versions.noChange')}</Text>}
      <Stack gap={6}>
        {shown.map((e) => (
          <div key={e.id}>
            <Group gap={4}>
              {e.change !== 'unchanged' && (
                <Badge size="xs" variant="light" color={COLORS[e.change]}>
                  {t(`charters.versions.${e.change}`)}
                </Badge>
              )}
              {e.moved && (
                <Badge size="xs" variant="light" color="blue">
                  {t('charters.versions.moved')}
                </Badge>
              )}
            </Group>
            {e.words ? (
              <Text size="sm">
                {wordKeys(e.words).map(([key, w]) =>
                  w.op === 'same' ? (
                    <span key={key}>{w.text}</span>
                  ) : w.op === 'add' ? (
                    <ins key={key} style={{ background: 'var(--mantine-color-green-light)' }}>
                      {w.text}
                    </ins>
                  ) : (
                    <del key={key} style={{ background: 'var(--mantine-color-red-light)' }}>
                      {w.text}
                    </del>
                  ),
                )}
              </Text>
            ) : (
              <Text size="sm" td={e.change === 'removed' ? 'line-through' : undefined}>
                {(e.after ?? e.before)?.text}
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </Card>
  );
}
