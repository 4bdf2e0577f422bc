import { Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFacilitatorLevel } from './api';

/**
 * For the method recommender and agenda builder: when the consultant allows it, their assessed level
 * becomes the facilitator level (once), and the note says where it comes from.
 */
export function AssessedLevelNote({ onLevel }: { onLevel: (level: number) => void }) {
  const { t } = useTranslation();
  const level = useFacilitatorLevel();
  const value = level.data?.level ?? null;
  const apply = useRef(onLevel);
  apply.current = onLevel;
  // Applied once when known; the person can still change the field afterwards.
  useEffect(() => {
    if (value !== null) {
      apply.current(value);
    }
  }, [value]);
  if (value === null) {
    return null;
  }
  return (
    <Text size="xs" c="dimmed" data-testid="assessed-level-note">
      {t('competencies.level.fromAssessment', { level: value })}
    </Text>
  );
}
