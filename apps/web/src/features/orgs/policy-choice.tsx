import { Group, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type ContributionPolicy = 'anonymise' | 'delete';

/** Radio cards explaining what happens to a departing person's contributions. */
export function PolicyChoice({
  value,
  onChange,
  disabled,
}: {
  value: ContributionPolicy;
  onChange: (value: ContributionPolicy) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('orgs.policy.label')}
      description={t('orgs.policy.note')}
      value={value}
      onChange={(next) => onChange(next === 'delete' ? 'delete' : 'anonymise')}
      name="contributionPolicy"
    >
      <Stack gap="xs" mt="xs">
        {(['anonymise', 'delete'] as const).map((policy) => (
          <Radio.Card key={policy} value={policy} radius="md" p="sm" disabled={disabled} withBorder>
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator mt={2} />
              <div>
                <Text fw={600} size="sm">
                  {t(`orgs.policy.${policy}.label`)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t(`orgs.policy.${policy}.description`)}
                </Text>
              </div>
            </Group>
          </Radio.Card>
        ))}
      </Stack>
    </Radio.Group>
  );
}
