import type { FastifyRequest } from 'fastify';
import type { ServerConfig } from './config.ts';
import type { DbHandle } from './db/connect.ts';
import type { EventBus } from './realtime/bus.ts';
import type { RoomHub } from './realtime/hub.ts';
import { createMailer, type Mailer } from './services/mailer.ts';

/**
 * Decides whether the client behind `request` may join a room of a given kind (`workshop`,
 * `engagement`…). Each feature registers its own; a kind with no authorizer is refused.
 */
export type RoomAuthorizer = (request: FastifyRequest, id: string) => Promise<boolean>;

/** Features that must react when an engagement is paused, stopped or resumed (e.g. live workshops). */
export class StatusListeners {
  private readonly listeners: ((engagementId: string, status: unknown) => Promise<void> | void)[] = [];
  on(listener: (engagementId: string, status: unknown) => Promise<void> | void): void {
    this.listeners.push(listener);
  }
  async emit(engagementId: string, status: unknown): Promise<void> {
    for (const l of this.listeners) {
      await l(engagementId, status);
    }
  }
}

/** The composition root's products, handed to routes and services. */
export interface AppDeps {
  config: ServerConfig;
  database: DbHandle;
  bus: EventBus;
  hub: RoomHub;
  mailer: Mailer;
  engagementStatusListeners: StatusListeners;
  roomAuthorizers: Map<string, RoomAuthorizer>;
  shuttingDown: () => boolean;
}

/** Assemble the dependencies; every feature's room authorizer is added by its route plugin. */
export function createDeps(
  config: ServerConfig,
  database: DbHandle,
  bus: EventBus,
  hub: RoomHub,
  shuttingDown: () => boolean = () => false,
): AppDeps {
  return {
    config,
    database,
    bus,
    hub,
    mailer: createMailer(config.smtpUrl),
    engagementStatusListeners: new StatusListeners(),
    roomAuthorizers: new Map<string, RoomAuthorizer>([['lobby', async () => true]]),
    shuttingDown,
  };
}
