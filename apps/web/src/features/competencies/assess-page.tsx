import type { CompetencyRatingBody } from '@essaim/contracts';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { PageHeader } from '../../components/page-header';
import { currentLanguage } from '../../i18n';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import { type CompetencyEvidenceItem, useCreateAssessment, useEvidence } from './api';
import { useEvidenceText } from './evidence-line';
import { AREAS, COMPETENCIES, levelName } from './shared';

type OwnKind = 'note' | 'certificate' | 'supervision' | 'training';
type Draft = { level: number; evidenceKeys: string[]; note: string; own: { kind: OwnKind; text: string }[] };
const OWN_KINDS: OwnKind[] = ['certificate', 'training', 'supervision', 'note'];

function CompetencyField(props: {
  id: string;
  draft: Draft;
  evidence: CompetencyEvidenceItem[];
  onChange: (d: Draft) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const text = useEvidenceText();
  const competency = COMPETENCIES.find((c) => c.id === props.id)!;
  const { draft } = props;
  return (
    <Card withBorder padding="sm" data-testid={`competency-${props.id}`}>
      <Stack gap="xs">
        <Radio.Group
          label={<Text fw={600}>{competency.name[lng]}</Text>}
          value={String(draft.level)}
          onChange={(v) => props.onChange({ ...draft, level: Number(v) })}
        >
          <Stack gap={6} mt={6}>
            <Radio value="0" label={t('competencies.assess.notRated')} />
            {competency.descriptors.map((d, i) => (
              <Radio
                key={d.en}
                value={String(i + 1)}
                label={`${i + 1} · ${levelName(i + 1)}`}
                description={d[lng]}
                data-testid={`level-${props.id}-${i + 1}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        {draft.level > 0 ? (
          <>
            {props.evidence.length > 0 ? (
              <Checkbox.Group
                label={t('competencies.assess.evidence')}
                value={draft.evidenceKeys}
                onChange={(keys) => props.onChange({ ...draft, evidenceKeys: keys })}
              >
                <Stack gap={4} mt={4}>
                  {props.evidence.map((e) => (
                    <Checkbox key={e.key} value={e.key} label={text(e)} data-testid="evidence-choice" />
                  ))}
                </Stack>
              </Checkbox.Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t('competencies.assess.noEvidence')}
              </Text>
            )}
            <Textarea
              label={t('competencies.assess.note')}
              description={t('competencies.assess.noteHint')}
              autosize
              minRows={1}
              value={draft.note}
              onChange={(e) => props.onChange({ ...draft, note: e.currentTarget.value })}
            />
            {draft.own.map((o, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
              <Group key={i} align="end" wrap="nowrap">
                <Select
                  label={t('competencies.assess.ownKind')}
                  value={o.kind}
                  allowDeselect={false}
                  w={160}
                  onChange={(v) =>
                    props.onChange({
                      ...draft,
                      own: draft.own.map((x, j) => (j === i ? { ...x, kind: (v ?? 'note') as OwnKind } : x)),
                    })
                  }
                  data={OWN_KINDS.map((k) => ({ value: k, label: t(`competencies.own.${k}`) }))}
                />
                <TextInput
                  label={t('competencies.assess.ownText')}
                  style={{ flex: 1 }}
                  value={o.text}
                  onChange={(e) => {
                    const text = e.currentTarget.value;
                    props.onChange({
                      ...draft,
                      own: draft.own.map((x, j) => (j === i ? { ...x, text } : x)),
                    });
                  }}
                />
              </Group>
            ))}
            <Group>
              <Button
                variant="subtle"
                size="xs"
                onClick={() =>
                  props.onChange({ ...draft, own: [...draft.own, { kind: 'certificate', text: '' }] })
                }
              >
                {t('competencies.assess.addOwn')}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

export function AssessPage() {
  const { t } = useTranslation();
  usePageTitle(t('competencies.assess.title'));
  const lng = currentLanguage();
  const evidence = useEvidence();
  const create = useCreateAssessment();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const items = evidence.data?.items ?? [];
  const draftOf = (id: string): Draft => drafts[id] ?? { level: 0, evidenceKeys: [], note: '', own: [] };
  const rated = Object.entries(drafts).filter(([, d]) => d.level > 0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ratings: CompetencyRatingBody[] = rated.map(([competencyId, d]) => ({
      competencyId,
      level: d.level,
      evidenceKeys: d.evidenceKeys,
      ownEvidence: d.own
        .filter((o) => o.text.trim() !== '')
        .map((o) => ({ kind: o.kind, text: o.text.trim() })),
      note: d.note,
    }));
    create.mutate({ title, ratings }, { onSuccess: () => void navigate('/competencies') });
  };
  return (
    <form onSubmit={submit} data-testid="assessment-form">
      <Stack gap="lg">
        <Anchor component={Link} to="/competencies" size="sm">
          {t('competencies.back')}
        </Anchor>
        <PageHeader title={t('competencies.assess.title')} description={t('competencies.assess.intro')} />
        <Alert variant="light" color="blue">
          {t('competencies.assess.evidenceFound', { count: items.length })}
        </Alert>
        <TextInput
          label={t('competencies.assess.name')}
          placeholder={t('competencies.assess.namePlaceholder')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maw={420}
          name="title"
        />
        {AREAS.map((area) => (
          <Stack key={area.id} gap="xs" component="section" aria-labelledby={`area-${area.id}`}>
            <Title order={2} size="h4" id={`area-${area.id}`}>
              {area.name[lng]}
              <Text span size="xs" c="dimmed" ml="xs">
                {t(`competencies.origin.${area.origin}`)}
              </Text>
            </Title>
            {COMPETENCIES.filter((c) => c.area === area.id).map((c) => (
              <CompetencyField
                key={c.id}
                id={c.id}
                draft={draftOf(c.id)}
                evidence={items.filter((i) => i.competencyIds.includes(c.id))}
                onChange={(d) => setDrafts((all) => ({ ...all, [c.id]: d }))}
              />
            ))}
          </Stack>
        ))}
        {create.isError ? <FormAlert message={describeError(t, create.error)} /> : null}
        <Group
          pos="sticky"
          bottom={0}
          py="sm"
          bg="var(--mantine-color-body)"
          style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          <Button
            type="submit"
            disabled={rated.length === 0}
            loading={create.isPending}
            data-testid="assessment-submit"
          >
            {t('competencies.assess.submit', { count: rated.length })}
          </Button>
          <Text size="sm" c="dimmed">
            {t('competencies.assess.private')}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t('competencies.credits')}
        </Text>
      </Stack>
    </form>
  );
}
