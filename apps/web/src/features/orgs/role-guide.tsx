import { ROLES } from '@essaim/core';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What each role may do, in plain words (mirrors the core permission map). */
export function RoleGuide() {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="lg" p={{ base: 'md', sm: 'lg' }}>
      <Title order={3} size="h4" mb="sm">
        {t('orgs.roles.guideTitle')}
      </Title>
      <Stack component="dl" gap="sm" m={0}>
        {ROLES.map((role) => (
          <div key={role}>
            <Text component="dt" fw={600} size="sm">
              {t(`orgs.roles.${role}.label`)}
            </Text>
            <Text component="dd" size="sm" c="dimmed" m={0}>
              {t(`orgs.roles.${role}.description`)}
            </Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}
