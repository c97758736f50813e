// Rebuilds a route's steps, times, distance and cost from the scenario alone,
// with the same travel model and timing rules as the independent checker
// (domain/check.ts): leave at max(shift start, depot open), travel time
// round(distance / speed), service at the earliest window opening after arrival.
import { serviceStartIn } from '../domain/check';
import { roadDistanceM, travelTimeS, vehicleSpeedMps } from '../domain/geo';
import type { Depot, Order, Scenario, Vehicle } from '../domain/scenario';
import type { Route, Step } from '../domain/solution';

/** Id lookups over one scenario; build once per edit, not per route. */
export interface ScenarioLookup {
  orders: Map<string, Order>;
  vehicles: Map<string, Vehicle>;
  depots: Map<string, Depot>;
}

/** Indexes the scenario's orders, vehicles and depots by id. */
export function makeLookup(scenario: Scenario): ScenarioLookup {
  return {
    orders: new Map(scenario.orders.map((o) => [o.id, o])),
    vehicles: new Map(scenario.vehicles.map((v) => [v.id, v])),
    depots: new Map(scenario.depots.map((d) => [d.id, d])),
  };
}

/** Place of anything on the map. */
interface Place { lat: number; lng: number }

/**
 * The route of `vehicleId` serving `orderIds` in this order. A stop that cannot
 * start inside any window is served on arrival (no wait), as the checker assumes,
 * so the checker then reports it as a time-window violation, never as a mismatch.
 * Throws for an unknown vehicle, depot or order: callers pass ids from the plan.
 */
export function rebuildRoute(scenario: Scenario, vehicleId: string, orderIds: readonly string[], lookup = makeLookup(scenario)): Route {
  const vehicle = must(lookup.vehicles.get(vehicleId), `vehicle '${vehicleId}'`);
  const start = must(lookup.depots.get(vehicle.startDepotId), `depot '${vehicle.startDepotId}'`);
  const end = must(lookup.depots.get(vehicle.endDepotId), `depot '${vehicle.endDepotId}'`);
  const { circuityFactor, speedKmh } = scenario.settings;
  const speed = vehicleSpeedMps(speedKmh, vehicle.type, vehicle.speedFactor);
  const orders = orderIds.map((id) => must(lookup.orders.get(id), `order '${id}'`));
  // Deliveries: the truck leaves full and unloads at each stop (as workers/decode.ts).
  const load = scenario.settings.capacityUnits.map((_, k) => orders.reduce((sum, o) => sum + (o.amounts[k] ?? 0), 0));
  const departS = Math.max(vehicle.shift.start, start.open) * 60;
  const steps: Step[] = [{ type: 'start', id: start.id, arrivalS: departS, waitS: 0, serviceS: 0, departureS: departS, distanceM: 0, load: [...load] }];
  let place: Place = start;
  let time = departS;
  let distanceM = 0;
  let waitingS = 0;
  let serviceTotal = 0;
  for (const order of orders) {
    const legM = roadDistanceM(place.lng, place.lat, order.lng, order.lat, circuityFactor);
    distanceM += legM;
    const arrivalS = time + travelTimeS(legM, speed);
    const waitS = (serviceStartIn(order, arrivalS) ?? arrivalS) - arrivalS;
    const serviceS = order.serviceMinutes * 60;
    order.amounts.forEach((a, k) => { load[k] -= a; });
    time = arrivalS + waitS + serviceS;
    steps.push({ type: 'job', id: order.id, arrivalS, waitS, serviceS, departureS: time, distanceM, load: [...load] });
    waitingS += waitS;
    serviceTotal += serviceS;
    place = order;
  }
  const backM = roadDistanceM(place.lng, place.lat, end.lng, end.lat, circuityFactor);
  distanceM += backM;
  const endS = time + travelTimeS(backM, speed);
  steps.push({ type: 'end', id: end.id, arrivalS: endS, waitS: 0, serviceS: 0, departureS: endS, distanceM, load: [...load] });
  const durationS = endS - departS;
  const cost = vehicle.costs.fixed + (vehicle.costs.perKm * distanceM) / 1000 + (vehicle.costs.perHour * durationS) / 3600;
  return { vehicleId, steps, distanceM, durationS, drivingS: durationS - waitingS - serviceTotal, waitingS, serviceS: serviceTotal, cost };
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`cannot rebuild route: unknown ${what}`);
  return value;
}

/** Order ids a route serves, in visiting order. */
export function routeOrderIds(route: Route): string[] {
  return route.steps.filter((s) => s.type === 'job').map((s) => s.id);
}
