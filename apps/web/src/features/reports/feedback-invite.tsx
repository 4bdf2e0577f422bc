import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Shown to participants once the workshop has ended: the way to the feedback form. */
export function FeedbackInvite({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Text fw={600}>{t('reports.feedback.inviteTitle')}</Text>
        <Text size="sm">{t('reports.feedback.inviteBody')}</Text>
        <Button component={Link} to={`/w/${workshopId}/feedback`} w="fit-content">
          {t('reports.feedback.inviteButton')}
        </Button>
      </Stack>
    </Paper>
  );
}
