// The day's state, derived by event sourcing: the dispatched plan, then every
// event of the log in log order (a wrong event is corrected by a later one,
// never edited away). Pure and deterministic: same inputs, same state.
import type { Order, Scenario } from '../scenario';
import { isOrderStep, type OrderStepType, type Solution } from '../solution';
import type { StopRef } from '../route-eval';
import type { DayEvent, FailReason, ShipmentSide, UnavailableReason } from './events';
import { extendsLog, formatDayTime, redeliveryId } from './events';
import { makeRedelivery } from './redelivery';
import { applyRepair, asDriven, copyVehicle, finishState, finishStateKept, needsOf, orderStopKeys, stopKey, syncVehicles, type Changed, type Work } from './day-state-work';

export { dayOrderOf, dayOrders, orderStopKeys, reachedAt, stopKey } from './day-state-work';

/** Where a stop stands. `en-route`: the stop a vehicle that has left is driving to. */
export type StopStatus = 'planned' | 'en-route' | 'arrived' | 'done' | 'failed' | 'cancelled';

/** One stop of an order (a shipment has a pickup and a delivery stop) and what happened there. */
export interface DayStop {
  /** `<order>` for a job, `<order>/pickup` and `<order>/delivery` for a shipment (see stopKey). */
  key: string;
  orderId: string;
  type: OrderStepType;
  /** Vehicle whose route holds the stop, or null (unassigned). */
  vehicleId: string | null;
  status: StopStatus;
  /** Reported arrival, minutes of the day. */
  arrivedAt: number | null;
  /** Reported departure (done or failed), minutes of the day. */
  leftAt: number | null;
  failReason: FailReason | null;
  /** Reported service overrun, minutes (summed). */
  overrunMinutes: number;
  /** Id of the done or failed event that left the stop (its proof of delivery), or null. */
  leftByEventId: string | null;
}

/** A delay or position, tied to the stop the vehicle was at or driving to when reported (null: driving back). */
export interface Anchored {
  at: number;
  stopKey: string | null;
  /** True when the vehicle was at that stop (arrived, not left). */
  atStop: boolean;
}

/** One vehicle's day. */
export interface DayVehicle {
  vehicleId: string;
  /** Reported departure from the start depot, or null. */
  departedAt: number | null;
  /** True once it departed or reported anything from the road. */
  started: boolean;
  position: (Anchored & { lat: number; lng: number }) | null;
  /** Reported delays, in log order. */
  delays: (Anchored & { minutes: number })[];
  /** Sum of the reported delays. */
  delayMinutes: number;
  unavailable: { at: number; reason: UnavailableReason; lat: number; lng: number } | null;
  /** Index in its route's stops of the first order stop not done or failed (stops.length: all done). */
  currentStopIndex: number;
  /** On board now, per capacity unit: deliveries loaded and not yet made, goods collected. */
  onBoard: number[];
  /** Orders loaded when it left (null before). */
  loaded: string[] | null;
}

/** A vehicle's route as it stands: stops in driving order (breaks included, cancelled stops left out). */
export interface DayRoute {
  vehicleId: string;
  stops: StopRef[];
  /** Departure of the dispatched route, seconds (null: the vehicle had no dispatched route). */
  plannedDepartS: number | null;
}

/** A re-delivery created by a failed attempt. */
export interface Redelivery {
  orderId: string;
  failedOrderId: string;
  failedAt: number;
  /** The dispatcher may put it into today's repair (true) or keep it for another day (false). */
  forToday: boolean;
  /** A later event corrected the failure: the re-delivery is not needed (its stops are cancelled). */
  withdrawn: boolean;
}

/** The day's state: orders, routes, stops and vehicles after the log. */
export interface DayState {
  /** The scenario's orders, then new orders and re-deliveries in log order. */
  orders: Order[];
  routes: DayRoute[];
  /** Orders not cancelled and on no route (new orders, re-deliveries, the plan's unassigned). */
  unassigned: string[];
  /** Every order stop of the day, by key. */
  stops: Record<string, DayStop>;
  vehicles: Record<string, DayVehicle>;
  redeliveries: Redelivery[];
  /** Events that could not be applied (or were applied with a doubt), with why. */
  issues: { eventId: string; message: string }[];
}

