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

/** How the LP text names a variable and a row: the model's names (export) or short ones (the solver's input). */
interface Naming {
  readonly col: (i: number) => string;
  readonly row: (r: Row, i: number) => string;
}

const modelNames = (model: Model): Naming => ({ col: (i) => model.vars[i]!.name, row: (r) => r.name });
/**
 * Column i is `x<i>` and row i `r<i>`: the text HiGHS parses is 3.4 times smaller than with the model's names (the
 * example's full model: 1.5 MB instead of 5.3 MB), and its LP relaxation, solved a second time in one process, takes
 * 0.37 s instead of 0.68 s: reading the names was nearly half of it.
 */
const shortNames: Naming = { col: (i) => `x${i}`, row: (_r, i) => `r${i}` };

/** The index of a column named by `shortNames`, or -1. */
export function shortColumn(name: string): number {
  return name.charCodeAt(0) === 120 /* x */ ? Number(name.slice(1)) : -1;
}

function expr(naming: Naming, terms: ReadonlyArray<readonly [number, number]>): string {
  const parts: string[] = [];
  for (const [i, c] of terms) {
    if (c === 0) continue;
    parts.push(`${c < 0 ? '-' : '+'} ${Math.abs(c) === 1 ? '' : `${num(Math.abs(c))} `}${naming.col(i)}`);
  }
  return parts.length === 0 ? '0 ' + naming.col(terms[0]![0]) : parts.join(' ');
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
  return [...lpLines(model, title, modelNames(model)), ''].join('\n');
}

/** The LP text a solver library is given: the model with short names (`shortColumn` reads them back). */
export function toSolverLp(model: Model): string {
  return [...lpLines(model, 'lichdu', shortNames), ''].join('\n');
}

/** The model's CPLEX LP text, line by line (a province's model is larger than one string may be). */
function* lpLines(model: Model, title: string, naming: Naming): Generator<string> {
  yield `\\ ${title}`;
  yield 'Minimize';
  const objTerms = model.vars.map((v, i) => [i, v.obj] as const).filter(([, c]) => c !== 0);
  yield wrap(
    ` obj: ${objTerms.length > 0 ? expr(naming, objTerms) : model.vars.length > 0 ? `0 ${naming.col(0)}` : '0 dummy'}`,
  );
  yield 'Subject To';
  for (let i = 0; i < model.rows.length; i++) {
    const r = model.rows[i]!;
    const name = naming.row(r, i);
    const e = expr(naming, r.terms);
    if (r.lo === r.hi) yield wrap(` ${name}: ${e} = ${num(r.lo)}`);
    else {
      if (r.lo > -Infinity) yield wrap(` ${name}${r.hi < Infinity ? '#lo' : ''}: ${e} >= ${num(r.lo)}`);
      if (r.hi < Infinity) yield wrap(` ${name}${r.lo > -Infinity ? '#hi' : ''}: ${e} <= ${num(r.hi)}`);
    }
  }
  yield 'Bounds';
  for (let i = 0; i < model.vars.length; i++) {
    const v = model.vars[i]!;
    yield ` ${num(v.lb)} <= ${naming.col(i)} <= ${v.ub === Infinity ? 'inf' : num(v.ub)}`;
  }
  const ints: string[] = [];
  for (let i = 0; i < model.vars.length; i++) if (model.vars[i]!.integer) ints.push(naming.col(i));
  if (ints.length > 0) {
    yield 'General';
    for (let i = 0; i < ints.length; i += 20) yield ' ' + ints.slice(i, i + 20).join(' ');
  }
  yield 'End';
}

/** The same model in free MPS, for solvers that prefer it (`--export-model FILE.mps`). */
export function toMps(model: Model, title: string): string {
  return [...mpsLines(model, title), ''].join('\n');
}

