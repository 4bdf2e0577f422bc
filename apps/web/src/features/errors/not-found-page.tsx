import { Button, EmptyState, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../components/icons';
import { usePageTitle } from '../../lib/use-page-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <EmptyState py={64} size="lg" variant="light" icon={<Icon name="map" size={30} />}>
      <Text size="sm" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.06em' }}>
        {t('notFound.code')}
      </Text>
      <EmptyState.Title order={1}>{t('notFound.title')}</EmptyState.Title>
      <EmptyState.Description maw={520}>{t('notFound.body')}</EmptyState.Description>
      <EmptyState.Actions>
        <Button component={Link} to="/" leftSection={<Icon name="home" size={18} />}>
          {t('common.backHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
