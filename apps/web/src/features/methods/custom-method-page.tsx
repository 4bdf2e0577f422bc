import {
  Anchor,
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { VisibilityNote } from '../../components/visibility-note';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { useCreateMethod } from './api';
import { FAMILIES, useMethodLanguage } from './shared';

const IC_FORMS = ['relational', 'rational', 'emotional', 'creative', 'innovative'] as const;
const DOMAINS = ['clear', 'complicated', 'complex', 'chaotic', 'confusion'] as const;

/** Lines of a textarea as texts written in the UI language (the other language falls back to it). */
const lines = (text: string, lang: 'fr' | 'en') =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => ({ fr: lang === 'fr' ? l : '', en: lang === 'en' ? l : '' }));

/** Add one of the organisation's own methods to its library. */
export function CustomMethodPage() {
  const { t } = useTranslation();
  usePageTitle(t('library.custom.title'));
  const lang = useMethodLanguage();
  const navigate = useNavigate();
  const { org } = useCurrentOrg();
  const create = useCreateMethod(org?.id ?? '');
  const [f, setF] = useState({
    name: '',
    purpose: '',
    family: 'diverge',
    icForms: ['relational'] as string[],
    cynefin: ['complicated'] as string[],
    mode: 'both',
    groupMin: 3,
    groupMax: 20 as number | '',
    durationMin: 20,
    durationMax: 60 as number | '',
    skill: '1',
    trust: '2',
    steps: '',
    advantages: '',
    drawbacks: '',
    contraIndications: '',
    materials: '',
    source: '',
    credit: '',
  });
  const set = (patch: Partial<typeof f>) => setF((x) => ({ ...x, ...patch }));
  const one = (text: string) => ({ fr: lang === 'fr' ? text : '', en: lang === 'en' ? text : '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        name: one(f.name),
        purpose: one(f.purpose),
        family: f.family,
        icForms: f.icForms,
        cynefin: f.cynefin,
        mode: f.mode,
        groupSize: { min: f.groupMin, max: f.groupMax === '' ? null : f.groupMax },
        durationMinutes: { min: f.durationMin, max: f.durationMax === '' ? null : f.durationMax },
        facilitationSkill: Number(f.skill),
        trustRequired: Number(f.trust),
        steps: lines(f.steps, lang),
        advantages: lines(f.advantages, lang),
        drawbacks: lines(f.drawbacks, lang),
        contraIndications: lines(f.contraIndications, lang),
        materials: lines(f.materials, lang),
        source: f.source,
        credit: f.credit,
      },
      { onSuccess: (d) => navigate(`/methods/${d.method.id}`) },
    );
  };
  const area = (key: 'steps' | 'advantages' | 'drawbacks' | 'contraIndications' | 'materials') => (
    <Textarea
      label={t(`library.sections.${key}`)}
      description={t('library.custom.oneper')}
      autosize
      minRows={2}
      value={f[key]}
      onChange={(e) => set({ [key]: e.currentTarget.value })}
    />
  );
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/methods" size="sm">
        {t('library.back')}
      </Anchor>
      <PageHeader title={t('library.custom.title')} description={t('library.custom.intro')} />
      <VisibilityNote>{t('library.visibilityCustom')}</VisibilityNote>
      <Card p="lg">
        <form onSubmit={submit} data-testid="custom-method-form">
          <Stack gap="sm">
            <TextInput
              label={t('library.custom.name')}
              required
              value={f.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
            />
            <Textarea
              label={t('library.custom.purpose')}
              required
              autosize
              minRows={2}
              value={f.purpose}
              onChange={(e) => set({ purpose: e.currentTarget.value })}
            />
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <Select
                label={t('library.reco.family')}
                allowDeselect={false}
                value={f.family}
                onChange={(v) => set({ family: v ?? 'diverge' })}
                data={FAMILIES.map((x) => ({ value: x, label: t(`library.families.${x}`) }))}
              />
              <MultiSelect
                label={t('library.custom.icForms')}
                required
                value={f.icForms}
                onChange={(v) => set({ icForms: v })}
                data={IC_FORMS.map((x) => ({ value: x, label: t(`library.icForms.${x}`) }))}
              />
              <MultiSelect
                label={t('library.custom.cynefin')}
                required
                value={f.cynefin}
                onChange={(v) => set({ cynefin: v })}
                data={DOMAINS.map((x) => ({ value: x, label: t(`library.cynefin.${x}`) }))}
              />
              <Select
                label={t('library.filters.mode')}
                allowDeselect={false}
                value={f.mode}
                onChange={(v) => set({ mode: v ?? 'both' })}
                data={(['both', 'onsite', 'online'] as const).map((x) => ({
                  value: x,
                  label: t(`library.modes.${x}`),
                }))}
              />
              <Select
                label={t('library.custom.skill')}
                allowDeselect={false}
                value={f.skill}
                onChange={(v) => set({ skill: v ?? '1' })}
                data={[1, 2, 3].map((l) => ({ value: String(l), label: t(`library.skill.${l as 1}`) }))}
              />
              <Select
                label={t('library.custom.trust')}
                allowDeselect={false}
                value={f.trust}
                onChange={(v) => set({ trust: v ?? '2' })}
                data={[1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: t(`library.trust.${l as 1}`) }))}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <NumberInput
                label={t('library.custom.groupMin')}
                min={1}
                value={f.groupMin}
                onChange={(v) => set({ groupMin: Number(v) || 1 })}
              />
              <NumberInput
                label={t('library.custom.groupMax')}
                min={1}
                value={f.groupMax}
                onChange={(v) => set({ groupMax: typeof v === 'number' ? v : '' })}
              />
              <NumberInput
                label={t('library.custom.durationMin')}
                min={1}
                value={f.durationMin}
                onChange={(v) => set({ durationMin: Number(v) || 1 })}
              />
              <NumberInput
                label={t('library.custom.durationMax')}
                min={1}
                value={f.durationMax}
                onChange={(v) => set({ durationMax: typeof v === 'number' ? v : '' })}
              />
            </SimpleGrid>
            {area('steps')}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {area('advantages')}
              {area('drawbacks')}
              {area('contraIndications')}
              {area('materials')}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <TextInput
                label={t('library.custom.source')}
                value={f.source}
                onChange={(e) => set({ source: e.currentTarget.value })}
              />
              <TextInput
                label={t('library.custom.credit')}
                value={f.credit}
                onChange={(e) => set({ credit: e.currentTarget.value })}
              />
            </SimpleGrid>
            <Group>
              <Button
                type="submit"
                loading={create.isPending}
                disabled={!f.name.trim() || !f.purpose.trim() || !f.icForms.length || !f.cynefin.length}
              >
                {t('library.custom.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
