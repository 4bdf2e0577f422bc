import { Button, Center, Code, EmptyState, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Icon } from '../../components/icons';
import { Logo } from '../../components/logo';
import { usePageTitle } from '../../lib/use-page-title';
import { NotFoundPage } from './not-found-page';

function describeThrown(error: unknown): string {
  if (isRouteErrorResponse(error)) {
    return `${error.status} ${error.statusText}`;
  }
  if (error instanceof Error) {
    return import.meta.env.DEV && error.stack ? error.stack : `${error.name}: ${error.message}`;
  }
  return String(error);
}

/**
 * Route error boundary. Inside the frame by default; `standalone` when the frame itself failed, so it
 * renders its own minimal chrome. Shows the technical message folded away, for bug reports.
 */
export function RouteErrorPage({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const { t } = useTranslation();
  usePageTitle(t('errorPage.title'));

  if (isRouteErrorResponse(error) && error.status === 404 && !standalone) {
    return <NotFoundPage />;
  }

  const content = (
    <EmptyState py={48} size="lg" variant="light" color="red" icon={<Icon name="alert" size={30} />}>
      <EmptyState.Title order={1}>{t('errorPage.title')}</EmptyState.Title>
      <EmptyState.Description maw={540}>{t('errorPage.body')}</EmptyState.Description>
      <EmptyState.Actions>
        <Button onClick={() => window.location.reload()} leftSection={<Icon name="refresh" size={18} />}>
          {t('errorPage.reload')}
        </Button>
        <Button component={Link} to="/" variant="default" reloadDocument={standalone}>
          {t('common.backHome')}
        </Button>
      </EmptyState.Actions>
      <Stack component="details" gap={6} maw={620} w="100%" mt="md">
        <Text component="summary" size="sm" c="dimmed" style={{ cursor: 'pointer' }}>
          {t('errorPage.details')}
        </Text>
        <Code block style={{ textAlign: 'start', whiteSpace: 'pre-wrap' }}>
          {describeThrown(error)}
        </Code>
      </Stack>
    </EmptyState>
  );

  if (!standalone) {
    return content;
  }
  return (
    <Center mih="100vh" p="md" component="main">
      <Stack align="center">
        <Group>
          <Logo />
        </Group>
        {content}
      </Stack>
    </Center>
  );
}
