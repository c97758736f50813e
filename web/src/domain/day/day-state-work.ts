// The working state of deriveDayState (day-state.ts) while the log is applied,
// the accepted repair, and the final pass that turns it into a DayState
// (current stop, en-route, load on board, routes without cancelled stops, unassigned).
import type { Order, Scenario } from '../scenario';
import { isOrderStep, type OrderStepType } from '../solution';
import type { StopRef } from '../route-eval';
import { resolveOrder, type OrderNeeds } from '../service-types';
import type { RepairAppliedEvent } from './events';
import type { DayState, DayStop, DayVehicle, Redelivery } from './day-state';

/** Key of an order's stop: the order id for a job, `<id>/pickup` or `<id>/delivery` for a shipment. */
export function stopKey(orderId: string, type: OrderStepType): string {
  return type === 'job' ? orderId : `${orderId}/${type}`;
}

/** Mutable state while events are applied (maps keep insertion order, so the result is deterministic). */
export interface Work {
  scenario: Scenario;
  orders: Map<string, Order>;
  /** Each vehicle's whole stop sequence, cancelled stops included (a later event may reinstate them). */
  sequences: Map<string, StopRef[]>;
  plannedDepartS: Map<string, number | null>;
  stops: Map<string, DayStop>;
  vehicles: Map<string, DayVehicle>;
  redeliveries: Map<string, Redelivery>;
  /** The re-deliveries of each failed order, by its id (a long log asks per event). */
  redeliveriesOf: Map<string, Redelivery[]>;
  issues: { eventId: string; message: string }[];
  /** Each order's resolved needs, resolved once per derivation (orders are never changed in place). */
  needs: WeakMap<Order, OrderNeeds>;
  /** While a kept derivation applies events: what they change (finishStateKept). */
  changed?: Changed;
}

/** The order's resolved needs (capacity amounts, service), resolved once per derivation. */
export function needsOf(work: Work, order: Order): OrderNeeds {
  let needs = work.needs.get(order);
  if (!needs) work.needs.set(order, (needs = resolveOrder(work.scenario.settings, order)));
  return needs;
}

const LEFT = new Set(['done', 'failed']);
const CLOSED: ReadonlySet<DayStop['status']> = new Set(['done', 'failed', 'cancelled']);
const REACHED: ReadonlySet<DayStop['status']> = new Set(['arrived', 'done', 'failed']);

/** When the vehicle reached the stop (its arrival, else its departure; minutes), or null when it has not. */
export function reachedAt(stop: DayStop | undefined): number | null {
  return stop && REACHED.has(stop.status) ? stop.arrivedAt ?? stop.leftAt : null;
}

const ordersByList = new WeakMap<readonly Order[], Map<string, Order>>();

/** The day's orders (new orders and re-deliveries included) by id: an index made once per list of the day's orders. */
export function dayOrders(state: DayState): ReadonlyMap<string, Order> {
  let index = ordersByList.get(state.orders);
  if (!index) ordersByList.set(state.orders, (index = new Map(state.orders.map((o) => [o.id, o]))));
  return index;
}

/** An order of the day by id (dayOrders). */
export function dayOrderOf(state: DayState, orderId: string): Order | undefined {
  return dayOrders(state).get(orderId);
}

/** Keys of an order's stops: a job's one, a shipment's pickup and delivery (only those that exist are found). */
export function orderStopKeys(orderId: string): string[] {
  return [orderId, stopKey(orderId, 'pickup'), stopKey(orderId, 'delivery')];
}

/**
 * The vehicle's route as driven (its sequence is the plan, or the last
 * accepted repair, and stays so): the stops it reached (arrived at, done or
 * failed) first, in the order it reached them (arrival, else departure; the
 * sequence's order on a tie), then the others in their planned order. A driver
 * who serves a stop out of sequence has not served the stops skipped: they
 * are still ahead of the vehicle, not behind it, so the ETAs and a repair's
 * frozen part never hold a stop that was not reached. Breaks keep their
 * places unless a stop reached after one came too early for it (breaksInTime);
 * a shipment's delivery is never put before its pickup (one that failed with
 * its pickup follows it: closed then, never driven to).
 */
