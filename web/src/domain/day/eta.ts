// Live ETAs (issue #11): the rest of each route predicted in its current order
// from what happened, by the checker's own walk (route-eval.ts with a DayWalk):
// reported times taken as given, delays and last positions applied, nothing
// that has not happened before the clock. Rules are reported, not enforced.
import type { Order, Scenario, Vehicle } from '../scenario';
import { makeLegFn } from '../travel';
import type { OrderStepType, Step } from '../solution';
import { evaluateRoute, makeEvalContext, type DayWalk, type EvalContext, type Hold, type StopReport, type StopRef } from '../route-eval';
import type { Violation } from '../violations';
import { dayOrders, reachedAt, stopKey, type DayRoute, type DayState, type DayStop, type DayVehicle, type StopStatus } from './day-state';
import { atRiskOf, lateS, routeRisk, stopRisk, type RiskItem } from './at-risk';

/** Settings of the day's predictions. */
export interface DaySettings {
  /** A stop whose arrival this much later would break its window (or allowance) is at risk; so is a route this close to its shift end. */
  riskMarginMinutes: number;
  /**
   * A remaining stop whose chance of starting on time (the Monte Carlo from the
   * day's current state, issue #14) is below this is at risk too (risk-flags.ts);
   * default DEFAULT_MIN_ON_TIME_PROBABILITY (0.8).
   */
  minOnTimeProbability?: number;
}

/** Defaults of DaySettings. */
export const DEFAULT_DAY_SETTINGS: Readonly<DaySettings> = { riskMarginMinutes: 15 };

/**
 * Where a stop's times come from. `stranded`: its vehicle is unavailable, it
 * has no times. `actual` without times: a shipment's delivery whose pickup failed.
 */
export type TimeSource = 'actual' | 'in-progress' | 'predicted' | 'stranded';

/** One order stop of a route with its actual or predicted times (seconds of the day). */
export interface PredictedStop {
  key: string;
  orderId: string;
  type: OrderStepType;
  status: StopStatus;
  source: TimeSource;
  arrivalS: number | null;
  startS: number | null;
  endS: number | null;
  /** Service start past the end of its window, seconds (0 when inside one). */
  lateS: number;
  /** Why the stop is at risk, or null. */
  risk: string | null;
}

/** One vehicle's route as predicted now. */
export interface PredictedRoute {
  vehicleId: string;
  unavailable: boolean;
  stops: PredictedStop[];
  breaks: { id: string; startS: number; endS: number }[];
  /** The walk's steps, start … end (stranded stops left out). */
  steps: Step[];
  departS: number;
  /** Predicted return to the end depot. */
  endS: number;
  shiftEndS: number;
  overtimeS: number;
  distanceM: number;
  durationS: number;
  cost: number;
  /** Why the route is at risk (shift overrun, vehicle unavailable), or null. */
  risk: string | null;
  /** Rules the prediction breaks (the checker's violations of the walked route). */
  violations: Violation[];
}

/** Every route predicted at `nowS`, and the flat list of what is at risk. */
export interface DayPrediction {
  nowS: number;
  routes: PredictedRoute[];
  atRisk: RiskItem[];
}

/** Predicts the rest of each route at `nowMinutes` (minutes of the day). */
export function predictDay(scenario: Scenario, state: DayState, nowMinutes: number, settings: DaySettings = DEFAULT_DAY_SETTINGS, ctx: EvalContext = dayEvalContext(scenario, state), cache?: PredictionCache, across?: RouteKeeper): DayPrediction {
  const job = predictDayInSteps(scenario, state, nowMinutes, settings, ctx, cache, across);
  job.step();
  return job.result();
}

/** A prediction of the day made a few routes at a time (the page's, on a day of hundreds of routes). */
export interface DayPredictionSteps {
  /** Predicts the next routes until `deadline` (a `performance.now()` time; default: all of them); true once every route is. */
  step(deadline?: number): boolean;
  /** The prediction, once `step` returned true. */
  result(): DayPrediction;
}

/**
 * predictDay in steps: the same prediction (each route walked, or taken from `cache` / `across` as predictDay
 * does), made up to a deadline at a time, so a caller can spread a day of many routes over several tasks.
 */
