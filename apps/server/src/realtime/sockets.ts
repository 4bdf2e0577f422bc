import type { FastifyRequest } from 'fastify';
import type { HubClient } from './hub.ts';

/**
 * Decides whether the client behind `request` may join a room of a given kind (`workshop`,
 * `engagement`…). Each feature registers its own; a kind with no authorizer is refused.
 */
export type RoomAuthorizer = (request: FastifyRequest, id: string) => Promise<boolean>;

/** What a feature's WebSocket message handler gets: the upgrade request (session, cookies) and the client. */
export interface SocketContext {
  request: FastifyRequest;
  client: HubClient;
  /** Rooms this socket has joined (through `subscribe` or a feature handler). */
  rooms: Set<string>;
}

/**
 * A feature's handler for WebSocket messages of one `type` (e.g. `live.command`); it validates the
 * message with its own contract schema.
 */
export type SocketMessageHandler = (ctx: SocketContext, message: Record<string, unknown>) => Promise<void>;

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
