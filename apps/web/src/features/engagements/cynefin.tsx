import '@mantine/charts/styles.css';
import type { ComplexityAnswers } from '@essaim/contracts';
import { assessCynefin } from '@essaim/core/engagements';
import { BarChart } from '@mantine/charts';
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Radio,
  Stack,
  Stepper,
  Table,
  Text,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { formatDate } from '../../lib/format';
import { type Engagement, useEngagementMutation } from './api';

type Question = Engagement['questions'][number];
export type CynefinDomain = NonNullable<Question['complexity']>['domain'];
const SCORED = ['clear', 'complicated', 'complex', 'chaotic'] as const;

export const DOMAIN_COLOR: Record<CynefinDomain, string> = {
  clear: 'teal',
  complicated: 'blue',
  complex: 'grape',
  chaotic: 'red',
  confusion: 'gray',
};

const QUESTIONS = {
  causeEffect: ['obvious', 'expert', 'hindsight', 'none'],
  agreement: ['high', 'partial', 'low'],
  precedent: ['often', 'sometimes', 'never'],
  urgency: ['crisis', 'pressing', 'normal'],
} as const;
type Dimension = keyof typeof QUESTIONS;
const DIMENSIONS = Object.keys(QUESTIONS) as Dimension[];

export function DomainBadge({ domain }: { domain: CynefinDomain }) {
  const { t } = useTranslation();
  return (
    <Badge color={DOMAIN_COLOR[domain]} variant="light">
      {t('engagement.cynefin.domainBadge', { domain: t(`engagement.cynefin.domains.${domain}.label`) })}
    </Badge>
  );
}