export function predictDayInSteps(scenario: Scenario, state: DayState, nowMinutes: number, settings: DaySettings = DEFAULT_DAY_SETTINGS, ctx: EvalContext = dayEvalContext(scenario, state), cache?: PredictionCache, across?: RouteKeeper): DayPredictionSteps {
  const nowS = Math.round(nowMinutes * 60);
  const marginS = settings.riskMarginMinutes * 60;
  const vehicles = new Map(scenario.vehicles.map((v) => [v.id, v]));
  const holds = (kept: KeptRoute | undefined): kept is KeptRoute =>
    kept !== undefined && kept.marginS === marginS && (kept.nowS === nowS || (kept.earliestS >= kept.nowS && nowS <= kept.earliestS));
  const predictOne = (route: DayRoute): PredictedRoute => {
    const kept = cache?.get(route);
    if (holds(kept)) return kept.route;
    const vehicle = vehicles.get(route.vehicleId)!;
    const before = across?.get(route.vehicleId);
    if (before && holds(before.kept) && sameInputs(before, state, route, vehicle)) {
      cache?.set(route, before.kept);
      return before.kept.route;
    }
    const clockUse = { earliestS: Infinity };
    const predicted = predictRoute(ctx, vehicle, state, route, nowS, marginS, clockUse);
    const entry = { route: predicted, nowS, marginS, earliestS: clockUse.earliestS };
    cache?.set(route, entry);
    if (across) across.set(route.vehicleId, { ...inputsOf(state, route, vehicle), kept: entry });
    return predicted;
  };
  const routes: PredictedRoute[] = [];
  let prediction: DayPrediction | null = null;
  return {
    step(deadline = Infinity) {
      while (routes.length < state.routes.length) {
        routes.push(predictOne(state.routes[routes.length]));
        if (routes.length < state.routes.length && performance.now() >= deadline) return false;
      }
      return true;
    },
    result() {
      if (routes.length < state.routes.length) throw new Error('the day is not predicted yet: step until it is');
      return (prediction ??= { nowS, routes, atRisk: atRiskOf(routes) });
    },
  };
}

/** A route as predicted at `nowS`, and the earliest time its walk held against the clock (Infinity: none). */
interface KeptRoute { route: PredictedRoute; nowS: number; marginS: number; earliestS: number }

/**
 * Routes of one day state already predicted, for a caller that predicts it again at a later clock (the page,
 * a minute at a time): a route walked with the clock holding nothing back stays as predicted until the clock
 * reaches the earliest time the walk compared with it; any other is walked again.
 */
export type PredictionCache = WeakMap<DayRoute, KeptRoute>;

/**
 * Each vehicle's last predicted route, kept across day states (the page's day after each event: one event
 * changes a route or two of hundreds). A route is its prediction again, under PredictionCache's clock rule,
 * while everything its walk reads is as it was: its stops in order with all that is recorded of each (and of a
 * delivery's pickup), its vehicle's day and planned departure, and the very objects of its vehicle and of the
 * orders it serves or loaded. Valid for one scenario's depots, settings and travel: a caller whose scenario
 * data changes starts a new one (day-derive.ts does).
 */
export type RouteKeeper = Map<string, RouteInputs & { kept: KeptRoute }>;

/** What a route's walk read: the day's records it read (compared field by field), and objects compared by identity. */
interface RouteInputs {
  plannedDepartS: number | null;
  refs: readonly StopRef[];
  /** Per stop of `refs`: its record (undefined for a break or a stop the day does not know). */
  stops: (DayStop | undefined)[];
  /** Per stop of `refs`: a delivery's pickup record. */
  pickups: (DayStop | undefined)[];
  day: DayVehicle;
  objects: unknown[];
}

function inputsOf(state: DayState, route: DayRoute, vehicle: Vehicle): RouteInputs {
  const orders = dayOrders(state);
  const day = state.vehicles[route.vehicleId];
  const stops: (DayStop | undefined)[] = [];
  const pickups: (DayStop | undefined)[] = [];
  const objects: unknown[] = [vehicle];
  for (const s of route.stops) {
    const order = s.type !== 'break';
    stops.push(order ? state.stops[stopKey(s.id, s.type as OrderStepType)] : undefined);
    pickups.push(s.type === 'delivery' ? state.stops[stopKey(s.id, 'pickup')] : undefined);
    if (order) objects.push(orders.get(s.id));
  }
  for (const id of day?.loaded ?? []) objects.push(orders.get(id));
  return { plannedDepartS: route.plannedDepartS, refs: route.stops.map((s) => ({ type: s.type, id: s.id })), stops, pickups, day, objects };
}

