// Run before each test file (vitest setupFiles): a configuration folder of the file's own, so that the feed secrets
// (one per organisation, in $XDG_CONFIG_HOME/lichdu) of two files running at once on the two forks never meet — a
// test that revokes every link of the small fixture's organisation must not change another file's links mid-test.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.XDG_CONFIG_HOME = mkdtempSync(join(tmpdir(), 'lichdu-test-config-'));
