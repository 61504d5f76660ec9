// One interface for every solver library.
export interface BackendOptions {
  /** Seconds; the solve is stopped (the worker ended) a little after this whatever the library does. */
  readonly timeLimitSec: number;
  readonly seed: number;
}

export interface BackendResult {
  readonly status: 'optimal' | 'feasible' | 'infeasible' | 'timed-out' | 'no-solution';
  /** Variable values by name, when a solution was found. */
  readonly values?: ReadonlyMap<string, number>;
  readonly objective?: number;
  /** The best bound, when the library reports one. */
  readonly bound?: number;
  readonly message?: string;
}

export type Backend = (lp: string, opts: BackendOptions) => Promise<BackendResult>;
