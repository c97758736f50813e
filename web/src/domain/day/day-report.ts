// The Day report (issue #11): plan vs actual per route and in total — on-time
// share (planned, predicted, actual), first-attempt success, stops done /
// failed / left, km, hours, and service minutes per service type (planned vs
// measured, the dwell times operators learn from). Its CSV is io/day-report-csv.ts.
import type { Order, Scenario, ServiceType } from '../scenario';
import { isOrderStep, type Route, type Solution } from '../solution';
import { lateS } from './at-risk';
import { dayOrders, stopKey, type DayState, type DayStop } from './day-state';
import type { DayPrediction, PredictedRoute, PredictedStop } from './eta';

/** `onTime` of `of` stops; `share` = onTime / of, null when there is none. */
export interface Share {
  onTime: number;
  of: number;
  share: number | null;
}

/** Service minutes of one service type. */
export interface ServiceMinutes {
  plannedStops: number;
  plannedMinutes: number;
  /** Stops left (done or failed) whose arrival was reported: their dwell time is measured. */
  measuredStops: number;
  actualMinutes: number;
  /** What the plan gave those measured stops, to compare like with like. */
  plannedMinutesOfMeasured: number;
}

/** Plan vs actual of one route (or of the whole day: `vehicleId` null). */
export interface DayFigures {
  vehicleId: string | null;
  onTime: { planned: Share; predicted: Share; actual: Share };
  /** Done / (done + failed) over first attempts (re-deliveries are second attempts). */
  firstAttempt: Share;
  stops: { planned: number; done: number; failed: number; left: number };
  km: { planned: number; predicted: number };
  /** Actual: from departure to the last stop left (null before any). */
  hours: { planned: number; predicted: number; actual: number | null };
  serviceMinutes: Partial<Record<ServiceType, ServiceMinutes>>;
}

/** Per route, then the day's total. */
export interface DayReport {
  routes: DayFigures[];
  total: DayFigures;
}

const share = (onTime: number, of: number): Share => ({ onTime, of, share: of > 0 ? onTime / of : null });

/** Plan vs actual of the day so far (the prediction fills in what has not happened yet). */
export function dayReport(scenario: Scenario, dispatchedPlan: Pick<Solution, 'routes'>, state: DayState, prediction: DayPrediction): DayReport {
  const orders = dayOrders(state);
  const planned = byVehicle(dispatchedPlan.routes), predicted = byVehicle(prediction.routes);
  const vehicles = scenario.vehicles.map((v) => v.id).filter((id) => planned.has(id) || predicted.has(id));
  const routes = vehicles.map((id) => {
    const route = predicted.get(id), plan = planned.get(id);
    const kept = route && figuresOf.get(route);
    if (kept && kept.planned === plan) return kept.figures;
    const figures = routeFigures(id, orders, plan, route, state);
    if (route) figuresOf.set(route, { planned: plan, figures });
    return figures;
  });
  return { routes, total: totalOf(routes) };
}

// A route's figures follow from its prediction, its planned route, and what the day's state and orders hold
// for its stops: a route the clock's step left as predicted (eta.ts, PredictionCache) keeps its figures, and so
// does one taken again for a later state (eta.ts, RouteKeeper: only while its stops' reports and its orders
// are the same; its planned stops' orders are the scenario's, the same while the keeper holds).
const figuresOf = new WeakMap<PredictedRoute, { planned: Route | undefined; figures: DayFigures }>();

/** Each vehicle's (first) route. */
function byVehicle<R extends { vehicleId: string }>(routes: R[]): Map<string, R> {
  const out = new Map<string, R>();
  for (const r of routes) if (!out.has(r.vehicleId)) out.set(r.vehicleId, r);
  return out;
}