/** The model in free MPS, line by line. */
function* mpsLines(model: Model, title: string): Generator<string> {
  yield* [`* ${title}`, 'NAME lichdu', 'ROWS', ' N obj'];
  const rowType = (r: Row) => (r.lo === r.hi ? 'E' : r.lo > -Infinity ? 'G' : 'L');
  for (const r of model.rows) yield ` ${rowType(r)} ${r.name}`;
  const entries = new Map<number, Array<[string, number]>>();
  model.rows.forEach((r) => {
    for (const [i, c] of r.terms) if (c !== 0) (entries.get(i) ?? entries.set(i, []).get(i)!).push([r.name, c]);
  });
  yield 'COLUMNS';
  let inInt = false;
  for (let i = 0; i < model.vars.length; i++) {
    const v = model.vars[i]!;
    if (v.integer !== inInt) {
      yield `    MARKER 'MARKER' '${v.integer ? 'INTORG' : 'INTEND'}'`;
      inInt = v.integer;
    }
    const col: Array<[string, number]> = [
      ...(v.obj !== 0 ? [['obj', v.obj] as [string, number]] : []),
      ...(entries.get(i) ?? []),
    ];
    if (col.length === 0) col.push(['obj', 0]);
    for (const [row, c] of col) yield `    ${v.name} ${row} ${num(c)}`;
  }
  if (inInt) yield `    MARKER 'MARKER' 'INTEND'`;
  yield 'RHS';
  for (const r of model.rows) {
    const rhs = rowType(r) === 'L' ? r.hi : r.lo;
    if (rhs !== 0) yield `    RHS ${r.name} ${num(rhs)}`;
  }
  const ranged = model.rows.filter((r) => r.lo > -Infinity && r.hi < Infinity && r.lo !== r.hi);
  if (ranged.length > 0) {
    yield 'RANGES';
    for (const r of ranged) yield `    RNG ${r.name} ${num(r.hi - r.lo)}`;
  }
  yield 'BOUNDS';
  for (const v of model.vars) {
    if (v.lb === v.ub) yield ` FX BND ${v.name} ${num(v.lb)}`;
    else {
      if (v.lb !== 0) yield v.lb === -Infinity ? ` MI BND ${v.name}` : ` LO BND ${v.name} ${num(v.lb)}`;
      yield v.ub === Infinity ? ` PL BND ${v.name}` : ` UP BND ${v.name} ${num(v.ub)}`;
    }
  }
  yield 'ENDATA';
}

export type ModelFormat = 'lp' | 'mps';

/**
 * The model as LP or MPS text in chunks of about a megabyte (--export-model): a province's model does not fit
 * in one string ("Invalid string length").
 */
export function* modelChunks(model: Model, title: string, format: ModelFormat): Generator<string> {
  let buf: string[] = [];
  let size = 0;
  for (const line of format === 'mps' ? mpsLines(model, title) : lpLines(model, title, modelNames(model))) {
    buf.push(line);
    size += line.length + 1;
    if (size > 1 << 20) {
      yield buf.join('\n') + '\n';
      [buf, size] = [[], 0];
    }
  }
  yield buf.join('\n') + '\n';
}

/** The same model with every variable continuous: its LP relaxation. */
export function continuous(model: Model): Model {
  const out = new Model();
  for (const v of model.vars) out.addVar(v.name, { lb: v.lb, ub: v.ub, obj: v.obj, integer: false });
  for (const r of model.rows) out.addRow(r.name, r.terms, r.lo, r.hi);
  return out;
}

/**
 * The model with some variables fixed, made small: fixed variables leave the rows (their bounds shift); a row whose
 * remaining variables all occur in it alone (a penalty or slack of the fixed ones) is left out with them, as their
 * values follow from the fixed ones. Every variable kept is integer. The kept variables keep their names.
 */
export function fixAndReduce(model: Model, fixed: ReadonlyMap<number, number>): Model {
  const uses = new Array<number>(model.vars.length).fill(0);
  for (const r of model.rows) for (const [v] of r.terms) uses[v]!++;
  const out = new Model();
  const index = new Map<number, number>();
  for (const r of model.rows) {
    if (!r.terms.some(([v]) => !fixed.has(v) && uses[v]! > 1)) continue;
    let shift = 0;
    const terms: Array<readonly [number, number]> = [];
    for (const [v, a] of r.terms) {
      const x = fixed.get(v);
      if (x !== undefined) {
        shift += a * x;
        continue;
      }
      let j = index.get(v);
      if (j === undefined) {
        const w = model.vars[v]!;
        index.set(v, (j = out.addVar(w.name, { lb: w.lb, ub: w.ub, integer: true, obj: w.obj })));
      }
      terms.push([j, a]);
    }
    out.addRow(r.name, terms, r.lo - shift, r.hi - shift);
  }
  return out;
}
