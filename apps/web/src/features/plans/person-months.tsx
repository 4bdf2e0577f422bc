import type { PlanDocument } from '@essaim/core/plans';
import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Person = PlanDocument['people'][number];
type Availability = NonNullable<Person['availability']>;

/**
 * The months where a person gives a different number of days than usual (part-time month, leave). The
 * over-allocation warning compares each month with these days, less the collective's unavailable days.
 */
export function PersonMonths({
  person,
  readOnly,
  onChange,
}: {
  person: Person;
  readOnly: boolean;
  onChange: (availability: Availability) => void;
}) {
  const { t } = useTranslation();
  const months = person.availability ?? [];
  const set = (i: number, patch: Partial<Availability[number]>) =>
    onChange(months.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const nextMonth = () => {
    const last = months.at(-1)?.month ?? new Date().toISOString().slice(0, 7);
    const d = new Date(`${last}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + (months.length === 0 ? 0 : 1));
    return d.toISOString().slice(0, 7);
  };
  return (
    <Stack gap={4} pl="md">
      {months.length === 0 && readOnly && (
        <Text size="xs" c="dimmed">
          {t('plans.availability.noMonths')}
        </Text>
      )}
      {months.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a month row has no id, and its month may repeat while typed
        <Group key={`${person.id}-${i}`} gap="xs" align="flex-end">
          <TextInput
            type="month"
            size="xs"
            w={150}
            aria-label={t('plans.availability.monthOf', { name: person.name })}
            value={m.month}
            readOnly={readOnly}
            onChange={(e) => set(i, { month: e.currentTarget.value })}
          />
          <NumberInput
            size="xs"
            w={120}
            min={0}
            max={31}
            suffix={` ${t('plans.availability.daysUnitShort')}`}
            aria-label={t('plans.availability.daysThatMonth', { name: person.name, month: m.month })}
            value={m.days}
            readOnly={readOnly}
            onChange={(v) => set(i, { days: Number(v) || 0 })}
          />
          {!readOnly && (
            <ActionIcon
              variant="subtle"
              color="red"
              size="sm"
              aria-label={t('plans.availability.removeMonth', { month: m.month })}
              onClick={() => onChange(months.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {!readOnly && (
        <Button
          variant="subtle"
          size="compact-xs"
          w="fit-content"
          onClick={() => onChange([...months, { month: nextMonth(), days: person.daysPerMonth }])}
        >
          {t('plans.availability.addMonth', { name: person.name })}
        </Button>
      )}
    </Stack>
  );
}
