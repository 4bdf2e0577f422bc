import {
  ActionIcon,
  Badge,
  Button,
  Collapse,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type DragEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmModal } from '../../components/confirm-modal';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { type Engagement, engagementKeys, useEngagementMutation } from './api';
import { ComplexityResult, ComplexityWizard, DomainBadge } from './cynefin';
import { SectionCard } from './shared';

type Question = Engagement['questions'][number];
type QuestionStatus = Question['status'];
const QUESTION_STATUSES: QuestionStatus[] = ['open', 'explored', 'answered'];
const STATUS_COLOR: Record<QuestionStatus, string> = { open: 'honey', explored: 'blue', answered: 'teal' };

function AddQuestion({ orgId, engagement }: { orgId: string; engagement: Engagement }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = useEngagementMutation<string>(
    orgId,
    engagement.id,
    (path, value) => api.post<Engagement>(`${path}/questions`, { text: value }),
    { onSuccess: () => setText(''), onError: (err) => setProblem(describeError(t, err)) },
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim().length < 3) {
      setProblem(t('engagement.questions.tooShort'));
      return;
    }
    setProblem(null);
    add.mutate(text.trim());
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={t('engagement.questions.addLabel')}
          placeholder={t('engagement.questions.addPlaceholder')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={problem}
          maxLength={1000}
          data-testid="question-add-input"
        />
        <Button type="submit" mt={25} loading={add.isPending} data-testid="question-add-submit">
          {t('engagement.questions.add')}
        </Button>
      </Group>
    </form>
  );
}

