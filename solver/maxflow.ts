// A maximum flow (Dinic's algorithm) on small integer graphs: the day-by-day matching of members to meetings.
// Edges may be added between runs; a later run continues from the flow already found (the residual graph stays
// valid), which is how the matching prefers some edges to others: run with the preferred ones first.

export class MaxFlow {
  private readonly head: number[][] = [];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly initial: number[] = [];

  node(): number {
    this.head.push([]);
    return this.head.length - 1;
  }

  /** An edge u -> v of capacity `cap`; returns its id (for flowOn). */
  edge(u: number, v: number, cap: number): number {
    const e = this.to.length;
    this.to.push(v, u);
    this.cap.push(cap, 0);
    this.initial.push(cap, 0);
    this.head[u]!.push(e);
    this.head[v]!.push(e + 1);
    return e;
  }

  flowOn(e: number): number {
    return this.initial[e]! - this.cap[e]!;
  }

  /** Pushes as much more flow from s to t as the graph allows; returns the amount added. */
  run(s: number, t: number): number {
    let total = 0;
    const n = this.head.length;
    for (;;) {
      const level = new Array<number>(n).fill(-1);
      level[s] = 0;
      const queue = [s];
      for (let i = 0; i < queue.length; i++) {
        const u = queue[i]!;
        for (const e of this.head[u]!) {
          const v = this.to[e]!;
          if (this.cap[e]! > 0 && level[v]! < 0) {
            level[v] = level[u]! + 1;
            queue.push(v);
          }
        }
      }
      if (level[t]! < 0) return total;
      const next = new Array<number>(n).fill(0);
      const push = (u: number, f: number): number => {
        if (u === t) return f;
        const edges = this.head[u]!;
        for (; next[u]! < edges.length; next[u]!++) {
          const e = edges[next[u]!]!;
          const v = this.to[e]!;
          if (this.cap[e]! <= 0 || level[v] !== level[u]! + 1) continue;
          const got = push(v, Math.min(f, this.cap[e]!));
          if (got > 0) {
            this.cap[e]! -= got;
            this.cap[e ^ 1]! += got;
            return got;
          }
        }
        return 0;
      };
      for (let f = push(s, Infinity); f > 0; f = push(s, Infinity)) total += f;
    }
  }
}
