import { METHOD_CATALOGUE } from '@essaim/core/methods';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Progress,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { PageHeader } from '../../components/page-header';
import { currentLanguage } from '../../i18n';
import { describeError } from '../../lib/describe-error';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { type CompetencyGoal, useCreateGoal, useGoals, useUpdateGoal } from './api';
import { competencyName, competencyOptions, LevelBadge, levelName } from './shared';

function methodName(id: string): string {
  return METHOD_CATALOGUE.find((m) => m.id === id)?.name[currentLanguage()] ?? id;
}

function GoalCard({ goal }: { goal: CompetencyGoal }) {
  const { t } = useTranslation();
  const update = useUpdateGoal();
  const p = goal.progress;
  return (
    <Card withBorder data-testid="goal">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{competencyName(goal.competencyId)}</Text>
          <Group gap="xs">
            <LevelBadge level={goal.targetLevel} />
            <Badge variant="outline" color={goal.status === 'open' ? 'blue' : 'gray'}>
              {t(`competencies.plan.status.${goal.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">
          {p.currentLevel
            ? t('competencies.plan.current', { level: p.currentLevel, name: levelName(p.currentLevel) })
            : t('competencies.plan.notAssessed')}
          {goal.dueOn ? ` · ${t('competencies.plan.due', { date: formatDate(goal.dueOn) })}` : ''}
          {p.isOverdue ? ` · ${t('competencies.plan.overdue')}` : ''}
        </Text>
        <Progress value={p.ratio * 100} aria-label={t('competencies.plan.progress')} />
        {goal.practiceMethodIds.length > 0 ? (
          <Text size="sm">
            {t('competencies.plan.practice')}{' '}
            {goal.practiceMethodIds
              .map((id) => `${methodName(id)}${p.practised.includes(id) ? ' ✓' : ''}`)
              .join(', ')}
          </Text>
        ) : null}
        {goal.resources ? <Text size="sm">{goal.resources}</Text> : null}
        {goal.status === 'open' ? (
          <Group>
            <Button
              size="xs"
              variant="light"
              onClick={() => update.mutate({ id: goal.id, status: 'achieved' })}
            >
              {t('competencies.plan.achieved')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => update.mutate({ id: goal.id, status: 'dropped' })}
            >
              {t('competencies.plan.drop')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

export function PlanPage() {
  const { t } = useTranslation();
  usePageTitle(t('competencies.plan.title'));
  const goals = useGoals();
  const create = useCreateGoal();
  const lng = currentLanguage();
  const [competencyId, setCompetencyId] = useState<string | null>(null);
  const [targetLevel, setTargetLevel] = useState('3');
  const [methods, setMethods] = useState<string[]>([]);
  const [resources, setResources] = useState('');
  const [dueOn, setDueOn] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!competencyId) {
      return;
    }
    create.mutate(
      {
        competencyId,
        targetLevel: Number(targetLevel),
        practiceMethodIds: methods,
        resources,
        dueOn: dueOn || null,
      },
      {
        onSuccess: () => {
          setCompetencyId(null);
          setMethods([]);
          setResources('');
          setDueOn('');
        },
      },
    );
  };
  const list = goals.data?.goals ?? [];
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/competencies" size="sm">
        {t('competencies.back')}
      </Anchor>
      <PageHeader title={t('competencies.plan.title')} description={t('competencies.plan.intro')} />
      <Card withBorder component="section" aria-labelledby="goal-create">
        <form onSubmit={submit} data-testid="goal-form">
          <Stack gap="sm">
            <Title order={2} size="h4" id="goal-create">
              {t('competencies.plan.create')}
            </Title>
            <Group grow align="start">
              <Select
                label={t('competencies.plan.competency')}
                data={competencyOptions()}
                value={competencyId}
                onChange={setCompetencyId}
                searchable
                required
                data-testid="goal-competency"
              />
              <Select
                label={t('competencies.plan.target')}
                data={[1, 2, 3, 4].map((l) => ({ value: String(l), label: `${l} · ${levelName(l)}` }))}
                value={targetLevel}
                allowDeselect={false}
                onChange={(v) => setTargetLevel(v ?? '3')}
              />
            </Group>
            <MultiSelect
              label={t('competencies.plan.practiceLabel')}
              description={t('competencies.plan.practiceHint')}
              data={METHOD_CATALOGUE.map((m) => ({
                value: m.id,
                label: `${m.name[lng]} (${t('competencies.plan.skill', { skill: m.facilitationSkill })})`,
              }))}
              value={methods}
              onChange={setMethods}
              maxValues={10}
              searchable
              data-testid="goal-methods"
            />
            <Textarea
              label={t('competencies.plan.resources')}
              autosize
              minRows={2}
              value={resources}
              onChange={(e) => setResources(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('competencies.plan.dueLabel')}
              value={dueOn}
              onChange={(e) => setDueOn(e.currentTarget.value)}
              maw={220}
              name="dueOn"
            />
            {create.isError ? <FormAlert message={describeError(t, create.error)} /> : null}
            <Group>
              <Button
                type="submit"
                loading={create.isPending}
                disabled={!competencyId}
                data-testid="goal-submit"
              >
                {t('competencies.plan.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {list.length === 0 ? (
        <Text c="dimmed">{t('competencies.plan.none')}</Text>
      ) : (
        <Stack gap="sm" data-testid="goals">
          {list.map((g) => (
            <GoalCard key={g.id} goal={g} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
