import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { ORIGIN } from './factories.ts';

export type Msg = Record<string, unknown> & { type: string };

/** A real WebSocket to `/ws` with a cookie, recording every message and whether it was closed. */
export async function liveSocket(url: string, cookie: string) {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/ws`, { headers: { cookie, origin: ORIGIN } });
  const messages: Msg[] = [];
  let closed = false;
  ws.on('message', (m: Buffer) => messages.push(JSON.parse(m.toString()) as Msg));
  ws.on('close', () => {
    closed = true;
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const waitFor = async (pred: (m: Msg) => boolean, timeoutMs = 5000): Promise<Msg> => {
    const t0 = Date.now();
    while (Date.now() - t0 < timeoutMs) {
      const found = messages.find(pred);
      if (found) {
        return found;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`no matching message in ${JSON.stringify(messages).slice(-800)}`);
  };
  return {
    ws,
    messages,
    waitFor,
    get closed() {
      return closed;
    },
    /** Resolves true once the server has closed the socket, false after `timeoutMs`. */
    async waitClosed(timeoutMs = 3000) {
      const t0 = Date.now();
      while (!closed && Date.now() - t0 < timeoutMs) {
        await new Promise((r) => setTimeout(r, 10));
      }
      return closed;
    },
    send: (m: unknown) => ws.send(JSON.stringify(m)),
    /** Send a command and wait for its ack or reject. */
    async command(workshopId: string, command: Record<string, unknown>, commandId: string = randomUUID()) {
      ws.send(JSON.stringify({ type: 'live.command', workshopId, commandId, command }));
      return waitFor((m) => (m.type === 'live.ack' || m.type === 'live.reject') && m.commandId === commandId);
    },
    close: () => ws.close(),
  };
}