export function asDriven(work: Work, vehicleId: string): StopRef[] {
  const sequence = work.sequences.get(vehicleId) ?? [];
  if (drivenAsPlanned(work, sequence)) return sequence;
  const stops = sequence.filter(isOrderStep);
  type OrderStop = (typeof stops)[number];
  const timeOf = (s: OrderStop): number | null => reachedAt(work.stops.get(stopKey(s.id, s.type)));
  const reached = new Map<OrderStop, number>();
  for (const s of stops) {
    const t = timeOf(s);
    if (t === null) continue;
    if (s.type !== 'delivery') reached.set(s, t);
    else {
      // A delivery reported before its pickup (on this vehicle) keeps its place; after it, it sorts no earlier.
      const pickup = stops.find((x) => x.type === 'pickup' && x.id === s.id);
      const pickupT = pickup ? timeOf(pickup) : -Infinity;
      if (pickupT !== null) reached.set(s, Math.max(t, pickupT));
    }
  }
  if (reached.size === 0) return sequence;
  const index = new Map(stops.map((s, i) => [s, i]));
  const first = [...reached.keys()].sort((a, b) => reached.get(a)! - reached.get(b)! || index.get(a)! - index.get(b)!);
  const order = [...first, ...stops.filter((s) => !reached.has(s))];
  let k = 0;
  return breaksInTime(work, vehicleId, sequence.map((s) => (isOrderStep(s) ? order[k++] : s)), (s) => reached.get(s as OrderStop));
}

/**
 * True when the sequence is already the order driven (the usual day: stops reported in their
 * planned order): the stops reached lead it in time order, and no break before one of them.
 */
function drivenAsPlanned(work: Work, sequence: readonly StopRef[]): boolean {
  let last = -Infinity;
  let open = false;
  let breakSeen = false;
  for (const s of sequence) {
    if (s.type === 'break') { breakSeen = true; continue; }
    if (!isOrderStep(s)) continue;
    const t = reachedAt(work.stops.get(stopKey(s.id, s.type)));
    if (t === null) { open = true; continue; }
    if (open || breakSeen || t < last) return false;
    last = t;
  }
  return true;
}

/**
 * A break placed before a stop reached too early to have taken it first (the stop's time is before
 * the break could end: its earliest window start plus its minutes) was not taken there: it moves
 * after the stops reached, still to take.
 */
function breaksInTime(work: Work, vehicleId: string, route: StopRef[], timeOf: (s: StopRef) => number | undefined): StopRef[] {
  const breaks = work.scenario.vehicles.find((v) => v.id === vehicleId)?.breaks ?? [];
  const earliestEnd = (id: string) => {
    const b = breaks.find((x) => x.id === id);
    return b ? Math.min(...b.timeWindows.map((w) => w.start)) + b.minutes : -Infinity;
  };
  const lastReached = route.reduce((last, s, i) => (s.type !== 'break' && timeOf(s) !== undefined ? i : last), -1);
  const late: StopRef[] = [];
  const kept = route.filter((s, i) => {
    if (s.type !== 'break' || i > lastReached) return true;
    const next = route.slice(i + 1).find((x) => x.type !== 'break');
    const nextS = next ? timeOf(next) : undefined;
    if (nextS === undefined || earliestEnd(s.id) <= nextS) return true;
    late.push(s);
    return false;
  });
  if (late.length === 0) return route;
  const at = kept.reduce((last, s, i) => (s.type !== 'break' && timeOf(s) !== undefined ? i : last), -1) + 1;
  return [...kept.slice(0, at), ...late, ...kept.slice(at)];
}

/**
 * The listed vehicles drive the accepted routes from now on; their orders
 * leave any other route. A stop that was already reached and is now on
 * another vehicle is applied but reported.
 */
