// Calibration of the variability model (issue #14) from a day's actuals: the
// reported departures, arrivals and completions against the dispatched plan's
// legs and the orders' planned services.
//
// Estimator: the model draws a time as planned × a lognormal factor, so the
// log of actual/planned is normal with variance σ² = ln(1 + CV²). From the n
// log-ratios, s² (sample variance, n − 1) gives CV = √(exp(s²) − 1), and the
// mean ratio is exp(mean + s²/2). The standard error of s² is about
// σ²·√(2/(n − 1)), so small samples say little: below MIN_LEGS legs or
// MIN_SERVICES services of a type there is "not enough data".
//
// A leg counts when the vehicle drove it as dispatched: it left the previous
// stop (or the depot) and arrived at the next with nothing in between — no
// planned break, no other stop of the vehicle, no reported delay (a reported
// delay is an explained event, not spread). A service counts when the stop was
// done: from its start (arrival, or the window's opening) to the departure.
// Failed attempts are never services; they give the not-home rate per type
// (not-home failures / attempts at jobs and deliveries: pickups never fail so).
import type { DayState, DayStop } from '../day/day-state';
import { stopKey } from '../day/day-state';
import { SERVICE_TYPES, type Scenario, type ServiceType, type Settings, type VariabilitySettings } from '../scenario';
import type { OrderStepType, Solution, Step } from '../solution';
import { makeEvalContext, windowStart } from '../route-eval';
import { resolveVariability } from '../variability';

/** Fewest legs for a travel CV estimate. */
export const MIN_LEGS = 5;
/** Fewest done services of a type for its estimates. */
export const MIN_SERVICES = 3;
/** Fewest attempts of a type for a not-home rate. */
export const MIN_ATTEMPTS = 10;

/** A spread estimated from `count` samples of actual/planned; null figures: fewer than the minimum. */
export interface RatioEstimate {
  count: number;
  cv: number | null;
  /** Mean of actual / planned (1: as planned). */
  meanRatio: number | null;
}

/** Estimates of one service type. */
export interface ServiceEstimate extends RatioEstimate {
  type: ServiceType;
  /** Mean actual and planned service, minutes (null below the minimum). */
  meanMinutes: number | null;
  plannedMinutes: number | null;
  /** Attempts at jobs and deliveries of the type (done or failed), those failed as not home, and their rate (null below MIN_ATTEMPTS). */
  attempts: number;
  notHomeCount: number;
  notHome: number | null;
}

/** What a day says about the variability model. */
export interface Calibration {
  travel: RatioEstimate;
  /** Service types with any done stop or attempt, in SERVICE_TYPES order. */
  services: ServiceEstimate[];
}

/** CV and mean ratio of actual/planned pairs by the log-ratio estimator (null figures below `min` samples). */
export function estimateRatios(pairs: readonly { actual: number; planned: number }[], min: number): RatioEstimate {
  const logs = pairs.filter((p) => p.actual > 0 && p.planned > 0).map((p) => Math.log(p.actual / p.planned));
  const n = logs.length;
  if (n < min || n < 2) return { count: n, cv: null, meanRatio: null };
  const mean = logs.reduce((a, x) => a + x, 0) / n;
  const s2 = logs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  return { count: n, cv: Math.sqrt(Math.exp(s2) - 1), meanRatio: Math.exp(mean + s2 / 2) };
}

const toS = (minutes: number | null) => (minutes === null ? null : Math.round(minutes * 60));
const isOrderStep = (s: Step) => s.type === 'job' || s.type === 'pickup' || s.type === 'delivery';

/** The legs driven as dispatched: actual and planned seconds. */
function legPairs(plan: Pick<Solution, 'routes'>, state: DayState): { actual: number; planned: number }[] {
  const out: { actual: number; planned: number }[] = [];
  // Each vehicle's stops, in one pass (a pass over every stop per route was quadratic at 10,000 stops).
  const stopsOf = new Map<string, DayStop[]>();
  for (const s of Object.values(state.stops)) {
    if (s.vehicleId === null) continue;
    const list = stopsOf.get(s.vehicleId);
    if (list) list.push(s);
    else stopsOf.set(s.vehicleId, [s]);
  }
  for (const route of plan.routes) {
    const vehicle = state.vehicles[route.vehicleId];
    if (!vehicle) continue;
    const own = stopsOf.get(route.vehicleId) ?? [];
    const busyBetween = (fromS: number, toS2: number) => own.some((s) => [toS(s.arrivedAt), toS(s.leftAt)].some((t) => t !== null && t > fromS && t < toS2))
      || vehicle.delays.some((d) => Math.round(d.at * 60) >= fromS && Math.round(d.at * 60) <= toS2);
    let prev: Step | null = null;
    for (const step of route.steps) {
      if (step.type === 'end') break;
      if (step.type === 'break') { prev = null; continue; }
      if (step.type !== 'start' && prev) {
        const leftS = prev.type === 'start' ? toS(vehicle.departedAt) : toS(state.stops[stopKey(prev.id, prev.type as OrderStepType)]?.leftAt ?? null);
        const stop = state.stops[stopKey(step.id, step.type as OrderStepType)];
        const arrivedS = toS(stop?.arrivedAt ?? null);
        const planned = step.arrivalS - prev.departureS;
        if (leftS !== null && arrivedS !== null && stop.vehicleId === route.vehicleId && arrivedS > leftS && planned > 0 && !busyBetween(leftS, arrivedS)) {
          out.push({ actual: arrivedS - leftS, planned });
        }
      }
      prev = step.type === 'start' || isOrderStep(step) ? step : null;
    }
  }
  return out;
}