function EditQuestion({
  orgId,
  engagement,
  question,
  onClose,
}: {
  orgId: string;
  engagement: Engagement;
  question: Question;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(question.text);
  const [status, setStatus] = useState<QuestionStatus>(question.status);
  const [answer, setAnswer] = useState(question.answer);
  const [error, setError] = useState<string | null>(null);
  const save = useEngagementMutation<void>(
    orgId,
    engagement.id,
    (path) =>
      api.patch<Engagement>(`${path}/questions/${encodeURIComponent(question.id)}`, {
        text: text.trim(),
        status,
        answer: answer.trim(),
      }),
    { onSuccess: onClose, onError: (err) => setError(describeError(t, err)) },
  );
  const tooShort = text.trim().length < 3;
  return (
    <Modal opened onClose={onClose} title={t('engagement.questions.editTitle')} size="lg" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!tooShort) {
            save.mutate();
          }
        }}
        noValidate
      >
        <Stack gap="md">
          <Textarea
            label={t('engagement.questions.text')}
            autosize
            minRows={2}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={tooShort ? t('engagement.questions.tooShort') : null}
            maxLength={1000}
            data-autofocus
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="question-status-label">
              {t('engagement.questions.statusLabel')}
            </Text>
            <SegmentedControl
              aria-labelledby="question-status-label"
              value={status}
              onChange={(value) => setStatus(value as QuestionStatus)}
              data={QUESTION_STATUSES.map((s) => ({
                value: s,
                label: t(`engagement.questions.status.${s}`),
              }))}
            />
          </Stack>
          <Textarea
            label={t('engagement.questions.answer')}
            description={t('engagement.questions.answerHelp')}
            autosize
            minRows={3}
            value={answer}
            onChange={(event) => setAnswer(event.currentTarget.value)}
            maxLength={4000}
          />
          <FormAlert message={error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface ItemProps {
  question: Question;
  index: number;
  total: number;
  canEdit: boolean;
  onMove: (from: number, to: number) => void;
  onEdit: () => void;
  onAssess: () => void;
  onDelete: () => void;
  dragging: boolean;
  dropTarget: boolean;
  dragHandlers: {
    onDragStart: (event: DragEvent) => void;
    onDragOver: (event: DragEvent) => void;
    onDrop: (event: DragEvent) => void;
    onDragEnd: () => void;
  };
}

function QuestionItem({
  question,
  index,
  total,
  canEdit,
  onMove,
  onEdit,
  onAssess,
  onDelete,
  dragging,
  dropTarget,
  dragHandlers,
}: ItemProps) {
  const { t } = useTranslation();
  const { engagementId } = useParams();
  const [showDetails, setShowDetails] = useState(false);
  const detailsId = `question-details-${question.id}`;
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      radius="md"
      data-testid="question-item"
      data-question-id={question.id}
      draggable={canEdit}
      {...(canEdit ? dragHandlers : {})}
      style={{
        opacity: dragging ? 0.5 : 1,
        borderColor: dropTarget ? 'var(--mantine-primary-color-filled)' : undefined,
        borderWidth: dropTarget ? 2 : undefined,
        listStyle: 'none',
      }}
    >
      <Group align="flex-start" wrap="nowrap" gap="sm">
        {canEdit && (
          <Stack gap={2} align="center">
            <Icon name="grip" size={18} style={{ cursor: 'grab', opacity: 0.6 }} />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              disabled={index === 0}
              onClick={() => onMove(index, index - 1)}
              aria-label={t('engagement.questions.moveUp', { position: index + 1 })}
            >
              <Icon name="arrowUp" size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              disabled={index === total - 1}
              onClick={() => onMove(index, index + 1)}
              aria-label={t('engagement.questions.moveDown', { position: index + 1 })}
            >
              <Icon name="arrowDown" size={16} />
            </ActionIcon>
          </Stack>
        )}
        <Text fw={700} c="dimmed" w={24} ta="right" aria-hidden="true">
          {index + 1}.
        </Text>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {question.text}
          </Text>
          <Group gap={6}>
            <Badge color={STATUS_COLOR[question.status]} variant="light" size="sm">
              {t(`engagement.questions.status.${question.status}`)}
            </Badge>
            {question.complexity && <DomainBadge domain={question.complexity.domain} />}
          </Group>
          {question.answer && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <Text span fw={600} size="sm">
                {t('engagement.questions.answerPrefix')}{' '}
              </Text>
              {question.answer}
            </Text>
          )}
          {question.complexity && (
            <>
              <Button
                variant="subtle"
                size="compact-sm"
                w="fit-content"
                px={0}
                onClick={() => setShowDetails((v) => !v)}
                aria-expanded={showDetails}
                aria-controls={detailsId}
              >
                {showDetails
                  ? t('engagement.questions.hideComplexity')
                  : t('engagement.questions.showComplexity')}
              </Button>
              <Collapse expanded={showDetails} id={detailsId}>
                <ComplexityResult complexity={question.complexity} />
              </Collapse>
            </>
          )}
        </Stack>
        {canEdit && (
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t('engagement.questions.recommend')}>
              <ActionIcon
                component={Link}
                to={`/methods/recommend?engagement=${engagementId ?? ''}&question=${question.id}`}
                variant="light"
                color="teal"
                aria-label={t('engagement.questions.recommendOne', { text: question.text })}
              >
                <Icon name="book" size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('engagement.questions.assess')}>
              <ActionIcon
                variant="light"
                onClick={onAssess}
                aria-label={t('engagement.questions.assessOne', { text: question.text })}
              >
                <Icon name="compass" size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('engagement.questions.edit')}>
              <ActionIcon
                variant="default"
                onClick={onEdit}
                aria-label={t('engagement.questions.editOne', { text: question.text })}
              >
                <Icon name="pencil" size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('engagement.questions.delete')}>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={onDelete}
                aria-label={t('engagement.questions.deleteOne', { text: question.text })}
              >
                <Icon name="trash" size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
    </Paper>
  );
}

