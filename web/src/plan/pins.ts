// Pins as plain data: stops pinned to their vehicle and whole routes pinned as
// they are. Turns them into the solver's pin list and reads them back from a
// stored record, dropping anything malformed instead of failing the restore.
import type { SolverPin } from '../../../workers/protocol';
import { isOrderStep, type Solution } from '../domain/solution';

/** What the dispatcher pinned in one scenario. */
export interface PinSet {
  /** orderId → vehicleId it must stay on. */
  orders: Record<string, string>;
  /** Vehicles whose whole route (stops and order) must stay. */
  routes: string[];
}

/** A set with nothing pinned. */
export const NO_PINS: PinSet = { orders: {}, routes: [] };

/** Pins for the solver: pinned routes give every stop with its position; pinned stops give their vehicle. */
export function solverPins(pins: PinSet, solution: Solution | null, vehicleIds: readonly string[], orderIds: readonly string[]): SolverPin[] {
  const vehicles = new Set(vehicleIds);
  const known = new Set(orderIds);
  const result: SolverPin[] = [];
  const covered = new Set<string>();
  for (const route of solution?.routes ?? []) {
    if (!pins.routes.includes(route.vehicleId) || !vehicles.has(route.vehicleId)) continue;
    // Every order stop in its order; a shipment gives two pins, its pickup marked as such.
    route.steps.filter((s) => isOrderStep(s) && known.has(s.id)).forEach((step, position) => {
      result.push({ orderId: step.id, vehicleId: route.vehicleId, position, ...(step.type === 'pickup' ? { side: 'pickup' as const } : {}) });
      covered.add(step.id);
    });
  }
  for (const [orderId, vehicleId] of Object.entries(pins.orders)) {
    if (!covered.has(orderId) && known.has(orderId) && vehicles.has(vehicleId)) result.push({ orderId, vehicleId });
  }
  return result;
}

/** Reads a stored pin set; anything that is not a string map / string list is ignored. */
export function readPins(data: unknown): PinSet {
  const raw = (typeof data === 'object' && data !== null ? data : {}) as { orders?: unknown; routes?: unknown };
  const orders: Record<string, string> = {};
  if (typeof raw.orders === 'object' && raw.orders !== null) {
    for (const [orderId, vehicleId] of Object.entries(raw.orders)) if (typeof vehicleId === 'string') orders[orderId] = vehicleId;
  }
  const routes = Array.isArray(raw.routes) ? raw.routes.filter((v): v is string => typeof v === 'string') : [];
  return { orders, routes };
}

/** True when nothing is pinned. */
export function isEmptyPinSet(pins: PinSet): boolean {
  return pins.routes.length === 0 && Object.keys(pins.orders).length === 0;
}
