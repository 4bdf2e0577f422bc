import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/describe-error';
import { Icon } from './icons';

interface QueryErrorProps {
  error: unknown;
  /** Shown as a "Try again" button, typically a query's `refetch`. */
  onRetry?: () => void;
}

/** In-place message for a failed query, translated from the ApiError code. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      icon={<Icon name="alert" size={20} />}
      title={describeError(t, error)}
    >
      {onRetry && (
        <Button size="xs" variant="default" onClick={onRetry} mt={4}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
