/**
 * Build a custom questionnaire: items picked from the Essaim bank (grouped by dimension) plus the
 * facilitator's own questions, each written in French and English.
 */
import type { CreateSurveyInstrumentBody } from '@essaim/contracts';
import {
  Button,
  Card,
  Checkbox,
  Collapse,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { diagnosticKeys, type SurveyInstrumentEntry, useInstruments } from './api';
import { useInstrumentLabels } from './shared';

type Own = { fr: string; en: string; scale: 'agreement5' | 'frequency5' | 'openText' };

export function InstrumentBuilder({ orgId, onCreated }: { orgId: string; onCreated: (ref: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const instruments = useInstruments(orgId);
  const bank = instruments.data?.find((i) => i.kind === 'full')?.instrument;
  const labels = useInstrumentLabels(bank);
  const [isOpen, setOpen] = useState(false);
  const [nameFr, setNameFr] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [own, setOwn] = useState<Own[]>([]);
  const create = useMutation({
    mutationFn: (body: CreateSurveyInstrumentBody) =>
      api.post<SurveyInstrumentEntry>(`/api/orgs/${encodeURIComponent(orgId)}/survey-instruments`, body),
    onSuccess: (entry) => {
      void queryClient.invalidateQueries({ queryKey: diagnosticKeys.instruments(orgId) });
      setOpen(false);
      onCreated(entry.ref);
    },
  });
  const filled = own.filter((o) => o.fr.trim() && o.en.trim());
  const submit = () => {
    const numeric = filled.filter((o) => o.scale !== 'openText');
    const open = filled.filter((o) => o.scale === 'openText');
    const construct = (id: string, family: 'climate' | 'open', fr: string, en: string) => ({
      id,
      family,
      name: { fr, en },
      description: { fr, en },
    });
    create.mutate({
      name: { fr: nameFr.trim(), en: nameEn.trim() },
      bankItemIds: picked,
      ownConstructs: [
        ...(numeric.length
          ? [
              construct(
                'own-questions',
                'climate',
                t('diagnostic.builder.ownFr'),
                t('diagnostic.builder.ownEn'),
              ),
            ]
          : []),
        ...(open.length
          ? [
              construct(
                'own-open',
                'open',
                t('diagnostic.builder.ownOpenFr'),
                t('diagnostic.builder.ownOpenEn'),
              ),
            ]
          : []),
      ],
      ownItems: filled.map((o, index) => ({
        id: `own-${index + 1}`,
        constructId: o.scale === 'openText' ? 'own-open' : 'own-questions',
        text: { fr: o.fr.trim(), en: o.en.trim() },
        scale: o.scale,
        ...(o.scale === 'openText' ? { isOptional: true } : {}),
      })),
    });
  };
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {t('diagnostic.builder.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('diagnostic.builder.lead')}
          </Text>
        </Stack>
        <Button variant="default" onClick={() => setOpen((v) => !v)} aria-expanded={isOpen}>
          {isOpen ? t('diagnostic.builder.hide') : t('diagnostic.builder.open')}
        </Button>
      </Group>
      <Collapse expanded={isOpen}>
        <Stack gap="md" mt="md">
          <Group grow>
            <TextInput
              label={t('diagnostic.builder.nameFr')}
              value={nameFr}
              onChange={(e) => setNameFr(e.currentTarget.value)}
              required
            />
            <TextInput
              label={t('diagnostic.builder.nameEn')}
              value={nameEn}
              onChange={(e) => setNameEn(e.currentTarget.value)}
              required
            />
          </Group>
          <Checkbox.Group label={t('diagnostic.builder.bank')} value={picked} onChange={setPicked}>
            <Stack gap="sm" mt="xs">
              {bank?.constructs.map((c) => {
                const items = bank.items.filter((i) => i.constructId === c.id);
                return (
                  <Stack key={c.id} gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
                    <Text component="legend" fw={600} size="sm">
                      {labels.construct(c.id)}
                    </Text>
                    {items.map((i) => (
                      <Checkbox key={i.id} value={i.id} label={i.text[labels.lng]} />
                    ))}
                  </Stack>
                );
              })}
            </Stack>
          </Checkbox.Group>
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('diagnostic.builder.ownTitle')}
            </Text>
            {own.map((o, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
              <Group key={index} grow align="flex-end">
                <TextInput
                  label={t('diagnostic.builder.textFr')}
                  value={o.fr}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setOwn((old) => old.map((x, j) => (j === index ? { ...x, fr: v } : x)));
                  }}
                />
                <TextInput
                  label={t('diagnostic.builder.textEn')}
                  value={o.en}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setOwn((old) => old.map((x, j) => (j === index ? { ...x, en: v } : x)));
                  }}
                />
                <Select
                  label={t('diagnostic.builder.scale')}
                  value={o.scale}
                  allowDeselect={false}
                  data={(['agreement5', 'frequency5', 'openText'] as const).map((value) => ({
                    value,
                    label: t(`diagnostic.builder.scales.${value}`),
                  }))}
                  onChange={(v) =>
                    setOwn((old) =>
                      old.map((x, j) =>
                        j === index ? { ...x, scale: (v ?? 'agreement5') as Own['scale'] } : x,
                      ),
                    )
                  }
                />
              </Group>
            ))}
            <Group>
              <Button
                variant="subtle"
                size="xs"
                onClick={() => setOwn((old) => [...old, { fr: '', en: '', scale: 'agreement5' }])}
              >
                {t('diagnostic.builder.addOwn')}
              </Button>
            </Group>
          </Stack>
          <FormAlert message={create.isError ? describeError(t, create.error) : null} />
          <Group>
            <Button
              onClick={submit}
              loading={create.isPending}
              disabled={!nameFr.trim() || !nameEn.trim() || picked.length + filled.length === 0}
            >
              {t('diagnostic.builder.submit')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('diagnostic.builder.count', { count: picked.length + filled.length })}
            </Text>
          </Group>
        </Stack>
      </Collapse>
    </Card>
  );
}
