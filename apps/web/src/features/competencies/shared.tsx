import { AREAS, COMPETENCIES, findCompetency, LEVELS } from '@essaim/core/competencies';
import { Badge } from '@mantine/core';
import { currentLanguage } from '../../i18n';

export { AREAS, COMPETENCIES, LEVELS };

/** Competency name in the interface language (the grid is bilingual data, like the method catalogue). */
export function competencyName(id: string): string {
  return findCompetency(id)?.name[currentLanguage()] ?? id;
}

export function levelName(level: number): string {
  return LEVELS[level - 1]?.name[currentLanguage()] ?? String(level);
}

export function descriptor(id: string, level: number): string {
  return findCompetency(id)?.descriptors[level - 1]?.[currentLanguage()] ?? '';
}

export function LevelBadge({ level }: { level: number }) {
  return (
    <Badge variant="light" color={['gray', 'blue', 'teal', 'grape'][level - 1] ?? 'gray'}>
      {level} · {levelName(level)}
    </Badge>
  );
}

export const competencyOptions = () =>
  COMPETENCIES.map((c) => ({ value: c.id, label: competencyName(c.id) }));
