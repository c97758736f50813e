// The day as the map, timeline and KPI views draw a plan (issue #11): the live
// prediction turned into a Solution-shaped plan (predicted and actual times),
// over the day's orders (new orders and re-deliveries included). Pure.
import type { CheckReport } from '../domain/check';
import type { DayState } from '../domain/day/day-state';
import type { DayPrediction, PredictedRoute } from '../domain/day/eta';
import type { Plan, Scenario } from '../domain/scenario';
import type { Route, Solution, UnassignedOrder } from '../domain/solution';

/** A predicted route as a plan route (driving = duration − waiting − service). */
function asRoute(r: PredictedRoute): Route {
  const inner = r.steps.slice(1, -1);
  const waitingS = inner.reduce((s, x) => s + x.waitS, 0);
  const serviceS = inner.reduce((s, x) => s + x.serviceS, 0);
  return { vehicleId: r.vehicleId, steps: r.steps, distanceM: r.distanceM, durationS: r.durationS, drivingS: Math.max(0, r.durationS - waitingS - serviceS), waitingS, serviceS, cost: r.cost };
}

/** Why an order of the day is on no route. */
function unassignedReason(state: DayState, orderId: string): string {
  const redelivery = state.redeliveries.find((r) => r.orderId === orderId);
  if (redelivery) return redelivery.forToday ? `re-delivery of '${redelivery.failedOrderId}'` : `re-delivery of '${redelivery.failedOrderId}', kept for another day`;
  return 'on no route of the day';
}

/** The prediction as a Solution: routes walked as predicted, the day's unassigned orders, the prediction's violations as its report. */
export function predictedSolution(state: DayState, prediction: DayPrediction): Solution {
  const routes = prediction.routes.map(asRoute);
  const unassigned: UnassignedOrder[] = state.unassigned.map((orderId) => ({ orderId, reason: unassignedReason(state, orderId) }));
  const sum = (f: (r: Route) => number) => routes.reduce((s, r) => s + f(r), 0);
  const violations = prediction.routes.flatMap((r) => r.violations);
  const check: CheckReport = {
    ok: violations.length === 0, violations, cost: sum((r) => r.cost), distanceM: sum((r) => r.distanceM), durationS: sum((r) => r.durationS),
    routes: routes.map((r) => ({ vehicleId: r.vehicleId, distanceM: r.distanceM, durationS: r.durationS, cost: r.cost })),
  };
  return {
    routes, unassigned, check, stopReason: 'converged',
    summary: { cost: check.cost, distanceM: check.distanceM, durationS: check.durationS, routes: routes.filter((r) => r.steps.length > 2).length, unassigned: unassigned.length },
    stats: { seed: 0, iterations: 0, elapsedMs: 0 },
  };
}

/** The scenario as the day sees it: its orders plus the day's, and the predicted plan in place of the planned one. */
export function dayViewScenario(scenario: Scenario, state: DayState, prediction: DayPrediction): Scenario & { plan: Plan } {
  return { ...scenario, orders: state.orders, plan: { solvedRevision: scenario.revision, solution: predictedSolution(state, prediction) } };
}
