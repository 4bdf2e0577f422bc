/** @module Timer results: the countdown. */
import { Text } from '@mantine/core';
import type { ResultsProps } from '../types';

export function TimerResultsView({ results, isLarge }: ResultsProps<'timer'>) {
  const seconds = Math.ceil(results.remainingMs / 1000);
  return (
    <Text size={isLarge ? '4rem' : 'xl'} fw={700} aria-live="polite">
      {`${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`}
    </Text>
  );
}
