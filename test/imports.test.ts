// Architecture: no import cycles; imports flow bin -> src/cli -> the rest; src/domain depends on nothing of ours;
// solver/ depends only on src/domain; only src/cli and bin touch process output or exit codes.
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

  it(
    'when a module outside the CLI imports the CLI, or domain imports anything of ours, then the layering is ' +
      'broken',
    () => {
      const bad: string[] = [];
      for (const [f, deps] of graph) {
        for (const d of deps) {
          const from = relative('.', f);
          const to = relative('.', d);
          if (to.startsWith('src/cli') && !from.startsWith('src/cli') && !from.startsWith('bin'))
            bad.push(`${from} -> ${to}`);
          if (from.startsWith('src/domain') && !to.startsWith('src/domain')) bad.push(`${from} -> ${to}`);
          if (from.startsWith('solver') && !to.startsWith('solver') && !to.startsWith('src/domain'))
            bad.push(`${from} -> ${to}`);
        }
      }
      expect(bad).toEqual([]);
    },
  );

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
