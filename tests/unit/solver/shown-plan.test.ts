// A solve's result that is the plan it last showed (solver/shown-plan.ts, issue #15): it shares that plan's
// routes, unassigned orders, summary and verdict, so the views keyed on them keep what they drew; any
// difference in the plan reads the result anew.
import { describe, expect, it } from 'vitest';
import { readPlanText, toPlanText } from '../../../web/src/domain/plan-text';
import type { Solution } from '../../../web/src/domain/solution';
import type { UncheckedSolution } from '../../../workers/protocol';
import { reuseShown, type CheckedPlan } from '../../../web/src/solver/shown-plan';
import { makeMiniSolution } from '../../fixtures/mini-scenario';

const noPause = async () => {};

/** A plan as its worker sends it, and as the page read and judged it. */
async function shownPlan(plan: UncheckedSolution): Promise<CheckedPlan> {
  const wire = toPlanText(plan);
  const read = await readPlanText<UncheckedSolution>(wire, noPause);
  return { wire, solution: { ...read, check: { ok: true, violations: [], cost: 9, distanceM: 9, durationS: 9, routes: [] } } };
}

function unchecked(): UncheckedSolution {
  const { check: _check, ...plan } = makeMiniSolution();
  return structuredClone(plan);
}

describe('reuseShown', () => {
  it('gives the result the shown plan\'s routes, unassigned orders, summary and verdict, with its own other fields', async () => {
    const plan = unchecked();
    const shown = await shownPlan(plan);
    const result = { ...plan, stopReason: 'time-limit' as const, stats: { ...plan.stats, iterations: plan.stats.iterations + 500 } };
    const reused = reuseShown(shown, toPlanText(result)) as Solution;
    expect(reused).not.toBeNull();
    expect(reused.routes).toBe(shown.solution.routes);
    expect(reused.unassigned).toBe(shown.solution.unassigned);
    expect(reused.summary).toBe(shown.solution.summary);
    expect(reused.check).toBe(shown.solution.check);
    expect(reused.stopReason).toBe('time-limit');
    expect(reused.stats.iterations).toBe(plan.stats.iterations + 500);
    // Read like any plan to be shown: immutable.
    expect(Object.isFrozen(reused.stats)).toBe(true);
    expect(reused).toEqual({ ...result, check: shown.solution.check });
  });

  it('reads nothing from a plan that differs: in a route, in its unassigned orders or in its summary', async () => {
    const plan = unchecked();
    expect(plan.routes.some((r) => r.steps.length > 1)).toBe(true);
    const shown = await shownPlan(plan);
    const movedStep = structuredClone(plan);
    const route = movedStep.routes.find((r) => r.steps.length > 1)!;
    route.steps[1] = { ...route.steps[1], arrivalS: route.steps[1].arrivalS + 60 };
    expect(reuseShown(shown, toPlanText(movedStep))).toBeNull();
    const fewerRoutes = { ...plan, routes: plan.routes.slice(1) };
    expect(reuseShown(shown, toPlanText(fewerRoutes))).toBeNull();
    const unassigned = { ...plan, unassigned: [...plan.unassigned, { orderId: 'x', reason: 'capacity' }] } as UncheckedSolution;
    expect(reuseShown(shown, toPlanText(unassigned))).toBeNull();
    const summary = { ...plan, summary: { ...plan.summary, cost: plan.summary.cost + 1 } };
    expect(reuseShown(shown, toPlanText(summary))).toBeNull();
    expect(reuseShown(null, toPlanText(plan))).toBeNull();
  });
});
