// Hand edits of a plan as pure functions: move one order to another route,
// another position, or out of the plan. Each edit builds a whole new solution
// (touched routes rebuilt, the rest shared) and re-runs the independent checker,
// so the caller sees feasibility and cost before anything is applied.
import { checkRouteAlone, checkSolution, type EarlierCheck, type Violation } from '../domain/check';
import type { Scenario } from '../domain/scenario';
import type { Route, Solution, UnassignedOrder } from '../domain/solution';
import type { StopRef } from '../domain/route-eval';
import { makeLookup, orderStops, rebuildRoute, routeOrderIds, routeStops, servesOrder, withOrderAt, withoutOrder, type ScenarioLookup } from './rebuild-route';

/** Where an order goes: a vehicle's route at a position, or out of the plan (`vehicleId` null). */
export interface MoveTarget {
  vehicleId: string | null;
  /** 0-based index among the target route's other stops; omitted = the best position. */
  position?: number;
}

/** An edit evaluated but not applied. */
export interface MoveOutcome {
  orderId: string;
  vehicleId: string | null;
  /** Position actually used (resolved when the target left it open). */
  position: number;
  solution: Solution;
  /** The edited plan passes every rule of the checker. */
  feasible: boolean;
  /** Violations the edit adds to those the plan already had. */
  introduced: Violation[];
  /** Recomputed route cost after minus before (unassigned penalties not included). */
  costDelta: number;
}

/** Reason recorded when a dispatcher takes an order off its route. */
export const REMOVED_BY_HAND = 'taken off its route by hand';

/**
 * Evaluates moving `orderId` to `target`; null when the move changes nothing or the order is unknown.
 * `checkedHere`: `solution.check` was made on this scenario's data (the plan is not stale), so the new plan's
 * check walks only the routes the move rebuilt and takes the others' verdicts from it (check.ts EarlierCheck).
 */
export function moveOrder(scenario: Scenario, solution: Solution, orderId: string, target: MoveTarget, lookup = makeLookup(scenario), checkedHere = false): MoveOutcome | null {
  if (!lookup.orders.has(orderId) || (target.vehicleId !== null && !lookup.vehicles.has(target.vehicleId))) return null;
  const source = solution.routes.find((r) => servesOrder(r, orderId));
  if (!source && target.vehicleId === null) return null;
  const targetRoute = target.vehicleId === null ? undefined : solution.routes.find((r) => r.vehicleId === target.vehicleId);
  // The target's stops without the moving order; the rest of each route keeps its stops exactly.
  const kept = targetRoute ? withoutOrder(routeStops(targetRoute), orderId) : [];
  const others = targetRoute ? routeOrderIds(targetRoute).filter((id) => id !== orderId) : [];
  const placed = target.vehicleId === null ? null
    : bestPlacement(scenario, target.vehicleId, kept, orderId, target.position === undefined ? undefined : clamp(target.position, 0, others.length), lookup);
  const position = placed?.position ?? 0;
  if (source && placed && source.vehicleId === target.vehicleId && sameStops(routeStops(source), placed.stops)) return null;

  const replaced = new Map<string, Route | null>();
  if (source) replaced.set(source.vehicleId, rebuildOrDrop(scenario, source.vehicleId, withoutOrder(routeStops(source), orderId), lookup));
  if (target.vehicleId !== null && placed) replaced.set(target.vehicleId, rebuildRoute(scenario, target.vehicleId, placed.stops, lookup));
  const unassigned: UnassignedOrder[] = solution.unassigned.filter((u) => u.orderId !== orderId);
  if (target.vehicleId === null) unassigned.push({ orderId, reason: REMOVED_BY_HAND });
  const next = assemble(scenario, solution, replaced, unassigned, checkedHere ? { routes: solution.routes, report: solution.check } : undefined);
  const known = new Set(solution.check.violations.map((v) => v.message));
  return {
    orderId, vehicleId: target.vehicleId, position, solution: next,
    feasible: next.check.ok,
    introduced: next.check.violations.filter((v) => !known.has(v.message)),
    costDelta: next.check.cost - solution.check.cost,
  };
}

/**
 * The cheapest placement of `orderId` among `stops`, preferring fewer broken rules: at order-position
 * `position` (0-based among the route's orders) or, when undefined, at the best one. A shipment's
 * pickup goes at that position and its delivery at the best later slot (not necessarily right after).
 */
export function bestPlacement(scenario: Scenario, vehicleId: string, stops: readonly (string | StopRef)[], orderId: string, position?: number, lookup = makeLookup(scenario)): { position: number; stops: StopRef[] } {
  const refs = stops.flatMap((item): StopRef[] => (typeof item === 'string' ? orderStops(lookup.orders.get(item)!) : [item]));
  const ids = [...new Set(refs.filter((s) => s.type !== 'break').map((s) => s.id))];
  const order = lookup.orders.get(orderId)!;
  const vehicle = lookup.vehicles.get(vehicleId)!;
  let best = { position: position ?? ids.length, stops: withOrderAt(refs, order, position ?? ids.length), violations: Infinity, cost: Infinity };
  const consider = (at: number, candidate: StopRef[]) => {
    const route = rebuildRoute(scenario, vehicleId, candidate, lookup);
    // The route judged on its own, in the lookup's context (its orders resolved once for every candidate).
    const violations = checkRouteAlone(lookup.ctx, vehicle, route).length;
    if (violations < best.violations || (violations === best.violations && route.cost < best.cost)) best = { position: at, stops: candidate, violations, cost: route.cost };
  };
  const positions = position === undefined ? [...Array(ids.length + 1).keys()] : [position];
  for (const at of positions) {
    const adjacent = withOrderAt(refs, order, at);
    if (!order.pickup) { consider(at, adjacent); continue; }
    // The delivery at each slot after the pickup, up to the end of the route.
    const pickupAt = adjacent.findIndex((s) => s.type === 'pickup' && s.id === orderId);
    const rest = adjacent.filter((s) => !(s.type === 'delivery' && s.id === orderId));
    for (let slot = pickupAt + 1; slot <= rest.length; slot++) {
      consider(at, [...rest.slice(0, slot), { type: 'delivery', id: orderId }, ...rest.slice(slot)]);
    }
  }
  return { position: best.position, stops: best.stops };
}

