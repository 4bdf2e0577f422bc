/** @module Check-in config: the scale, the optional word, and named mode (announced on every phone). */
import type { CheckInScale } from '@essaim/core/live';
import { Checkbox, Select, Stack } from '@mantine/core';
import { useActivityText } from '../shared/strings';
import type { ConfigContext, ConfigFormProps } from '../types';
import { checkInStrings } from './strings';

const read = (extra: Readonly<Record<string, unknown>>) => ({
  scale: (extra.scale === 'energy' ? 'energy' : 'mood') as CheckInScale,
  allowWord: extra.allowWord !== false,
  showNames: extra.showNames === true,
});

export function CheckInConfigForm({ values, set }: ConfigFormProps) {
  const text = useActivityText(checkInStrings);
  const v = read(values.extra);
  const put = (patch: Record<string, unknown>) => set('extra', { ...values.extra, ...patch });
  return (
    <Stack gap="xs">
      <Select
        label={text('scale')}
        data={[
          { value: 'mood', label: text('mood') },
          { value: 'energy', label: text('energy') },
        ]}
        value={v.scale}
        onChange={(s) => s && put({ scale: s })}
        allowDeselect={false}
      />
      <Checkbox
        label={text('allowWord')}
        checked={v.allowWord}
        onChange={(e) => put({ allowWord: e.currentTarget.checked })}
      />
      <Checkbox
        label={text('showNames')}
        description={text('showNamesHelp')}
        checked={v.showNames}
        onChange={(e) => put({ showNames: e.currentTarget.checked })}
      />
    </Stack>
  );
}

export function buildCheckIn({ name, values }: ConfigContext) {
  return { type: 'checkIn' as const, title: name, config: read(values.extra) };
}
