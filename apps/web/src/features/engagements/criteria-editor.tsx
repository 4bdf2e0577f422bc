import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import type { Criterion } from './api';

/** A short id, unique within a board (the contract allows up to 40 characters). */
export function newCriterionId(): string {
  return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

/** Rows of criterion name + weight (0–10); weight 0 keeps a criterion without counting it. */
export function CriteriaEditor({
  value,
  onChange,
}: {
  value: Criterion[];
  onChange: (next: Criterion[]) => void;
}) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<Criterion>) =>
    onChange(value.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" size="sm" fw={500} mb={4}>
        {t('engagement.options.criteria')}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('engagement.options.criteriaHelp')}
      </Text>
      <Stack gap="xs">
        {value.map((criterion, index) => (
          <Group key={criterion.id} gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('engagement.options.criterionName', { number: index + 1 })}
              value={criterion.name}
              onChange={(event) => update(index, { name: event.currentTarget.value })}
              maxLength={120}
            />
            <NumberInput
              w={110}
              label={t('engagement.options.weight')}
              min={0}
              max={10}
              step={1}
              clampBehavior="strict"
              value={criterion.weight}
              onChange={(weight) => update(index, { weight: Number(weight) || 0 })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mb={2}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
              aria-label={t('engagement.options.removeCriterion', { name: criterion.name || index + 1 })}
            >
              <Icon name="trash" size={16} />
            </ActionIcon>
          </Group>
        ))}
        {value.length < 12 && (
          <Button
            variant="default"
            size="xs"
            w="fit-content"
            leftSection={<Icon name="plus" size={14} />}
            onClick={() => onChange([...value, { id: newCriterionId(), name: '', weight: 3 }])}
          >
            {t('engagement.options.addCriterion')}
          </Button>
        )}
      </Stack>
    </fieldset>
  );
}

/** Drops unnamed rows before sending. */
export function cleanCriteria(criteria: Criterion[]): Criterion[] {
  return criteria.filter((c) => c.name.trim()).map((c) => ({ ...c, name: c.name.trim() }));
}
