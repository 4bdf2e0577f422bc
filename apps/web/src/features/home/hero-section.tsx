import { Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../components/icons';
import { HiveIllustration } from './hive-illustration';
import classes from './home.module.css';

export function HeroSection() {
  const { t } = useTranslation();
  return (
    <Box component="section" className={classes.hero} aria-labelledby="home-title">
      <Group justify="space-between" align="center" wrap="nowrap" gap="xl">
        <Stack gap="md" maw={640}>
          <Text className={classes.eyebrow}>{t('home.eyebrow')}</Text>
          <Title order={1} id="home-title" data-testid="home-title" className={classes.heroTitle}>
            {t('home.title')}
          </Title>
          <Text size="lg" c="dimmed" lh={1.6}>
            {t('home.lead')}
          </Text>
          <Group gap="sm" mt="xs">
            <Button
              component={Link}
              to="/engagements"
              size="md"
              rightSection={<Icon name="arrowRight" size={18} />}
            >
              {t('home.primaryCta')}
            </Button>
            <Button component={Link} to="/methods" size="md" variant="default">
              {t('home.secondaryCta')}
            </Button>
          </Group>
        </Stack>
        <Box visibleFrom="md">
          <HiveIllustration className={classes.hive} />
        </Box>
      </Group>
    </Box>
  );
}