/** Derives the day's state from the scenario, the dispatched plan and the log (in log order). */
export function deriveDayState(scenario: Scenario, dispatchedPlan: Pick<Solution, 'routes' | 'unassigned'>, events: readonly DayEvent[]): DayState {
  const work = startWork(scenario, dispatchedPlan);
  for (const event of events) applyEvent(work, event);
  return finishState(work);
}

/**
 * A derivation kept to follow a log that only grows (the page's day: events are appended, never edited): the
 * working state after the events applied so far, never finished, so the next derivation applies only the
 * events appended since and finishes a copy. A 10,000-order day derived its whole log afresh at every event.
 */
export interface DayStateKeeper {
  kept: { scenario: Scenario; plan: object; events: readonly DayEvent[]; work: Work; orders: Order[]; state: DayState } | null;
}

/** An empty keeper (deriveDayStateKept). */
export const makeDayStateKeeper = (): DayStateKeeper => ({ kept: null });

/**
 * The same state as deriveDayState, from what `keeper` holds when it can: the same plan object, the same
 * scenario data (its orders, vehicles, depots and settings the same objects, taken as unchanged then) and a
 * log that extends the one applied (the same event objects first). Anything else derives afresh.
 */
export function deriveDayStateKept(keeper: DayStateKeeper, scenario: Scenario, dispatchedPlan: Pick<Solution, 'routes' | 'unassigned'>, events: readonly DayEvent[]): DayState {
  const steps = keptSteps(keeper, scenario, dispatchedPlan, events);
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}

/**
 * deriveDayStateKept with `pause` awaited between its long steps when it derives afresh (the working state, the
 * needs of its routes' orders, the events applied, the state finished): a large Dispatch derives the day's first
 * state this way, a step per task.
 */
export async function deriveDayStateKeptPaused(keeper: DayStateKeeper, scenario: Scenario, dispatchedPlan: Pick<Solution, 'routes' | 'unassigned'>, events: readonly DayEvent[], pause: () => Promise<void>): Promise<DayState> {
  const steps = keptSteps(keeper, scenario, dispatchedPlan, events);
  let next = steps.next();
  while (!next.done) {
    await pause();
    next = steps.next();
  }
  return next.value;
}

/** deriveDayStateKept's work, yielding between its long steps when it derives afresh. */
function* keptSteps(keeper: DayStateKeeper, scenario: Scenario, dispatchedPlan: Pick<Solution, 'routes' | 'unassigned'>, events: readonly DayEvent[]): Generator<void, DayState> {
  const k = keeper.kept;
  const extends_ = k !== null && k.plan === dispatchedPlan && k.scenario.orders === scenario.orders && k.scenario.vehicles === scenario.vehicles
    && k.scenario.depots === scenario.depots && k.scenario.settings === scenario.settings
    && extendsLog(events, k.events);
  // Dropped while events are applied: a throw half way leaves nothing half applied to be taken up again.
  keeper.kept = null;
  const work = extends_ ? k!.work : startWork(scenario, dispatchedPlan);
  if (!extends_) {
    yield;
    // The needs of the routes' orders (what the final pass reads), resolved in a step of their own.
    for (const stops of work.sequences.values()) {
      for (const s of stops) {
        const order = isOrderStep(s) ? work.orders.get(s.id) : undefined;
        if (order) needsOf(work, order);
      }
    }
    yield;
  }
  // The final pass is made again only for what the events changed, the rest taken from the last state (a whole
  // pass was ~25 ms per event at 10,000 orders); a log derived afresh, or an accepted repair, gets a whole one.
  const changed: Changed = { vehicles: new Set(), orders: new Set(), all: !extends_ };
  work.changed = changed;
  try {
    for (let i = extends_ ? k!.events.length : 0; i < events.length; i++) applyEvent(work, events[i]);
  } finally {
    work.changed = undefined;
  }
  if (!extends_ && events.length > 0) yield;
  const state = changed.all ? finishState(finishingCopy(work)) : finishStateKept(work, k!.state, changed);
  // The working state's orders are only ever added to: as many as before, they are the list handed out before,
  // kept as that very array (the views of the day's plan keep what they drew while its orders are the same).
  if (extends_ && k!.orders.length === state.orders.length) state.orders = k!.orders;
  keeper.kept = { scenario, plan: dispatchedPlan, events: events.slice(), work, orders: state.orders, state };
  return state;
}

