// The independent plan checker: recomputes every route's times, loads and cost
// from the scenario alone (its own travel model, no solver state) and lists
// each violated rule (ids in violations.ts). A plan is shown as valid only when `ok` is true.
import type { Order, Scenario, Vehicle } from './scenario';
import type { Route, Solution, Step } from './solution';
import { evaluateRoute, makeEvalContext, round2, windowStart, type EvalContext, type LateStop, type RouteEvaluation } from './route-eval';
import { unassignedPenalty } from './service-types';
import { clock, type Violation } from './violations';

export { RULES, clock, type RuleId, type Violation } from './violations';

export interface RouteCheck {
  vehicleId: string;
  distanceM: number;
  durationS: number;
  /** Recomputed route cost, lateness and overtime costs included. */
  cost: number;
  /** Soft costs inside `cost`. */
  latenessCost?: number;
  overtimeCost?: number;
  overtimeS?: number;
  /** Stops served after their window closed, under a lateness allowance. */
  lateStops?: LateStop[];
}

/** An unassigned order and its penalty (base + per priority, see service-types.ts). */
export interface UnassignedPenalty {
  orderId: string;
  priority: number;
  penalty: number;
}

export interface CheckReport {
  ok: boolean;
  violations: Violation[];
  /** Recomputed totals over all routes (unassigned penalties are NOT in `cost`). */
  cost: number;
  distanceM: number;
  durationS: number;
  routes: RouteCheck[];
  /** Sum of the unassigned orders' penalties, reported apart from the route cost. */
  unassignedPenalty?: number;
  unassigned?: UnassignedPenalty[];
}

/** Money is compared to the cent; times and distances exactly. */
const COST_TOLERANCE = 0.01;

type CheckedInput = Pick<Solution, 'routes' | 'unassigned'>;

/**
 * A report of an earlier plan checked on the SAME scenario data, whose route verdicts a check of an edited
 * plan may take for the routes it kept (the very same, immutable Route objects). A route's verdict depends on
 * the scenario and that route alone, so only the routes an edit rebuilt are walked again; every plan-level rule
 * (unknown or reused vehicles, orders repeated or missing, penalties) is checked again in full.
 */
export interface EarlierCheck {
  routes: readonly Route[];
  report: CheckReport;
}

/** Rules checked across the whole plan, not route by route (markServed and the loops of checkSolution). */
const PLAN_RULES: ReadonlySet<string> = new Set(['unknown-vehicle', 'vehicle-reused', 'unknown-order', 'order-repeated', 'order-missing']);

/**
 * Route verdicts of `earlier` by route object: its RouteCheck and the violations checkRoute listed for it, in
 * their order. None when the earlier report has a plan-level violation (a vehicle with two routes, an unknown
 * one) that would make "the violations of a vehicle" ambiguous.
 */
function routeVerdicts(earlier: EarlierCheck): Map<Route, { check: RouteCheck; violations: Violation[] }> | null {
  const { report } = earlier;
  if (report.violations.some((v) => PLAN_RULES.has(v.rule))) return null;
  const byVehicle = new Map<string, Violation[]>();
  for (const v of report.violations) {
    if (v.vehicleId === undefined) return null;
    const list = byVehicle.get(v.vehicleId);
    if (list) list.push(v);
    else byVehicle.set(v.vehicleId, [v]);
  }
  const checks = new Map(report.routes.map((r) => [r.vehicleId, r]));
  const verdicts = new Map<Route, { check: RouteCheck; violations: Violation[] }>();
  for (const route of earlier.routes) {
    const check = checks.get(route.vehicleId);
    if (check) verdicts.set(route, { check, violations: byVehicle.get(route.vehicleId) ?? [] });
  }
  return verdicts;
}

/**
 * Checks a solution against the scenario's rules and recomputes its cost. With `earlier` (see EarlierCheck),
 * routes it already judged keep their verdicts: the report is the one a full check would give.
 */
export function checkSolution(scenario: Scenario, solution: CheckedInput, earlier?: EarlierCheck): CheckReport {
  const ctx = makeEvalContext(scenario);
  const verdicts = earlier ? routeVerdicts(earlier) : null;
  const violations: Violation[] = [];
  const vehicles = new Map(scenario.vehicles.map((v) => [v.id, v]));
  const seen = new Set<string>();
  const usedVehicles = new Set<string>();
  const routes: RouteCheck[] = [];
  for (const route of solution.routes) {
    const vehicle = vehicles.get(route.vehicleId);
    if (!vehicle) {
      violations.push({ rule: 'unknown-vehicle', vehicleId: route.vehicleId, message: `route uses unknown vehicle '${route.vehicleId}'` });
      continue;
    }
    if (usedVehicles.has(vehicle.id)) violations.push({ rule: 'vehicle-reused', vehicleId: vehicle.id, message: `vehicle '${vehicle.name}' has more than one route` });
    usedVehicles.add(vehicle.id);
    const served = markServed(ctx, vehicle, route, seen, violations);
    if (served === 0) continue;
    const kept = verdicts?.get(route);
    if (kept) {
      for (const v of kept.violations) violations.push(v);
      routes.push(kept.check);
    } else {
      routes.push(checkRoute(ctx, vehicle, route, violations));
    }
  }
  for (const u of solution.unassigned) {
    if (seen.has(u.orderId)) violations.push({ rule: 'order-repeated', orderId: u.orderId, message: `order '${u.orderId}' is both routed and unassigned` });
    seen.add(u.orderId);
  }
  for (const order of scenario.orders) {
    if (!seen.has(order.id)) violations.push({ rule: 'order-missing', orderId: order.id, message: `order '${order.id}' is neither routed nor listed as unassigned` });
  }
  const penalties = penaltiesOf(ctx, solution);
  const sum = (f: (r: RouteCheck) => number) => routes.reduce((acc, r) => acc + f(r), 0);
  return {
    ok: violations.length === 0, violations, cost: sum((r) => r.cost), distanceM: sum((r) => r.distanceM), durationS: sum((r) => r.durationS), routes,
    unassignedPenalty: penalties.reduce((acc, p) => acc + p.penalty, 0), unassigned: penalties,
  };
}

