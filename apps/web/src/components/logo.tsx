import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The Essaim mark: a honeycomb cell holding a small swarm. Decorative; the wordmark carries the name. */
export function LogoMark({ size = 30 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path fill="var(--mantine-color-honey-6)" d="M16 1.5 28.6 8.75v14.5L16 30.5 3.4 23.25V8.75z" />
      <circle cx="16" cy="16" r="3.2" fill="var(--mantine-color-honey-0)" />
      <circle cx="10" cy="11.5" r="1.9" fill="var(--mantine-color-honey-0)" />
      <circle cx="22" cy="11.5" r="1.9" fill="var(--mantine-color-honey-0)" />
      <circle cx="10" cy="20.5" r="1.9" fill="var(--mantine-color-honey-0)" />
      <circle cx="22" cy="20.5" r="1.9" fill="var(--mantine-color-honey-0)" />
    </svg>
  );
}

export function Logo() {
  const { t } = useTranslation();
  return (
    <Group gap={10} wrap="nowrap">
      <LogoMark />
      <div>
        <Text fw={800} fz={19} lh={1.1} style={{ letterSpacing: '-0.01em' }}>
          {t('app.name')}
        </Text>
        <Text
          fz={11}
          c="dimmed"
          lh={1.2}
          tt="uppercase"
          fw={600}
          style={{ letterSpacing: '0.06em' }}
          visibleFrom="xs"
        >
          {t('app.tagline')}
        </Text>
      </div>
    </Group>
  );
}