export function applyRepair(work: Work, e: RepairAppliedEvent, issue: (m: string) => void): void {
  const moved = new Set(e.routes.flatMap((r) => r.stops.filter(isOrderStep).map((s) => s.id)));
  // Vehicles with nothing to drive: a route given to one that has not left leaves when the repair is
  // accepted, and the delays it reported meanwhile (anchored to no stop) are spent.
  const idle = new Set([...work.vehicles.values()].filter((v) => !(work.sequences.get(v.vehicleId) ?? []).some(isOrderStep)).map((v) => v.vehicleId));
  for (const [vehicleId, stops] of work.sequences) {
    work.sequences.set(vehicleId, stops.filter((s) => !(isOrderStep(s) && moved.has(s.id))));
  }
  for (const route of e.routes) {
    if (!work.vehicles.has(route.vehicle)) {
      issue(`unknown vehicle '${route.vehicle}': its route is not applied`);
      continue;
    }
    const kept = route.stops.filter((s) => !isOrderStep(s) || checkMove(work, s, route.vehicle, issue));
    work.sequences.set(route.vehicle, kept.map((s) => ({ ...s })));
    const sent = idle.has(route.vehicle) && kept.some(isOrderStep);
    if (sent && !work.vehicles.get(route.vehicle)!.started) work.plannedDepartS.set(route.vehicle, departureAfterRepair(work, route.vehicle, e.at));
    if (sent) spendDepotDelays(work.vehicles.get(route.vehicle)!);
    else if (!work.plannedDepartS.has(route.vehicle)) work.plannedDepartS.set(route.vehicle, null);
  }
  for (const id of e.keepForLater ?? []) {
    const r = work.redeliveries.get(id);
    if (r) r.forToday = false;
  }
  syncVehicles(work);
}

/**
 * When an idle vehicle given a route by a repair at `atMinutes` leaves its depot (seconds): the
 * repair's minute (rounded up, as the rest-of-the-day problem starts it), not before its shift
 * or its depot opens. Walked from its shift start instead, it would have been on the road all
 * morning, reaching its first stop at the clock and working hours it did not.
 */
function departureAfterRepair(work: Work, vehicleId: string, atMinutes: number): number {
  const vehicle = work.scenario.vehicles.find((v) => v.id === vehicleId)!;
  const depot = work.scenario.depots.find((d) => d.id === vehicle.startDepotId);
  const delayedS = depotDelayEndS(work.vehicles.get(vehicleId)!);
  return Math.max(Math.ceil(atMinutes - 1e-9), vehicle.shift.start, depot?.open ?? 0, Math.ceil(delayedS / 60 - 1e-9)) * 60;
}

/** Anchor of a delay reported while its vehicle had nothing to drive, spent once a repair gives it a route. */
const AT_DEPOT = '\u0000depot';

/**
 * When the delays reported while a vehicle had nothing to drive are over (seconds; 0: none).
 * Anchored to no stop they would hold its return: it cannot set out before this instead.
 */
export function depotDelayEndS(vehicle: DayVehicle): number {
  return Math.max(0, ...vehicle.delays.filter((d) => d.stopKey === null).map((d) => (d.at + d.minutes) * 60));
}

function spendDepotDelays(vehicle: DayVehicle): void {
  for (const d of vehicle.delays) if (d.stopKey === null) d.stopKey = AT_DEPOT;
}

/** False (and reported) for a stop of an unknown order; reports a reached stop moved to another vehicle. */
function checkMove(work: Work, s: StopRef, vehicleId: string, issue: (m: string) => void): boolean {
  const stop = work.stops.get(stopKey(s.id, s.type as OrderStepType));
  if (!stop) {
    issue(`unknown stop '${stopKey(s.id, s.type as OrderStepType)}': left out of the route of '${vehicleId}'`);
    return false;
  }
  if (stop.vehicleId && stop.vehicleId !== vehicleId && (LEFT.has(stop.status) || stop.status === 'arrived')) {
    issue(`stop '${stop.key}' was ${stop.status} on '${stop.vehicleId}' and is now on '${vehicleId}'`);
  }
  return true;
}

/** Records on each stop the vehicle whose sequence holds it. */
export function syncVehicles(work: Work): void {
  for (const stop of work.stops.values()) stop.vehicleId = null;
  for (const [vehicleId, stops] of work.sequences) {
    for (const s of stops) {
      if (!isOrderStep(s)) continue;
      const stop = work.stops.get(stopKey(s.id, s.type));
      if (stop) stop.vehicleId = vehicleId;
    }
  }
}

