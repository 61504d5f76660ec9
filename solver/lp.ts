// A small MIP model (variables, rows, a linear objective to minimise), packed as typed arrays for the solver
// libraries, and as CPLEX LP or MPS text that any other solver can check (`lichdu plan --export-model FILE.lp`).

/** A variable; its name is the formulation's own, made fit for LP text (lpName) only when text is written. */
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

/**
 * Variables and rows, by index. Their names only serve the model's text (--export-model), which checks that no two
 * variables share one: on 2,800 cells, making each name fit for LP text and indexing it as it was added was a third
 * of building the network model (0.25 s of 0.75 s).
 */
export class Model {
  readonly vars: Var[] = [];
  readonly rows: Row[] = [];
  private readonly ones: Array<readonly [number, number]> = [];
  private readonly minusOnes: Array<readonly [number, number]> = [];

  /**
   * The term `+1 × v`, one object per variable shared by every row that has it (a variable is in 4–6 rows; a pair
   * each was most of what building a province's model allocated).
   */
  one(v: number): readonly [number, number] {
    return (this.ones[v] ??= [v, 1]);
  }

  /** The term `−1 × v`, shared as `one` is. */
  minusOne(v: number): readonly [number, number] {
    return (this.minusOnes[v] ??= [v, -1]);
  }

  addVar(name: string, v: { lb?: number; ub?: number; integer?: boolean; obj?: number } = {}): number {
    const i = this.vars.length;
    this.vars.push({ name, lb: v.lb ?? 0, ub: v.ub ?? 1, integer: v.integer ?? true, obj: v.obj ?? 0 });
    return i;
  }

  addRow(name: string, terms: ReadonlyArray<readonly [number, number]>, lo: number, hi: number): void {
    if (terms.length === 0) return;
    this.rows.push({ name, terms, lo, hi });
  }
}

/** Ids may hold "-", which LP format reads as minus; "~" never occurs in an id. */
export const lpName = (s: string): string => (s.includes('-') ? s.replace(/-/g, '~') : s);

function num(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(12)));
}

/** How the LP text names a variable and a row: the model's own names. */
interface Naming {
  readonly col: (i: number) => string;
  readonly row: (r: Row, i: number) => string;
}

/** The names of the model's text: made fit for LP (lpName), each variable's once; two variables of one name refused. */
function modelNames(model: Model): Naming {
  const cols = model.vars.map((v) => lpName(v.name));
  const seen = new Set<string>();
  for (const name of cols) {
    if (seen.has(name)) throw new Error(`duplicate variable ${name}`);
    seen.add(name);
  }
  return { col: (i) => cols[i]!, row: (r) => lpName(r.name) };
}

/**
 * The model as a solver library takes it: typed arrays, rows compressed (CSR), sent to a worker thread without a
 * copy. Text was the earlier way in: on 2,800 cells the network LP's text took 0.4 s to write and HiGHS 3.6 s to
 * read and solve it, the arrays 0.1 s and 1.0 s (`node bench/highs-input.mjs example M L`). They keep the shape the
 * text gave HiGHS, which decides which of several optimal vertices its simplex ends at: columns in the order the
 * text first names them (the objective's, then the rows'), a row with two finite bounds as two rows. In the order of
 * the model the example's full LP ends at a fractional vertex (173 fractional values), in this order at an integral
 * one, which is the optimum at once (0.3 s instead of 5 s of MIP).
 */
export interface PackedModel {
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  /** 1 where the variable is integer. */
  readonly integer: Uint8Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** Row i's terms are at starts[i]..starts[i+1] of index (the column) and value (its coefficient). */
  readonly starts: Int32Array;
  readonly index: Int32Array;
  readonly value: Float64Array;
}

/** A model packed, and for each packed column the index of its variable in the model. */
export interface Packed {
  readonly packed: PackedModel;
  readonly columns: Int32Array;
}

