import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Everything the server needs to start, validated once at start-up. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Folder holding the SQLite file when no DATABASE_URL is given. */
  dataDir: string;
  /** `sqlite:<file>` resolved path or a postgres URL. */
  database: { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };
  redisUrl: string | null;
  /** Public origin used for CSRF checks and links, e.g. https://essaim.example.org */
  publicUrl: string | null;
  webDist: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  smtpUrl: string | null;
  demo: boolean;
  /** Serve Prometheus metrics at /metrics (ESSAIM_METRICS=1 or --metrics); off by default. */
  metrics?: boolean;
}

export class ConfigError extends Error {}

export interface ConfigInput {
  port?: string | number | undefined;
  host?: string | undefined;
  data?: string | undefined;
  databaseUrl?: string | undefined;
  redisUrl?: string | undefined;
  publicUrl?: string | undefined;
  logLevel?: string | undefined;
  webDist?: string | undefined;
  demo?: boolean | undefined;
  metrics?: boolean | undefined;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Merge CLI flags over environment variables, validate, and return a config or throw a one-line ConfigError. */
export function loadConfig(flags: ConfigInput, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const portRaw = flags.port ?? env.PORT ?? '4000';
  const port = Number(portRaw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`invalid port "${portRaw}": expected an integer between 0 and 65535`);
  }
  const host = flags.host ?? env.HOST ?? '0.0.0.0';
  const dataDir = path.resolve(flags.data ?? env.ESSAIM_DATA_DIR ?? './data');
  const dbUrl = flags.databaseUrl ?? env.DATABASE_URL ?? '';
  let database: ServerConfig['database'];
  if (dbUrl === '' || dbUrl.startsWith('sqlite:')) {
    const file = dbUrl.startsWith('sqlite:')
      ? path.resolve(dbUrl.slice('sqlite:'.length))
      : path.join(dataDir, 'essaim.db');
    if (file !== ':memory:') {
      ensureWritableDir(path.dirname(file));
    }
    database = { dialect: 'sqlite', file };
  } else {
    database = { dialect: 'postgres', url: validatePostgresUrl(dbUrl) };
  }
  const redisUrl = flags.redisUrl ?? env.REDIS_URL ?? null;
  if (redisUrl && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
    throw new ConfigError(`invalid REDIS_URL "${redisUrl}": expected redis://host:port`);
  }
  const publicUrl = flags.publicUrl ?? env.PUBLIC_URL ?? null;
  if (publicUrl) {
    try {
      new URL(publicUrl);
    } catch {
      throw new ConfigError(`invalid PUBLIC_URL "${publicUrl}": expected an absolute URL`);
    }
  }
  const logLevel = (flags.logLevel ?? env.LOG_LEVEL ?? 'info') as ServerConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`invalid LOG_LEVEL "${logLevel}": expected one of ${LOG_LEVELS.join(', ')}`);
  }
  return {
    port,
    host,
    dataDir,
    database,
    redisUrl: redisUrl || null,
    publicUrl: publicUrl ? publicUrl.replace(/\/$/, '') : null,
    webDist: flags.webDist ?? env.ESSAIM_WEB_DIST ?? null,
    logLevel,
    smtpUrl: env.SMTP_URL ?? null,
    demo: flags.demo ?? false,
    metrics: flags.metrics ?? ['1', 'true', 'yes'].includes((env.ESSAIM_METRICS ?? '').toLowerCase()),
  };
}

function validatePostgresUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`malformed DATABASE_URL "${redact(raw)}": expected postgres://user@host:5432/db`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(
      `unsupported DATABASE_URL scheme "${url.protocol}": use postgres://… or sqlite:<file>, or leave it unset for the embedded SQLite`,
    );
  }
  if (!url.hostname) {
    throw new ConfigError(`malformed DATABASE_URL "${redact(raw)}": missing host`);
  }
  return raw;
}

function redact(raw: string): string {
  return raw.replace(/:\/\/([^:@/]+):([^@/]+)@/, '://$1:***@');
}

function ensureWritableDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) {
      throw new Error('not a directory');
    }
    accessSync(dir, constants.R_OK | constants.W_OK);
  } catch (err) {
    throw new ConfigError(`data directory "${dir}" is not usable: ${(err as Error).message}`);
  }
}
