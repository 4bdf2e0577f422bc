import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Icon } from './icons';

/** States who else can see the data on screen, e.g. "Visible to the organisation's owners only". */
export function VisibilityNote({ children }: { children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-visibility-note="">
      <Icon name="eye" size={16} aria-hidden="true" style={{ flexShrink: 0, marginTop: 2, opacity: 0.75 }} />
      <Text size="sm" c="dimmed">
        {children}
      </Text>
    </Group>
  );
}