export function QuestionsSection({
  orgId,
  engagement,
  canEdit,
}: {
  orgId: string;
  engagement: Engagement;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const questions = [...engagement.questions].sort((a, b) => a.position - b.position);
  const [editing, setEditing] = useState<Question | null>(null);
  const [assessing, setAssessing] = useState<Question | null>(null);
  const [deleting, setDeleting] = useState<Question | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const reorder = useEngagementMutation<string[]>(orgId, engagement.id, (path, ids) =>
    api.post<Engagement>(`${path}/questions/reorder`, { ids }),
  );
  const remove = useEngagementMutation<string>(
    orgId,
    engagement.id,
    (path, id) => api.delete<Engagement>(`${path}/questions/${encodeURIComponent(id)}`),
    { onSuccess: () => setDeleting(null) },
  );

  const move = (from: number, to: number) => {
    if (to < 0 || to >= questions.length || from === to) {
      return;
    }
    const next = [...questions];
    const [moved] = next.splice(from, 1);
    if (!moved) {
      return;
    }
    next.splice(to, 0, moved);
    // Optimistic: the list moves at once; the server's answer replaces it.
    queryClient.setQueryData<Engagement>(engagementKeys.one(orgId, engagement.id), (old) =>
      old ? { ...old, questions: next.map((q, position) => ({ ...q, position })) } : old,
    );
    setAnnouncement(t('engagement.questions.moved', { position: to + 1, total: next.length }));
    reorder.mutate(next.map((q) => q.id));
  };

  const dragHandlersFor = (question: Question, index: number) => ({
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', question.id);
      setDragId(question.id);
    },
    onDragOver: (event: DragEvent) => {
      if (dragId) {
        event.preventDefault();
        setOverId(question.id);
      }
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      const from = questions.findIndex((q) => q.id === dragId);
      setDragId(null);
      setOverId(null);
      if (from >= 0) {
        move(from, index);
      }
    },
    onDragEnd: () => {
      setDragId(null);
      setOverId(null);
    },
  });

  return (
    <SectionCard
      title={t('engagement.questions.title')}
      visibility={t('engagement.visibility.engagement')}
      actions={
        <Badge variant="light" size="lg">
          {t('engagement.questions.openCount', {
            count: questions.filter((q) => q.status === 'open').length,
          })}
        </Badge>
      }
    >
      <Text size="sm" c="dimmed">
        {t('engagement.questions.intro')}
      </Text>
      {canEdit && <AddQuestion orgId={orgId} engagement={engagement} />}
      {questions.length === 0 ? (
        <Paper withBorder p="lg" radius="md" ta="center" style={{ borderStyle: 'dashed' }}>
          <Stack gap={4} align="center">
            <Icon name="question" size={28} />
            <Text fw={600}>{t('engagement.questions.emptyTitle')}</Text>
            <Text size="sm" c="dimmed" maw={480}>
              {t('engagement.questions.emptyBody')}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Stack component="ol" gap="sm" p={0} m={0} aria-label={t('engagement.questions.listLabel')}>
          {questions.map((question, index) => (
            <QuestionItem
              key={question.id}
              question={question}
              index={index}
              total={questions.length}
              canEdit={canEdit}
              onMove={move}
              onEdit={() => setEditing(question)}
              onAssess={() => setAssessing(question)}
              onDelete={() => setDeleting(question)}
              dragging={dragId === question.id}
              dropTarget={overId === question.id && dragId !== question.id}
              dragHandlers={dragHandlersFor(question, index)}
            />
          ))}
        </Stack>
      )}
      {canEdit && questions.length > 1 && (
        <Text size="xs" c="dimmed">
          {t('engagement.questions.reorderHint')}
        </Text>
      )}
      <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
      {editing && (
        <EditQuestion
          orgId={orgId}
          engagement={engagement}
          question={editing}
          onClose={() => setEditing(null)}
        />
      )}
      {assessing && (
        <ComplexityWizard
          orgId={orgId}
          engagement={engagement}
          question={assessing}
          onClose={() => setAssessing(null)}
        />
      )}
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('engagement.questions.deleteTitle')}
        body={t('engagement.questions.deleteBody', { text: deleting?.text ?? '' })}
        confirmLabel={t('engagement.questions.delete')}
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
      />
    </SectionCard>
  );
}
