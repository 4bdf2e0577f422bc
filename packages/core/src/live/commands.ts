/**
 * @module Union of every command body (the `command` of a `live.command` message).
 */
import type { ActivityCommand } from './activity-types';
import type { WorkshopCommand } from './workshop';

export type LiveCommandBody = WorkshopCommand | ActivityCommand;
