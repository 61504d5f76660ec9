import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/support/summaryReporter.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/workerSetup.ts'],
    setupFiles: ['test/support/fileSetup.ts'],
    testTimeout: 60_000,
    // The existing tests read the English rendering (lichdu speaks Vietnamese by default); test/i18n runs the
    // commands in Vietnamese and holds every message to the catalogue.
    env: { LICHDU_LANG: 'en' },
    hookTimeout: 600_000,
    pool: 'forks',
    // Two forks on two cores (vitest's default is one fewer than the cores: a single worker here), each reused across
    // files; the real-client tests spend most of their time waiting on LibreOffice, Chromium and the parsers.
    poolOptions: { forks: { isolate: false, maxForks: 2, minForks: 1 } },
    reporters: ['default', new SummaryReporter()],
  },
});
