// Turns zod's issues into problems (codes and parameters) a person can act on: the schemas' own problems are coded
// (src/schema/primitives.ts `coded`); zod's generic ones (a missing key, a wrong type, an unknown key) get codes here.
import type { z } from 'zod';
import { issue, near, type InputIssue, type PathSegment } from '../util/issues.js';
import { decodeCoded, describeValue } from './primitives.js';

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** The keys an object schema accepts at `path`, found by walking the schema (best effort). */
function knownKeys(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let s: unknown = schema;
  const unwrap = (x: unknown): unknown => {
    for (let i = 0; i < 10; i++) {
      const def = (x as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
      if (!def) return x;
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') x = def.innerType;
      else if (def.type === 'pipe') x = def.out;
      else return x;
    }
    return x;
  };
  for (const seg of path) {
    s = unwrap(s);
    const def = (s as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def) return [];
    if (def.type === 'object' && typeof seg === 'string') s = (def.shape as Record<string, unknown>)[seg];
    else if (def.type === 'array' && typeof seg === 'number') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else return [];
  }
  const def = (unwrap(s) as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
  return def?.type === 'object' ? Object.keys(def.shape as object) : [];
}

export function fromZod(
  file: string,
  schema: z.ZodType,
  input: unknown,
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PathSegment[] = [],
): InputIssue[] {
  const out: InputIssue[] = [];
  for (const iss of issues) {
    const path = iss.path.filter((p): p is string | number => typeof p !== 'symbol');
    const at = [...prefix, ...path];
    if (iss.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of iss.keys)
        out.push(
          issue(file, [...at, key], 'value.unknown-key', { key, near: near(key, known), allowed: known.join(', ') }),
        );
      continue;
    }
    if (iss.code === 'invalid_union' && iss.errors.length > 0) {
      // Report the branch that went deepest: it is the one the author meant.
      const best = [...iss.errors].sort(
        (a, b) => Math.max(0, ...b.map((e) => e.path.length)) - Math.max(0, ...a.map((e) => e.path.length)),
      )[0]!;
      out.push(
        ...fromZod(
          file,
          schema,
          input,
          best.map((e) => ({ ...e, path: [...iss.path, ...e.path] })),
          prefix,
        ),
      );
      continue;
    }
    const value = valueAt(input, path);
    const own = decodeCoded(iss.message);
    if (own) {
      // A missing value is "required" whatever the schema's own problem for a wrong one.
      out.push(
        value === undefined && iss.code === 'invalid_type' && own.code !== 'spec.no-list'
          ? issue(file, at, 'value.required')
          : issue(file, at, own.code, own.params),
      );
    } else if (iss.code === 'invalid_type')
      out.push(
        value === undefined
          ? issue(file, at, 'value.required')
          : issue(file, at, 'value.wrong-type', { expected: String(iss.expected), value: describeValue(value) }),
      );
    else if (iss.code === 'too_small' && iss.origin === 'array')
      out.push(issue(file, at, 'value.too-few', { min: String(iss.minimum) }));
    // zod's own words for a problem no schema here names (none is expected): kept as the detail.
    else out.push(issue(file, at, 'value.invalid', { value: describeValue(value), detail: iss.message }));
  }
  return out;
}