export function pack(model: Model): Packed {
  const { vars, rows } = model;
  const columns = new Int32Array(vars.length);
  const at = new Int32Array(vars.length).fill(-1);
  let n = 0;
  const see = (j: number) => {
    if (at[j]! < 0) {
      at[j] = n;
      columns[n++] = j;
    }
  };
  for (let j = 0; j < vars.length; j++) if (vars[j]!.obj !== 0) see(j);
  let nnz = 0;
  let numRows = 0;
  for (const r of rows) {
    for (const [j] of r.terms) see(j);
    const split = r.lo !== r.hi && r.lo > -Infinity && r.hi < Infinity;
    nnz += r.terms.length * (split ? 2 : 1);
    numRows += split ? 2 : 1;
  }
  for (let j = 0; j < vars.length; j++) see(j);
  const p = {
    numCols: vars.length,
    numRows,
    colCost: new Float64Array(vars.length),
    colLower: new Float64Array(vars.length),
    colUpper: new Float64Array(vars.length),
    integer: new Uint8Array(vars.length),
    rowLower: new Float64Array(numRows),
    rowUpper: new Float64Array(numRows),
    starts: new Int32Array(numRows + 1),
    index: new Int32Array(nnz),
    value: new Float64Array(nnz),
  };
  for (let i = 0; i < vars.length; i++) {
    const v = vars[columns[i]!]!;
    p.colCost[i] = v.obj;
    p.colLower[i] = v.lb;
    p.colUpper[i] = v.ub;
    p.integer[i] = v.integer ? 1 : 0;
  }
  let k = 0;
  let i = 0;
  const addRow = (r: Row, lo: number, hi: number) => {
    p.starts[i] = k;
    p.rowLower[i] = lo;
    p.rowUpper[i++] = hi;
    for (const [j, c] of r.terms) {
      p.index[k] = at[j]!;
      p.value[k++] = c;
    }
  };
  for (const r of rows)
    if (r.lo !== r.hi && r.lo > -Infinity && r.hi < Infinity) {
      addRow(r, r.lo, Infinity);
      addRow(r, -Infinity, r.hi);
    } else addRow(r, r.lo, r.hi);
  p.starts[numRows] = k;
  return { packed: p, columns };
}

/** The packed model's arrays, to be moved to a worker rather than copied. */
export const packedBuffers = (p: PackedModel): ArrayBuffer[] =>
  [p.colCost, p.colLower, p.colUpper, p.integer, p.rowLower, p.rowUpper, p.starts, p.index, p.value].map(
    (a) => a.buffer as ArrayBuffer,
  );

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
  return [...mpsLines(model, title, modelNames(model)), ''].join('\n');
}

/** The model in free MPS, line by line. */
function* mpsLines(model: Model, title: string, naming: Naming): Generator<string> {
  yield* [`* ${title}`, 'NAME lichdu', 'ROWS', ' N obj'];
  const rowType = (r: Row) => (r.lo === r.hi ? 'E' : r.lo > -Infinity ? 'G' : 'L');
  const rowNames = model.rows.map((r, i) => naming.row(r, i));
  for (const [i, r] of model.rows.entries()) yield ` ${rowType(r)} ${rowNames[i]}`;
  const entries = new Map<number, Array<[string, number]>>();
  model.rows.forEach((r, k) => {
    for (const [i, c] of r.terms) if (c !== 0) (entries.get(i) ?? entries.set(i, []).get(i)!).push([rowNames[k]!, c]);
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
    for (const [row, c] of col) yield `    ${naming.col(i)} ${row} ${num(c)}`;
  }
  if (inInt) yield `    MARKER 'MARKER' 'INTEND'`;
  yield 'RHS';
  for (const [i, r] of model.rows.entries()) {
    const rhs = rowType(r) === 'L' ? r.hi : r.lo;
    if (rhs !== 0) yield `    RHS ${rowNames[i]} ${num(rhs)}`;
  }
  const ranged = model.rows.flatMap((r, i) => (r.lo > -Infinity && r.hi < Infinity && r.lo !== r.hi ? [i] : []));
  if (ranged.length > 0) {
    yield 'RANGES';
    for (const i of ranged) yield `    RNG ${rowNames[i]} ${num(model.rows[i]!.hi - model.rows[i]!.lo)}`;
  }
  yield 'BOUNDS';
  for (const [i, v] of model.vars.entries()) {
    const name = naming.col(i);
    if (v.lb === v.ub) yield ` FX BND ${name} ${num(v.lb)}`;
    else {
      if (v.lb !== 0) yield v.lb === -Infinity ? ` MI BND ${name}` : ` LO BND ${name} ${num(v.lb)}`;
      yield v.ub === Infinity ? ` PL BND ${name}` : ` UP BND ${name} ${num(v.ub)}`;
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
  const naming = modelNames(model);
  for (const line of format === 'mps' ? mpsLines(model, title, naming) : lpLines(model, title, naming)) {
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
 * values follow from the fixed ones. Every variable kept keeps its name, and is integer (`all`, the network's
 * continuous model made a MIP) or as integer as in the model (`model`).
 */
export function fixAndReduce(
  model: Model,
  fixed: ReadonlyMap<number, number>,
  integrality: 'all' | 'model' = 'all',
): Reduced {
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
        const integer = integrality === 'all' || w.integer;
        index.set(v, (j = out.addVar(w.name, { lb: w.lb, ub: w.ub, integer, obj: w.obj })));
      }
      terms.push([j, a]);
    }
    out.addRow(r.name, terms, r.lo - shift, r.hi - shift);
  }
  const original: number[] = [];
  for (const [v, j] of index) original[j] = v;
  return { model: out, original };
}

/** A model made small by fixAndReduce, and for each of its variables the index of the same variable in the whole. */
export interface Reduced {
  readonly model: Model;
  readonly original: readonly number[];
}
