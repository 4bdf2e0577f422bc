import { PHASES } from '@essaim/contracts';
import { Badge, Button, Card, EmptyState, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../components/icons';
import { VisibilityNote } from '../../components/visibility-note';
import { currentLanguage } from '../../i18n';
import type { EngagementSummary } from './api';

export { PHASES };
export type PhaseKey = (typeof PHASES)[number];
export type EngagementStatus = EngagementSummary['status']['status'];

export const STATUS_COLOR: Record<EngagementStatus, string> = {
  active: 'teal',
  paused: 'yellow',
  stopped: 'red',
};

export function StatusBadge({
  status,
  size = 'md',
}: {
  status: EngagementStatus;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant={status === 'active' ? 'light' : 'filled'}
      size={size}
      style={{ flexShrink: 0 }}
    >
      {t(`engagement.status.${status}`)}
    </Badge>
  );
}

interface SectionCardProps {
  title: ReactNode;
  /** Who else can see what this card shows: always stated. */
  visibility: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  /** Heading level inside the page (the page title is the h1). */
  order?: 2 | 3;
  id?: string;
}

/** A titled card that always says who else sees its content. */
export function SectionCard({ title, visibility, actions, children, order = 2, id }: SectionCardProps) {
  return (
    <Card p={{ base: 'md', sm: 'xl' }} id={id}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ flex: 1, minWidth: 240 }}>
            <Title order={order} size={order === 2 ? 'h3' : 'h4'}>
              {title}
            </Title>
            <VisibilityNote>{visibility}</VisibilityNote>
          </Stack>
          {actions}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** Shown when the person belongs to no organisation yet: engagements live inside one. */
export function NoOrganisation() {
  const { t } = useTranslation();
  return (
    <Card p="xl">
      <EmptyState icon={<Icon name="building" size={30} />} variant="light" size="lg" mx="auto" maw={560}>
        <EmptyState.Title order={2}>{t('engagement.noOrg.title')}</EmptyState.Title>
        <EmptyState.Description>{t('engagement.noOrg.body')}</EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} to="/organisation">
            {t('engagement.noOrg.cta')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Card>
  );
}

/** A score in the reader's language ("63,6" in French, "63.6" in English). */
export function formatScore(value: number): string {
  return new Intl.NumberFormat(currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: 1,
  }).format(value);
}

/** Splits a multi-line textarea into trimmed, non-empty lines (advantages, risks…). */
export function toLines(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
