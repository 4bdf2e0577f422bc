import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/use-page-title';
import { AuthHeading } from '../auth/auth-heading';

const GAPS = ['charts', 'liveBoard', 'screenReaders', 'dragAndDrop', 'pdf'] as const;
const CHECKS = ['axe', 'keyboard', 'motion', 'screenReader', 'tech'] as const;

/**
 * Accessibility statement in the shape the RGAA asks for: conformance status, what is not yet
 * accessible, how the statement was established, and how to report a problem and seek redress.
 */
export function AccessibilityPage() {
  const { t } = useTranslation();
  usePageTitle(t('a11y.title'));
  return (
    <>
      <AuthHeading title={t('a11y.title')} intro={t('a11y.intro')} />
      <Stack gap="lg">
        <section>
          <Title order={2} size="h4" mb="xs">
            {t('a11y.status.title')}
          </Title>
          <Stack gap="xs">
            <Text>{t('a11y.status.body')}</Text>
            <Text>{t('a11y.status.results')}</Text>
            <Text size="sm" c="dimmed">
              {t('a11y.status.updated')}
            </Text>
          </Stack>
        </section>
        <section>
          <Title order={2} size="h4" mb="xs">
            {t('a11y.gaps.title')}
          </Title>
          <List spacing="xs">
            {GAPS.map((g) => (
              <List.Item key={g}>{t(`a11y.gaps.${g}`)}</List.Item>
            ))}
          </List>
        </section>
        <section>
          <Title order={2} size="h4" mb="xs">
            {t('a11y.method.title')}
          </Title>
          <List spacing="xs">
            {CHECKS.map((c) => (
              <List.Item key={c}>{t(`a11y.method.${c}`)}</List.Item>
            ))}
          </List>
        </section>
        <section>
          <Title order={2} size="h4" mb="xs">
            {t('a11y.contact.title')}
          </Title>
          <Text>{t('a11y.contact.body')}</Text>
        </section>
        <section>
          <Title order={2} size="h4" mb="xs">
            {t('a11y.redress.title')}
          </Title>
          <Text>
            {t('a11y.redress.body')}{' '}
            <Anchor
              href="https://formulaire.defenseurdesdroits.fr/"
              target="_blank"
              rel="noreferrer"
              underline="always"
            >
              {t('a11y.redress.link')}
            </Anchor>
          </Text>
        </section>
      </Stack>
    </>
  );
}
