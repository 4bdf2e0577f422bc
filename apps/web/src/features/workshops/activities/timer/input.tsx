/** @module A timer asks nothing of participants: they see the countdown in its results. */
import type { InputProps } from '../types';

export function TimerInput(_props: InputProps<'timer'>) {
  return null;
}
