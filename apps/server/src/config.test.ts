import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'essaim-config-'));

describe('loadConfig', () => {
  it('defaults to SQLite under ./data on port 4000', () => {
    const dir = tmp();
    const c = loadConfig({ data: dir }, {});
    expect(c.port).toBe(4000);
    expect(c.database).toEqual({ dialect: 'sqlite', file: path.join(dir, 'essaim.db') });
    expect(c.redisUrl).toBeNull();
  });

  it('lets flags win over the environment', () => {
    const c = loadConfig({ port: '5001', data: tmp() }, { PORT: '6000' });
    expect(c.port).toBe(5001);
  });

  it('uses PostgreSQL when DATABASE_URL is postgres://', () => {
    const c = loadConfig({ data: tmp() }, { DATABASE_URL: 'postgres://u@127.0.0.1:5432/test' });
    expect(c.database).toEqual({ dialect: 'postgres', url: 'postgres://u@127.0.0.1:5432/test' });
  });

  it.each([
    [{ port: 'abc' }, /invalid port "abc"/],
    [{ port: '70000' }, /invalid port/],
    [{ databaseUrl: 'mysql://x/y' }, /unsupported DATABASE_URL scheme "mysql:"/],
    [{ databaseUrl: 'postgres//nohost' }, /malformed DATABASE_URL/],
    [{ redisUrl: 'http://x' }, /invalid REDIS_URL/],
    [{ logLevel: 'loud' }, /invalid LOG_LEVEL/],
  ])('rejects %o with one clear line', (flags, message) => {
    expect(() => loadConfig({ data: tmp(), ...flags }, {})).toThrow(ConfigError);
    expect(() => loadConfig({ data: tmp(), ...flags }, {})).toThrow(message);
  });

  it('never echoes a database password', () => {
    try {
      loadConfig({ data: tmp(), databaseUrl: 'postgres://bob:secret@' }, {});
    } catch (err) {
      expect((err as Error).message).not.toContain('secret');
    }
  });

  it('rejects a data directory that is a file', () => {
    const file = path.join(tmp(), 'f');
    writeFileSync(file, 'x');
    expect(() => loadConfig({ data: file }, {})).toThrow(/data directory .* is not usable/);
  });

  it.skipIf(process.getuid?.() === 0)('rejects an unwritable data directory', () => {
    const dir = tmp();
    chmodSync(dir, 0o500);
    expect(() => loadConfig({ data: dir }, {})).toThrow(/not usable/);
  });

  it('trusts no proxy unless TRUST_PROXY says so (hop count or address list)', () => {
    expect(loadConfig({ data: tmp() }, {}).trustProxy).toBe(false);
    expect(loadConfig({ data: tmp() }, { TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ data: tmp() }, { TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
    ]);
    expect(() => loadConfig({ data: tmp() }, { TRUST_PROXY: 'true' })).toThrow(/invalid TRUST_PROXY/);
  });

  it('refuses SMTP without PUBLIC_URL in one line', () => {
    expect(() => loadConfig({ data: tmp() }, { SMTP_URL: 'smtp://127.0.0.1:25' })).toThrow(ConfigError);
    expect(() => loadConfig({ data: tmp() }, { SMTP_URL: 'smtp://127.0.0.1:25' })).toThrow(
      /^SMTP_URL is set but PUBLIC_URL is not/,
    );
    const ok = loadConfig({ data: tmp() }, { SMTP_URL: 'smtp://h', PUBLIC_URL: 'https://e.example/' });
    expect(ok.publicUrl).toBe('https://e.example');
  });

  it('keeps the API docs public in development only', () => {
    expect(loadConfig({ data: tmp() }, {}).apiDocs).toBe('public');
    expect(loadConfig({ data: tmp() }, { NODE_ENV: 'production' }).apiDocs).toBe('signed-in');
    expect(loadConfig({ data: tmp() }, { NODE_ENV: 'production', API_DOCS: 'off' }).apiDocs).toBe('off');
    expect(() => loadConfig({ data: tmp() }, { API_DOCS: 'yes' })).toThrow(/invalid API_DOCS/);
  });
});
