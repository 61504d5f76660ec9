// A cell's priority weight: the sum of its tags' weights in the policy (SPEC §2 priority), written once for the
// solver's priority goal, the quality figures and the report.
export function cellWeight(priority: Readonly<Record<string, number>>, tags: readonly string[]): number {
  return tags.reduce((s, t) => s + (Object.hasOwn(priority, t) ? priority[t]! : 0), 0);
}