/** Cheapest insertion index (among the orders of `stops`) of `orderId`, preferring positions that break no rule. */
export function bestPosition(scenario: Scenario, vehicleId: string, stops: readonly (string | StopRef)[], orderId: string, lookup = makeLookup(scenario)): number {
  return bestPlacement(scenario, vehicleId, stops, orderId, undefined, lookup).position;
}

/** Index a dropped order takes when dropped just before `beforeOrderId` (end of route when null). */
export function positionBefore(sequence: readonly string[], movingOrderId: string, beforeOrderId: string | null): number {
  const others = sequence.filter((id) => id !== movingOrderId);
  const index = beforeOrderId === null ? -1 : others.indexOf(beforeOrderId);
  return index < 0 ? others.length : index;
}

function rebuildOrDrop(scenario: Scenario, vehicleId: string, stops: StopRef[], lookup: ScenarioLookup): Route | null {
  return stops.every((s) => s.type === 'break') ? null : rebuildRoute(scenario, vehicleId, stops, lookup);
}

/**
 * New solution: replaced routes swapped in (null drops one), routes kept in fleet order, summary and check
 * recomputed (with `earlier`, the kept routes' verdicts are taken from it: see check.ts EarlierCheck).
 */
export function assemble(scenario: Scenario, solution: Solution, replaced: Map<string, Route | null>, unassigned: UnassignedOrder[], earlier?: EarlierCheck): Solution {
  const byVehicle = new Map(solution.routes.map((r) => [r.vehicleId, r] as const));
  for (const [vehicleId, route] of replaced) {
    if (route) byVehicle.set(vehicleId, route);
    else byVehicle.delete(vehicleId);
  }
  const fleet = new Set(scenario.vehicles.map((v) => v.id));
  // Fleet order keeps colours and rows stable; routes of unknown vehicles stay, for the checker to flag.
  const routes = [
    ...scenario.vehicles.map((v) => byVehicle.get(v.id)).filter((r): r is Route => !!r),
    ...[...byVehicle.values()].filter((r) => !fleet.has(r.vehicleId)),
  ];
  const sum = (f: (r: Route) => number) => routes.reduce((acc, r) => acc + f(r), 0);
  const check = checkSolution(scenario, { routes, unassigned }, earlier);
  // The worker's explanations describe the plan before the edit.
  return {
    ...solution, routes, unassigned, check, explanations: undefined,
    summary: { cost: sum((r) => r.cost), distanceM: sum((r) => r.distanceM), durationS: sum((r) => r.durationS), routes: routes.length, unassigned: unassigned.length },
  };
}

function sameStops(a: readonly StopRef[], b: readonly StopRef[]): boolean {
  return a.length === b.length && a.every((s, i) => s.type === b[i].type && s.id === b[i].id);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(x)));
}

/** Evaluates moves on the current plan; remembers recent ones, since a drag asks again on every pointer move. */
export interface MoveEvaluator {
  evaluate(orderId: string, target: MoveTarget): MoveOutcome | null;
  /** Forgets every result (the plan or the scenario changed). */
  clear(): void;
}

/**
 * Makes an evaluator over `current()`, the open scenario as plain data (its plan is the one edited).
 * `dataVersion()` changes whenever the scenario's data (orders, fleet, depots, settings, travel) may have changed,
 * even in place: while it and those parts are the same, the id lookups and the checker's resolved orders are
 * kept across plan changes (a move, a solve), which `clear` otherwise drops with the results (at 10,000 orders,
 * building them again took ~8 ms of the task that follows every move). Without it every `clear` drops them.
 */
export function makeMoveEvaluator(current: () => Scenario | null, dataVersion?: () => unknown): MoveEvaluator {
  const results = new Map<string, MoveOutcome | null>();
  let lookup: ScenarioLookup | null = null;
  let lookupKey: readonly unknown[] = [];
  const keyOf = (s: Scenario): readonly unknown[] => [s.id, dataVersion?.(), s.revision, s.orders, s.vehicles, s.depots, s.settings, s.travelMatrices];
  return {
    evaluate(orderId, target) {
      const scenario = current();
      if (!scenario?.plan) return null;
      const key = `${orderId}\u0000${target.vehicleId}\u0000${target.position ?? 'best'}`;
      if (!results.has(key)) {
        const now = keyOf(scenario);
        if (!lookup || now.some((part, i) => part !== lookupKey[i])) {
          lookup = makeLookup(scenario);
          lookupKey = now;
        }
        if (results.size > 64) results.clear();
        // A plan solved (or last edited) on this revision of the problem was checked on these data.
        const checkedHere = scenario.plan.solvedRevision === scenario.revision;
        results.set(key, moveOrder(scenario, scenario.plan.solution, orderId, target, lookup, checkedHere));
      }
      return results.get(key) ?? null;
    },
    clear() {
      results.clear();
      if (!dataVersion) lookup = null;
    },
  };
}
