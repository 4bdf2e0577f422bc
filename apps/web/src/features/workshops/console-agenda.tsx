import type { ActivitySpec, AnyActivity, WorkshopState } from '@essaim/core/live';
import { ActionIcon, Badge, Button, Group, List, Menu, Modal, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/confirm-modal';
import { Icon } from '../../components/icons';
import { useKindName } from './activities/registry';
import { AddActivity } from './add-activity';
import type { LiveSession } from './live-session';
import { PhaseBadge } from './shared';

/** The spec an activity was created from (to duplicate or edit it). */
export const specOf = (a: AnyActivity): ActivitySpec =>
  ({ type: a.type, title: a.title, config: a.config }) as ActivitySpec;

export function ActivityControls({ activity, session }: { activity: AnyActivity; session: LiveSession }) {
  const { t } = useTranslation();
  const id = activity.id;
  return (
    <Group gap="xs">
      {activity.phase !== 'open' ? (
        <Button size="xs" onClick={() => session.send({ type: 'activity.start', activityId: id })}>
          {activity.phase === 'draft' ? t('workshop.controls.start') : t('workshop.controls.reopen')}
        </Button>
      ) : (
        <Button
          size="xs"
          variant="light"
          onClick={() => session.send({ type: 'activity.close', activityId: id })}
        >
          {t('workshop.controls.close')}
        </Button>
      )}
      <Button
        size="xs"
        variant="default"
        onClick={() =>
          session.send({
            type: activity.isRevealed ? 'activity.hideResults' : 'activity.revealResults',
            activityId: id,
          })
        }
      >
        {activity.isRevealed ? t('workshop.controls.hideResults') : t('workshop.controls.reveal')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        onClick={() =>
          session.send({ type: activity.isLocked ? 'activity.unlock' : 'activity.lock', activityId: id })
        }
      >
        {activity.isLocked ? t('workshop.controls.unlock') : t('workshop.controls.lock')}
      </Button>
    </Group>
  );
}

/**
 * The agenda: order, phase and controls of every activity, reordered with the arrows, and a menu to
 * edit (in preparation), duplicate or delete (after a confirmation saying what is lost).
 */
export function Agenda({
  state,
  session,
  isStopped,
}: {
  state: WorkshopState;
  session: LiveSession;
  isStopped: boolean;
}) {
  const { t } = useTranslation();
  const kindName = useKindName();
  const [editing, setEditing] = useState<AnyActivity | null>(null);
  const [deleting, setDeleting] = useState<AnyActivity | null>(null);
  const count = state.activityOrder.length;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="agenda-title">
      <Title order={2} size="h4" id="agenda-title">
        {t('workshop.agenda.title')}
      </Title>
      {count === 0 ? (
        <Text c="dimmed" size="sm" mt="xs">
          {t('workshop.agenda.empty')}
        </Text>
      ) : (
        <List spacing="sm" mt="sm" listStyleType="none" data-testid="agenda">
          {state.activityOrder.map((id, index) => {
            const a = state.activities[id];
            if (!a) {
              return null;
            }
            const isDraft = a.phase === 'draft' && id !== state.currentActivityId;
            return (
              <List.Item key={id}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Group gap="xs">
                    <Text fw={id === state.currentActivityId ? 700 : 400}>
                      {index + 1}. {a.title}
                    </Text>
                    <Badge variant="outline" size="sm">
                      {kindName(a.type)}
                    </Badge>
                    <PhaseBadge phase={a.phase} />
                    {a.isRevealed ? (
                      <Badge size="sm" color="grape">
                        {t('workshop.agenda.revealed')}
                      </Badge>
                    ) : null}
                  </Group>
                  {isStopped ? null : (
                    <Group gap={4} wrap="nowrap">
                      <ActivityControls activity={a} session={session} />
                      <ActionIcon
                        variant="subtle"
                        disabled={index === 0}
                        aria-label={t('workshop.agenda.moveUp', { title: a.title })}
                        onClick={() =>
                          session.send({ type: 'activity.move', activityId: id, toIndex: index - 1 })
                        }
                      >
                        <Icon name="arrowUp" size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        disabled={index === count - 1}
                        aria-label={t('workshop.agenda.moveDown', { title: a.title })}
                        onClick={() =>
                          session.send({ type: 'activity.move', activityId: id, toIndex: index + 1 })
                        }
                      >
                        <Icon name="arrowDown" size={16} />
                      </ActionIcon>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('workshop.agenda.actions', { title: a.title })}
                          >
                            <Icon name="settings" size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item
                            leftSection={<Icon name="pencil" size={14} />}
                            disabled={!isDraft}
                            title={isDraft ? undefined : t('workshop.agenda.editOnlyDraft')}
                            onClick={() => setEditing(a)}
                          >
                            {t('workshop.agenda.edit')}
                          </Menu.Item>
                          <Menu.Item
                            leftSection={<Icon name="copy" size={14} />}
                            onClick={() =>
                              session.send({
                                type: 'activity.add',
                                index: index + 1,
                                activity: {
                                  ...specOf(a),
                                  title: t('workshop.agenda.copyOf', { title: a.title }).slice(0, 200),
                                },
                              })
                            }
                          >
                            {t('workshop.agenda.duplicate')}
                          </Menu.Item>
                          <Menu.Item
                            color="red"
                            leftSection={<Icon name="trash" size={14} />}
                            onClick={() => setDeleting(a)}
                          >
                            {t('workshop.agenda.delete')}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                  )}
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('workshop.edit.title', { title: editing.title }) : ''}
        size="lg"
        centered
      >
        {editing ? (
          <AddActivity
            state={state}
            initial={specOf(editing)}
            onAdd={(activity) => {
              session.send({ type: 'activity.update', activityId: editing.id, activity });
              setEditing(null);
            }}
          />
        ) : null}
      </Modal>
      <ConfirmModal
        opened={deleting !== null}
        title={t('workshop.delete.title')}
        body={deleting ? t('workshop.delete.body', { title: deleting.title }) : ''}
        confirmLabel={t('workshop.delete.confirm')}
        loading={false}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) {
            session.send({ type: 'activity.remove', activityId: deleting.id });
          }
          setDeleting(null);
        }}
      />
    </Paper>
  );
}