/**
 * The issues the log would have with `more` appended (an events import's check), from what `keeper` holds when it
 * holds exactly this log of this plan and scenario data: the events applied to a copy of its working state (the
 * kept state is left as it is), no final pass. Null when it holds another log: the caller derives afresh.
 */
export function issuesAfterKept(keeper: DayStateKeeper, scenario: Scenario, dispatchedPlan: Pick<Solution, 'routes' | 'unassigned'>, events: readonly DayEvent[], more: readonly DayEvent[]): DayState['issues'] | null {
  return trialAfter(keeper, scenario, dispatchedPlan, events, more)?.issues ?? null;
}

/**
 * The state the log would have with `more` appended (a repair candidate's day), from what `keeper` holds when it
 * holds exactly this log: `more` applied to a copy of its working state and that copy finished (the kept state is
 * left as it is). The same state as deriveDayState of the whole log; null when the keeper holds another log.
 */
export function stateAfterKept(keeper: DayStateKeeper, scenario: Scenario, dispatchedPlan: Pick<Solution, 'routes' | 'unassigned'>, events: readonly DayEvent[], more: readonly DayEvent[]): DayState | null {
  const trial = trialAfter(keeper, scenario, dispatchedPlan, events, more);
  return trial && finishState(trial);
}

/** A copy of the keeper's working state with `more` applied, when it holds exactly this log of this plan and data. */
function trialAfter(keeper: DayStateKeeper, scenario: Scenario, dispatchedPlan: Pick<Solution, 'routes' | 'unassigned'>, events: readonly DayEvent[], more: readonly DayEvent[]): Work | null {
  const k = keeper.kept;
  const same = k !== null && k.plan === dispatchedPlan && k.scenario.orders === scenario.orders && k.scenario.vehicles === scenario.vehicles
    && k.scenario.depots === scenario.depots && k.scenario.settings === scenario.settings
    && k.events.length === events.length && extendsLog(events, k.events);
  if (!same) return null;
  const trial = trialCopy(k!.work);
  for (const e of more) applyEvent(trial, e);
  return trial;
}

/** A copy of the working state events can be applied to without touching the original (sequences are replaced whole, never changed in place). */
function trialCopy(work: Work): Work {
  const copy = finishingCopy(work);
  const redeliveries = new Map<Redelivery, Redelivery>();
  for (const [id, r] of work.redeliveries) redeliveries.set(r, copy.redeliveries.get(id)!);
  return {
    ...copy, orders: new Map(work.orders), sequences: new Map(work.sequences), plannedDepartS: new Map(work.plannedDepartS),
    redeliveriesOf: new Map([...work.redeliveriesOf].map(([id, list]) => [id, list.map((r) => redeliveries.get(r)!)])),
  };
}

/**
 * A copy of the working state for the final pass, which marks stops en-route and counts loads on board in
 * place: the kept state stays as the events left it, and a state handed out shares nothing the next events
 * change (orders and stop sequences are never changed in place, they are shared).
 */
function finishingCopy(work: Work): Work {
  const stops = new Map<string, DayStop>();
  for (const [key, stop] of work.stops) stops.set(key, { ...stop });
  const vehicles = new Map<string, DayVehicle>();
  for (const [id, v] of work.vehicles) vehicles.set(id, copyVehicle(v));
  const redeliveries = new Map<string, Redelivery>();
  for (const [id, r] of work.redeliveries) redeliveries.set(id, { ...r });
  return { ...work, stops, vehicles, redeliveries, redeliveriesOf: new Map(), issues: [...work.issues] };
}

