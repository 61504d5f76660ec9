// Turns zod's issues into InputIssues with messages a person can act on.
import type { z } from 'zod';
import { didYouMean, type InputIssue, type PathSegment } from '../util/issues.js';
import { describeValue } from './primitives.js';

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
    if (iss.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of iss.keys) {
        out.push({
          file,
          path: [...prefix, ...path, key],
          message:
            `unknown key "${key}"` +
            (didYouMean(key, known) || (known.length > 0 ? `; allowed: ${known.join(', ')}` : '')),
        });
      }
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
    let message = iss.message;
    if (iss.code === 'invalid_type') {
      if (value === undefined && !message.startsWith('is required')) message = 'is required';
      else if (value !== undefined && /^Invalid input/.test(message)) {
        const what =
          iss.expected === 'array' ? 'a list' : iss.expected === 'object' ? 'a mapping { … }' : `a ${iss.expected}`;
        message = `expected ${what}, got ${describeValue(value)}`;
      }
    } else if (iss.code === 'too_small' && iss.origin === 'array' && /^Too small/.test(message)) {
      message = `must list at least ${String(iss.minimum)}`;
    } else if (/^(Too small|Too big|Invalid)/.test(message)) {
      message = `${describeValue(value)}: ${message.replace(/^Invalid input: /, '')}`;
    }
    out.push({ file, path: [...prefix, ...path], message });
  }
  return out;
}
