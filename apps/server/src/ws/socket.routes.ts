import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { ClientMessageSchema, type ServerMessage } from '@essaim/contracts';
import { assertNever } from '@essaim/core';
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { AppInstance } from '../app-instance.ts';
import { SESSION_COOKIE } from '../http/auth-plugin.ts';
import type { HubClient } from '../realtime/hub.ts';
import { resolveSession } from '../services/auth.service.ts';
import { CLOSE_SESSION_ENDED } from './socket-registry.ts';

const MAX_MESSAGE_BYTES = 64 * 1024;
/** A socket's session is read again from the database when older than this. */
const SESSION_RECHECK_MS = 3000;
/** Reactions are cheap to send and costly to fan out: a few per second per socket is plenty. */
const REACTION_BUCKET = { capacity: 5, refillPerSecond: 2 };

/** The single WebSocket endpoint: typed messages, rooms, presence, reactions. */
export async function socketRoutes(app: AppInstance): Promise<void> {
  // A message broadcast to a room is one object sent to many sockets: serialised once, remembered
  // (weakly) by identity for the other recipients. Per app, like every other piece of state here.
  const serialised = new WeakMap<object, string>();
  const serialise = (message: ServerMessage): string => {
    let text = serialised.get(message);
    if (text === undefined) {
      text = JSON.stringify(message);
      serialised.set(message, text);
    }
    return text;
  };
  // One check-phase callback uncorks every socket written to in this turn (a group commit of 2,000
  // votes writes to 2,000 sockets: one callback, not 2,000).
  const corked = new Set<Duplex>();
  const uncorkAll = () => {
    const sockets = [...corked];
    corked.clear();
    for (const tcp of sockets) {
      tcp.uncork();
    }
  };
  const cork = (tcp: Duplex) => {
    if (corked.has(tcp)) {
      return;
    }
    if (corked.size === 0) {
      setImmediate(uncorkAll);
    }
    corked.add(tcp);
    tcp.cork();
  };
  app.get(
    '/ws',
    { websocket: true, schema: { hide: true } },
    (socket: WebSocket, request: FastifyRequest) => {
      // Frames sent to one socket in one turn of the event loop (a vote's echo, its ack, a batch of
      // the facilitator's feed) leave in one write: the TCP socket is corked until the next check phase.
      const tcp = request.raw.socket;
      const write = (text: string) => {
        if (socket.readyState !== socket.OPEN) {
          return;
        }
        cork(tcp);
        socket.send(text);
      };
      const client: HubClient = {
        id: randomUUID(),
        send(message: ServerMessage) {
          write(serialise(message));
        },
        sendText: write,
      };
      const rooms = new Set<string>();
      let tokens = REACTION_BUCKET.capacity;
      let lastRefill = Date.now();
      const { hub, roomAuthorizers } = app.deps;
      // The session is checked again before every message (at most SESSION_RECHECK_MS old), and the
      // registry closes the socket as soon as the session ends or the person's rights change.
      const token = request.cookies[SESSION_COOKIE];
      let checkedAt = Date.now();
      const forget = request.session
        ? app.sockets.add(socket, request.session.sessionId, request.session.user.id)
        : () => {};
      const isRecheckDue = () => Boolean(request.session) && Date.now() - checkedAt >= SESSION_RECHECK_MS;
      const sessionStillValid = async (): Promise<boolean> => {
        checkedAt = Date.now();
        const fresh = token ? await resolveSession(app.deps.database.db, token) : null;
        if (!fresh) {
          socket.close(CLOSE_SESSION_ENDED, 'session ended');
          return false;
        }
        request.session = fresh;
        return true;
      };

      client.send({ type: 'hello', instanceId: hub.instanceId, protocol: 1 });

      socket.on('message', (raw: Buffer, isBinary: boolean) => {
        void (async () => {
          // Checked synchronously first: a participant's phone (no session) or a recent check costs no await.
          if (isRecheckDue() && !(await sessionStillValid())) {
            return;
          }
          if (isBinary || raw.length > MAX_MESSAGE_BYTES) {
            client.send({
              type: 'error',
              code: 'VALIDATION_FAILED',
              message: 'text JSON messages under 64 KiB only',
            });
            return;
          }
          let parsed: unknown;
          try {
            parsed = JSON.parse(raw.toString('utf8'));
          } catch {
            client.send({ type: 'error', code: 'VALIDATION_FAILED', message: 'message is not JSON' });
            return;
          }
          const featureHandler =
            typeof parsed === 'object' &&
            parsed !== null &&
            typeof (parsed as { type?: unknown }).type === 'string'
              ? app.deps.socketHandlers.get((parsed as { type: string }).type)
              : undefined;
          if (featureHandler) {
            await featureHandler({ request, client, rooms }, parsed as Record<string, unknown>);
            return;
          }
          const result = ClientMessageSchema.safeParse(parsed);
          if (!result.success) {
            client.send({
              type: 'error',
              code: 'VALIDATION_FAILED',
              message: result.error.issues[0]?.message ?? '',
            });
            return;
          }
          const msg = result.data;
          switch (msg.type) {
            case 'ping':
              client.send(msg.id === undefined ? { type: 'pong' } : { type: 'pong', id: msg.id });
              return;
            case 'subscribe': {
              const [kind, id] = msg.room.split(':') as [string, string];
              const authorize = roomAuthorizers.get(kind);
              if (!authorize || !(await authorize(request, id))) {
                client.send({ type: 'error', code: 'FORBIDDEN', message: `not allowed in ${msg.room}` });
                return;
              }
              if (!rooms.has(msg.room)) {
                rooms.add(msg.room);
                await hub.join(msg.room, client);
              }
              client.send({ type: 'subscribed', room: msg.room });
              return;
            }
            case 'unsubscribe':
              if (rooms.delete(msg.room)) {
                await hub.leave(msg.room, client);
              }
              client.send({ type: 'unsubscribed', room: msg.room });
              return;
            case 'react': {
              if (!rooms.has(msg.room)) {
                client.send({ type: 'error', code: 'FORBIDDEN', message: 'subscribe to the room first' });
                return;
              }
              const now = Date.now();
              tokens = Math.min(
                REACTION_BUCKET.capacity,
                tokens + ((now - lastRefill) / 1000) * REACTION_BUCKET.refillPerSecond,
              );
              lastRefill = now;
              if (tokens < 1) {
                client.send({ type: 'error', code: 'RATE_LIMITED', message: 'too many reactions' });
                return;
              }
              tokens -= 1;
              await hub.broadcast(msg.room, {
                type: 'reaction',
                room: msg.room,
                reaction: msg.reaction,
                at: new Date(now).toISOString(),
              });
              return;
            }
            default:
              assertNever(msg);
          }
        })().catch((err: unknown) => {
          request.log.error({ err }, 'websocket message failed');
          client.send({ type: 'error', code: 'INTERNAL', message: 'internal error' });
        });
      });

      socket.on('close', () => {
        forget();
        for (const room of rooms) {
          void hub.leave(room, client);
        }
        rooms.clear();
      });
    },
  );
}
