import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The one `<h1>` of a signed-out page, with its lead paragraph. */
export function AuthHeading({
  title,
  intro,
  eyebrow,
}: {
  title: ReactNode;
  intro?: ReactNode;
  eyebrow?: ReactNode;
}) {
  return (
    <Stack gap={6} mb="lg">
      {eyebrow && (
        <Text
          size="sm"
          fw={600}
          c="var(--mantine-color-honey-light-color)"
          tt="uppercase"
          style={{ letterSpacing: '0.05em' }}
        >
          {eyebrow}
        </Text>
      )}
      <Title order={1} fz={{ base: 24, sm: 28 }}>
        {title}
      </Title>
      {intro && <Text c="dimmed">{intro}</Text>}
    </Stack>
  );
}
