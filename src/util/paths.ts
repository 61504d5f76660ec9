import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package's root folder, whether running from `src/` (tests) or `dist/` (the installed command). */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'lichdu')
      return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('lichdu: cannot find the package root (package.json)');
    dir = up;
  }
}
