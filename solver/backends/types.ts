// One interface for every solver library.
import type { Model } from '../lp.js';

export const BACKEND_NAMES = ['highs', 'glpk'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export interface BackendOptions {
  /** Seconds; the solve is stopped (its worker ended) a little after this whatever the library does. */
  readonly timeLimitSec: number;
  readonly seed: number;
  /** Relative MIP gap at which the library may stop (default 0: proven optimal). */
  readonly gap?: number;
  /** Stops the solve at once (its worker ended): the answer is then `no-solution`. */
  readonly signal?: AbortSignal;
}

export interface BackendResult {
  /** `crashed`: the library or its worker failed (e.g. WebAssembly out of memory), not the model. */
  readonly status: 'optimal' | 'infeasible' | 'timed-out' | 'no-solution' | 'crashed';
  /** Variable values by name, when a solution was found. */
  readonly values?: ReadonlyMap<string, number>;
  readonly objective?: number;
  readonly message?: string;
}

/**
 * What a worker receives: the model's LP text, and the model as plain data for libraries that do not read LP text
 * (HiGHS does: copying 120,000 variables and 40,000 rows into its thread took as long as solving them).
 */
export interface WorkerInput {
  readonly backend: BackendName;
  readonly vars: Model['vars'];
  readonly rows: Model['rows'];
  /** Whether any variable is integer (a MIP, not an LP). */
  readonly integer: boolean;
  /** The model's LP text with short names (HiGHS); empty for the others. */
  readonly lp: string;
  readonly timeLimitSec: number;
  readonly seed: number;
  readonly gap: number;
}

export interface WorkerOutput {
  readonly status: Exclude<BackendResult['status'], 'crashed'> | 'error';
  readonly objective?: number;
  readonly values?: Array<[string, number]>;
  readonly message?: string;
}

/** Solves a model: HiGHS is given its LP text with short names (`toSolverLp`), the other libraries the data. */
export type Backend = (model: Model, opts: BackendOptions) => Promise<BackendResult>;
