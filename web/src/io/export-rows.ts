// The plan laid out stop by stop, per route, with the order data a driver or
// a spreadsheet needs. Plan CSV, GeoJSON and the printed manifest all read it.
import type { Depot, Order, Scenario, TimeWindow, Vehicle } from '../domain/scenario';
import { formatClock } from '../domain/format';
import { isOrderStep, type OrderStepType, type Route } from '../domain/solution';

/** Where a stop is served: the order's place, or a shipment's pickup place. */
export interface StopPlace {
  lat: number;
  lng: number;
  address: string;
  timeWindows: TimeWindow[];
  serviceMinutes: number;
}

/** One stop on a route: a job, or a shipment's pickup or delivery (two rows with the same order). */
export interface StopRow {
  /** 1-based position on the route (a shipment's pickup and delivery count one each). */
  sequence: number;
  /** `job`, `pickup` or `delivery`. */
  stepType: OrderStepType;
  order: Order;
  /** Where the stop is: `order.pickup` for a pickup, else the order itself. */
  place: StopPlace;
  arrivalS: number;
  waitS: number;
  serviceStartS: number;
  departureS: number;
  /** Load on board after the stop, per capacity unit. */
  load: number[];
}

/** One used vehicle and its stops in driving order. */
export interface RouteStops {
  vehicle: Vehicle;
  route: Route;
  startDepot: Depot | undefined;
  endDepot: Depot | undefined;
  stops: StopRow[];
}

/** An order the plan leaves out, with the solver's reason. */
export interface UnassignedRow {
  order: Order;
  reason: string;
}

/** The plan stop by stop; empty when there is no plan. */
export interface PlanLayout {
  routes: RouteStops[];
  unassigned: UnassignedRow[];
  /** Orders the plan does not mention (the scenario changed after solving). */
  unplanned: Order[];
}

/** Lays out the scenario's plan; routes without stops are left out. */
export function layoutPlan(scenario: Scenario): PlanLayout {
  const orders = new Map(scenario.orders.map((o) => [o.id, o]));
  const depots = new Map(scenario.depots.map((d) => [d.id, d]));
  const solution = scenario.plan?.solution;
  const mentioned = new Set<string>();
  const routes: RouteStops[] = [];
  for (const route of solution?.routes ?? []) {
    const vehicle = scenario.vehicles.find((v) => v.id === route.vehicleId);
    if (!vehicle) continue;
    const stops: StopRow[] = [];
    for (const step of route.steps) {
      const order = isOrderStep(step) ? orders.get(step.id) : undefined;
      if (!order || !isOrderStep(step)) continue;
      mentioned.add(order.id);
      stops.push({
        sequence: stops.length + 1, stepType: step.type, order, place: stopPlace(order, step.type), arrivalS: step.arrivalS, waitS: step.waitS,
        serviceStartS: step.arrivalS + step.waitS, departureS: step.departureS, load: step.load,
      });
    }
    if (stops.length > 0) routes.push({ vehicle, route, startDepot: depots.get(vehicle.startDepotId), endDepot: depots.get(vehicle.endDepotId), stops });
  }
  const unassigned = (solution?.unassigned ?? []).flatMap((u) => {
    const order = orders.get(u.orderId);
    if (order) mentioned.add(order.id);
    return order ? [{ order, reason: u.reason }] : [];
  });
  return { routes, unassigned, unplanned: scenario.orders.filter((o) => !mentioned.has(o.id)) };
}

/** The place a stop of `stepType` serves: a shipment's pickup place for `pickup`, else the order's. */
export function stopPlace(order: Order, stepType: OrderStepType): StopPlace {
  const at = stepType === 'pickup' && order.pickup ? order.pickup : order;
  return { lat: at.lat, lng: at.lng, address: at.address, timeWindows: at.timeWindows, serviceMinutes: at.serviceMinutes };
}

/** Seconds since midnight → "08:05" ("+1" for the next day). */
export function clockText(seconds: number): string {
  return formatClock(seconds);
}

/** Windows as "10:00-12:00; 14:00-16:00" (the importer reads this back); "" = any time. */
export function windowsText(windows: readonly TimeWindow[]): string {
  return windows.map((w) => `${clockText(w.start * 60)}-${clockText(w.end * 60)}`).join('; ');
}

/** Every custom-field name used by any order, in first-seen order. */
export function extraKeys(orders: readonly Order[]): string[] {
  const keys = new Set<string>();
  for (const order of orders) for (const key of Object.keys(order.extra)) keys.add(key);
  return [...keys];
}