/** Estimates the day's travel and service spreads and not-home rates. */
export function calibrate(scenario: Scenario, plan: Pick<Solution, 'routes'>, state: DayState): Calibration {
  const ctx = makeEvalContext({ ...scenario, orders: state.orders });
  const services = new Map<ServiceType, { pairs: { actual: number; planned: number }[]; attempts: number; notHome: number }>();
  for (const stop of Object.values(state.stops)) {
    // Stops left only: resolving every order of a large day per event was most of this.
    if (stop.status !== 'done' && stop.status !== 'failed') continue;
    const order = ctx.orders.get(stop.orderId);
    const needs = ctx.needs.get(stop.orderId);
    if (!order || !needs) continue;
    const entry = services.get(order.serviceType) ?? { pairs: [], attempts: 0, notHome: 0 };
    services.set(order.serviceType, entry);
    if (stop.type !== 'pickup') {
      entry.attempts += 1;
      if (stop.status === 'failed' && stop.failReason === 'not-home') entry.notHome += 1;
    }
    const arrivedS = toS(stop.arrivedAt);
    const leftS = toS(stop.leftAt);
    if (stop.status !== 'done' || arrivedS === null || leftS === null) continue;
    const atPickup = stop.type === 'pickup';
    const startS = windowStart(atPickup ? needs.shipment!.timeWindows : needs.timeWindows, arrivedS) ?? arrivedS;
    entry.pairs.push({ actual: leftS - startS, planned: atPickup ? needs.shipment!.serviceS : needs.serviceS });
  }
  return {
    travel: estimateRatios(legPairs(plan, state), MIN_LEGS),
    services: SERVICE_TYPES.flatMap((type) => {
      const entry = services.get(type);
      if (!entry) return [];
      const est = estimateRatios(entry.pairs, MIN_SERVICES);
      const valid = entry.pairs.filter((p) => p.actual > 0 && p.planned > 0);
      const mean = (f: (p: { actual: number; planned: number }) => number) => (est.cv === null ? null : valid.reduce((a, p) => a + f(p), 0) / valid.length / 60);
      return [{
        type, ...est, meanMinutes: mean((p) => p.actual), plannedMinutes: mean((p) => p.planned),
        attempts: entry.attempts, notHomeCount: entry.notHome, notHome: entry.attempts >= MIN_ATTEMPTS ? entry.notHome / entry.attempts : null,
      }];
    }),
  };
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
const clampCv = (cv: number) => Math.min(3, round(cv, 2));

/**
 * The scenario's `settings.variability` with the estimates written in (CVs to
 * two places, not-home rates to three), or null when every estimate is already
 * the setting in force (or there is none).
 * Mean service times are not settings of the model (its mean is the planned
 * service): they are reported, never applied.
 */
export function calibratedVariability(calibration: Calibration, settings: Settings): VariabilitySettings | null {
  const now = resolveVariability(settings);
  const next: VariabilitySettings = structuredClone(settings.variability ?? {});
  let changed = false;
  const set = <K extends 'serviceCv' | 'notHome'>(key: K, type: ServiceType, value: number) => {
    if (now[key][type] === value) return;
    next[key] = { ...next[key], [type]: value };
    changed = true;
  };
  if (calibration.travel.cv !== null && now.travelCv !== clampCv(calibration.travel.cv)) {
    next.travelCv = clampCv(calibration.travel.cv);
    changed = true;
  }
  for (const s of calibration.services) {
    if (s.cv !== null) set('serviceCv', s.type, clampCv(s.cv));
    if (s.notHome !== null) set('notHome', s.type, round(s.notHome, 3));
  }
  return changed ? next : null;
}
