import type { ServerConfig } from './config.ts';
import type { DbHandle } from './db/connect.ts';
import { createMailer, type Mailer } from './lib/mailer.ts';
import type { EventBus } from './realtime/bus.ts';
import type { RoomHub } from './realtime/hub.ts';
import { type RoomAuthorizer, type SocketMessageHandler, StatusListeners } from './realtime/sockets.ts';
import { assertEngagementAcceptsInput } from './services/engagement-guard.ts';
import { LiveRuntime } from './services/live.service.ts';
import { NetworkAnalysisJobs } from './services/networks-jobs.service.ts';
import { buildIndex, type LibraryIndex } from './services/pollination-library.service.ts';
import { LibraryIndexCache } from './services/pollination-search-cache.ts';
import { ReportJobs } from './services/reports.service.ts';
import { WebhookDispatcher } from './services/webhooks-dispatcher.ts';

export type { RoomAuthorizer, SocketContext, SocketMessageHandler } from './realtime/sockets.ts';
export { StatusListeners } from './realtime/sockets.ts';

/**
 * The composition root's products, handed to route plugins (`app.deps`). Only the top layer
 * (server.ts, features, http/, ws/) imports this file; services receive what they need as arguments.
 */
export interface AppDeps {
  config: ServerConfig;
  database: DbHandle;
  bus: EventBus;
  hub: RoomHub;
  mailer: Mailer;
  /** The one live runtime of this instance (engine, fan-out, socket handlers), shared by every feature. */
  live: LiveRuntime;
  /** The network analysis job runner of this instance (tests wait on `idle()`). */
  networkJobs: NetworkAnalysisJobs;
  /** Sends the webhook outbox (tests call `drain()`). */
  webhooks: WebhookDispatcher;
  /** PDF report jobs of this instance (tests wait on `idle()`). */
  reports: ReportJobs;
  /** The experience library's full-text index per organisation (rebuilt when its rows change). */
  libraryIndex: LibraryIndexCache<LibraryIndex>;
  engagementStatusListeners: StatusListeners;
  roomAuthorizers: Map<string, RoomAuthorizer>;
  socketHandlers: Map<string, SocketMessageHandler>;
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
  const socketHandlers = new Map<string, SocketMessageHandler>();
  const live = new LiveRuntime(database.db, hub, socketHandlers, assertEngagementAcceptsInput);
  return {
    config,
    database,
    bus,
    hub,
    mailer: createMailer(config.smtpUrl),
    live,
    networkJobs: new NetworkAnalysisJobs(database.db, (networkId, payload) =>
      hub.broadcast(`network:${networkId}`, {
        type: 'event',
        room: `network:${networkId}`,
        event: 'network.analysis',
        payload,
      }),
    ),
    webhooks: new WebhookDispatcher(database.db),
    reports: new ReportJobs(database.db, live),
    libraryIndex: new LibraryIndexCache(buildIndex),
    engagementStatusListeners: new StatusListeners(),
    roomAuthorizers: new Map<string, RoomAuthorizer>([['lobby', async () => true]]),
    socketHandlers,
    shuttingDown,
  };
}
