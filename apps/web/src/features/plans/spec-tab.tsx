import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../lib/format';
import { planBase, tx, useSaveSpec, useSpec } from './api';

/**
 * The specification editor: generate it from the engagement, then edit section by section. Each section
 * lists its sources and, when they changed since it was pulled in, what changed — the text stays the
 * editor's unless they tick "take in".
 */
export function SpecTab({
  orgId,
  engagementId,
  readOnly,
}: {
  orgId: string;
  engagementId: string;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const spec = useSpec(orgId, engagementId);
  const save = useSaveSpec(orgId, engagementId);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [refresh, setRefresh] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (spec.data) {
      setTexts(Object.fromEntries(spec.data.sections.map((s) => [s.key, s.text])));
      setRefresh({});
    }
  }, [spec.data]);
  if (spec.error) {
    return <QueryError error={spec.error} />;
  }
  if (!spec.data) {
    return null;
  }
  const data = spec.data;
  const base = planBase(orgId, engagementId);
  const dirty =
    data.sections.some((s) => texts[s.key] !== undefined && texts[s.key] !== s.text) ||
    Object.values(refresh).some(Boolean);

  if (data.version === 0) {
    return (
      <Card p="xl" withBorder>
        <Stack align="flex-start">
          <Title order={2} size="h3">
            {t('plans.spec.emptyTitle')}
          </Title>
          <Text c="dimmed" maw={640}>
            {t('plans.spec.emptyText')}
          </Text>
          {!readOnly && (
            <Button loading={save.isPending} onClick={() => save.mutate({ version: 0, sections: [] })}>
              {t('plans.spec.generate')}
            </Button>
          )}
        </Stack>
      </Card>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('plans.spec.version', {
            version: data.version,
            at: data.updatedAt ? formatDateTime(data.updatedAt) : '',
            by: data.updatedBy ?? '—',
          })}
        </Text>
        <Group gap="xs">
          <Button component="a" href={`${base}/specification.docx`} variant="default" size="xs" download>
            {t('plans.spec.exportDocx')}
          </Button>
          <Button component="a" href={`${base}/specification.pdf`} variant="default" size="xs" download>
            {t('plans.spec.exportPdf')}
          </Button>
          <Button
            component={Link}
            to={`/engagements/${engagementId}/plan/specification/print`}
            variant="default"
            size="xs"
          >
            {t('plans.spec.print')}
          </Button>
          {!readOnly && (
            <Button
              size="xs"
              disabled={!dirty}
              loading={save.isPending}
              onClick={() =>
                save.mutate({
                  version: data.version,
                  sections: data.sections.map((s) => ({
                    key: s.key,
                    text: texts[s.key] ?? s.text,
                    refresh: refresh[s.key] ?? false,
                  })),
                })
              }
            >
              {t('plans.spec.save')}
            </Button>
          )}
        </Group>
      </Group>
      {data.sections.map((s) => (
        <Card key={s.key} p="lg" withBorder component="section" aria-labelledby={`spec-${s.key}`}>
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4" id={`spec-${s.key}`}>
              {tx(t, `plans.spec.sections.${s.key}`)}
            </Title>
            {s.change.changed && (
              <Badge color="orange" variant="light">
                {t('plans.spec.changed')}
              </Badge>
            )}
          </Group>
          <Textarea
            aria-labelledby={`spec-${s.key}`}
            autosize
            minRows={2}
            value={texts[s.key] ?? s.text}
            readOnly={readOnly}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setTexts((x) => ({ ...x, [s.key]: value }));
            }}
          />
          <Group gap={6} mt="xs" wrap="wrap">
            <Text size="xs" c="dimmed">
              {t('plans.spec.sources')}
            </Text>
            {s.pulled.sources.length === 0 ? (
              <Text size="xs" c="dimmed">
                {t('plans.spec.noSource')}
              </Text>
            ) : (
              s.pulled.sources.map((src) => (
                <Badge key={`${src.kind}:${src.id}`} size="sm" variant="outline" tt="none">
                  {tx(t, `plans.traceKinds.${src.kind}`)} · {src.label}
                </Badge>
              ))
            )}
          </Group>
          {s.change.changed && (
            <Alert color="orange" variant="light" mt="sm" title={t('plans.spec.changedTitle')}>
              {s.change.addedLines.length > 0 && (
                <>
                  <Text size="sm" fw={600}>
                    {t('plans.spec.added')}
                  </Text>
                  <List size="sm">
                    {s.change.addedLines.map((l) => (
                      <List.Item key={`a-${l}`}>{l}</List.Item>
                    ))}
                  </List>
                </>
              )}
              {s.change.removedLines.length > 0 && (
                <>
                  <Text size="sm" fw={600} mt={4}>
                    {t('plans.spec.removed')}
                  </Text>
                  <List size="sm">
                    {s.change.removedLines.map((l) => (
                      <List.Item key={`r-${l}`}>
                        <s>{l}</s>
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
              {!readOnly && (
                <Checkbox
                  mt="xs"
                  label={t('plans.spec.takeIn')}
                  checked={refresh[s.key] ?? false}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setRefresh((x) => ({ ...x, [s.key]: on }));
                    if (on) {
                      setTexts((x) => ({ ...x, [s.key]: s.current.text }));
                    }
                  }}
                />
              )}
            </Alert>
          )}
        </Card>
      ))}
      {data.versions.length > 1 && (
        <Text size="xs" c="dimmed">
          {t('plans.spec.versions', { list: data.versions.map((v) => `v${v.version}`).join(', ') })}
        </Text>
      )}
      <Anchor component={Link} to={`/engagements/${engagementId}/plan/specification/print`} size="sm">
        {t('plans.spec.print')}
      </Anchor>
    </Stack>
  );
}
