import { SimpleGrid, Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Placeholder shaped like a typical page while its code chunk loads. */
export function PageSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" aria-busy="true">
      <VisuallyHidden role="status">{t('app.loading')}</VisuallyHidden>
      <Stack gap="sm" maw={720}>
        <Skeleton height={36} width="55%" radius="md" />
        <Skeleton height={14} radius="xl" />
        <Skeleton height={14} width="80%" radius="xl" />
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {['a', 'b', 'c'].map((key) => (
          <Skeleton key={key} height={140} radius="lg" />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