/**
 * The violations one route of `vehicle` has on its own: the route rules of checkSolution (its stops known, none
 * served twice, shape, schedule, windows, capacity, skills, times and cost as recomputed), without the plan's
 * (orders served elsewhere or missing). `ctx` is made once for many routes (makeEvalContext).
 */
export function checkRouteAlone(ctx: EvalContext, vehicle: Vehicle, route: Route): Violation[] {
  const violations: Violation[] = [];
  if (markServed(ctx, vehicle, route, new Set(), violations) > 0) checkRoute(ctx, vehicle, route, violations);
  return violations;
}

/** Records the orders a route serves; returns how many order stops it has. */
function markServed(ctx: EvalContext, vehicle: Vehicle, route: Route, seen: Set<string>, violations: Violation[]): number {
  const stops = route.steps.filter((s) => s.type === 'job' || s.type === 'pickup' || s.type === 'delivery');
  for (const step of stops) {
    const order = ctx.orders.get(step.id);
    if (!order) {
      violations.push({ rule: 'unknown-order', vehicleId: vehicle.id, orderId: step.id, message: `route of '${vehicle.name}' visits unknown order '${step.id}'` });
      continue;
    }
    // A shipment's delivery step completes the visit its pickup step began.
    if (step.type === 'delivery' && order.pickup) continue;
    if (seen.has(step.id)) violations.push({ rule: 'order-repeated', orderId: step.id, message: `order '${step.id}' is served more than once` });
    seen.add(step.id);
  }
  return stops.length;
}

function checkRoute(ctx: EvalContext, vehicle: Vehicle, route: Route, violations: Violation[]): RouteCheck {
  const first = route.steps[0];
  const last = route.steps[route.steps.length - 1];
  const bad = (message: string) => violations.push({ rule: 'route-shape', vehicleId: vehicle.id, message });
  if (first?.type !== 'start' || first.id !== vehicle.startDepotId) bad(`route of '${vehicle.name}' must start at depot '${vehicle.startDepotId}'`);
  if (last?.type !== 'end' || last.id !== vehicle.endDepotId) bad(`route of '${vehicle.name}' must end at depot '${vehicle.endDepotId}'`);
  const stops = route.steps.filter((s) => s.type !== 'start' && s.type !== 'end');
  const ev = evaluateRoute(ctx, vehicle, stops, first?.type === 'start' ? first.departureS : undefined);
  violations.push(...ev.violations);
  // The walk skips unknown orders and breaks (reported elsewhere); compare only the steps it kept.
  const walked = stops.filter((x) => (x.type === 'break' ? vehicle.breaks?.some((b) => b.id === x.id) : ctx.orders.has(x.id)));
  compareTimes(vehicle, walked, ev, violations);
  if (route.distanceM !== ev.distanceM) {
    violations.push({ rule: 'distance-mismatch', vehicleId: vehicle.id, message: `route of '${vehicle.name}': plan says ${route.distanceM} m, recomputed ${ev.distanceM} m` });
  }
  if (Math.abs(route.cost - ev.cost) > COST_TOLERANCE) {
    violations.push({ rule: 'cost-mismatch', vehicleId: vehicle.id, message: `route of '${vehicle.name}': plan says cost ${round2(route.cost)}, recomputed ${round2(ev.cost)}` });
  }
  return {
    vehicleId: vehicle.id, distanceM: ev.distanceM, durationS: ev.durationS, cost: ev.cost,
    latenessCost: ev.latenessCost, overtimeCost: ev.overtimeCost, overtimeS: ev.overtimeS, lateStops: ev.lateStops,
  };
}

/** Compares reported arrival and service start with the walk, except where a window rule already failed. */
function compareTimes(vehicle: Vehicle, stops: Step[], ev: RouteEvaluation, violations: Violation[]): void {
  const failed = new Set(ev.violations.filter((v) => v.rule === 'time-window' || v.rule === 'break-window').map((v) => v.orderId ?? v.breakId));
  const recomputed = ev.steps.slice(1, -1);
  stops.forEach((step, i) => {
    const again = recomputed[i];
    if (!again || failed.has(step.id) || again.type !== step.type) return;
    const planned = step.arrivalS + step.waitS;
    const start = again.arrivalS + again.waitS;
    if (step.arrivalS === again.arrivalS && planned === start) return;
    const what = step.type === 'break' ? `break '${step.id}' of '${vehicle.name}'` : `order '${step.id}'`;
    violations.push({
      rule: 'time-mismatch', vehicleId: vehicle.id, orderId: step.type === 'break' ? undefined : step.id,
      message: `${what}: plan says arrival ${clock(step.arrivalS)} and service ${clock(planned)}, recomputed ${clock(again.arrivalS)} and ${clock(start)}`,
    });
  });
}

function penaltiesOf(ctx: EvalContext, solution: CheckedInput): UnassignedPenalty[] {
  return solution.unassigned.flatMap((u) => {
    const needs = ctx.needs.get(u.orderId);
    return needs ? [{ orderId: u.orderId, priority: needs.priority, penalty: unassignedPenalty(ctx.scenario.settings, needs.priority) }] : [];
  });
}

/** Earliest service start at or after `arrival` inside one of the order's windows, or null. */
export function serviceStartIn(order: Order, arrivalS: number): number | null {
  return windowStart(order.timeWindows, arrivalS);
}