/** Scores per domain as a small bar chart, with the same numbers in a table for screen readers. */
export function CynefinScores({ scores }: { scores: Record<string, number> }) {
  const { t } = useTranslation();
  const data = SCORED.map((domain) => ({
    domain: t(`engagement.cynefin.domains.${domain}.label`),
    score: scores[domain] ?? 0,
  }));
  return (
    <div>
      <div aria-hidden="true">
        <BarChart
          h={150}
          data={data}
          dataKey="domain"
          orientation="vertical"
          yAxisProps={{ width: 110 }}
          series={[{ name: 'score', label: t('engagement.cynefin.score'), color: 'honey.6' }]}
          withTooltip={false}
          withBarValueLabel
          gridAxis="none"
          tickLine="none"
        />
      </div>
      <VisuallyHidden>
        <Table>
          <caption>{t('engagement.cynefin.scoresCaption')}</caption>
          <tbody>
            {data.map((row) => (
              <tr key={row.domain}>
                <th scope="row">{row.domain}</th>
                <td>{row.score}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </div>
  );
}

function DomainExplanation({ domain, leading }: { domain: CynefinDomain; leading?: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Alert color={DOMAIN_COLOR[domain]} variant="light" icon={<Icon name="compass" size={20} />}>
      <Stack gap={4}>
        <Text fw={700}>{t(`engagement.cynefin.domains.${domain}.label`)}</Text>
        <Text size="sm">{t(`engagement.cynefin.domains.${domain}.approach`)}</Text>
        {domain === 'confusion' && leading && (
          <Text size="sm">
            {t('engagement.cynefin.confusionLeading', {
              first: t(`engagement.cynefin.domains.${leading[0] as 'clear'}.label`),
              second: t(`engagement.cynefin.domains.${leading[1] as 'clear'}.label`),
            })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/** Four guided questions, then the domain with its scores and the group's own reasoning. */
export function ComplexityWizard({
  orgId,
  engagement,
  question,
  onClose,
}: {
  orgId: string;
  engagement: Engagement;
  question: Question;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Partial<ComplexityAnswers>>(question.complexity?.answers ?? {});
  const [reasoning, setReasoning] = useState(question.complexity?.reasoning ?? '');
  const [error, setError] = useState<string | null>(null);
  const complete = DIMENSIONS.every((d) => answers[d] !== undefined);
  const preview = complete ? assessCynefin(answers as ComplexityAnswers) : null;

  const save = useEngagementMutation<void>(
    orgId,
    engagement.id,
    (path) =>
      api.put<Engagement>(`${path}/questions/${encodeURIComponent(question.id)}/complexity`, {
        answers,
        reasoning: reasoning.trim() || undefined,
      }),
    { onSuccess: onClose, onError: (err) => setError(describeError(t, err)) },
  );

  const current = DIMENSIONS[step];

  return (
    <Modal opened onClose={onClose} title={t('engagement.cynefin.title')} size="xl" centered>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('engagement.cynefin.about', { question: question.text })}
        </Text>
        <Stepper active={step} onStepClick={setStep} size="sm" allowNextStepsSelect={false}>
          {DIMENSIONS.map((d) => (
            <Stepper.Step key={d} label={t(`engagement.cynefin.questions.${d}.short`)} />
          ))}
          <Stepper.Step label={t('engagement.cynefin.resultStep')} />
        </Stepper>
        {current ? (
          <Radio.Group
            key={current}
            label={t(`engagement.cynefin.questions.${current}.label`)}
            description={t(`engagement.cynefin.questions.${current}.help`)}
            value={answers[current] ?? null}
            onChange={(value) => setAnswers((a) => ({ ...a, [current]: value }))}
            styles={{ label: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 600 } }}
          >
            <Stack gap="sm" mt="sm">
              {QUESTIONS[current].map((option) => (
                <Radio.Card key={option} value={option} p="md" radius="md">
                  <Group wrap="nowrap" align="flex-start">
                    <Radio.Indicator />
                    <Text size="sm">
                      {t(`engagement.cynefin.questions.${current}.options.${option}` as never)}
                    </Text>
                  </Group>
                </Radio.Card>
              ))}
            </Stack>
          </Radio.Group>
        ) : preview ? (
          <Stack gap="md">
            <DomainExplanation domain={preview.domain} leading={preview.leading} />
            <CynefinScores scores={preview.scores} />
            <Text size="xs" c="dimmed">
              {t('engagement.cynefin.startingPoint')}
            </Text>
            <Textarea
              label={t('engagement.cynefin.reasoning')}
              description={t('engagement.cynefin.reasoningHelp')}
              autosize
              minRows={3}
              maxLength={4000}
              value={reasoning}
              onChange={(event) => setReasoning(event.currentTarget.value)}
            />
          </Stack>
        ) : (
          <Text size="sm">{t('engagement.cynefin.incomplete')}</Text>
        )}
        <FormAlert message={error} />
        <Group justify="space-between">
          <Button variant="default" onClick={() => (step === 0 ? onClose() : setStep(step - 1))}>
            {step === 0 ? t('common.cancel') : t('engagement.cynefin.back')}
          </Button>
          {current ? (
            <Button onClick={() => setStep(step + 1)} disabled={answers[current] === undefined}>
              {t('engagement.cynefin.next')}
            </Button>
          ) : (
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!complete}>
              {t('engagement.cynefin.save')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

/** The stored placement: domain, scores, and the reasoning kept with it. */
export function ComplexityResult({ complexity }: { complexity: NonNullable<Question['complexity']> }) {
  const { t } = useTranslation();
  const ranked = [...SCORED].sort((a, b) => (complexity.scores[b] ?? 0) - (complexity.scores[a] ?? 0));
  return (
    <Stack gap="sm">
      <DomainExplanation domain={complexity.domain} leading={ranked} />
      <CynefinScores scores={complexity.scores} />
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          {t('engagement.cynefin.reasoning')}
        </Text>
        <Text size="sm" c={complexity.reasoning ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
          {complexity.reasoning || t('engagement.cynefin.noReasoning')}
        </Text>
      </Stack>
      <Text size="xs" c="dimmed">
        {t('engagement.cynefin.assessed', {
          name: complexity.assessedBy ?? t('engagement.banner.someone'),
          date: formatDate(complexity.assessedAt),
        })}
      </Text>
    </Stack>
  );
}
