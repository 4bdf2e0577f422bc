import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Small line above the title (section or status). */
  eyebrow?: ReactNode;
}

/** The one `<h1>` of a page, with an optional lead paragraph. */
export function PageHeader({ title, description, eyebrow }: PageHeaderProps) {
  return (
    <Stack gap="xs" mb="xl" maw={720}>
      {eyebrow}
      <Title order={1} fz={{ base: 28, sm: 34 }}>
        {title}
      </Title>
      {description && (
        <Text size="lg" c="dimmed">
          {description}
        </Text>
      )}
    </Stack>
  );
}
