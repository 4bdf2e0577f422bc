import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { Icon } from './icons';

interface FormAlertProps {
  /** Nothing renders when empty; the live region itself stays mounted so screen readers announce changes. */
  message: ReactNode;
  tone?: 'error' | 'success' | 'info';
}

/** Result of an async form action, announced by screen readers (errors assertively, the rest politely). */
export function FormAlert({ message, tone = 'error' }: FormAlertProps) {
  const color = tone === 'error' ? 'red' : tone === 'success' ? 'teal' : 'blue';
  const icon = tone === 'error' ? 'alert' : tone === 'success' ? 'circleCheck' : 'info';
  return (
    <div aria-live={tone === 'error' ? 'assertive' : 'polite'} aria-atomic="true">
      {message ? (
        <Alert color={color} variant="light" icon={<Icon name={icon} size={20} />}>
          {message}
        </Alert>
      ) : null}
    </div>
  );
}
