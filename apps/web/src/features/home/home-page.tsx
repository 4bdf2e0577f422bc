import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/use-page-title';
import { AudienceSection } from './audience-section';
import { HeroSection } from './hero-section';
import { JourneySection } from './journey-section';
import { NextStepCard } from './next-step-card';

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.home'));
  return (
    <Stack gap={48}>
      <HeroSection />
      <JourneySection />
      <AudienceSection />
      <NextStepCard />
    </Stack>
  );
}
