// The day as the map, timeline and KPI views draw a plan (issue #11): the live
// prediction turned into a Solution-shaped plan (predicted and actual times),
// over the day's orders (new orders and re-deliveries included). Pure.
import type { CheckReport } from '../domain/check';
import type { DayState } from '../domain/day/day-state';
import type { DayPrediction, PredictedRoute } from '../domain/day/eta';
import { collectedReason, collectedUnrouted } from '../domain/day/repair-problem';
import type { Plan, Scenario } from '../domain/scenario';
import type { Route, Solution, UnassignedOrder } from '../domain/solution';

/** A predicted route as a plan route (driving = duration − waiting − service). */
function asRoute(r: PredictedRoute): Route {
  const inner = r.steps.slice(1, -1);
  const waitingS = inner.reduce((s, x) => s + x.waitS, 0);
  const serviceS = inner.reduce((s, x) => s + x.serviceS, 0);
  return { vehicleId: r.vehicleId, steps: r.steps, distanceM: r.distanceM, durationS: r.durationS, drivingS: Math.max(0, r.durationS - waitingS - serviceS), waitingS, serviceS, cost: r.cost };
}

/** Why each order of the day that is on no route is there (DayState.unassigned), in a dispatcher's words. */
function unassignedReasons(scenario: Scenario, state: DayState, dispatched: DispatchedPlan): Map<string, string> {
  const planned = new Map(dispatched.unassigned.map((u) => [u.orderId, u.reason]));
  const routed = new Set(dispatched.routes.flatMap((r) => r.steps.map((x) => x.id)));
  const known = new Set(scenario.orders.map((o) => o.id));
  const collected = new Map(collectedUnrouted(state).map((c) => [c.orderId, c.vehicleId]));
  const vehicleName = (id: string | null) => scenario.vehicles.find((v) => v.id === id)?.name || id || 'a vehicle';
  const arrived = new Set(Object.values(state.stops).filter((x) => x.status === 'arrived' && !x.vehicleId).map((x) => x.orderId));
  return new Map(state.unassigned.map((orderId) => {
    const redelivery = state.redeliveries.find((r) => r.orderId === orderId);
    if (redelivery) return [orderId, redelivery.forToday ? `re-delivery of '${redelivery.failedOrderId}'` : `re-delivery of '${redelivery.failedOrderId}', kept for another day`];
    if (collected.has(orderId)) return [orderId, collectedReason(vehicleName(collected.get(orderId)!))];
    if (arrived.has(orderId)) return [orderId, 'reported arrived while on no route'];
    if (planned.has(orderId)) return [orderId, `not in the dispatched plan${planned.get(orderId) ? `: ${planned.get(orderId)}` : ''}`];
    if (!known.has(orderId)) return [orderId, 'new order of the day, on no route yet'];
    if (!routed.has(orderId)) return [orderId, 'added after dispatch, on no route yet'];
    return [orderId, 'taken off its route by a repair: not served today'];
  }));
}

/** What the day view needs of the dispatched plan: its routes' stops and its unassigned orders with their reasons. */
export type DispatchedPlan = Pick<Solution, 'routes' | 'unassigned'>;

// A predicted route the clock's step left as it was (eta.ts, PredictionCache) keeps its plan route; a day
// state keeps its unassigned orders' reasons (they follow from the state and the dispatched plan alone).
const routeOf = new WeakMap<PredictedRoute, Route>();
const reasonsOf = new WeakMap<DayState, { scenario: Scenario; dispatched: DispatchedPlan; reasons: Map<string, string> }>();

/** The prediction as a Solution: routes walked as predicted, the day's unassigned orders, the prediction's violations as its report. */
export function predictedSolution(scenario: Scenario, state: DayState, prediction: DayPrediction, dispatched: DispatchedPlan): Solution {
  const routes = prediction.routes.map((r) => {
    let route = routeOf.get(r);
    if (!route) routeOf.set(r, (route = asRoute(r)));
    return route;
  });
  let kept = reasonsOf.get(state);
  if (!kept || kept.scenario !== scenario || kept.dispatched !== dispatched) reasonsOf.set(state, (kept = { scenario, dispatched, reasons: unassignedReasons(scenario, state, dispatched) }));
  const reasons = kept.reasons;
  const unassigned: UnassignedOrder[] = state.unassigned.map((orderId) => ({ orderId, reason: reasons.get(orderId)! }));
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
export function dayViewScenario(scenario: Scenario, state: DayState, prediction: DayPrediction, dispatched: DispatchedPlan): Scenario & { plan: Plan } {
  return { ...scenario, orders: state.orders, plan: { solvedRevision: scenario.revision, solution: predictedSolution(scenario, state, prediction, dispatched) } };
}
