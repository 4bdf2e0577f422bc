/** @module Facilitator control for the matrix: show or hide the individual (anonymous) dots. */
import { Button } from '@mantine/core';
import { useActivityText } from '../shared/strings';
import type { ToolsProps } from '../types';
import { matrixStrings } from './strings';

export function MatrixTools({ activity, session }: ToolsProps<'matrix'>) {
  const text = useActivityText(matrixStrings);
  const isShown = activity.data.areDotsShown;
  return (
    <Button
      size="xs"
      variant="light"
      onClick={() => session.send({ type: 'matrix.showDots', activityId: activity.id, isShown: !isShown })}
    >
      {isShown ? text('hideDots') : text('showDots')}
    </Button>
  );
}
