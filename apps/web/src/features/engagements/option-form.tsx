import {
  Button,
  Collapse,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import type { BoardOption, Criterion } from './api';
import { toLines } from './shared';

export interface OptionBody {
  title: string;
  description: string;
  advantages: string[];
  drawbacks: string[];
  risks: string[];
  effort: number;
  cost: string;
  scores: Record<string, number>;
}

interface OptionFormProps {
  criteria: Criterion[];
  initial?: BoardOption;
  submitLabel: string;
  pending: boolean;
  error: string | null;
  onSubmit: (body: OptionBody) => void;
  onCancel?: () => void;
  testId?: string;
  /** Starts with the details (advantages, drawbacks…) open. */
  detailsOpen?: boolean;
}

/** Add or edit one option: what it is, its pros and cons, effort and cost, and a 0–5 score per criterion. */
export function OptionForm({
  criteria,
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  testId,
  detailsOpen = false,
}: OptionFormProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [advantages, setAdvantages] = useState(initial?.advantages.join('\n') ?? '');
  const [drawbacks, setDrawbacks] = useState(initial?.drawbacks.join('\n') ?? '');
  const [risks, setRisks] = useState(initial?.risks.join('\n') ?? '');
  const [effort, setEffort] = useState(String(initial?.effort ?? 3));
  const [cost, setCost] = useState(initial?.cost ?? '');
  const [scores, setScores] = useState<Record<string, number>>(initial?.scores ?? {});
  const [showDetails, setShowDetails] = useState(detailsOpen);
  const [titleProblem, setTitleProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setTitleProblem(t('engagement.options.optionTitleRequired'));
      return;
    }
    setTitleProblem(null);
    onSubmit({
      title: title.trim(),
      description: description.trim(),
      advantages: toLines(advantages),
      drawbacks: toLines(drawbacks),
      risks: toLines(risks),
      effort: Number(effort),
      cost: cost.trim(),
      scores,
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid={testId}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('engagement.options.optionTitle')}
            required
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={titleProblem}
            maxLength={200}
            name="title"
          />
          <TextInput
            label={t('engagement.options.cost')}
            description={t('engagement.options.costHelp')}
            value={cost}
            onChange={(event) => setCost(event.currentTarget.value)}
            maxLength={200}
            name="cost"
          />
        </SimpleGrid>
        <Textarea
          label={t('engagement.options.description')}
          autosize
          minRows={2}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          maxLength={4000}
          name="description"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`effort-${initial?.id ?? 'new'}`}>
            {t('engagement.options.effort')}
          </Text>
          <SegmentedControl
            aria-labelledby={`effort-${initial?.id ?? 'new'}`}
            value={effort}
            onChange={setEffort}
            data={[1, 2, 3, 4, 5].map((n) => ({
              value: String(n),
              label: t(`engagement.options.effortLevels.${n}` as 'engagement.options.effortLevels.1'),
            }))}
            fullWidth
          />
        </Stack>
        {criteria.length > 0 && (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" size="sm" fw={500} mb={4}>
              {t('engagement.options.scoresLegend')}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
              {criteria.map((c) => (
                <NumberInput
                  key={c.id}
                  label={t('engagement.options.scoreFor', { name: c.name, weight: c.weight })}
                  min={0}
                  max={5}
                  step={1}
                  clampBehavior="strict"
                  allowDecimal={false}
                  value={scores[c.id] ?? ''}
                  onChange={(value) =>
                    setScores((s) => {
                      const next = { ...s };
                      if (value === '' || value === undefined) {
                        delete next[c.id];
                      } else {
                        next[c.id] = Number(value);
                      }
                      return next;
                    })
                  }
                />
              ))}
            </SimpleGrid>
          </fieldset>
        )}
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          px={0}
          onClick={() => setShowDetails((v) => !v)}
          aria-expanded={showDetails}
        >
          {showDetails ? t('engagement.options.hideDetails') : t('engagement.options.showDetails')}
        </Button>
        <Collapse expanded={showDetails}>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Textarea
              label={t('engagement.options.advantages')}
              description={t('engagement.options.onePerLine')}
              autosize
              minRows={3}
              value={advantages}
              onChange={(event) => setAdvantages(event.currentTarget.value)}
            />
            <Textarea
              label={t('engagement.options.drawbacks')}
              description={t('engagement.options.onePerLine')}
              autosize
              minRows={3}
              value={drawbacks}
              onChange={(event) => setDrawbacks(event.currentTarget.value)}
            />
            <Textarea
              label={t('engagement.options.risks')}
              description={t('engagement.options.onePerLine')}
              autosize
              minRows={3}
              value={risks}
              onChange={(event) => setRisks(event.currentTarget.value)}
            />
          </SimpleGrid>
        </Collapse>
        <FormAlert message={error} />
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