function startWork(scenario: Scenario, plan: Pick<Solution, 'routes' | 'unassigned'>): Work {
  const work: Work = {
    scenario, orders: new Map(), sequences: new Map(), plannedDepartS: new Map(), stops: new Map(), vehicles: new Map(),
    redeliveries: new Map(), redeliveriesOf: new Map(), issues: [], needs: new WeakMap(),
  };
  for (const order of scenario.orders) addOrder(work, order);
  for (const route of plan.routes) {
    const stops = route.steps.filter((s) => s.type !== 'start' && s.type !== 'end').map((s) => ({ type: s.type, id: s.id }));
    work.sequences.set(route.vehicleId, stops);
    work.plannedDepartS.set(route.vehicleId, route.steps[0]?.departureS ?? null);
  }
  for (const vehicle of scenario.vehicles) {
    work.vehicles.set(vehicle.id, {
      vehicleId: vehicle.id, departedAt: null, started: false, position: null, delays: [], delayMinutes: 0, unavailable: null,
      currentStopIndex: 0, onBoard: [], loaded: null,
    });
  }
  syncVehicles(work);
  return work;
}

function addOrder(work: Work, order: Order): void {
  work.orders.set(order.id, order);
  const types: OrderStepType[] = order.pickup ? ['pickup', 'delivery'] : ['job'];
  for (const type of types) {
    const key = stopKey(order.id, type);
    work.stops.set(key, { key, orderId: order.id, type, vehicleId: null, status: 'planned', arrivedAt: null, leftAt: null, failReason: null, overrunMinutes: 0, leftByEventId: null });
  }
}

function applyEvent(work: Work, e: DayEvent): void {
  const before = work.changed && !work.changed.all && e.type === 'repair-applied' ? routesBefore(work) : null;
  applyEventTo(work, e);
  const changed = work.changed;
  if (!changed) return;
  if (before) return markRepair(work, changed, before);
  // What the event changed, for the kept derivation's final pass (finishStateKept): a vehicle's day, or an
  // order's stops and those of its re-deliveries (a failure adds one, a correction withdraws it); a repair, the
  // routes it changed (markRepair).
  switch (e.type) {
    case 'departed': case 'delay': case 'position': case 'unavailable':
      changed.vehicles.add(e.vehicle);
      return;
    case 'arrived': case 'done': case 'failed': case 'service-overran': case 'order-cancelled':
      changed.orders.add(e.order);
      for (const r of work.redeliveriesOf.get(e.order) ?? []) changed.orders.add(r.orderId);
      return;
    case 'new-order':
      changed.orders.add(e.order.id);
      return;
    default:
      changed.all = true;
  }
}

/** What a repair may change: each vehicle's sequence and planned departure, each re-delivery's day. */
interface RoutesBefore {
  sequences: Map<string, StopRef[]>;
  departs: Map<string, number | null>;
  forToday: Map<string, boolean>;
}

function routesBefore(work: Work): RoutesBefore {
  return {
    sequences: new Map(work.sequences), departs: new Map(work.plannedDepartS),
    forToday: new Map([...work.redeliveries].map(([id, r]) => [id, r.forToday])),
  };
}

/**
 * What an accepted repair changed: the vehicles whose stops or planned departure it changed, with every order
 * they had or have now (a stop moved, or dropped onto no route), and the re-deliveries it kept for later. A
 * vehicle given its first sequence, or one losing it, changes the list of routes: the whole pass then. At 10,000
 * orders the whole pass was most of the task that logs an accepted repair (issue #15).
 */
