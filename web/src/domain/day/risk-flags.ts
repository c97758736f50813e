// At risk by probability (issue #14 feeding issue #11's flags): a remaining stop
// whose Monte Carlo chance of starting on time (from the day's current state,
// risk/day-model.ts) is below the day's `minOnTimeProbability` is at risk too,
// with a reason naming the chance. The deterministic margin rule (at-risk.ts)
// stays; a stop it already flags keeps its reason (one flag per stop).
import { formatClock } from '../format';
import type { PlanRisk, StopRisk } from '../risk/risk-types';
import type { Order, TimeWindow } from '../scenario';
import { atRiskOf, windowText } from './at-risk';
import type { DayPrediction, PredictedRoute, PredictedStop } from './eta';

/** Default of DaySettings.minOnTimeProbability. */
export const DEFAULT_MIN_ON_TIME_PROBABILITY = 0.8;

/** "on time with 62 % chance: likely start 10:05–10:40 for its window 10:00–10:30". */
export function onTimeChanceText(figures: StopRisk, windows: TimeWindow[]): string {
  const against = windows.length ? ` for its window ${windowText(windows)}` : '';
  return `on time with ${Math.round(figures.pOnTime * 100)} % chance: likely start ${formatClock(figures.startP10S)}–${formatClock(figures.startP90S)}${against}`;
}

const sideOf = (stop: PredictedStop) => (stop.type === 'job' ? undefined : stop.type);

/**
 * The stops each route had still to make, in order, when a day was estimated: its basis (estimatedRoutes). An
 * estimate lands a few seconds after the state it was made for; a route changed since (a repair accepted, a stop
 * moved to it or away, its order changed) is not flagged by it: its figures were of another route. A route that
 * has only made some of those stops since (its stops still to make are the last of them) still is.
 */
export type EstimateBasis = ReadonlyMap<string, string>;

const remainingOf = new WeakMap<PredictedRoute, string>();

/** A route's stops still to make, in order, as one key. */
function remaining(route: PredictedRoute): string {
  let key = remainingOf.get(route);
  if (key === undefined) remainingOf.set(route, (key = route.stops.filter((s) => s.source === 'predicted').map((s) => `\u0000${s.key}`).join('')));
  return key;
}

/** The basis of an estimate of `prediction` (see EstimateBasis). */
export function estimatedRoutes(prediction: DayPrediction): EstimateBasis {
  return new Map(prediction.routes.map((r) => [r.vehicleId, remaining(r)]));
}

/**
 * The prediction with the stops less likely than `minOnTime` to start on time flagged (a new object; `prediction`
 * is left as it is); with `basis`, only on the routes whose stops still to make are those estimated.
 */
export function feedRiskFlags(prediction: DayPrediction, orders: readonly Order[], risk: PlanRisk | null, minOnTime: number, basis?: EstimateBasis): DayPrediction {
  if (!risk) return prediction;
  const windowsOf = (stop: PredictedStop) => {
    let byId = ordersById.get(orders);
    if (!byId) ordersById.set(orders, (byId = new Map(orders.map((o) => [o.id, o]))));
    const o = byId.get(stop.orderId);
    return (stop.type === 'pickup' ? o?.pickup?.timeWindows : o?.timeWindows) ?? [];
  };
  let index = riskIndex.get(risk);
  if (!index) riskIndex.set(risk, (index = new Map(risk.stops.map((s) => [`${s.vehicleId}\u0000${s.orderId}\u0000${s.side ?? ''}`, s]))));
  let changed = false;
  const routes = prediction.routes.map((route) => {
    const kept = flaggedOf.get(route);
    if (kept && kept.risk === risk && kept.minOnTime === minOnTime && kept.basis === basis) {
      changed ||= kept.route !== route;
      return kept.route;
    }
    const out = basis && !(basis.get(route.vehicleId) ?? '').endsWith(remaining(route)) ? route : flagRoute(route);
    flaggedOf.set(route, { risk, minOnTime, basis, route: out });
    changed ||= out !== route;
    return out;
  });
  return changed ? { ...prediction, routes, atRisk: atRiskOf(routes) } : prediction;

  function flagRoute(route: DayPrediction['routes'][number]): DayPrediction['routes'][number] {
    let flagged = false;
    const stops = route.stops.map((stop) => {
      if (stop.risk || stop.source !== 'predicted') return stop;
      const figures = index!.get(`${route.vehicleId}\u0000${stop.orderId}\u0000${sideOf(stop) ?? ''}`);
      if (!figures || figures.pOnTime >= minOnTime) return stop;
      flagged = true;
      return { ...stop, risk: onTimeChanceText(figures, windowsOf(stop)) };
    });
    return flagged ? { ...route, stops } : route;
  }
}

// An estimate's stops, and a day state's orders, by key: made once, not at each clock step. A route with no
// stop flagged is the prediction's own (a list keyed by route then redraws only the routes that changed).
const riskIndex = new WeakMap<PlanRisk, Map<string, StopRisk>>();
const ordersById = new WeakMap<readonly Order[], Map<string, Order>>();
// A predicted route flagged by an estimate: the same route object again (a clock step that left it as predicted,
// or a later day state that took it again, eta.ts) is flagged as before, its orders' windows being the same.
const flaggedOf = new WeakMap<PredictedRoute, { risk: PlanRisk; minOnTime: number; basis: EstimateBasis | undefined; route: PredictedRoute }>();
