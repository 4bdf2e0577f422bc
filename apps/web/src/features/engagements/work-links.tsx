import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../components/icons';
import { useCurrentOrg } from '../orgs/use-current-org';

/**
 * Ways into the work of an engagement (diagnostic, network, workshops, opinion maps, methods). Each
 * link shows only for roles that may use it; the server checks again.
 */
export function WorkLinks({ engagementId }: { engagementId: string }) {
  const { t } = useTranslation();
  const { can } = useCurrentOrg();
  const links = [
    {
      to: `/engagements/${engagementId}/diagnostics`,
      label: t('engagement.work.diagnostic'),
      icon: 'compass' as const,
      show: can('survey.readReport'),
    },
    {
      to: `/engagements/${engagementId}/network`,
      label: t('engagement.work.network'),
      icon: 'link' as const,
      show: can('network.readReport'),
    },
    {
      to: '/workshops',
      label: t('engagement.work.workshops'),
      icon: 'users' as const,
      show: can('workshop.read'),
    },
    {
      to: '/conversations',
      label: t('engagement.work.conversations'),
      icon: 'scale' as const,
      show: can('workshop.read'),
    },
    { to: '/methods', label: t('engagement.work.methods'), icon: 'book' as const, show: true },
    {
      to: `/engagements/${engagementId}/decisions`,
      label: t('decisions.engagementLink'),
      icon: 'flag' as const,
      show: can('decision.read'),
    },
    {
      to: `/engagements/${engagementId}/charters`,
      label: t('charters.engagementLink'),
      icon: 'book' as const,
      show: can('engagement.read'),
    },
    {
      to: `/engagements/${engagementId}/plan`,
      label: t('plans.engagementLink'),
      icon: 'flag' as const,
      show: can('plan.read'),
    },
    {
      to: `/engagements/${engagementId}/evaluation`,
      label: t('reports.evaluation.link'),
      icon: 'chart' as const,
      show: can('survey.readReport'),
    },
    {
      to: `/engagements/${engagementId}/reports`,
      label: t('reports.page.link'),
      icon: 'download' as const,
      show: can('engagement.read'),
    },
  ].filter((l) => l.show);
  return (
    <Group gap="xs" mb="lg" wrap="wrap" aria-label={t('engagement.work.label')} role="navigation">
      {links.map((l) => (
        <Button
          key={l.to}
          component={Link}
          to={l.to}
          variant="light"
          size="xs"
          leftSection={<Icon name={l.icon} size={14} />}
        >
          {l.label}
        </Button>
      ))}
    </Group>
  );
}
