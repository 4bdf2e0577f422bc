import { Card, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../../components/icons';

const AUDIENCES: readonly { id: 'facilitators' | 'sponsors' | 'members'; icon: IconName }[] = [
  { id: 'facilitators', icon: 'compass' },
  { id: 'sponsors', icon: 'briefcase' },
  { id: 'members', icon: 'users' },
];

export function AudienceSection() {
  const { t } = useTranslation();
  return (
    <Stack component="section" gap="md" aria-labelledby="home-audiences">
      <Title order={2} id="home-audiences" fz={22}>
        {t('home.audiences.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {AUDIENCES.map(({ id, icon }) => (
          <Card key={id} padding="lg">
            <ThemeIcon size={40} radius="md" mb="sm">
              <Icon name={icon} size={22} />
            </ThemeIcon>
            <Title order={3} fz="md" mb={6}>
              {t(`home.audiences.${id}.title`)}
            </Title>
            <Text size="sm" c="dimmed" lh={1.55}>
              {t(`home.audiences.${id}.body`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
