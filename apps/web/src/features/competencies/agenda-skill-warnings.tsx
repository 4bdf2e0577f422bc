import { agendaSkillWarnings } from '@essaim/core/competencies';
import { type FacilitationSkill, METHOD_CATALOGUE } from '@essaim/core/methods';
import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFacilitatorLevel } from './api';

/**
 * For the agenda builder: when the consultant lets Essaim use their assessed level, list the planned
 * methods that ask for more (a warning, never a ban: competence boundaries, domain ethics §c.7).
 */
export function AgendaSkillWarnings({
  items,
}: {
  items: { methodId: string | null; title: { fr: string; en: string } }[];
}) {
  const { t, i18n } = useTranslation();
  const level = useFacilitatorLevel();
  const value = level.data?.level ?? null;
  if (value === null) {
    return null;
  }
  const warnings = agendaSkillWarnings(
    items.map((i) => i.methodId),
    METHOD_CATALOGUE,
    value as FacilitationSkill,
  );
  if (warnings.length === 0) {
    return null;
  }
  const lng = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <Alert
      color="honey"
      variant="light"
      title={t('competencies.level.agendaTitle')}
      data-testid="agenda-skill-warnings"
    >
      <Stack gap={2}>
        {warnings.map((w) => (
          <Text size="sm" key={`${w.index}-${w.methodId}`}>
            {t('competencies.level.agendaItem', {
              position: w.index + 1,
              method: items[w.index]?.title[lng] ?? w.methodId,
              required: w.required,
              facilitator: w.facilitator,
            })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