function routeFigures(vehicleId: string, orders: ReadonlyMap<string, Order>, planned: Route | undefined, predicted: PredictedRoute | undefined, state: DayState): DayFigures {
  const plannedStops = (planned?.steps ?? []).filter(isOrderStep);
  const windowsOf = (orderId: string, type: string) => (type === 'pickup' ? orders.get(orderId)?.pickup?.timeWindows : orders.get(orderId)?.timeWindows) ?? [];
  const onTimeAt = (orderId: string, type: string, startS: number) => lateS(windowsOf(orderId, type), startS) === 0;
  const stops = predicted?.stops ?? [];
  const dayStop = (s: PredictedStop): DayStop => state.stops[s.key];
  const served = stops.filter((s) => s.status !== 'failed');
  const done = stops.filter((s) => s.status === 'done');
  const firsts = stops.filter((s) => (s.status === 'done' || s.status === 'failed') && !orders.get(s.orderId)?.failedOrderId);
  return {
    vehicleId,
    onTime: {
      planned: share(plannedStops.filter((s) => onTimeAt(s.id, s.type, s.arrivalS + s.waitS)).length, plannedStops.length),
      predicted: share(served.filter((s) => s.startS !== null && onTimeAt(s.orderId, s.type, s.startS)).length, served.length),
      actual: share(done.filter((s) => s.startS !== null && onTimeAt(s.orderId, s.type, s.startS)).length, done.length),
    },
    firstAttempt: share(firsts.filter((s) => s.status === 'done').length, firsts.length),
    stops: { planned: plannedStops.length, done: done.length, failed: stops.length - served.length, left: served.length - done.length },
    km: { planned: (planned?.distanceM ?? 0) / 1000, predicted: (predicted?.distanceM ?? 0) / 1000 },
    hours: { planned: (planned?.durationS ?? 0) / 3600, predicted: (predicted?.durationS ?? 0) / 3600, actual: actualHours(predicted, stops.map(dayStop)) },
    serviceMinutes: serviceMinutes(orders, plannedStops, stops, dayStop),
  };
}

function actualHours(route: PredictedRoute | undefined, stops: DayStop[]): number | null {
  const left = stops.map((s) => s.leftAt).filter((t): t is number => t !== null);
  if (!route || left.length === 0) return null;
  return Math.max(0, Math.max(...left) * 60 - route.departS) / 3600;
}

function serviceMinutes(orders: ReadonlyMap<string, Order>, planned: Route['steps'], stops: PredictedStop[], dayStop: (s: PredictedStop) => DayStop): DayFigures['serviceMinutes'] {
  const out: DayFigures['serviceMinutes'] = {};
  const entry = (orderId: string) => {
    const type = orders.get(orderId)?.serviceType;
    if (!type) return null;
    return (out[type] ??= { plannedStops: 0, plannedMinutes: 0, measuredStops: 0, actualMinutes: 0, plannedMinutesOfMeasured: 0 });
  };
  const plannedMinutes = new Map(planned.map((s) => [stopKey(s.id, s.type as 'job'), s.serviceS / 60]));
  for (const s of planned) {
    const e = entry(s.id);
    if (!e) continue;
    e.plannedStops += 1;
    e.plannedMinutes += s.serviceS / 60;
  }
  for (const s of stops) {
    const d = dayStop(s);
    const e = entry(s.orderId);
    if (!e || d.arrivedAt === null || d.leftAt === null || s.startS === null) continue;
    e.measuredStops += 1;
    e.actualMinutes += Math.max(0, d.leftAt * 60 - s.startS) / 60;
    e.plannedMinutesOfMeasured += plannedMinutes.get(s.key) ?? 0;
  }
  return out;
}

function totalOf(routes: DayFigures[]): DayFigures {
  const sum = (f: (r: DayFigures) => number) => routes.reduce((acc, r) => acc + f(r), 0);
  const shareSum = (f: (r: DayFigures) => Share) => share(sum((r) => f(r).onTime), sum((r) => f(r).of));
  const actual = routes.map((r) => r.hours.actual).filter((h): h is number => h !== null);
  const minutes: DayFigures['serviceMinutes'] = {};
  for (const r of routes) {
    for (const [type, m] of Object.entries(r.serviceMinutes) as [ServiceType, ServiceMinutes][]) {
      const t = (minutes[type] ??= { plannedStops: 0, plannedMinutes: 0, measuredStops: 0, actualMinutes: 0, plannedMinutesOfMeasured: 0 });
      for (const k of Object.keys(t) as (keyof ServiceMinutes)[]) t[k] += m[k];
    }
  }
  return {
    vehicleId: null,
    onTime: { planned: shareSum((r) => r.onTime.planned), predicted: shareSum((r) => r.onTime.predicted), actual: shareSum((r) => r.onTime.actual) },
    firstAttempt: shareSum((r) => r.firstAttempt),
    stops: { planned: sum((r) => r.stops.planned), done: sum((r) => r.stops.done), failed: sum((r) => r.stops.failed), left: sum((r) => r.stops.left) },
    km: { planned: sum((r) => r.km.planned), predicted: sum((r) => r.km.predicted) },
    hours: { planned: sum((r) => r.hours.planned), predicted: sum((r) => r.hours.predicted), actual: actual.length ? actual.reduce((a, b) => a + b, 0) : null },
    serviceMinutes: minutes,
  };
}
