import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'apps/web/src/**/*.test.tsx',
    ],
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.e2e.test.ts'],
    // On CI these files share the 2 cores with the browser journeys (.ci/run): a test that starts two
    // servers from source, or clusters a conversation on PostgreSQL, took over 30 s there on a loaded machine.
    // A ceiling only: a passing test takes no longer for it.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most files spend their time waiting on PostgreSQL, Redis, sockets and child processes, so two files
    // run side by side on CI's two cores (vitest's default would be cores − 1 = 1); each file opens its own
    // database (schema), server and ports. Two workers once lost a PostgreSQL schema mid-migration: Kysely's
    // introspection looked up every schema by name while another worker dropped its own (fixed in
    // apps/server/src/db/pg-introspector.ts, guarded by apps/server/test/pg-schema-race.int.test.ts).
    maxWorkers: Math.max(availableParallelism() - 1, 2),
  },
});
