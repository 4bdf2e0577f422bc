import { Badge, Card, EmptyState, List, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from './icons';

interface FeaturePlaceholderProps {
  icon: IconName;
  title: ReactNode;
  description: ReactNode;
  /** What the section will offer once built, so the empty page still orients the reader. */
  capabilities: string[];
  actions?: ReactNode;
}

/** Honest empty state for a section that is not built yet: no sample data, just what is coming. */
export function FeaturePlaceholder({
  icon,
  title,
  description,
  capabilities,
  actions,
}: FeaturePlaceholderProps) {
  const { t } = useTranslation();
  return (
    <Card p={{ base: 'lg', sm: 'xl' }}>
      <Stack gap="xl" align="center">
        <EmptyState icon={<Icon name={icon} size={30} />} variant="light" size="lg" maw={560}>
          <EmptyState.Title order={2}>{title}</EmptyState.Title>
          <EmptyState.Description>{description}</EmptyState.Description>
          <Badge variant="light" radius="sm" mt="xs">
            {t('common.comingSoon')}
          </Badge>
          {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
        </EmptyState>
        <Stack gap="sm" w="100%" maw={520}>
          <Text fw={600} size="sm" component="h3">
            {t('common.whatYouWillDo')}
          </Text>
          <List
            spacing="sm"
            size="sm"
            center
            icon={
              <ThemeIcon size={22} radius="xl">
                <Icon name="check" size={14} stroke={2.4} />
              </ThemeIcon>
            }
          >
            {capabilities.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </Stack>
      </Stack>
    </Card>
  );
}
