import { Button, Chip, Group, NumberInput, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tx } from './api';

interface Props {
  rule: string;
  config: Record<string, unknown>;
  allowedValues: string[];
  reasonRequiredFor: string[];
  current: { value: string; reason: string | null; ballot: unknown } | null;
  isPending: boolean;
  onSubmit: (body: { value: string; reason?: string; ballot?: Record<string, number> | string[] }) => void;
}

type Option = { id: string; label: string };

/**
 * One form for every rule: a choice among the rule's positions (with the reason asked when the rule
 * requires it: objections, blocks, low fists), or a ballot over options (grades, scores, a ranking).
 * Works on a phone: large radio targets, one column.
 */
export function PositionForm({
  rule,
  config,
  allowedValues,
  reasonRequiredFor,
  current,
  isPending,
  onSubmit,
}: Props) {
  const { t } = useTranslation();
  const options = (config.options as Option[] | undefined) ?? [];
  const needsBallot = allowedValues.length === 1 && allowedValues[0] === 'ballot';
  const [value, setValue] = useState(current?.value ?? (needsBallot ? 'ballot' : ''));
  const [reason, setReason] = useState(current?.reason ?? '');
  const [grades, setGrades] = useState<Record<string, number>>(
    current?.ballot && !Array.isArray(current.ballot) ? (current.ballot as Record<string, number>) : {},
  );
  const [ranking, setRanking] = useState<string[]>(
    Array.isArray(current?.ballot) ? (current.ballot as string[]) : [],
  );
  const [nominee, setNominee] = useState('');
  const reasonNeeded = reasonRequiredFor.includes(value);
  const gradeCount = (config.gradeCount as number | undefined) ?? 6;
  const scoreMax = (config.scoreMax as number | undefined) ?? 10;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: { value: string; reason?: string; ballot?: Record<string, number> | string[] } = { value };
    if (reason.trim()) {
      body.reason = reason.trim();
    }
    if (rule === 'rankedChoice') {
      body.ballot = ranking;
    } else if (needsBallot) {
      body.ballot = grades;
    } else if (value === 'nominate') {
      body.ballot = [nominee.trim()];
    }
    onSubmit(body);
  };
  const ballotReady =
    rule === 'rankedChoice'
      ? ranking.length > 0
      : rule === 'majorityJudgment'
        ? options.every((o) => grades[o.id] !== undefined)
        : true;
  const canSubmit =
    value !== '' &&
    (!reasonNeeded || reason.trim() !== '') &&
    (!needsBallot || ballotReady) &&
    (value !== 'nominate' || nominee.trim() !== '');

  return (
    <form onSubmit={submit} data-testid="position-form">
      <Stack gap="sm">
        {!needsBallot && (
          <Radio.Group
            value={value}
            onChange={setValue}
            label={t('decisions.proposal.yourPosition')}
            required
          >
            <Stack gap={8} mt="xs">
              {allowedValues.map((v) => (
                <Radio key={v} value={v} label={tx(t, `decisions.proposal.values.${v}`)} size="md" />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {value === 'nominate' && (
          <Textarea
            label={t('decisions.governance.holder')}
            value={nominee}
            onChange={(e) => setNominee(e.currentTarget.value)}
            autosize
            minRows={1}
          />
        )}
        {rule === 'majorityJudgment' &&
          options.map((o) => (
            <Select
              key={o.id}
              label={o.label}
              placeholder={t('decisions.proposal.grade')}
              data={Array.from({ length: gradeCount }, (_, g) => ({ value: String(g), label: String(g) }))}
              value={grades[o.id] === undefined ? null : String(grades[o.id])}
              onChange={(v) => setGrades((x) => ({ ...x, [o.id]: Number(v ?? 0) }))}
            />
          ))}
        {rule === 'score' &&
          options.map((o) => (
            <NumberInput
              key={o.id}
              label={o.label}
              min={0}
              max={scoreMax}
              value={grades[o.id] ?? ''}
              onChange={(v) => setGrades((x) => ({ ...x, [o.id]: Number(v) || 0 }))}
            />
          ))}
        {rule === 'rankedChoice' && (
          <Stack gap={4}>
            <Text size="sm">{t('decisions.proposal.rankHint')}</Text>
            <Group gap="xs">
              {options.map((o) => {
                const at = ranking.indexOf(o.id);
                return (
                  <Chip
                    key={o.id}
                    checked={at >= 0}
                    onChange={() =>
                      setRanking((r) => (r.includes(o.id) ? r.filter((x) => x !== o.id) : [...r, o.id]))
                    }
                  >
                    {at >= 0 ? `${at + 1}. ` : ''}
                    {o.label}
                  </Chip>
                );
              })}
            </Group>
          </Stack>
        )}
        <Textarea
          label={t('decisions.proposal.reason')}
          description={reasonNeeded ? t('decisions.proposal.reasonRequired') : undefined}
          required={reasonNeeded}
          autosize
          minRows={2}
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={isPending} disabled={!canSubmit}>
            {t('decisions.proposal.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
