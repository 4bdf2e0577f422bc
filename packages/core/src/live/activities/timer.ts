/**
 * @module Timer / break: a countdown run by the facilitator. Remaining time is computed from a
 * clock value passed in (events carry the server time `at`); core never reads a clock.
 * remaining(now) = max(0, duration − elapsed − (running ? now − startedAt : 0)).
 */
import type { ActivityDefaults, ActivityModule } from '../activity-types';
import type { DecideContext, ResultsContext } from '../context';
import type { BodyDecision } from '../model';
import { accept, isIntegerIn, reject } from '../records';
import type { ActivityCommon } from './common';
import { startWith } from './common';

const MAX_DURATION_MS = 24 * 3600 * 1000;

export interface TimerConfig {
  readonly durationMs: number;
  /** A break rather than a timed exercise (display only). */
  readonly isBreak: boolean;
}

export interface TimerData {
  durationMs: number;
  /** Time run before the current start (sum of finished runs). */
  elapsedMs: number;
  /** Server time of the current start, `null` when not running. */
  startedAt: number | null;
}

export interface TimerActivity extends ActivityCommon {
  readonly type: 'timer';
  readonly config: TimerConfig;
  data: TimerData;
}

export type TimerCommand =
  | { readonly type: 'timer.start' | 'timer.pause' | 'timer.reset'; readonly activityId: string }
  | { readonly type: 'timer.setDuration'; readonly activityId: string; readonly durationMs: number };

export type TimerEvent =
  | { readonly type: 'timer.started' | 'timer.paused' | 'timer.reset'; readonly activityId: string }
  | { readonly type: 'timer.durationSet'; readonly activityId: string; readonly durationMs: number };

export interface TimerResults {
  readonly type: 'timer';
  readonly isHidden: false;
  readonly isBreak: boolean;
  readonly durationMs: number;
  readonly remainingMs: number;
  readonly isRunning: boolean;
  readonly isFinished: boolean;
}

export function validateTimerConfig(config: TimerConfig): string | null {
  return isIntegerIn(config.durationMs, 1000, MAX_DURATION_MS) ? null : 'durationMs must be 1 s..24 h';
}

export function createTimerData(config: TimerConfig): TimerData {
  return { durationMs: config.durationMs, elapsedMs: 0, startedAt: null };
}

/** Milliseconds left at clock value `now`. */
export function remainingMs(data: TimerData, now: number): number {
  const running = data.startedAt === null ? 0 : Math.max(0, now - data.startedAt);
  return Math.max(0, data.durationMs - data.elapsedMs - running);
}

export function decideTimer(
  ctx: DecideContext<TimerActivity>,
  command: TimerCommand,
): BodyDecision<TimerEvent> {
  const { activity } = ctx;
  if (ctx.participantId !== null) {
    return reject('FORBIDDEN', 'only the facilitator runs the timer');
  }
  const isRunning = activity.data.startedAt !== null;
  const activityId = activity.id;
  switch (command.type) {
    case 'timer.start':
      if (isRunning || remainingMs(activity.data, ctx.now) === 0) {
        return reject('CONFLICT', isRunning ? 'timer already running' : 'timer finished; reset it first');
      }
      return accept({ type: 'timer.started', activityId });
    case 'timer.pause':
      return isRunning
        ? accept({ type: 'timer.paused', activityId })
        : reject('CONFLICT', 'timer not running');
    case 'timer.reset':
      return accept({ type: 'timer.reset', activityId });
    case 'timer.setDuration':
      if (!isIntegerIn(command.durationMs, 1000, MAX_DURATION_MS)) {
        return reject('INVALID', 'durationMs must be 1 s..24 h');
      }
      return accept({ type: 'timer.durationSet', activityId, durationMs: command.durationMs });
  }
}

export function applyTimer(activity: TimerActivity, event: TimerEvent, at: number): void {
  const data = activity.data;
  switch (event.type) {
    case 'timer.started':
      data.startedAt = at;
      return;
    case 'timer.paused':
      data.elapsedMs += data.startedAt === null ? 0 : Math.max(0, at - data.startedAt);
      data.startedAt = null;
      return;
    case 'timer.reset':
      data.elapsedMs = 0;
      data.startedAt = null;
      return;
    case 'timer.durationSet':
      data.durationMs = event.durationMs;
      return;
  }
}

export function resultsOfTimer(ctx: ResultsContext<TimerActivity>): TimerResults {
  const { data, config } = ctx.activity;
  const remaining = remainingMs(data, ctx.now);
  return {
    type: 'timer',
    isHidden: false,
    isBreak: config.isBreak,
    durationMs: data.durationMs,
    remainingMs: remaining,
    isRunning: data.startedAt !== null && remaining > 0,
    isFinished: remaining === 0,
  };
}

/**
 * The timer activity as one module: its config defaults (the fields a facilitator does not type) and
 * every operation the reducer, the server and the web dispatch to.
 */
export const timerModule = {
  kind: 'timer',
  defaults: { durationMs: 5 * 60_000, isBreak: false },
  /** A timer of the item's duration. */
  fromAgenda: ({ durationMinutes }) => startWith({ isBreak: false, durationMs: durationMinutes * 60_000 }),
  sample: {
    config: () => ({ durationMs: 60_000, isBreak: false }),
    input: () => null,
    drive: (activityId) => ({ type: 'timer.start', activityId }),
  },
  validate: validateTimerConfig,
  create: createTimerData,
  decide: decideTimer,
  apply: applyTimer,
  results: resultsOfTimer,
  ownState: () => null,
  redact: (activity) => ({ ...activity.data }),
} as const satisfies ActivityModule<TimerActivity, TimerCommand, TimerEvent> &
  ActivityDefaults<TimerActivity>;
