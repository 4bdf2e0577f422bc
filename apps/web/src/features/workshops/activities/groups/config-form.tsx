/** @module Small groups config: size, make-up, the optional question to mix on, and what to regroup from. */
import type { GroupingStrategy, GroupsConfig } from '@essaim/core/live';
import { Select, Stack, Textarea, TextInput } from '@mantine/core';
import { itemsFromLines } from '../../add-activity';
import { useActivityText } from '../shared/strings';
import type { ConfigContext, ConfigFormProps } from '../types';
import { groupsStrings } from './strings';

export const GROUP_SIZES = [2, 3, 4, 5, 6, 8, 0] as const;

function read(extra: Readonly<Record<string, unknown>>) {
  const attribute = extra.attribute as GroupsConfig['attribute'] | undefined;
  return {
    size: typeof extra.size === 'number' ? extra.size : 2,
    strategy: (extra.strategy ?? 'random') as GroupingStrategy,
    question: typeof extra.question === 'string' ? extra.question : (attribute?.question ?? ''),
    options:
      typeof extra.options === 'string'
        ? extra.options
        : (attribute?.options.map((o) => o.label).join('\n') ?? ''),
    from: typeof extra.fromActivityId === 'string' ? extra.fromActivityId : null,
  };
}

export function GroupsConfigForm({ values, set, activities }: ConfigFormProps) {
  const text = useActivityText(groupsStrings);
  const v = read(values.extra);
  const put = (patch: Record<string, unknown>) => set('extra', { ...values.extra, ...patch });
  const earlier = activities.filter((a) => a.type === 'groups');
  return (
    <Stack gap="sm">
      <Select
        label={text('size')}
        data={GROUP_SIZES.map((n) => ({
          value: String(n),
          label: n === 0 ? text('sizeAll') : text('sizeN', { n }),
        }))}
        value={String(v.size)}
        onChange={(s) => s !== null && put({ size: Number(s) })}
        allowDeselect={false}
        data-testid="groups-size"
      />
      <Select
        label={text('strategy')}
        data={(['random', 'mix', 'together'] as const).map((s) => ({ value: s, label: text(s) }))}
        value={v.strategy}
        onChange={(s) => s !== null && put({ strategy: s })}
        allowDeselect={false}
      />
      {earlier.length > 0 ? (
        <Select
          label={text('from')}
          description={text('fromHelp')}
          placeholder={text('fromNone')}
          data={earlier.map((a) => ({ value: a.value, label: a.label }))}
          value={v.from}
          clearable
          onChange={(s) => put({ fromActivityId: s })}
        />
      ) : null}
      <TextInput
        label={text('question')}
        description={text('questionHelp')}
        value={v.question}
        maxLength={200}
        onChange={(e) => put({ question: e.currentTarget.value })}
      />
      {v.question.trim() ? (
        <Textarea
          label={text('options')}
          autosize
          minRows={2}
          value={v.options}
          onChange={(e) => put({ options: e.currentTarget.value })}
        />
      ) : null}
    </Stack>
  );
}

export function buildGroups({ name, values }: ConfigContext) {
  const v = read(values.extra);
  const options = itemsFromLines(v.options);
  const hasQuestion = v.question.trim() !== '';
  if (hasQuestion && options.length === 0) {
    return null;
  }
  return {
    type: 'groups' as const,
    title: name,
    config: {
      size: v.size,
      strategy: v.strategy,
      attribute: hasQuestion ? { question: v.question.trim(), options } : null,
      fromActivityId: v.from,
    },
    // The room sees the groups as soon as they are formed.
    isRevealed: true,
  };
}