/** True when the route's inputs in `state` are those recorded (inputsOf), without building them again. */
function sameInputs(was: RouteInputs, state: DayState, route: DayRoute, vehicle: Vehicle): boolean {
  if (was.plannedDepartS !== route.plannedDepartS || was.refs.length !== route.stops.length) return false;
  const day = state.vehicles[route.vehicleId];
  if (!samePlain(was.day, day)) return false;
  const orders = dayOrders(state);
  let k = 0;
  if (was.objects[k++] !== vehicle) return false;
  for (let i = 0; i < route.stops.length; i++) {
    const s = route.stops[i];
    if (s.type !== was.refs[i].type || s.id !== was.refs[i].id) return false;
    if (s.type === 'break') continue;
    if (!samePlain(was.stops[i], state.stops[stopKey(s.id, s.type as OrderStepType)])) return false;
    if (s.type === 'delivery' && !samePlain(was.pickups[i], state.stops[stopKey(s.id, 'pickup')])) return false;
    if (was.objects[k++] !== orders.get(s.id)) return false;
  }
  for (const id of day?.loaded ?? []) if (was.objects[k++] !== orders.get(id)) return false;
  return k === was.objects.length;
}

/** Deep equality of plain data (records of the day: objects, arrays and primitives). */
function samePlain(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    if (a.length !== y.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePlain(a[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>, y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) if (!(key in y) || !samePlain(x[key], y[key])) return false;
  return true;
}

/**
 * The walk's context of a day's state: its orders (new orders of the day included), each resolved once.
 * A caller predicting the same state at several clock times passes one, so nothing is resolved twice.
 */
export function dayEvalContext(scenario: Scenario, state: DayState): EvalContext {
  return makeEvalContext({ ...scenario, orders: state.orders });
}

const toS = (minutes: number | null | undefined) => (minutes === null || minutes === undefined ? undefined : Math.round(minutes * 60));
const LEFT: ReadonlySet<StopStatus> = new Set(['done', 'failed']);

function predictRoute(ctx: EvalContext, vehicle: Vehicle, state: DayState, route: DayRoute, nowS: number, marginS: number, clockUse?: { earliestS: number }): PredictedRoute {
  const day = state.vehicles[route.vehicleId];
  const stopOf = (s: StopRef) => state.stops[stopKey(s.id, s.type as OrderStepType)];
  // A shipment whose pickup failed is never driven to its delivery.
  const undriven = (s: StopRef) => s.type === 'delivery' && state.stops[stopKey(s.id, 'pickup')]?.status === 'failed';
  const walked = (day.unavailable ? reachedPrefix(route.stops, stopOf) : route.stops).filter((s) => !undriven(s));
  const walk: DayWalk = { reports: reportsFor(walked, day, stopOf), notBeforeS: nowS, startLoad: day.loaded ? loadOf(ctx, day.loaded) : undefined, clockUse };
  const ev = evaluateRoute(ctx, vehicle, walked, departureS(ctx, vehicle, day, route, walked, stopOf), walk);
  const inner = ev.steps.slice(1, -1);
  // The walk's step of each order stop it walked (a stranded or undriven stop has none).
  const stepOf = new Map<string, Step>();
  for (const x of inner) if (x.type !== 'break') stepOf.set(stopKey(x.id, x.type as OrderStepType), x);
  const stops: PredictedStop[] = [];
  route.stops.forEach((s) => {
    const stop = s.type === 'break' ? undefined : stopOf(s);
    if (!stop || !ctx.orders.has(s.id)) return;
    const step = stepOf.get(stop.key);
    stops.push(predictedStop(ctx.orders.get(s.id)!, stop, step, marginS, undriven(s)));
  });
  const end = ev.steps[ev.steps.length - 1];
  const out: PredictedRoute = {
    vehicleId: vehicle.id, unavailable: Boolean(day.unavailable), stops,
    breaks: inner.filter((x) => x.type === 'break').map((x) => ({ id: x.id, startS: x.arrivalS + x.waitS, endS: x.departureS })),
    steps: ev.steps, departS: ev.steps[0].departureS, endS: end.arrivalS, shiftEndS: vehicle.shift.end * 60, overtimeS: ev.overtimeS,
    distanceM: ev.distanceM, durationS: ev.durationS, cost: ev.cost, risk: null, violations: ev.violations,
  };
  out.risk = routeRisk(vehicle, day, out, marginS);
  for (const stop of out.stops) if (stop.source === 'stranded') stop.risk = out.risk;
  return out;
}

/**
 * When the vehicle left its depot: as reported, else as planned; but when that is after the time its
 * first stop was reached, it left one drive before then (a driver who reports a stop before the
 * planned departure left earlier without saying so; a departure reported after it was not the first):
 * the walk never drives back in time.
 */
function departureS(ctx: EvalContext, vehicle: Vehicle, day: DayVehicle, route: DayRoute, walked: StopRef[], stopOf: (s: StopRef) => DayStop | undefined): number | undefined {
  const planned = day.departedAt !== null ? toS(day.departedAt) : route.plannedDepartS ?? undefined;
  const first = walked[0];
  const order = first && first.type !== 'break' ? ctx.orders.get(first.id) : undefined;
  const stop = order ? stopOf(first) : undefined;
  const reportedS = toS(stop?.arrivedAt) ?? toS(stop?.leftAt);
  if (planned === undefined || !order || reportedS === undefined || planned <= reportedS) return planned;
  const depot = ctx.depots.get(vehicle.startDepotId);
  if (!depot) return reportedS;
  const leg = makeLegFn(ctx.scenario, vehicle)(depot, first.type === 'pickup' && order.pickup ? order.pickup : order);
  return Math.max(0, reportedS - leg.durationS);
}

/** An unavailable vehicle keeps only the stops it reached (left or arrived at); the rest are stranded. */
function reachedPrefix(stops: StopRef[], stopOf: (s: StopRef) => DayStop | undefined): StopRef[] {
  let last = -1;
  stops.forEach((s, i) => {
    const status = s.type === 'break' ? undefined : stopOf(s)?.status;
    if (status && (LEFT.has(status) || status === 'arrived')) last = i;
  });
  return stops.slice(0, last + 1);
}

/** The walk's reports: actual times per stop, delays and the last position tied to the stop they happened on the way to (or at). */
function reportsFor(stops: StopRef[], day: DayVehicle, stopOf: (s: StopRef) => DayStop | undefined): (StopReport | undefined)[] {
  const keyAt = (i: number) => (i === stops.length ? null : stops[i].type === 'break' ? undefined : stopOf(stops[i])?.key);
  const holds = (key: string | null, atStop: boolean): Hold[] =>
    day.delays.filter((d) => d.stopKey === key && d.atStop === atStop).map((d) => ({ fromS: toS(d.at)!, s: d.minutes * 60 }));
  // When the stop after `i` was reached (undefined: not reached); the reached stops lead the route.
  const nextReachedS = (i: number): number | undefined => {
    const next = stops.slice(i + 1).find((s) => s.type !== 'break');
    return toS(next ? reachedAt(stopOf(next)) : null);
  };
  return Array.from({ length: stops.length + 1 }, (_, i) => {
    const key = keyAt(i);
    if (key === undefined) return undefined;
    const stop = i < stops.length ? stopOf(stops[i]) : undefined;
    const seen = day.position && !day.position.atStop && day.position.stopKey === key && stop?.arrivedAt == null ? day.position : null;
    // Reported arrived and never left, with the next stop reached since: it was left by then.
    const arrivedS = toS(stop?.arrivedAt);
    const nextS = stop?.status === 'arrived' && arrivedS !== undefined ? nextReachedS(i) : undefined;
    return {
      arrivalS: arrivedS, endS: toS(stop?.leftAt) ?? (nextS === undefined ? undefined : Math.max(arrivedS!, nextS)), failed: stop?.status === 'failed',
      extraServiceS: (stop?.overrunMinutes ?? 0) * 60, legHolds: holds(key, false), serviceHolds: holds(key, true),
      seenAt: seen ? { place: { lat: seen.lat, lng: seen.lng }, atS: toS(seen.at)! } : undefined,
    };
  });
}

/** What the vehicle loaded at the depot: the deliveries of these orders. */
function loadOf(ctx: EvalContext, orderIds: string[]): number[] {
  const load = ctx.scenario.settings.capacityUnits.map(() => 0);
  for (const id of orderIds) {
    const order = ctx.orders.get(id);
    if (order && !order.pickup) ctx.needs.get(id)!.delivery.forEach((a, k) => { load[k] += a; });
  }
  return load;
}

function predictedStop(order: Order, stop: DayStop, step: Step | undefined, marginS: number, undriven: boolean): PredictedStop {
  const { key, orderId, type, status } = stop;
  if (!step) return { key, orderId, type, status, source: undriven ? 'actual' : 'stranded', arrivalS: null, startS: null, endS: null, lateS: 0, risk: null };
  const source: TimeSource = LEFT.has(status) ? 'actual' : status === 'arrived' ? 'in-progress' : 'predicted';
  const windows = type === 'pickup' ? order.pickup!.timeWindows : order.timeWindows;
  const startS = step.arrivalS + step.waitS;
  const risk = source === 'predicted' ? stopRisk(windows, order.lateness, step.arrivalS, startS, marginS) : null;
  return { key, orderId, type, status, source, arrivalS: step.arrivalS, startS, endS: step.departureS, lateS: lateS(windows, startS), risk };
}

export type { RiskItem };
