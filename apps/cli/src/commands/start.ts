import { type ConfigInput, loadConfig, loadDemo, startServer } from '@essaim/server';
import type { CommandIo } from '../io.ts';
import { printDemo } from './demo.ts';

export type StartOptions = ConfigInput & { demo?: boolean };

/** `essaim start`: serve the API, WebSocket and web app until SIGTERM/SIGINT. */
export async function start(opts: StartOptions, io: CommandIo): Promise<void> {
  const config = loadConfig(opts);
  const t0 = performance.now();
  const server = await startServer(config);
  if (opts.demo) {
    printDemo(await loadDemo(server.deps), io);
  }
  const where = config.database.dialect === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
  const shown = server.url.replace('://0.0.0.0', '://localhost').replace('://[::]', '://localhost');
  io.stderr(
    `Essaim ready on ${shown} (${where}${config.redisUrl ? ', Redis bus' : ''}) in ${Math.round(performance.now() - t0)} ms\n`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    io.stderr(`Essaim: ${signal} received, draining…\n`);
    // A stuck connection must not keep the process alive forever.
    const force = setTimeout(() => {
      io.stderr('Essaim: drain took over 10 s, exiting\n');
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        io.stderr(`Essaim: error while closing: ${(err as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
