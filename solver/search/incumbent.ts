// The plan in hand (issue 22): every stage offers its plan here, and only a cheaper one replaces it, so the solve
// always has its best plan ready to write. The best bound is kept beside it; each change is reported as progress.
import type { Problem, Visit } from '../../src/domain/types.js';
import { planCost } from '../goals/index.js';

/** Where the solve is: the stage that runs, and what the plan in hand costs against the best bound. */
export interface Progress {
  readonly phase: 'construction' | 'bound' | 'matching' | 'repair' | 'full model' | 'improvement';
  /** Milliseconds since the solve began. */
  readonly elapsedMs: number;
  /** The plan in hand's cost (planCost), once there is one. */
  readonly cost?: number;
  readonly bound?: number;
  /** Relative gap between cost and bound, once both are known. */
  readonly gap?: number;
  /** This event brings a cheaper plan or a higher bound (the others only say the stage changed). */
  readonly improved: boolean;
  /** The pieces of the current round (regions, then families of regions; windows) solved, and how many there are. */
  readonly repaired?: number;
  readonly toRepair?: number;
}

/** One point of the solve's timeline: when the plan in hand or the bound improved (plan.json with --record-time). */
export interface TimelinePoint {
  readonly ms: number;
  readonly phase: Progress['phase'];
  readonly cost?: number;
  readonly bound?: number;
}

export type Method = 'construction' | 'network' | 'regions' | 'mip' | 'improvement';

export const relGap = (cost: number, bound: number | undefined): number | undefined => {
  if (bound === undefined || !Number.isFinite(cost)) return undefined;
  const scale = Math.max(1, Math.abs(cost));
  // Costs are sums of fractions (the priority bonus): a difference below a millionth is rounding, not a gap.
  return cost - bound <= 1e-6 * scale ? 0 : (cost - bound) / scale;
};

export class Incumbent {
  visits?: Visit[];
  cost = Infinity;
  method?: Method;
  bound?: number;
  phase: Progress['phase'] = 'construction';
  readonly timeline: TimelinePoint[] = [];

  constructor(
    private readonly problem: Problem,
    private readonly t0: number,
    private readonly onProgress?: (p: Progress) => void,
  ) {}

  get gap(): number | undefined {
    return relGap(this.cost, this.bound);
  }

  /** Keeps the plan when it costs less than the one in hand; returns whether it did. */
  offer(visits: Visit[], method: Method, cost = planCost(this.problem, visits)): boolean {
    if (!(cost < this.cost - 1e-9)) return false;
    [this.visits, this.cost, this.method] = [visits, cost, method];
    this.report(true);
    return true;
  }

  /** Raises the bound (a lower bound of every plan's cost); returns whether it rose. */
  raise(bound: number): boolean {
    if (this.bound !== undefined && bound <= this.bound + 1e-9) return false;
    // The bound never passes a plan in hand: a bound above it is the LP's rounding.
    this.bound = Math.min(bound, this.cost);
    this.report(true);
    return true;
  }

  /** A new stage begins. */
  enter(phase: Progress['phase'], extra: Pick<Progress, 'repaired' | 'toRepair'> = {}): void {
    this.phase = phase;
    this.report(false, extra);
  }

  private report(improved: boolean, extra: Pick<Progress, 'repaired' | 'toRepair'> = {}): void {
    const ms = Math.round(performance.now() - this.t0);
    const known = {
      ...(Number.isFinite(this.cost) ? { cost: this.cost } : {}),
      ...(this.bound !== undefined ? { bound: this.bound } : {}),
    };
    if (improved) this.timeline.push({ ms, phase: this.phase, ...known });
    const gap = this.gap;
    this.onProgress?.({
      phase: this.phase,
      elapsedMs: ms,
      ...known,
      ...(gap !== undefined ? { gap } : {}),
      improved,
      ...extra,
    });
  }
}
