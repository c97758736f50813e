// Which routes a dispatcher wants to see (issue #15): with 150 routes on screen,
// a text filter on the vehicle's name or id, and "only the selected route".
// Pure, so the map, the route table and the timeline agree on the same answer.
import type { Solution } from '../domain/solution';
import { isOrderStep } from '../domain/solution';

/** What a route is matched on. */
export interface RouteLabel {
  id: string;
  name: string;
}

/** True when `query` (trimmed, any case) is part of the vehicle's name or id; an empty query matches all. */
export function matchesRouteFilter(vehicle: RouteLabel, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || vehicle.name.toLowerCase().includes(q) || vehicle.id.toLowerCase().includes(q);
}

/**
 * Ids of the routes to show, or null when every route is shown. `onlyVehicleId` (the selected route when
 * "only the selected route" is on) wins over the text; without it the text filter applies.
 */
export function visibleRouteIds(vehicles: readonly RouteLabel[], query: string, onlyVehicleId: string | null): ReadonlySet<string> | null {
  if (onlyVehicleId !== null) return new Set([onlyVehicleId]);
  if (query.trim() === '') return null;
  return new Set(vehicles.filter((v) => matchesRouteFilter(v, query)).map((v) => v.id));
}

/**
 * Vehicle serving `orderId` on the plan, or null (a shipment's pickup and delivery share the order's id): a scan of
 * the steps, no index made (for one selected stop, an index of a 10,000-stop plan's orders made again for every new
 * plan was the larger cost, issue #15).
 */
export function vehicleServing(solution: Solution | null | undefined, orderId: string): string | null {
  for (const route of solution?.routes ?? []) {
    for (const step of route.steps) if (isOrderStep(step) && step.id === orderId) return route.vehicleId;
  }
  return null;
}
