// Vitest global setup: the solver's worker thread cannot load TypeScript, so the tests bundle it from the sources
// (solver/backends/worker.ts and what it imports) into one file before any test runs, and point the solver at it
// with LICHDU_SOLVER_WORKER. A stale dist/ is never what the tests measure. And a configuration folder of their own,
// and a temporary folder of their own (TMPDIR, which os.tmpdir(), the commands they run, LibreOffice and Chromium all
// follow), removed when the run ends: the suite makes some 20,000 folders a run, which stayed behind in /tmp.
import { buildSync } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'lichdu-tests-'));
  process.env.TMPDIR = root;
  const dir = join('node_modules', '.cache', 'lichdu-test');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, 'worker.mjs');
  buildSync({
    entryPoints: ['solver/backends/worker.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  process.env.LICHDU_SOLVER_WORKER = join(process.cwd(), outfile);
  // Feed secrets live in the user's configuration folder: the tests keep theirs apart from the user's own.
  process.env.XDG_CONFIG_HOME = mkdtempSync(join(tmpdir(), 'lichdu-test-config-'));
  return () => rmSync(root, { recursive: true, force: true });
}
