import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit tests need nothing; integration tests (*.int.test.ts) open real databases and servers,
// so they get longer time-outs. Both run in one `vitest run` so CI reads one summary line.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    // Vitest's default is one worker per core but one: a single worker on a 2-core machine. Integration
    // tests spend much of their time waiting on servers, timers and the database, so two workers keep
    // both cores busy (the whole suite on both engines: about 66 minutes → 25 on the build machine).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    setupFiles: ['./test/support/no-deprecations.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
