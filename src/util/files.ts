import { readFileSync } from 'node:fs';
import type { Result } from './issues.js';

/** An input file's bytes, or one issue saying why it cannot be read (`what`: "the spec", "the plan"). */
export function readInputFile(path: string, what: string): Result<Buffer> {
  try {
    return { ok: true, value: readFileSync(path) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : (err as Error).message;
    return { ok: false, issues: [{ file: path, path: [], message: `cannot read ${what}: ${why}` }] };
  }
}
