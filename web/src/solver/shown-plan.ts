// A solve's result that is the plan it last showed, its best so far (issue #15): at 10,000 stops a short
// solve's result is often that very plan, and reading it again (parsing, checking) and then having every
// view derive it again was a second burst of long tasks after the first. The result then shares the shown
// plan's routes, unassigned orders, summary and verdict, and the views that key on them keep what they drew
// (store/plan-view-key.ts).
import { freezeDeep } from '../domain/freeze';
import type { PlanText } from '../domain/plan-text';
import type { Solution } from '../domain/solution';

/** A plan of the run as its worker sent it, and as it was read and judged here. */
export interface CheckedPlan {
  wire: PlanText;
  solution: Solution;
}

/**
 * The result `wire` read by reusing `shown` when it holds the same plan: the same route text, part by part,
 * and the same unassigned orders and summary; its other fields (stop reason, figures, explanations) are the
 * result's own. Null when the plans differ. The checker judges the routes and unassigned orders against the
 * run's scenario and nothing else (workers/check-api.ts), so the same plan of the same run has the same verdict.
 */
export function reuseShown(shown: CheckedPlan | null, wire: PlanText): Solution | null {
  if (!shown || shown.wire.parts.length !== wire.parts.length) return null;
  for (let i = 0; i < wire.parts.length; i++) if (shown.wire.parts[i] !== wire.parts[i]) return null;
  const head = JSON.parse(wire.head) as Omit<Solution, 'routes' | 'check'>;
  const { solution } = shown;
  if (JSON.stringify(head.unassigned) !== JSON.stringify(solution.unassigned) || JSON.stringify(head.summary) !== JSON.stringify(solution.summary)) return null;
  // A shown plan is immutable (store/plan-value.ts): the result's own fields are frozen like any read plan's.
  for (const value of Object.values(head)) freezeDeep(value);
  return { ...head, routes: solution.routes, unassigned: solution.unassigned, summary: solution.summary, check: solution.check };
}
