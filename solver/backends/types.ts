// One interface for every solver library.
import type { Model, PackedModel } from '../lp.js';

export const BACKEND_NAMES = ['highs', 'glpk'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export interface BackendOptions {
  /** Seconds; the solve is stopped (its worker ended) a little after this whatever the library does. */
  readonly timeLimitSec: number;
  readonly seed: number;
  /** Relative MIP gap at which the library may stop (default 0: proven optimal). */
  readonly gap?: number;
  /**
   * A plan to start a MIP from (a value per variable, by index; NaN where the library is to complete it): the
   * library's first incumbent if it is feasible.
   */
  readonly start?: Float64Array;
  /** Stops the solve at once (its worker ended): the answer is then `no-solution`. */
  readonly signal?: AbortSignal;
  /** Called with each better plan a MIP finds while it runs (HiGHS), by the model's variables. */
  readonly onImproved?: (found: Improved) => void;
}

/** A better plan found by a MIP still running. */
export interface Improved {
  readonly objective: number;
  readonly values: Float64Array;
}

export interface BackendResult {
  /** `crashed`: the library or its worker failed (e.g. WebAssembly out of memory), not the model. */
  readonly status: 'optimal' | 'infeasible' | 'timed-out' | 'no-solution' | 'crashed';
  /** Each variable's value, by the variable's index in the model, when a solution was found. */
  readonly values?: Float64Array;
  readonly objective?: number;
  readonly message?: string;
}

/** What a worker receives: the model as typed arrays (moved to the thread, not copied). */
export interface WorkerInput {
  readonly backend: BackendName;
  readonly model: PackedModel;
  readonly timeLimitSec: number;
  readonly seed: number;
  readonly gap: number;
  readonly start?: Float64Array;
  /** Post each improving MIP solution as it is found (an `Improved` message before the answer). */
  readonly stream?: boolean;
}

/** A message of a worker before its answer: a better plan found by the MIP still running. */
export interface ImprovedMessage extends Improved {
  readonly kind: 'improved';
}

export interface WorkerOutput {
  readonly status: Exclude<BackendResult['status'], 'crashed'> | 'error';
  readonly objective?: number;
  readonly values?: Float64Array;
  readonly message?: string;
}

/** Solves a model in a worker thread. */
export type Backend = (model: Model, opts: BackendOptions) => Promise<BackendResult>;