function markRepair(work: Work, changed: Changed, before: RoutesBefore): void {
  if (before.sequences.size !== work.sequences.size || [...work.sequences.keys()].some((id) => !before.sequences.has(id))) {
    changed.all = true;
    return;
  }
  for (const [vehicleId, stops] of work.sequences) {
    const was = before.sequences.get(vehicleId)!;
    const same = was.length === stops.length && was.every((s, i) => s.type === stops[i].type && s.id === stops[i].id);
    if (same && before.departs.get(vehicleId) === work.plannedDepartS.get(vehicleId)) continue;
    changed.vehicles.add(vehicleId);
    for (const s of [...was, ...stops]) if (isOrderStep(s)) changed.orders.add(s.id);
  }
  for (const [id, r] of work.redeliveries) if (before.forToday.get(id) !== r.forToday) changed.orders.add(r.orderId);
}

function applyEventTo(work: Work, e: DayEvent): void {
  const issue = (message: string): void => { work.issues.push({ eventId: e.id, message }); };
  if ('vehicle' in e && !work.vehicles.has(e.vehicle)) return issue(`unknown vehicle '${e.vehicle}'`);
  if (e.type !== 'new-order' && 'order' in e && !work.orders.has(e.order)) return issue(`unknown order '${e.order}'`);
  switch (e.type) {
    case 'departed': work.vehicles.get(e.vehicle)!.departedAt = e.at; return startVehicle(work, e.vehicle);
    case 'arrived': case 'done': case 'failed': return stopEvent(work, e, issue);
    case 'service-overran': stopOf(work, e.order, e.stop).overrunMinutes += e.minutes; return;
    case 'delay': return delay(work, e.vehicle, e.at, e.minutes);
    case 'position': case 'unavailable': return positionEvent(work, e);
    case 'new-order':
      if (work.orders.has(e.order.id)) return issue(`order '${e.order.id}' already exists`);
      return addOrder(work, e.order);
    case 'order-cancelled': return setOrderStatus(work, e.order, 'cancelled');
    case 'repair-applied': return applyRepair(work, e, issue);
  }
}

/** The stop an order event means: the named side, else the first not yet done or failed, else the last. */
function stopOf(work: Work, orderId: string, side?: ShipmentSide): DayStop {
  const order = work.orders.get(orderId)!;
  if (!order.pickup) return work.stops.get(orderId)!;
  if (side) return work.stops.get(stopKey(orderId, side))!;
  const pickup = work.stops.get(stopKey(orderId, 'pickup'))!;
  return pickup.status === 'done' || pickup.status === 'failed' ? work.stops.get(stopKey(orderId, 'delivery'))! : pickup;
}

function stopEvent(work: Work, e: Extract<DayEvent, { type: 'arrived' | 'done' | 'failed' }>, issue: (m: string) => void): void {
  const stop = stopOf(work, e.order, e.stop);
  const vehicleId = vehicleOf(work, e.order);
  if (vehicleId) startVehicle(work, vehicleId);
  else issue(`order '${e.order}' is ${e.type} but is on no route`);
  // A delivery reached means its goods were collected: a pickup not reported is taken as done then.
  const pickup = stop.type === 'delivery' ? work.stops.get(stopKey(e.order, 'pickup')) : undefined;
  if (pickup && (pickup.status === 'planned' || pickup.status === 'arrived')) {
    Object.assign(pickup, { status: 'done', leftAt: e.at, failReason: null });
    issue(`the pickup of '${e.order}' was not reported before its delivery: taken as done at ${formatDayTime(e.at)}`);
  }
  if (e.type === 'arrived') Object.assign(stop, { status: 'arrived', arrivedAt: e.at, leftAt: null, failReason: null, leftByEventId: null });
  else Object.assign(stop, { status: e.type, leftAt: e.at, failReason: e.type === 'failed' ? e.reason : null, leftByEventId: e.id });
  // A shipment whose pickup failed cannot be delivered either; a later pickup event undoes that.
  const delivery = stop.type === 'pickup' ? work.stops.get(stopKey(e.order, 'delivery'))! : null;
  if (delivery && e.type === 'failed') Object.assign(delivery, { status: 'failed', leftAt: e.at, failReason: e.reason });
  else if (delivery?.status === 'failed' && delivery.arrivedAt === null) Object.assign(delivery, { status: 'planned', leftAt: null, failReason: null });
  if (e.type === 'failed') addRedelivery(work, e.order, e.at, stop.type === 'delivery' ? 'delivery' : undefined);
  else withdrawRedelivery(work, e.order);
}

