// Pure projection of a scenario and its plan onto what the map draws: depots,
// stops (with route, sequence and ETA) and route lines, with stable colours per
// vehicle. No Leaflet here, so it can be tested and reused by lists and exports.
import type { Plan, Scenario } from '../domain/scenario';
import { serviceTypeSpec } from '../domain/service-types';
import { isOrderStep, type Solution } from '../domain/solution';
import { paletteColor } from './palette';
import { rawOf } from '../store/raw';
import { bothInSlices, type Slices } from '../store/staged';

export { ROUTE_COLORS } from './palette';

/** Colour for unplanned stops (no plan yet). */
export const UNPLANNED_COLOR = '#6b7280';
/** Outline of unassigned stops. */
export const UNASSIGNED_COLOR = '#c62828';

/**
 * Vehicle positions per fleet array: asked once per stop, a scan of 150 vehicles each time adds up. A store
 * array can change in place, so a cached position is used only while it still holds that vehicle.
 */
const fleetIndex = new WeakMap<readonly Scenario['vehicles'][number][], Map<string, number>>();

function vehicleIndex(vehicles: Scenario['vehicles'], vehicleId: string): number {
  let at = fleetIndex.get(vehicles)?.get(vehicleId);
  // Through a store proxy this reads (and a view tracks) the one slot: a reordered fleet re-runs the view.
  if (at !== undefined && vehicles[at]?.id === vehicleId) return at;
  // Built over the raw array: through the proxy, 1,000 vehicles were 2,000 tracked reads, in the render effect
  // of the first route row of a new plan's table (issue #15).
  const index = new Map(rawOf(vehicles).map((v, i) => [v.id, i]));
  fleetIndex.set(vehicles, index);
  at = index.get(vehicleId);
  if (at === undefined) return -1;
  void vehicles[at]?.id;
  return at;
}

/** Stable colour of a vehicle's route: by the vehicle's position in the scenario (palette.ts). */
export function routeColor(scenario: Scenario, vehicleId: string): string {
  const at = vehicleIndex(scenario.vehicles, vehicleId);
  return at < 0 ? UNPLANNED_COLOR : paletteColor(at);
}

/** Leaflet's coordinate order. */
export type LatLng = [lat: number, lng: number];

/** A shipment's pickup place as the map shows it (a second, smaller point of the same order). */
export interface PickupPoint {
  at: LatLng;
  address: string;
  /** 1-based position of the pickup stop on its route; null when not routed. */
  sequence: number | null;
  /** Service start at the pickup, seconds since midnight; null when not routed. */
  serviceStartS: number | null;
}

/** One order as the map shows it; a shipment's point is its delivery, with its pickup place in `pickup`. */
export interface StopPoint {
  orderId: string;
  at: LatLng;
  /** The pickup place of a shipment; null for a plain job. */
  pickup: PickupPoint | null;
  /** `planned`: on a route; `unassigned`: the plan leaves it out; `unplanned`: no plan yet. */
  status: 'planned' | 'unassigned' | 'unplanned';
  vehicleId: string | null;
  /** 1-based position on its route (of the delivery, for a shipment); stops are counted as the timeline does. */
  sequence: number | null;
  /** Service start (at the delivery, for a shipment), seconds since midnight. */
  serviceStartS: number | null;
  color: string;
  customerName: string;
  address: string;
  /** The service type's label in the scenario's catalogue. */
  serviceLabel: string;
}

/** One route as a line through its depot and stops, in visiting order. */
export interface RouteLine {
  vehicleId: string;
  color: string;
  points: LatLng[];
}

/** One depot as the map shows it. */
export interface DepotPoint {
  depotId: string;
  name: string;
  at: LatLng;
}

/** Orders projected per slice when a plan lands (issue #15): about 5 ms each at 10,000 orders. */
export const STOPS_PER_SLICE = 2500;

/** One order's place on its route: vehicle, 1-based position and service start. */
type Visit = { vehicleId: string; sequence: number; serviceStartS: number };

/** Where the plan's routes visit orders (the deliveries and jobs, and the pickups), by order id. */
interface Visits { onRoute: Map<string, Visit>; pickups: Map<string, Visit> }

/** The visits of `routes`, of every order or (with `only`) of those orders alone. */
function indexVisits(routes: Solution['routes'], only?: ReadonlySet<string>): Visits {
  const onRoute = new Map<string, Visit>();
  const pickups = new Map<string, Visit>();
  for (const route of routes) {
    let sequence = 0;
    for (const step of route.steps) {
      if (!isOrderStep(step)) continue;
      sequence++;
      if (only && !only.has(step.id)) continue;
      const visit = { vehicleId: route.vehicleId, sequence, serviceStartS: step.arrivalS + step.waitS };
      (step.type === 'pickup' ? pickups : onRoute).set(step.id, visit);
    }
  }
  return { onRoute, pickups };
}

