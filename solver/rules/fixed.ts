// SPEC §4.8: fixed visits stay exactly as given: every formulation counts them on its terms (VisitTerm.held), and
// this rule makes that count each variable's lower bound.
import type { SolverRule } from './rule.js';

export const fixed: SolverRule = {
  id: 'fixed',
  rows(f) {
    const fix = (t: { v: number; held: number }) => {
      if (t.held > 0) f.model.vars[t.v]!.lb = t.held;
    };
    for (const terms of f.memberTerms.values()) terms.forEach(fix);
    for (const terms of f.meetingTerms.values()) terms.forEach(fix);
  },
};