function addRedelivery(work: Work, orderId: string, at: number, side?: ShipmentSide): void {
  const earlier = work.redeliveriesOf.get(orderId) ?? [];
  if (earlier.some((r) => !r.withdrawn)) return;
  const failed = work.orders.get(orderId)!;
  // The orders map is the set of ids taken (a copy of its keys per failure made a long log quadratic).
  const id = redeliveryId(failed, work.orders);
  addOrder(work, makeRedelivery(work.scenario.settings, failed, id, side));
  const redelivery: Redelivery = { orderId: id, failedOrderId: orderId, failedAt: at, forToday: true, withdrawn: false };
  work.redeliveries.set(id, redelivery);
  work.redeliveriesOf.set(orderId, [...earlier, redelivery]);
}

/** A failure corrected by a later event: its re-delivery is no longer needed. */
function withdrawRedelivery(work: Work, orderId: string): void {
  for (const r of work.redeliveriesOf.get(orderId) ?? []) {
    if (r.withdrawn) continue;
    r.withdrawn = true;
    setOrderStatus(work, r.orderId, 'cancelled');
  }
}

/** The stops of an order (a job's one, a shipment's pickup and delivery) that the day knows. */
function stopsOf(work: Work, orderId: string): DayStop[] {
  return orderStopKeys(orderId).map((key) => work.stops.get(key)).filter((x): x is DayStop => x !== undefined && x.orderId === orderId);
}

function setOrderStatus(work: Work, orderId: string, status: StopStatus): void {
  for (const stop of stopsOf(work, orderId)) stop.status = status;
}

/**
 * Vehicle whose current sequence holds the order, or null: as recorded on its stops (syncVehicles,
 * after the plan and every accepted repair), so a long log does not search every route per event.
 */
function vehicleOf(work: Work, orderId: string): string | null {
  return stopsOf(work, orderId).find((x) => x.vehicleId)?.vehicleId ?? null;
}

/** The vehicle is on the road: what its route delivers is on board from now on. */
function startVehicle(work: Work, vehicleId: string): void {
  const vehicle = work.vehicles.get(vehicleId)!;
  if (vehicle.started) return;
  vehicle.started = true;
  const jobs = (work.sequences.get(vehicleId) ?? []).filter((s) => s.type === 'job' && work.stops.get(s.id)?.status !== 'cancelled');
  vehicle.loaded = jobs.map((s) => s.id);
}

/** Where the vehicle is in its route: the first order stop not left yet (null: driving back). */
function anchorOf(work: Work, vehicleId: string, at: number): Anchored {
  for (const s of asDriven(work, vehicleId)) {
    if (!isOrderStep(s)) continue;
    const stop = work.stops.get(stopKey(s.id, s.type));
    if (!stop || stop.status === 'done' || stop.status === 'failed' || stop.status === 'cancelled') continue;
    return { at, stopKey: stop.key, atStop: stop.status === 'arrived' };
  }
  return { at, stopKey: null, atStop: false };
}

function delay(work: Work, vehicleId: string, at: number, minutes: number): void {
  const vehicle = work.vehicles.get(vehicleId)!;
  vehicle.delays.push({ ...anchorOf(work, vehicleId, at), minutes });
  vehicle.delayMinutes += minutes;
}

function positionEvent(work: Work, e: Extract<DayEvent, { type: 'position' | 'unavailable' }>): void {
  const vehicle = work.vehicles.get(e.vehicle)!;
  startVehicle(work, e.vehicle);
  vehicle.position = { ...anchorOf(work, e.vehicle, e.at), lat: e.lat, lng: e.lng };
  if (e.type === 'unavailable') vehicle.unavailable = { at: e.at, reason: e.reason, lat: e.lat, lng: e.lng };
}