/** `order` as a map point, given where the plan visits it. */
function projectStop(scenario: Scenario, plan: Plan | null, order: Scenario['orders'][number], visits: Visits): StopPoint {
  const visit = visits.onRoute.get(order.id) ?? visits.pickups.get(order.id);
  const picked = visits.pickups.get(order.id);
  const status = visit ? 'planned' : plan ? 'unassigned' : 'unplanned';
  const pickup: PickupPoint | null = order.pickup
    ? { at: [order.pickup.lat, order.pickup.lng], address: order.pickup.address, sequence: picked?.sequence ?? null, serviceStartS: picked?.serviceStartS ?? null }
    : null;
  return {
    orderId: order.id, at: [order.lat, order.lng], pickup, status,
    vehicleId: visit?.vehicleId ?? null, sequence: visit?.sequence ?? null, serviceStartS: visit?.serviceStartS ?? null,
    color: visit ? routeColor(scenario, visit.vehicleId) : UNPLANNED_COLOR,
    customerName: order.customerName, address: order.address,
    serviceLabel: serviceTypeSpec(scenario.settings, order.serviceType).label,
  };
}

/**
 * `projectStops` a slice at a time (store/staged.ts `Slices`): the first step indexes the plan's visits, each
 * later one projects `perSlice` orders. Reads `scenario` and `plan` at each step: for a staged view, which
 * starts over when either changes.
 */
export function projectStopsInSlices(scenario: Scenario, plan: Plan | null, perSlice = STOPS_PER_SLICE): Slices<StopPoint[]> {
  let visits: Visits | null = null;
  const out: StopPoint[] = [];
  return {
    step() {
      if (!visits) {
        visits = indexVisits(plan?.solution.routes ?? []);
        // A small scenario is done in the one step.
        if (scenario.orders.length > perSlice) return false;
      }
      const { orders } = scenario;
      const end = Math.min(orders.length, out.length + Math.max(1, perSlice));
      for (let i = out.length; i < end; i++) out.push(projectStop(scenario, plan, orders[i], visits));
      return out.length >= orders.length;
    },
    result: () => out,
  };
}

/** Every order as a map point, placed on its route when the plan serves it. */
export function projectStops(scenario: Scenario, plan: Plan | null): StopPoint[] {
  const slices = projectStopsInSlices(scenario, plan, Number.POSITIVE_INFINITY);
  while (!slices.step());
  return slices.result();
}

/** Routes projected per slice when a plan lands (issue #15). */
export const ROUTES_PER_SLICE = 250;

/** The orders and depots of a scenario by id: the places a route line goes through. */
interface Places { orders: Map<string, Scenario['orders'][number]>; depots: Map<string, Scenario['depots'][number]> }

const indexPlaces = (scenario: Scenario): Places => ({
  orders: new Map(scenario.orders.map((o) => [o.id, o])), depots: new Map(scenario.depots.map((d) => [d.id, d])),
});

/** `route`'s line through its depots and stops; null for a route without stops. */
function projectLine(scenario: Scenario, route: Solution['routes'][number], places: Places): RouteLine | null {
  if (!route.steps.some(isOrderStep)) return null;
  const points: LatLng[] = [];
  for (const step of route.steps) {
    if (step.type === 'break') continue;
    const order = isOrderStep(step) ? places.orders.get(step.id) : undefined;
    const place = step.type === 'pickup' ? order?.pickup : isOrderStep(step) ? order : places.depots.get(step.id);
    if (place) points.push([place.lat, place.lng]);
  }
  return { vehicleId: route.vehicleId, color: routeColor(scenario, route.vehicleId), points };
}

/** `projectRoutes` a slice at a time: the first step indexes the places, each later one projects `perSlice` routes. */
export function projectRoutesInSlices(scenario: Scenario, plan: Plan | null, perSlice = ROUTES_PER_SLICE): Slices<RouteLine[]> {
  let places: Places | null = null;
  const routes = plan?.solution.routes ?? [];
  const lines: RouteLine[] = [];
  let next = 0;
  return {
    step() {
      if (!places) {
        places = indexPlaces(scenario);
        if (routes.length > perSlice) return false;
      }
      const end = Math.min(routes.length, next + Math.max(1, perSlice));
      for (; next < end; next++) {
        const line = projectLine(scenario, routes[next], places);
        if (line) lines.push(line);
      }
      return next >= routes.length;
    },
    result: () => lines,
  };
}

/** A plan's stops (`first`) and route lines (`second`), as the map draws them. */
export interface MapDrawing { first: StopPoint[]; second: RouteLine[] }

/** Projects a scenario's plan for the map, a slice at a time; `dataVersion` is the store's count of data edits. */
export type MapProjector = (scenario: Scenario, plan: Plan | null, dataVersion: number) => Slices<MapDrawing>;

/** What a reusing projector made last, and from what. */
interface MapMemo {
  orders: Scenario['orders'];
  vehicles: Scenario['vehicles'];
  depots: Scenario['depots'];
  settings: Scenario['settings'];
  dataVersion: number;
  planned: boolean;
  /** Each route's steps, by vehicle. */
  steps: Map<string, Solution['routes'][number]['steps']>;
  drawing: MapDrawing;
  lines: Map<string, RouteLine>;
}

/** More orders than this share of the scenario's touched by a new plan: it is projected whole. */
const REUSE_AT_MOST = 0.5;