/** Final pass: routes without cancelled stops, current stops, en-route, load on board, unassigned. */
export function finishState(work: Work): DayState {
  syncVehicles(work);
  const routes: DayState['routes'] = [];
  for (const vehicle of work.scenario.vehicles) {
    if (!work.sequences.has(vehicle.id)) continue;
    const stops = asDriven(work, vehicle.id).filter((s) => !isOrderStep(s) || work.stops.get(stopKey(s.id, s.type))?.status !== 'cancelled');
    routes.push({ vehicleId: vehicle.id, stops, plannedDepartS: work.plannedDepartS.get(vehicle.id) ?? null });
    const state = work.vehicles.get(vehicle.id)!;
    state.currentStopIndex = currentIndex(work, stops);
    const current = stops[state.currentStopIndex];
    const currentStop = current && work.stops.get(stopKey(current.id, current.type as 'job'));
    if (state.started && !state.unavailable && currentStop?.status === 'planned') currentStop.status = 'en-route';
    state.onBoard = onBoard(work, state, stops);
  }
  for (const state of work.vehicles.values()) if (!work.sequences.has(state.vehicleId)) state.onBoard = work.scenario.settings.capacityUnits.map(() => 0);
  return {
    orders: [...work.orders.values()],
    routes,
    unassigned: unassignedOf(work),
    stops: Object.fromEntries(work.stops),
    vehicles: Object.fromEntries(work.vehicles),
    redeliveries: [...work.redeliveries.values()],
    issues: work.issues,
  };
}

/**
 * What the events applied since the last final pass changed (day-state.ts marks it per event): the vehicles whose
 * day record or route changed, the orders whose stops changed, or `all` (the list of routes changed).
 */
export interface Changed {
  vehicles: Set<string>;
  orders: Set<string>;
  all: boolean;
}

/** A stop of the working state as a state hands it out (its own copy). */
const copyStop = (stop: DayStop): DayStop => ({ ...stop });

/** A vehicle of the working state as a state hands it out (its own copy, nothing shared with the working state). */
export function copyVehicle(v: DayVehicle): DayVehicle {
  return {
    ...v, position: v.position && { ...v.position }, delays: v.delays.map((d) => ({ ...d })), unavailable: v.unavailable && { ...v.unavailable },
    onBoard: [...v.onBoard], loaded: v.loaded && [...v.loaded],
  };
}

/**
 * The final pass for the vehicles and orders `changed` names only, the rest taken from `previous` (the state the
 * last pass made from this working state, never changed since): the same state finishState makes of a copy of
 * the working state. The working state is left as it is; nothing of it is handed out.
 */
