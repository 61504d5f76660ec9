import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/support/summaryReporter.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/workerSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
    poolOptions: { forks: { isolate: false } },
    reporters: ['default', new SummaryReporter()],
  },
});
