import { Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../components/icons';
import classes from './home.module.css';

export function NextStepCard() {
  const { t } = useTranslation();
  return (
    <Box component="section" className={classes.nextStep} aria-labelledby="home-next-step">
      <Group justify="space-between" align="center" gap="lg">
        <Stack gap={6} maw={640}>
          <Text className={classes.eyebrow}>{t('home.nextStep.eyebrow')}</Text>
          <Title order={2} id="home-next-step" fz={22}>
            {t('home.nextStep.title')}
          </Title>
          <Text c="dimmed">{t('home.nextStep.body')}</Text>
        </Stack>
        <Group gap="sm">
          <Button component={Link} to="/organisation?tab=invitations" size="md" variant="default">
            {t('home.nextStep.invite')}
          </Button>
          <Button
            component={Link}
            to="/engagements"
            size="md"
            rightSection={<Icon name="arrowRight" size={18} />}
          >
            {t('home.nextStep.cta')}
          </Button>
        </Group>
      </Group>
    </Box>
  );
}
