/**
 * @module Creating an empty workshop state.
 */
import type { WorkshopState } from './model';
import { ID_PATTERN } from './model';

/**
 * A new running workshop with no activity and no participant (state before its first event).
 * @example const state = createWorkshop('w1');
 */
export function createWorkshop(id: string): WorkshopState {
  if (!ID_PATTERN.test(id)) {
    throw new Error('live/createWorkshop: invalid workshop id');
  }
  return {
    id,
    status: 'running',
    stopReason: null,
    activityOrder: [],
    currentActivityId: null,
    activities: {},
    participants: {},
    facilitatorCommandIds: [],
    eventCount: 0,
  };
}
