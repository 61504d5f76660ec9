// A small MIP model (variables, rows, a linear objective to minimise) and its CPLEX LP text, which HiGHS reads and
// any other solver can check (`lichdu plan --export-model FILE.lp`).

export interface Var {
  readonly name: string;
  lb: number;
  ub: number;
  readonly integer: boolean;
  obj: number;
}

export interface Row {
  readonly name: string;
  readonly terms: ReadonlyArray<readonly [number, number]>;
  readonly lo: number;
  readonly hi: number;
}

export class Model {
  readonly vars: Var[] = [];
  readonly rows: Row[] = [];
  private readonly byName = new Map<string, number>();

  addVar(rawName: string, v: { lb?: number; ub?: number; integer?: boolean; obj?: number } = {}): number {
    const name = lpName(rawName);
    if (this.byName.has(name)) throw new Error(`duplicate variable ${name}`);
    const i = this.vars.length;
    this.vars.push({ name, lb: v.lb ?? 0, ub: v.ub ?? 1, integer: v.integer ?? true, obj: v.obj ?? 0 });
    this.byName.set(name, i);
    return i;
  }

  varIndex(name: string): number | undefined {
    return this.byName.get(lpName(name));
  }

  addRow(name: string, terms: ReadonlyArray<readonly [number, number]>, lo: number, hi: number): void {
    if (terms.length === 0) return;
    this.rows.push({ name: lpName(name), terms, lo, hi });
  }
}

/** Ids may hold "-", which LP format reads as minus; "~" never occurs in an id. */
export const lpName = (s: string): string => s.replace(/-/g, '~');

function num(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(12)));
}

function expr(model: Model, terms: ReadonlyArray<readonly [number, number]>): string {
  const parts: string[] = [];
  for (const [i, c] of terms) {
    if (c === 0) continue;
    parts.push(`${c < 0 ? '-' : '+'} ${Math.abs(c) === 1 ? '' : `${num(Math.abs(c))} `}${model.vars[i]!.name}`);
  }
  return parts.length === 0 ? '0 ' + model.vars[terms[0]![0]]!.name : parts.join(' ');
}

/** Wraps long lines: LP readers limit line length. */
function wrap(line: string): string {
  if (line.length <= 200) return line;
  const out: string[] = [];
  let cur = '';
  for (const tok of line.split(' ')) {
    if (cur.length + tok.length + 1 > 200 && (tok === '+' || tok === '-')) {
      out.push(cur);
      cur = ' ';
    }
    cur += (cur === '' || cur === ' ' ? '' : ' ') + tok;
  }
  out.push(cur);
  return out.join('\n');
}

export function toLp(model: Model, title: string): string {
  const lines = [`\\ ${title}`, 'Minimize'];
  const objTerms = model.vars.map((v, i) => [i, v.obj] as const).filter(([, c]) => c !== 0);
  lines.push(wrap(` obj: ${objTerms.length > 0 ? expr(model, objTerms) : `0 ${model.vars[0]?.name ?? 'dummy'}`}`));
  lines.push('Subject To');
  for (const r of model.rows) {
    const e = expr(model, r.terms);
    if (r.lo === r.hi) lines.push(wrap(` ${r.name}: ${e} = ${num(r.lo)}`));
    else {
      if (r.lo > -Infinity) lines.push(wrap(` ${r.name}${r.hi < Infinity ? '#lo' : ''}: ${e} >= ${num(r.lo)}`));
      if (r.hi < Infinity) lines.push(wrap(` ${r.name}${r.lo > -Infinity ? '#hi' : ''}: ${e} <= ${num(r.hi)}`));
    }
  }
  lines.push('Bounds');
  for (const v of model.vars) lines.push(` ${num(v.lb)} <= ${v.name} <= ${v.ub === Infinity ? 'inf' : num(v.ub)}`);
  const ints = model.vars.filter((v) => v.integer).map((v) => v.name);
  if (ints.length > 0) {
    lines.push('General');
    for (let i = 0; i < ints.length; i += 20) lines.push(' ' + ints.slice(i, i + 20).join(' '));
  }
  lines.push('End', '');
  return lines.join('\n');
}
