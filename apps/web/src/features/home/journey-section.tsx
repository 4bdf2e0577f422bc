import { Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import classes from './home.module.css';
import { JOURNEY_STEPS } from './journey';

/** The seven steps as an ordered list of cards, closed by a card that loops back to the start. */
export function JourneySection() {
  const { t } = useTranslation();
  return (
    <Stack component="section" gap="md" aria-labelledby="home-journey">
      <div>
        <Title order={2} id="home-journey" fz={22} mb={6}>
          {t('home.journey.title')}
        </Title>
        <Text c="dimmed" maw={720}>
          {t('home.journey.intro')}
        </Text>
      </div>
      <ol className={classes.steps}>
        {JOURNEY_STEPS.map((step, index) => (
          <li key={step.id}>
            <Card className={classes.stepCard} data-phase={step.phase} padding="lg">
              <Group justify="space-between" align="center" mb="md" wrap="nowrap">
                <ThemeIcon size={40} radius="md">
                  <Icon name={step.icon} size={22} />
                </ThemeIcon>
                <Stack gap={0} align="flex-end">
                  <Text size="xs" fw={700} className={classes.stepNumber}>
                    {t('home.journey.stepNumber', { number: index + 1 })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`home.journey.phases.${step.phase}`)}
                  </Text>
                </Stack>
              </Group>
              <Title order={3} fz="md" mb={6}>
                {t(`home.journey.steps.${step.id}.title`)}
              </Title>
              <Text size="sm" c="dimmed" lh={1.55}>
                {t(`home.journey.steps.${step.id}.body`)}
              </Text>
            </Card>
          </li>
        ))}
        <li>
          <Card className={classes.loopCard} padding="lg">
            <ThemeIcon size={40} radius="xl" variant="default" mb="md">
              <Icon name="refresh" size={22} />
            </ThemeIcon>
            <Title order={3} fz="md" mb={6}>
              {t('home.journey.loop.title')}
            </Title>
            <Text size="sm" c="dimmed" lh={1.55}>
              {t('home.journey.loop.body')}
            </Text>
          </Card>
        </li>
      </ol>
    </Stack>
  );
}
