// What the run panel shows about a solve besides its status: the best plan's cost over
// time (one point per change of the best plan, the last on the finished plan's own
// figures) and the sentence a failed solve shows. Pure; the run store (run.ts) keeps them.
import type { Scenario } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import { planCostOf, type PlanCost } from '../plan/kpis';

/** The best plan's cost figures (route cost, unassigned orders apart) at a moment of a solve. */
export interface CostPoint extends PlanCost {
  elapsedMs: number;
}

/** Whether two points show the same figures (up to float noise): only a change of the best plan adds a point. */
export const sameCost = (a: PlanCost, b: PlanCost) =>
  a.unassigned === b.unassigned && Math.abs(a.cost - b.cost) <= 1e-6 * Math.max(1, Math.abs(a.cost)) && Math.abs(a.penalty - b.penalty) <= 1e-6 * Math.max(1, a.penalty)
  && Math.abs(a.distanceM - b.distanceM) <= 1e-6 * Math.max(1, a.distanceM);

/** The last point of a finished solve: its plan's figures as the KPI bar computes them. */
export function finalCostPoint(scenario: Scenario, solution: Solution, lastMs: number): CostPoint {
  return { elapsedMs: Math.max(lastMs, solution.stats.elapsedMs), ...planCostOf(scenario, solution) };
}

/** Turns a solver client error into a sentence for the run panel. */
export function describeRunError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  switch (name) {
    case 'InputError': return `The scenario cannot be solved: ${message}`;
    case 'SolverError': return `The solver failed: ${message}. The previous plan is unchanged.`;
    case 'AbortError': return 'The solver did not stop in time and was shut down. The previous plan is unchanged.';
    default: return `Unexpected error: ${message}. The previous plan is unchanged.`;
  }
}
