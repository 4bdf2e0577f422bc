import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from './form-alert';

export interface ConfirmModalProps {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  loading: boolean;
  onClose: () => void;
  onConfirm: () => void;
  /** Shown above the buttons when the action failed. */
  error?: string | null;
  /** Extra fields between the text and the buttons (a reason, for example). */
  children?: ReactNode;
  /** Keeps the confirm button disabled (a required field is empty). */
  isConfirmDisabled?: boolean;
  /** Red for destruction (default); the brand colour for a final but wanted step (a launch). */
  confirmColor?: string;
}

/** Asks before a destructive action (delete, remove): the confirm button is red, cancel is the default. */
export function ConfirmModal({
  opened,
  title,
  body,
  confirmLabel,
  loading,
  onClose,
  onConfirm,
  error,
  children,
  isConfirmDisabled = false,
  confirmColor = 'red',
}: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack gap="md">
        <Text size="sm">{body}</Text>
        {children}
        {error !== undefined && <FormAlert message={error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={confirmColor} loading={loading} onClick={onConfirm} disabled={isConfirmDisabled}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
