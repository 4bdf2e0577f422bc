import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { QueryError } from '../../components/query-error';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format';
import { useCurrentOrg } from '../orgs/use-current-org';
import {
  type BoardOption,
  type Criterion,
  type Engagement,
  type OptionsBoard,
  useBoardMutation,
  useBoards,
} from './api';
import { CriteriaEditor, cleanCriteria, newCriterionId } from './criteria-editor';
import { type OptionBody, OptionForm } from './option-form';
import { formatScore, SectionCard } from './shared';

const enc = encodeURIComponent;

function CreateBoard({
  orgId,
  engagement,
  onCreated,
}: {
  orgId: string;
  engagement: Engagement;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [questionId, setQuestionId] = useState<string | null>(null);
  const [criteria, setCriteria] = useState<Criterion[]>(() => [
    { id: newCriterionId(), name: t('engagement.options.defaultCriteria.impact'), weight: 5 },
    { id: newCriterionId(), name: t('engagement.options.defaultCriteria.feasibility'), weight: 3 },
    { id: newCriterionId(), name: t('engagement.options.defaultCriteria.support'), weight: 3 },
  ]);
  const [error, setError] = useState<string | null>(null);
  const create = useBoardMutation<void>(
    orgId,
    engagement.id,
    (boardsPath) =>
      api.post<OptionsBoard>(boardsPath, {
        title: title.trim(),
        questionId: questionId ?? undefined,
        criteria: cleanCriteria(criteria),
      }),
    {
      onSuccess: () => {
        setTitle('');
        setQuestionId(null);
        setError(null);
        onCreated();
      },
      onError: (err) => setError(describeError(t, err)),
    },
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim().length < 2) {
      setError(t('engagement.options.boardTitleTooShort'));
      return;
    }
    create.mutate();
  };
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={onSubmit} noValidate data-testid="board-create-form">
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('engagement.options.createTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('engagement.options.boardTitle')}
              placeholder={t('engagement.options.boardTitlePlaceholder')}
              required
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              maxLength={200}
              name="title"
            />
            <Select
              label={t('engagement.options.linkedQuestion')}
              placeholder={t('engagement.options.noQuestion')}
              data={engagement.questions.map((q) => ({ value: q.id, label: q.text }))}
              value={questionId}
              onChange={setQuestionId}
              clearable
              searchable
            />
          </SimpleGrid>
          <CriteriaEditor value={criteria} onChange={setCriteria} />
          <FormAlert message={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} leftSection={<Icon name="plus" size={16} />}>
              {t('engagement.options.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function BulletList({ label, items, color }: { label: string; items: string[]; color: string }) {
  if (items.length === 0) {
    return null;
  }
  return (
    <Stack gap={2}>
      <Text size="xs" fw={700} c={color} tt="uppercase">
        {label}
      </Text>
      <List size="sm" spacing={2}>
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

function OptionCard({
  board,
  option,
  chosen,
  canPrepare,
  canChoose,
  onEdit,
  onDelete,
  onChoose,
}: {
  board: OptionsBoard;
  option: BoardOption;
  chosen: boolean;
  canPrepare: boolean;
  canChoose: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onChoose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      component="article"
      p="md"
      aria-labelledby={`option-${option.id}`}
      style={chosen ? { borderColor: 'var(--mantine-color-teal-6)', borderWidth: 2 } : undefined}
      data-testid="option-card"
    >
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Text fw={700} id={`option-${option.id}`}>
              {option.title}
            </Text>
            {chosen && (
              <Badge color="teal" variant="light" leftSection={<Icon name="flag" size={12} />}>
                {t('engagement.options.chosenBadge')}
              </Badge>
            )}
          </Stack>
          <Tooltip label={t('engagement.options.weightedHelp')}>
            <Badge size="xl" variant="light" color="honey" radius="sm" style={{ flexShrink: 0 }}>
              {t('engagement.options.weightedShort', { score: formatScore(option.weightedScore) })}
            </Badge>
          </Tooltip>
        </Group>
        {option.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {option.description}
          </Text>
        )}
        <BulletList label={t('engagement.options.advantages')} items={option.advantages} color="teal.8" />
        <BulletList label={t('engagement.options.drawbacks')} items={option.drawbacks} color="orange.8" />
        <BulletList label={t('engagement.options.risks')} items={option.risks} color="red.8" />
        <Group gap="xs">
          <Badge variant="outline" color="gray">
            {t('engagement.options.effortBadge', {
              level: t(
                `engagement.options.effortLevels.${option.effort}` as 'engagement.options.effortLevels.1',
              ),
            })}
          </Badge>
          {option.cost && (
            <Badge variant="outline" color="gray">
              {t('engagement.options.costBadge', { cost: option.cost })}
            </Badge>
          )}
        </Group>
        {board.criteria.length > 0 && (
          <Group gap={6}>
            {board.criteria.map((c) => (
              <Badge key={c.id} variant="light" color="gray" size="sm" tt="none">
                {t('engagement.options.scoreBadge', { name: c.name, score: option.scores[c.id] ?? 0 })}
              </Badge>
            ))}
          </Group>
        )}
        <Group gap="xs" mt="auto" justify="space-between">
          {canChoose ? (
            <Button
              size="xs"
              variant={chosen ? 'default' : 'light'}
              color="teal"
              onClick={onChoose}
              data-testid="record-choice"
              leftSection={<Icon name="flag" size={14} />}
            >
              {t('engagement.options.recordChoice')}
            </Button>
          ) : (
            <span />
          )}
          {canPrepare && (
            <Group gap={4}>
              <ActionIcon
                variant="default"
                onClick={onEdit}
                aria-label={t('engagement.options.editOption', { title: option.title })}
              >
                <Icon name="pencil" size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={onDelete}
                aria-label={t('engagement.options.deleteOption', { title: option.title })}
              >
                <Icon name="trash" size={16} />
              </ActionIcon>
            </Group>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** Weighted totals as a bar chart, with the full decision matrix as a table (the accessible alternative). */
function ScoresView({ board }: { board: OptionsBoard }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  if (board.options.length === 0) {
    return null;
  }
  const data = board.options.map((o) => ({ option: o.title, score: o.weightedScore }));
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600} size="sm" component="h4">
          {t('engagement.options.scoresTitle')}
        </Text>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(value) => setView(value as 'chart' | 'table')}
          data={[
            { value: 'chart', label: t('engagement.options.viewChart') },
            { value: 'table', label: t('engagement.options.viewTable') },
          ]}
          aria-label={t('engagement.options.viewLabel')}
        />
      </Group>
      {view === 'chart' ? (
        <div
          role="img"
          aria-label={t('engagement.options.chartLabel', {
            summary: data.map((d) => `${d.option}: ${formatScore(d.score)}`).join(', '),
          })}
        >
          <BarChart
            h={Math.max(120, board.options.length * 44 + 40)}
            data={data}
            dataKey="option"
            orientation="vertical"
            yAxisProps={{ width: 160 }}
            xAxisProps={{ domain: [0, 100] }}
            series={[{ name: 'score', label: t('engagement.options.weightedScore'), color: 'honey.6' }]}
            withBarValueLabel
            withTooltip={false}
            gridAxis="x"
          />
        </div>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped withTableBorder verticalSpacing="xs" data-testid="options-table">
            <Table.Caption>{t('engagement.options.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('engagement.options.optionColumn')}</Table.Th>
                {board.criteria.map((c) => (
                  <Table.Th scope="col" key={c.id}>
                    {t('engagement.options.criterionColumn', { name: c.name, weight: c.weight })}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('engagement.options.weightedScore')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {board.options.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Th scope="row">{o.title}</Table.Th>
                  {board.criteria.map((c) => (
                    <Table.Td key={c.id}>{o.scores[c.id] ?? 0}</Table.Td>
                  ))}
                  <Table.Td fw={700}>{formatScore(o.weightedScore)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed">
        {t('engagement.options.scoresNote')}
      </Text>
    </Stack>
  );
}

function RecordChoice({
  orgId,
  engagement,
  board,
  option,
  onClose,
}: {
  orgId: string;
  engagement: Engagement;
  board: OptionsBoard;
  option: BoardOption;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { role } = useCurrentOrg();
  const [reason, setReason] = useState('');
  const [decidedBy, setDecidedBy] = useState<'sponsor' | 'group'>(role === 'sponsor' ? 'sponsor' : 'group');
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const record = useBoardMutation<void>(
    orgId,
    engagement.id,
    (boardsPath) =>
      api.post<OptionsBoard>(`${boardsPath}/${enc(board.id)}/choice`, {
        optionId: option.id,
        reason: reason.trim(),
        decidedBy,
      }),
    { onSuccess: onClose, onError: (err) => setError(describeError(t, err)) },
  );
  const problem = reason.trim().length < 3 ? t('engagement.options.reasonRequired') : null;
  return (
    <Modal opened onClose={onClose} title={t('engagement.options.recordTitle')} size="lg" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
          if (!problem) {
            record.mutate();
          }
        }}
        noValidate
      >
        <Stack gap="md">
          <Alert color="blue" variant="light" icon={<Icon name="scale" size={20} />}>
            {t('engagement.options.recordLead', {
              option: option.title,
              score: formatScore(option.weightedScore),
            })}
          </Alert>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="decided-by-label">
              {t('engagement.options.decidedBy')}
            </Text>
            <SegmentedControl
              aria-labelledby="decided-by-label"
              value={decidedBy}
              onChange={(value) => setDecidedBy(value as 'sponsor' | 'group')}
              data={[
                { value: 'sponsor', label: t('engagement.options.decidedBySponsor') },
                { value: 'group', label: t('engagement.options.decidedByGroup') },
              ]}
              fullWidth
            />
          </Stack>
          <Textarea
            label={t('engagement.options.reason')}
            description={t('engagement.options.reasonHelp')}
            required
            autosize
            minRows={3}
            maxLength={4000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={submitted ? problem : null}
            data-testid="choice-reason"
            data-autofocus
          />
          <FormAlert message={error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="teal" loading={record.isPending} data-testid="record-choice-submit">
              {t('engagement.options.recordSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function BoardCard({
  orgId,
  engagement,
  board,
}: {
  orgId: string;
  engagement: Engagement;
  board: OptionsBoard;
}) {
  const { t } = useTranslation();
  const { can } = useCurrentOrg();
  const canPrepare = can('options.prepare');
  const canChoose = can('options.choose');
  const [formKey, setFormKey] = useState(0);
  const [addError, setAddError] = useState<string | null>(null);
  const [editing, setEditing] = useState<BoardOption | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState<BoardOption | null>(null);
  const [editingCriteria, setEditingCriteria] = useState<Criterion[] | null>(null);
  const optionsPath = (boardsPath: string) => `${boardsPath}/${enc(board.id)}/options`;

  const addOption = useBoardMutation<OptionBody>(
    orgId,
    engagement.id,
    (boardsPath, body) => api.post<OptionsBoard>(optionsPath(boardsPath), body),
    {
      onSuccess: () => {
        setAddError(null);
        setFormKey((k) => k + 1);
      },
      onError: (err) => setAddError(describeError(t, err)),
    },
  );
  const updateOption = useBoardMutation<{ id: string; body: OptionBody }>(
    orgId,
    engagement.id,
    (boardsPath, { id, body }) => api.patch<OptionsBoard>(`${optionsPath(boardsPath)}/${enc(id)}`, body),
    { onSuccess: () => setEditing(null), onError: (err) => setEditError(describeError(t, err)) },
  );
  const deleteOption = useBoardMutation<string>(orgId, engagement.id, (boardsPath, id) =>
    api.delete<OptionsBoard>(`${optionsPath(boardsPath)}/${enc(id)}`),
  );
  const saveCriteria = useBoardMutation<Criterion[]>(
    orgId,
    engagement.id,
    (boardsPath, criteria) => api.patch<OptionsBoard>(`${boardsPath}/${enc(board.id)}`, { criteria }),
    { onSuccess: () => setEditingCriteria(null) },
  );

  const latest = board.choices[0];
  const question = engagement.questions.find((q) => q.id === board.questionId);

  return (
    <Card p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`board-${board.id}`}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} size="h4" id={`board-${board.id}`}>
              {board.title}
            </Title>
            {question && (
              <Text size="sm" c="dimmed">
                {t('engagement.options.forQuestion', { question: question.text })}
              </Text>
            )}
          </Stack>
          <Badge variant="light" color="gray">
            {t('engagement.options.optionCount', { count: board.options.length })}
          </Badge>
        </Group>

        {latest ? (
          <Alert
            color="teal"
            variant="light"
            icon={<Icon name="flag" size={20} />}
            title={t('engagement.options.choiceTitle')}
          >
            <Stack gap={4}>
              <Text size="sm">
                {t(
                  latest.decidedBy === 'sponsor'
                    ? 'engagement.options.choiceBySponsor'
                    : 'engagement.options.choiceByGroup',
                  {
                    option: latest.optionTitle,
                  },
                )}
              </Text>
              <Text size="sm" fw={600}>
                {t('engagement.options.choiceReason', { reason: latest.reason })}
              </Text>
              <Text size="xs">
                {t('engagement.options.choiceRecorded', {
                  name: latest.recordedBy ?? t('engagement.banner.someone'),
                  date: formatDateTime(latest.at),
                })}
              </Text>
            </Stack>
          </Alert>
        ) : (
          <Text size="sm" c="dimmed">
            {t('engagement.options.noChoiceYet')}
          </Text>
        )}

        <Group gap={6} align="center">
          <Text size="sm" fw={600}>
            {t('engagement.options.criteria')}
          </Text>
          {board.criteria.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('engagement.options.noCriteria')}
            </Text>
          ) : (
            board.criteria.map((c) => (
              <Badge key={c.id} variant="light" color={c.weight > 0 ? 'honey' : 'gray'} tt="none">
                {t('engagement.options.criterionBadge', { name: c.name, weight: c.weight })}
              </Badge>
            ))
          )}
          {canPrepare && (
            <Button variant="subtle" size="compact-sm" onClick={() => setEditingCriteria(board.criteria)}>
              {t('engagement.options.editCriteria')}
            </Button>
          )}
        </Group>

        {board.options.length > 0 ? (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {board.options.map((option) => (
              <OptionCard
                key={option.id}
                board={board}
                option={option}
                chosen={latest?.optionId === option.id}
                canPrepare={canPrepare}
                canChoose={canChoose}
                onEdit={() => {
                  setEditError(null);
                  setEditing(option);
                }}
                onDelete={() => deleteOption.mutate(option.id)}
                onChoose={() => setChoosing(option)}
              />
            ))}
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            {t('engagement.options.noOptions')}
          </Text>
        )}

        <ScoresView board={board} />

        {canPrepare && (
          <Paper withBorder p="md" radius="md" bg="var(--mantine-color-default-hover)">
            <Stack gap="sm">
              <Text fw={600} size="sm" component="h4">
                {t('engagement.options.addOption')}
              </Text>
              <OptionForm
                key={formKey}
                criteria={board.criteria}
                submitLabel={t('engagement.options.addOptionSubmit')}
                pending={addOption.isPending}
                error={addError}
                onSubmit={(body) => addOption.mutate(body)}
                testId="option-add-form"
              />
            </Stack>
          </Paper>
        )}

        {board.choices.length > 1 && (
          <Stack gap={4}>
            <Text size="sm" fw={600} component="h4">
              {t('engagement.options.history')}
            </Text>
            <List size="sm" spacing={4}>
              {board.choices.slice(1).map((c) => (
                <List.Item key={`${c.at}-${c.optionId}`}>
                  {t('engagement.options.historyItem', {
                    option: c.optionTitle,
                    by: t(`engagement.options.decidedByShort.${c.decidedBy}`),
                    date: formatDateTime(c.at),
                    reason: c.reason,
                  })}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>

      {editing && (
        <Modal
          opened
          onClose={() => setEditing(null)}
          title={t('engagement.options.editTitle')}
          size="xl"
          centered
        >
          <OptionForm
            criteria={board.criteria}
            initial={editing}
            submitLabel={t('common.save')}
            pending={updateOption.isPending}
            error={editError}
            onSubmit={(body) => updateOption.mutate({ id: editing.id, body })}
            onCancel={() => setEditing(null)}
            detailsOpen
          />
        </Modal>
      )}
      {choosing && (
        <RecordChoice
          orgId={orgId}
          engagement={engagement}
          board={board}
          option={choosing}
          onClose={() => setChoosing(null)}
        />
      )}
      {editingCriteria && (
        <Modal
          opened
          onClose={() => setEditingCriteria(null)}
          title={t('engagement.options.editCriteria')}
          size="lg"
          centered
        >
          <Stack gap="md">
            <CriteriaEditor value={editingCriteria} onChange={setEditingCriteria} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setEditingCriteria(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                loading={saveCriteria.isPending}
                onClick={() => saveCriteria.mutate(cleanCriteria(editingCriteria))}
              >
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Card>
  );
}

export function OptionsSection({ orgId, engagement }: { orgId: string; engagement: Engagement }) {
  const { t } = useTranslation();
  const { can } = useCurrentOrg();
  const boards = useBoards(orgId, engagement.id);
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="lg">
      <SectionCard title={t('engagement.options.title')} visibility={t('engagement.visibility.options')}>
        <Alert
          color="blue"
          variant="light"
          icon={<Icon name="scale" size={20} />}
          title={t('engagement.options.bannerTitle')}
          data-testid="choice-banner"
        >
          {t('engagement.options.bannerBody')}
        </Alert>
        {can('options.prepare') &&
          (boards.data && boards.data.length > 0 && !creating ? (
            <Group>
              <Button
                variant="default"
                leftSection={<Icon name="plus" size={16} />}
                onClick={() => setCreating(true)}
              >
                {t('engagement.options.createTitle')}
              </Button>
            </Group>
          ) : (
            <CreateBoard orgId={orgId} engagement={engagement} onCreated={() => setCreating(false)} />
          ))}
      </SectionCard>
      {boards.isPending && <Skeleton height={240} radius="lg" />}
      {boards.isError && <QueryError error={boards.error} onRetry={() => void boards.refetch()} />}
      {boards.data?.length === 0 && (
        <Text c="dimmed" size="sm" ta="center">
          {t('engagement.options.noBoards')}
        </Text>
      )}
      {boards.data?.map((board) => (
        <BoardCard key={board.id} orgId={orgId} engagement={engagement} board={board} />
      ))}
    </Stack>
  );
}
