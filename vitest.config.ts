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
    // One file at a time on two cores (vitest's default: cores − 1). Two side by side were 1.5× faster,
    // but a fresh-clone run then lost a PostgreSQL test schema in the middle of its migration (cause not
    // found yet); until it is, the suite runs the way every landed CI run did.
    maxWorkers: Math.max(availableParallelism() - 1, 1),
  },
});
