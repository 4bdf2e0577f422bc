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
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one file at a time on two cores (cores − 1). Most files here spend their time
    // waiting on PostgreSQL, Redis, sockets and child processes, so two files run side by side on CI's two
    // cores; each file still opens its own database (schema), server and ports.
    maxWorkers: Math.max(availableParallelism() - 1, 2),
  },
});
