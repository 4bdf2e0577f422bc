import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/use-page-title';
import { useEngagements } from '../engagements/api';
import { useCurrentOrg } from '../orgs/use-current-org';
import { AudienceSection } from './audience-section';
import { HeroSection } from './hero-section';
import { JourneySection } from './journey-section';
import { NextStepCard } from './next-step-card';
import { WorkOverview } from './work-overview';

/**
 * Signed in with an organisation: what the person is working on, and the first-engagement prompt
 * only when there is no engagement yet. Otherwise the product overview.
 */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.home'));
  const { org } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const engagements = useEngagements(orgId);
  if (org) {
    const hasNone = engagements.isSuccess && engagements.data.length === 0;
    return (
      <Stack gap={32}>
        {hasNone ? <NextStepCard /> : null}
        <WorkOverview orgId={orgId} />
        {hasNone ? <JourneySection /> : null}
      </Stack>
    );
  }
  return (
    <Stack gap={48}>
      <HeroSection />
      <JourneySection />
      <AudienceSection />
      <NextStepCard />
    </Stack>
  );
}
