// VROOM JSON interop (pure, no DOM): import a VROOM problem as a scenario v2,
// export a scenario as a VROOM problem, and export a plan in VROOM's solution
// shape (routes[].vehicle, routes[].steps[] with type and id, unassigned[]).
import type { Scenario } from '../domain/scenario';
import type { Route, Solution, Step } from '../domain/solution';
import { exportVroomProblem, type VroomIds } from './vroom-export';
import type { VroomLocation, VroomRoute, VroomSolution, VroomStep, VroomTaskType } from './vroom-types';

export { importVroomProblem, shipmentOrderId, type VroomImportOptions, type VroomImportResult } from './vroom-import';
export { exportVroomProblem, type VroomExport, type VroomIds } from './vroom-export';
export type * from './vroom-types';

type Lookup = {
  scenario: Scenario;
  ids: VroomIds;
  orders: Map<string, Scenario['orders'][number]>;
  depots: Map<string, Scenario['depots'][number]>;
};

const lonLat = (p: { lat: number; lng: number }): VroomLocation => [p.lng, p.lat];

/** VROOM id and location of a step, or undefined for an id the scenario does not know. */
function stepTarget(l: Lookup, vehicleId: string, step: Step): { id?: number; location?: VroomLocation } | undefined {
  if (step.type === 'start' || step.type === 'end') {
    const depot = l.depots.get(step.id);
    return depot ? { location: lonLat(depot) } : undefined;
  }
  if (step.type === 'break') return { id: l.ids.breaks.get(`${vehicleId}/${step.id}`) };
  const order = l.orders.get(step.id);
  if (!order) return undefined;
  if (step.type === 'job') return { id: l.ids.jobs.get(order.id), location: lonLat(order) };
  const pair = l.ids.shipments.get(order.id);
  if (step.type === 'pickup') return { id: pair?.pickup, location: order.pickup ? lonLat(order.pickup) : undefined };
  return { id: pair?.delivery, location: lonLat(order) };
}

function exportRoute(l: Lookup, route: Route): VroomRoute | null {
  const vehicle = l.ids.vehicles.get(route.vehicleId);
  if (vehicle === undefined) return null;
  let travelS = 0;
  let previousDepartureS = route.steps[0]?.departureS ?? 0;
  const steps: VroomStep[] = route.steps.map((step) => {
    travelS += Math.max(0, step.arrivalS - previousDepartureS);
    previousDepartureS = step.departureS;
    const target = stepTarget(l, route.vehicleId, step) ?? {};
    const task = step.type !== 'start' && step.type !== 'end';
    return {
      type: step.type, ...(target.id !== undefined ? { id: target.id } : {}), ...(target.location ? { location: target.location } : {}),
      arrival: step.arrivalS, duration: travelS, ...(task ? { service: step.serviceS, waiting_time: step.waitS } : {}),
      load: step.load, distance: step.distanceM,
    };
  });
  const name = l.scenario.vehicles.find((v) => v.id === route.vehicleId)?.name;
  return {
    vehicle, ...(name ? { description: name } : {}), steps, cost: route.cost, service: route.serviceS,
    duration: travelS, waiting_time: route.waitingS, distance: route.distanceM,
  };
}

/** VROOM unassigned entries of an order: one job, or a shipment's pickup and delivery. */
function unassignedTasks(l: Lookup, orderId: string): VroomSolution['unassigned'] {
  const order = l.orders.get(orderId);
  if (!order) return [];
  const entry = (id: number | undefined, type: VroomTaskType, at: { lat: number; lng: number }) =>
    (id === undefined ? [] : [{ id, type, location: lonLat(at), description: order.customerName }]);
  if (!order.pickup) return entry(l.ids.jobs.get(order.id), 'job', order);
  const pair = l.ids.shipments.get(order.id);
  return [...entry(pair?.pickup, 'pickup', order.pickup), ...entry(pair?.delivery, 'delivery', order)];
}

/**
 * Exports a plan in VROOM's solution shape. Ids follow `exportVroomProblem`
 * of the same scenario (pass its `ids` to reuse them). Steps keep the plan's
 * times; `duration` is cumulated travel time, as in VROOM.
 */
export function exportVroomSolution(scenario: Scenario, solution: Pick<Solution, 'routes' | 'unassigned'>, ids: VroomIds = exportVroomProblem(scenario).ids): VroomSolution {
  const l: Lookup = { scenario, ids, orders: new Map(scenario.orders.map((o) => [o.id, o])), depots: new Map(scenario.depots.map((d) => [d.id, d])) };
  const routes = solution.routes
    .filter((r) => r.steps.some((s) => s.type !== 'start' && s.type !== 'end'))
    .map((r) => exportRoute(l, r))
    .filter((r): r is VroomRoute => r !== null);
  const unassigned = solution.unassigned.flatMap((u) => unassignedTasks(l, u.orderId));
  const sum = (f: (r: VroomRoute) => number) => routes.reduce((acc, r) => acc + f(r), 0);
  return {
    code: 0,
    summary: {
      cost: sum((r) => r.cost), routes: routes.length, unassigned: unassigned.length, service: sum((r) => r.service),
      duration: sum((r) => r.duration), waiting_time: sum((r) => r.waiting_time), distance: sum((r) => r.distance),
    },
    unassigned, routes,
  };
}