/**
 * `projectStopsInSlices` and `projectRoutesInSlices` for one plan after another: a plan of the same data (the
 * same orders, vehicles, depots and settings objects and data version: the store edits in place; Day mode's view
 * of the plan is a new scenario object per event over the same arrays) keeps the lines of the routes whose steps are
 * the same steps as before (a hand move shares every route it does not touch) and the points of the orders on
 * none of the other routes; only what changed is projected again. A move at 10,000 stops re-projected every
 * stop and line, megabytes that then cost the page's collection pauses (issue #15). What it hands back equals a
 * fresh projection.
 */
export function reusingMapProjector(): MapProjector {
  let memo: MapMemo | null = null;
  return (scenario, plan, dataVersion) => {
    const routes = plan?.solution.routes ?? [];
    const remember = (drawing: MapDrawing): void => {
      const steps = new Map(routes.map((r) => [r.vehicleId, r.steps]));
      // Two routes of one vehicle (a plan the checker rejects) are not told apart by vehicle: not kept.
      memo = steps.size !== routes.length ? null : {
        orders: scenario.orders, vehicles: scenario.vehicles, depots: scenario.depots, settings: scenario.settings,
        dataVersion, planned: plan !== null, steps, drawing, lines: new Map(drawing.second.map((l) => [l.vehicleId, l])),
      };
    };
    const last = memo;
    const reused = last && last.orders === scenario.orders && last.vehicles === scenario.vehicles
      && last.depots === scenario.depots && last.settings === scenario.settings && last.dataVersion === dataVersion
      && last.planned === (plan !== null) && last.drawing.first.length === scenario.orders.length
      ? reproject(last, scenario, plan, routes) : null;
    if (reused) {
      remember(reused);
      return { step: () => true, result: () => reused };
    }
    // Another scenario or data: what was kept is let go now, not when this projection is done.
    memo = null;
    const whole = bothInSlices(projectStopsInSlices(scenario, plan), projectRoutesInSlices(scenario, plan));
    let drawing: MapDrawing | null = null;
    return {
      step() {
        if (drawing) return true;
        if (!whole.step()) return false;
        drawing = whole.result();
        remember(drawing);
        return true;
      },
      result: () => drawing ?? whole.result(),
    };
  };
}

/** `last`'s drawing brought to `routes` (same data): null when most orders changed place (projected whole then). */
function reproject(last: MapMemo, scenario: Scenario, plan: Plan | null, routes: Solution['routes']): MapDrawing | null {
  const touched = new Set<string>();
  const changed = new Set<string>();
  const addOrders = (steps: Solution['routes'][number]['steps']) => { for (const step of steps) if (isOrderStep(step)) touched.add(step.id); };
  for (const route of routes) {
    const before = last.steps.get(route.vehicleId);
    if (before === route.steps) continue;
    changed.add(route.vehicleId);
    addOrders(route.steps);
    if (before) addOrders(before);
  }
  // Routes gone from the plan: their orders are unassigned now, or on a changed route.
  const now = new Set(routes.map((r) => r.vehicleId));
  for (const [vehicleId, steps] of last.steps) if (!now.has(vehicleId)) addOrders(steps);
  if (touched.size > scenario.orders.length * REUSE_AT_MOST) return null;
  // The places of the touched orders only (the lines made again go through no other order).
  const places: Places = { orders: new Map(), depots: new Map(scenario.depots.map((d) => [d.id, d])) };
  for (const order of scenario.orders) if (touched.has(order.id)) places.orders.set(order.id, order);
  const second: RouteLine[] = [];
  for (const route of routes) {
    const line = changed.has(route.vehicleId) ? projectLine(scenario, route, places) : last.lines.get(route.vehicleId);
    if (line) second.push(line);
  }
  const visits = indexVisits(routes, touched);
  const first = scenario.orders.map((order, i) => (touched.has(order.id) ? projectStop(scenario, plan, order, visits) : last.drawing.first[i]));
  return { first, second };
}

/** One polyline per route with stops: start depot → stops → end depot. */
export function projectRoutes(scenario: Scenario, plan: Plan | null): RouteLine[] {
  const slices = projectRoutesInSlices(scenario, plan, Number.POSITIVE_INFINITY);
  while (!slices.step());
  return slices.result();
}

/** Every depot as a map point. */
export function projectDepots(scenario: Scenario): DepotPoint[] {
  return scenario.depots.map((d) => ({ depotId: d.id, name: d.name, at: [d.lat, d.lng] }));
}

/** South-west and north-east corners around every depot and order, or null when empty. */
export function scenarioBounds(scenario: Scenario): [LatLng, LatLng] | null {
  if (scenario.depots.length + scenario.orders.length === 0) return null;
  // A loop, not Math.min(...all): spreading ~100,000 arguments overflows the stack.
  let south = Infinity, west = Infinity, north = -Infinity, east = -Infinity;
  for (const places of [scenario.depots, scenario.orders]) {
    for (const { lat, lng } of places) {
      if (lat < south) south = lat;
      if (lat > north) north = lat;
      if (lng < west) west = lng;
      if (lng > east) east = lng;
    }
  }
  return [[south, west], [north, east]];
}
