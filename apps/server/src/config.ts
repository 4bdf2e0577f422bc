import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
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
  /**
   * Which proxies may set X-Forwarded-For/-Proto/-Host: none (false, the default), the number of
   * hops in front of the server, or a list of addresses/CIDR ranges (TRUST_PROXY).
   */
  trustProxy: false | number | string[];
  /** OpenAPI pages (/docs, /docs/json): public, signed-in users only, or off (API_DOCS). */
  apiDocs: 'public' | 'signed-in' | 'off';
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
  trustProxy?: string | undefined;
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
  const smtpUrl = env.SMTP_URL || null;
  if (smtpUrl && !publicUrl) {
    // Mailed links must never be built from request headers (X-Forwarded-Host poisoning).
    throw new ConfigError('SMTP_URL is set but PUBLIC_URL is not: set PUBLIC_URL to the address people open');
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
    smtpUrl,
    demo: flags.demo ?? false,
    trustProxy: parseTrustProxy(flags.trustProxy ?? env.TRUST_PROXY ?? ''),
    apiDocs: parseApiDocs(env.API_DOCS, env.NODE_ENV),
    metrics: flags.metrics ?? ['1', 'true', 'yes'].includes((env.ESSAIM_METRICS ?? '').toLowerCase()),
  };
}

const OFF = new Set(['', '0', 'false', 'off', 'no']);

/** TRUST_PROXY: off (default), a hop count (1 = one reverse proxy), or addresses/CIDR ranges separated by commas. */
export function parseTrustProxy(raw: string): false | number | string[] {
  const value = raw.trim().toLowerCase();
  if (OFF.has(value)) {
    return false;
  }
  if (/^\d+$/.test(value)) {
    return Number(value);
  }
  const list = value.split(',').map((s) => s.trim());
  for (const entry of list) {
    const [address, bits, ...rest] = entry.split('/');
    const okBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= 128);
    if (rest.length > 0 || !okBits || isIP(address ?? '') === 0) {
      throw new ConfigError(
        `invalid TRUST_PROXY "${raw}": expected off, a hop count (e.g. 1) or addresses such as 10.0.0.1,10.1.0.0/16`,
      );
    }
  }
  return list;
}

/** API_DOCS: public | signed-in | off; defaults to public in development, signed-in when NODE_ENV=production. */
function parseApiDocs(raw: string | undefined, nodeEnv: string | undefined): ServerConfig['apiDocs'] {
  if (raw === undefined || raw === '') {
    return nodeEnv === 'production' ? 'signed-in' : 'public';
  }
  if (raw !== 'public' && raw !== 'signed-in' && raw !== 'off') {
    throw new ConfigError(`invalid API_DOCS "${raw}": expected public, signed-in or off`);
  }
  return raw;
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