export function finishStateKept(work: Work, previous: DayState, changed: Changed): DayState {
  const stops: Record<string, DayStop> = { ...previous.stops };
  const vehicles = new Set(changed.vehicles);
  for (const orderId of changed.orders) {
    for (const key of orderStopKeys(orderId)) {
      const stop = work.stops.get(key);
      if (!stop || stop.orderId !== orderId) continue;
      stops[key] = copyStop(stop);
      if (stop.vehicleId) vehicles.add(stop.vehicleId);
    }
  }
  // A vehicle's load on board counts the orders it loaded at the depot, wherever a repair moved them since.
  if (changed.orders.size > 0) {
    for (const v of work.vehicles.values()) if (v.loaded?.some((id) => changed.orders.has(id))) vehicles.add(v.vehicleId);
  }
  const dayVehicles: Record<string, DayVehicle> = { ...previous.vehicles };
  const routes = previous.routes.map((route) => {
    if (!vehicles.has(route.vehicleId)) return route;
    // As finishState does it, on copies: every stop of the route afresh (its en-route mark follows the vehicle).
    const sequence = asDriven(work, route.vehicleId);
    for (const s of sequence) if (isOrderStep(s)) { const stop = work.stops.get(stopKey(s.id, s.type)); if (stop) stops[stop.key] = copyStop(stop); }
    const routeStops = sequence.filter((s) => !isOrderStep(s) || stops[stopKey(s.id, s.type)]?.status !== 'cancelled');
    const state = copyVehicle(work.vehicles.get(route.vehicleId)!);
    const statusOf = (key: string) => stops[key]?.status;
    state.currentStopIndex = indexOfCurrent(routeStops, statusOf);
    const current = routeStops[state.currentStopIndex];
    const currentStop = current && isOrderStep(current) ? stops[stopKey(current.id, current.type)] : undefined;
    if (state.started && !state.unavailable && currentStop?.status === 'planned') currentStop.status = 'en-route';
    state.onBoard = onBoard(work, state, routeStops);
    dayVehicles[route.vehicleId] = state;
    return { vehicleId: route.vehicleId, stops: routeStops, plannedDepartS: work.plannedDepartS.get(route.vehicleId) ?? null };
  });
  // A vehicle without a route whose day changed (a position, a delay): its record afresh, nothing on board.
  for (const id of vehicles) {
    if (work.sequences.has(id) || !work.vehicles.has(id)) continue;
    dayVehicles[id] = { ...copyVehicle(work.vehicles.get(id)!), onBoard: work.scenario.settings.capacityUnits.map(() => 0) };
  }
  const sameOrders = changed.orders.size === 0;
  return {
    orders: previous.orders.length === work.orders.size ? previous.orders : [...work.orders.values()],
    routes,
    unassigned: sameOrders ? previous.unassigned : unassignedOf(work),
    stops,
    vehicles: dayVehicles,
    redeliveries: sameOrders ? previous.redeliveries : [...work.redeliveries.values()].map((r) => ({ ...r })),
    issues: previous.issues.length === work.issues.length ? previous.issues : [...work.issues],
  };
}

/**
 * Orders not cancelled with a stop still to make on no route (a shipment collected by a vehicle that became
 * unavailable included: its delivery is on no route).
 */
function unassignedOf(work: Work): string[] {
  const unrouted = new Set<string>();
  for (const s of work.stops.values()) if (!s.vehicleId && !CLOSED.has(s.status)) unrouted.add(s.orderId);
  return [...work.orders.keys()].filter((id) => unrouted.has(id));
}

/** Index of the first order stop not done or failed by `statusOf` (stops.length when all are). */
function indexOfCurrent(stops: StopRef[], statusOf: (key: string) => DayStop['status'] | undefined): number {
  const i = stops.findIndex((s) => isOrderStep(s) && !LEFT.has(statusOf(stopKey(s.id, s.type)) ?? 'planned'));
  return i < 0 ? stops.length : i;
}

/** Index of the first order stop not done or failed (stops.length when all are). */
function currentIndex(work: Work, stops: StopRef[]): number {
  return indexOfCurrent(stops, (key) => work.stops.get(key)?.status);
}

/**
 * On board now: before leaving, what the route will load; after, the
 * deliveries loaded and not made (failed and cancelled ones stay on board),
 * the goods collected at done stops, and shipments picked up and not delivered.
 */
function onBoard(work: Work, vehicle: DayVehicle, stops: StopRef[]): number[] {
  const load = work.scenario.settings.capacityUnits.map(() => 0);
  const add = (amounts: number[], sign = 1) => amounts.forEach((a, k) => { load[k] += sign * a; });
  const status = (id: string, type: 'job' | 'pickup' | 'delivery') => work.stops.get(stopKey(id, type))?.status;
  const jobs = vehicle.loaded ?? stops.filter((s) => s.type === 'job' && status(s.id, 'job') !== 'cancelled').map((s) => s.id);
  for (const id of jobs) if (status(id, 'job') !== 'done') add(needsOf(work, work.orders.get(id)!).delivery);
  for (const s of stops) {
    const order = work.orders.get(s.id);
    if (!order || !isOrderStep(s)) continue;
    const needs = needsOf(work, order);
    if (s.type === 'job' && status(s.id, 'job') === 'done') add(needs.pickup);
    if (s.type === 'pickup' && status(s.id, 'pickup') === 'done' && status(s.id, 'delivery') !== 'done') add(needs.delivery);
  }
  return load;
}
