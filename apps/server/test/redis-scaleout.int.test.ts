import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openSocket, spawnServer } from './spawn-server.ts';
import { pgTestUrl, redisTestUrl } from './test-db.ts';

/**
 * Two server processes on one PostgreSQL and one Redis: what a client sends to instance A reaches
 * a client of instance B. Runs when ESSAIM_TEST_DATABASE_URL and REDIS_URL are set.
 */
describe.skipIf(!pgTestUrl || !redisTestUrl)('two instances through Redis', () => {
  it('relays reactions and presence from instance A to instance B', async () => {
    // Both instances share a database of their own (each migrates under the migration lock; one finds
    // nothing to do). A fresh one, so that no earlier run's migrations are in the way.
    const dbName = `essaim_redis_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgTestUrl! });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const dbUrl = pgTestUrl!.replace(/\/[^/]*$/, `/${dbName}`);
    const a = await spawnServer(['--database-url', dbUrl, '--redis-url', redisTestUrl!]);
    const b = await spawnServer(['--database-url', dbUrl, '--redis-url', redisTestUrl!]);
    try {
      const ready = await (await fetch(`${b.url}/readyz`)).json();
      expect(ready).toMatchObject({ bus: 'redis', database: { dialect: 'postgres' } });
      const room = `lobby:scale-${Date.now()}`;
      const onA = await openSocket(a.url);
      const onB = await openSocket(b.url);
      const helloA = await onA.waitFor<{ instanceId: string }>((m) => m.type === 'hello');
      const helloB = await onB.waitFor<{ instanceId: string }>((m) => m.type === 'hello');
      expect(helloA.instanceId).not.toBe(helloB.instanceId);
      onB.send({ type: 'subscribe', room });
      await onB.waitFor((m) => m.type === 'subscribed');
      onA.send({ type: 'subscribe', room });
      await onA.waitFor((m) => m.type === 'subscribed');
      await onB.waitFor((m) => m.type === 'presence' && m.count === 2);
      onA.send({ type: 'react', room, reaction: 'heart' });
      expect(await onB.waitFor((m) => m.type === 'reaction')).toMatchObject({ room, reaction: 'heart' });
      onA.close();
      onB.close();
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
      await admin.end();
    }
  });
});
