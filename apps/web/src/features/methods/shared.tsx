import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDurationRange } from '../../lib/format-duration';
import type { MethodView } from './api';

export const FAMILIES = ['diverge', 'converge', 'decide', 'relate', 'reflect', 'plan', 'spread'] as const;
export const FAMILY_COLORS: Record<string, string> = {
  diverge: 'grape',
  converge: 'blue',
  decide: 'teal',
  relate: 'pink',
  reflect: 'indigo',
  plan: 'orange',
  spread: 'cyan',
};

/** The UI language, for texts the catalogue holds in both languages. */
export function useMethodLanguage(): 'fr' | 'en' {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
}

export function FamilyBadge({ family }: { family: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={FAMILY_COLORS[family] ?? 'gray'} style={{ flexShrink: 0 }}>
      {t(`library.families.${family as 'diverge'}`)}
    </Badge>
  );
}

export function rangeText(range: { min: number; max: number | null }): string {
  return range.max === null
    ? `${range.min}+`
    : range.min === range.max
      ? `${range.min}`
      : `${range.min}–${range.max}`;
}

/** Group size, duration, skill and trust as a compact line. */
export function MethodFacts({ method }: { method: MethodView }) {
  const { t } = useTranslation();
  return (
    <Group gap="md" wrap="wrap">
      <Text size="sm" c="dimmed">
        {t('library.facts.people', { range: rangeText(method.groupSize) })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('library.facts.minutes', { range: formatDurationRange(method.durationMinutes) })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('library.facts.skill', { level: method.facilitationSkill })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('library.facts.trust', { level: method.trustRequired })}
      </Text>
      <Text size="sm" c="dimmed">
        {t(`library.modes.${method.mode as 'both'}`)}
      </Text>
    </Group>
  );
}
