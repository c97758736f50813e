// The independent plan checker: recomputes every route's times, loads and cost
// from the scenario alone (its own travel model, no solver state) and lists
// each violated rule. A plan is shown as valid only when `ok` is true.
import type { Depot, Order, Scenario, Vehicle } from './scenario';
import type { Route, Solution } from './solution';
import { roadDistanceM, travelTimeS, vehicleSpeedMps } from './geo';

export interface Violation {
  /** Machine-readable rule id, e.g. `time-window`, `capacity`, `shift`. */
  rule: string;
  vehicleId?: string;
  orderId?: string;
  message: string;
}

export interface RouteCheck {
  vehicleId: string;
  distanceM: number;
  durationS: number;
  cost: number;
}

export interface CheckReport {
  ok: boolean;
  violations: Violation[];
  /** Recomputed totals over all routes. */
  cost: number;
  distanceM: number;
  durationS: number;
  routes: RouteCheck[];
}

/** Anything with a position. */
interface Place { lat: number; lng: number }

/** Money is compared to the cent; times and distances exactly. */
const COST_TOLERANCE = 0.01;

type CheckedInput = Pick<Solution, 'routes' | 'unassigned'>;

/** Checks a solution against the scenario's hard rules and recomputes its cost. */
export function checkSolution(scenario: Scenario, solution: CheckedInput): CheckReport {
  const violations: Violation[] = [];
  const orders = new Map(scenario.orders.map((o) => [o.id, o]));
  const vehicles = new Map(scenario.vehicles.map((v) => [v.id, v]));
  const depots = new Map(scenario.depots.map((d) => [d.id, d]));
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
    const jobs = route.steps.filter((s) => s.type === 'job');
    if (jobs.length === 0) continue;
    for (const job of jobs) {
      if (!orders.has(job.id)) violations.push({ rule: 'unknown-order', vehicleId: vehicle.id, orderId: job.id, message: `route of '${vehicle.name}' visits unknown order '${job.id}'` });
      else if (seen.has(job.id)) violations.push({ rule: 'order-repeated', orderId: job.id, message: `order '${job.id}' is served more than once` });
      seen.add(job.id);
    }
    routes.push(checkRoute(scenario, vehicle, route, orders, depots, violations));
  }
  for (const u of solution.unassigned) {
    if (seen.has(u.orderId)) violations.push({ rule: 'order-repeated', orderId: u.orderId, message: `order '${u.orderId}' is both routed and unassigned` });
    seen.add(u.orderId);
  }
  for (const order of scenario.orders) {
    if (!seen.has(order.id)) violations.push({ rule: 'order-missing', orderId: order.id, message: `order '${order.id}' is neither routed nor listed as unassigned` });
  }
  const sum = (f: (r: RouteCheck) => number) => routes.reduce((acc, r) => acc + f(r), 0);
  return { ok: violations.length === 0, violations, cost: sum((r) => r.cost), distanceM: sum((r) => r.distanceM), durationS: sum((r) => r.durationS), routes };
}

function checkRoute(
  scenario: Scenario, vehicle: Vehicle, route: Route,
  orders: Map<string, Order>, depots: Map<string, Depot>, violations: Violation[],
): RouteCheck {
  const { settings } = scenario;
  const speed = vehicleSpeedMps(settings.speedKmh, vehicle.type, vehicle.speedFactor);
  const start = depots.get(vehicle.startDepotId)!;
  const end = depots.get(vehicle.endDepotId)!;
  const fail = (rule: string, message: string, orderId?: string) => violations.push({ rule, vehicleId: vehicle.id, orderId, message });
  const first = route.steps[0];
  const last = route.steps[route.steps.length - 1];
  if (first?.type !== 'start' || first.id !== start.id) fail('route-shape', `route of '${vehicle.name}' must start at depot '${start.id}'`);
  if (last?.type !== 'end' || last.id !== end.id) fail('route-shape', `route of '${vehicle.name}' must end at depot '${end.id}'`);

  const departS = first?.departureS ?? vehicle.shift.start * 60;
  const earliest = Math.max(vehicle.shift.start, start.open) * 60;
  if (departS < earliest) fail('shift', `'${vehicle.name}' leaves depot at ${clock(departS)}, before its shift/depot opens at ${clock(earliest)}`);

  let place: Place = start;
  let time = departS;
  let distanceM = 0;
  const load = settings.capacityUnits.map(() => 0);
  for (const step of route.steps) {
    if (step.type !== 'job') continue;
    const order = orders.get(step.id);
    if (!order) continue;
    const leg = roadDistanceM(place.lng, place.lat, order.lng, order.lat, settings.circuityFactor);
    distanceM += leg;
    const arrival = time + travelTimeS(leg, speed);
    const serviceStart = serviceStartIn(order, arrival);
    if (serviceStart === null) {
      fail('time-window', `order '${order.id}' cannot be served inside its window: arrival ${clock(arrival)}, window ${windowsText(order)}`, order.id);
      time = arrival + order.serviceMinutes * 60;
    } else {
      const planned = step.arrivalS + step.waitS;
      if (step.arrivalS !== arrival || planned !== serviceStart) {
        fail('time-mismatch', `order '${order.id}': plan says arrival ${clock(step.arrivalS)} and service ${clock(planned)}, recomputed ${clock(arrival)} and ${clock(serviceStart)}`, order.id);
      }
      time = serviceStart + order.serviceMinutes * 60;
    }
    order.amounts.forEach((a, k) => { load[k] += a; });
    place = order;
  }
  const back = roadDistanceM(place.lng, place.lat, end.lng, end.lat, settings.circuityFactor);
  distanceM += back;
  const endS = time + travelTimeS(back, speed);
  const latest = Math.min(vehicle.shift.end, end.close) * 60;
  if (endS > latest) fail('shift', `'${vehicle.name}' is back at ${clock(endS)}, after its shift/depot closes at ${clock(latest)}`);
  load.forEach((total, k) => {
    if (total > vehicle.capacity[k] + 1e-9) fail('capacity', `'${vehicle.name}' carries ${round2(total)} ${settings.capacityUnits[k]}, capacity ${vehicle.capacity[k]}`);
  });
  const durationS = endS - departS;
  const cost = vehicle.costs.fixed + (vehicle.costs.perKm * distanceM) / 1000 + (vehicle.costs.perHour * durationS) / 3600;
  if (route.distanceM !== distanceM) fail('distance-mismatch', `route of '${vehicle.name}': plan says ${route.distanceM} m, recomputed ${distanceM} m`);
  if (Math.abs(route.cost - cost) > COST_TOLERANCE) fail('cost-mismatch', `route of '${vehicle.name}': plan says cost ${round2(route.cost)}, recomputed ${round2(cost)}`);
  return { vehicleId: vehicle.id, distanceM, durationS, cost };
}

/** Earliest service start at or after `arrival` inside one of the order's windows, or null. */
export function serviceStartIn(order: Order, arrivalS: number): number | null {
  if (order.timeWindows.length === 0) return arrivalS;
  let best: number | null = null;
  for (const w of order.timeWindows) {
    const start = Math.max(arrivalS, w.start * 60);
    if (start <= w.end * 60 && (best === null || start < best)) best = start;
  }
  return best;
}

/** Seconds since midnight → "HH:MM". */
export function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function windowsText(order: Order): string {
  return order.timeWindows.map((w) => `${clock(w.start * 60)}–${clock(w.end * 60)}`).join(', ');
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
