// Architecture: no import cycles of files, and folders in one declared order (FOLDER_ORDER: no folder cycle);
// src/domain depends on nothing of ours; solver/ only on src/domain; only src/cli and bin touch process output or
// exit codes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });
  } catch {
    return [];
  }
}

const all = ['bin', 'src', 'solver'].flatMap(files);
const graph = new Map<string, string[]>(
  all.map((f) => {
    const text = readFileSync(f, 'utf8');
    const deps = [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+'(\.[^']+)'/gm)].map((m) =>
      normalize(join(dirname(f), m[1]!.replace(/\.js$/, '.ts'))),
    );
    return [f, deps];
  }),
);

/**
 * The folders from the bottom up: each may import only itself and folders before it (issue 21). Shared formats
 * (src/format) sit below both the plan readers (src/planfile) and the writers (src/export); the solver needs only
 * the domain; the command line and the console sit on top.
 */
const FOLDER_ORDER = [
  'src/domain',
  'src/i18n',
  'src/util',
  'src/schema',
  'src/calendar',
  'src/format',
  'src/check',
  'src/policies',
  'src/spec',
  'solver',
  'src/planfile',
  'src/attendance',
  'src/replan',
  'src/edit',
  'src/export',
  'src/report',
  'src/import',
  'src/serve',
  'src/cli',
  'bin',
];

/** `src/check/rules/quota.ts` -> `src/check`; `solver/...` -> `solver`; `bin/...` -> `bin`. */
function folderOf(file: string): string {
  const parts = relative('.', file).split('/');
  return parts[0] === 'src' ? `src/${parts[1]}` : parts[0]!;
}

/** The imports against FOLDER_ORDER, and the folders missing from it. */
function againstOrder(g: ReadonlyMap<string, readonly string[]>): string[] {
  const bad: string[] = [];
  const unknown = new Set<string>();
  for (const [f, deps] of g) {
    const from = folderOf(f);
    if (!FOLDER_ORDER.includes(from)) unknown.add(from);
    for (const d of deps) {
      const to = folderOf(d);
      if (to === from) continue;
      if (!FOLDER_ORDER.includes(to)) unknown.add(to);
      else if (FOLDER_ORDER.includes(from) && FOLDER_ORDER.indexOf(to) > FOLDER_ORDER.indexOf(from))
        bad.push(`${relative('.', f)} -> ${relative('.', d)}`);
    }
  }
  return [...bad, ...[...unknown].map((u) => `${u}: not in FOLDER_ORDER`)];
}

describe('imports', () => {
  it('when the sources are scanned then there is no import cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, stack: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(f)), f].join(' -> '));
        return;
      }
      state.set(f, 'open');
      for (const d of graph.get(f) ?? []) visit(d, [...stack, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
    expect(graph.size).toBeGreaterThan(20);
  });

  it('when the folders are read then each imports only folders declared below it, so no folder cycle exists', () => {
    expect(againstOrder(graph)).toEqual([]);
    // Stricter than the order: the solver sees only the domain (and the problem codes its precheck names), the domain
    // nothing of ours.
    const depsOf = (folder: string) =>
      new Set([...graph].filter(([f]) => folderOf(f) === folder).flatMap(([, d]) => d.map(folderOf)));
    expect([...depsOf('solver')].filter((x) => x !== 'solver' && x !== 'src/domain' && x !== 'src/i18n')).toEqual([]);
    expect([...depsOf('src/domain')].filter((x) => x !== 'src/domain')).toEqual([]);
  });

  it('when a folder imports one above it, or a folder outside the order, then the order check names it', () => {
    const bad = new Map([
      ['src/check/rules/quota.ts', ['src/cli/io.ts', 'src/domain/plan.ts']],
      ['src/newthing/a.ts', ['src/domain/plan.ts']],
    ]);
    expect(againstOrder(bad)).toEqual([
      'src/check/rules/quota.ts -> src/cli/io.ts',
      'src/newthing: not in FOLDER_ORDER',
    ]);
  });

  it('when a module outside the CLI writes to the terminal or exits then it is refused', () => {
    const offenders = all.filter(
      (f) =>
        !f.startsWith('src/cli') &&
        !f.startsWith('bin') &&
        /process\.(exit|stdout|stderr)|console\./.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

describe('layout', () => {
  it('when the sources and tests are read then no line is over 120 characters', () => {
    const long = [...all, ...files('test'), ...files('bench')].flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((l, i) => (l.length > 120 ? [`${f}:${i + 1}`] : [])),
    );
    expect(long).toEqual([]);
  });
});
