// Keeps a plan consistent with the scenario after orders, vehicles or depots
// were deleted in the data: a deleted order's stops leave their route (the
// route is rebuilt with the checker's walk), a deleted vehicle's orders become
// unassigned, and the plan is re-checked. Nothing else in the plan moves.
import type { Scenario } from '../domain/scenario';
import type { Route, Solution, UnassignedOrder } from '../domain/solution';
import { assemble } from './move';
import { makeLookup, rebuildRoute, routeOrderIds, routeStops } from './rebuild-route';

/** Reason recorded for an order whose vehicle was deleted. */
export const VEHICLE_DELETED = 'its vehicle was deleted';

/** The plan without what `scenario` no longer has; the same object when nothing is missing. */
export function pruneSolution(scenario: Scenario, solution: Solution): Solution {
  const lookup = makeLookup(scenario);
  const replaced = new Map<string, Route | null>();
  const unassigned: UnassignedOrder[] = solution.unassigned.filter((u) => lookup.orders.has(u.orderId));
  let changed = unassigned.length !== solution.unassigned.length;
  for (const route of solution.routes) {
    const orderIds = routeOrderIds(route);
    if (!lookup.vehicles.has(route.vehicleId)) {
      replaced.set(route.vehicleId, null);
      for (const id of orderIds) if (lookup.orders.has(id)) unassigned.push({ orderId: id, reason: VEHICLE_DELETED });
      changed = true;
      continue;
    }
    if (orderIds.every((id) => lookup.orders.has(id))) continue;
    const stops = routeStops(route).filter((s) => s.type === 'break' || lookup.orders.has(s.id));
    replaced.set(route.vehicleId, stops.every((s) => s.type === 'break') ? null : rebuildRoute(scenario, route.vehicleId, stops, lookup));
    changed = true;
  }
  return changed ? assemble(scenario, solution, replaced, unassigned) : solution;
}
