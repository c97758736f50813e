// The weakest promises of a plan (issue #14's Risk panel): the order stops
// with the lowest P(on time), each with why — a long leg, a tight window, or a
// chain of short slacks — read from the risk model (planned times and CVs).
import { formatClock, formatMinutes } from '../format';
import type { RiskModel, RiskRoute } from './model';
import type { PlanRisk, RouteRisk } from './risk-types';

/** Why a promise is weak. */
export type RiskReason = 'long-leg' | 'tight-window' | 'short-slacks';

/** One weak promise, for the panel. */
export interface WeakPromise {
  orderId: string;
  side?: 'pickup' | 'delivery';
  vehicleId: string;
  pOnTime: number;
  /** The median service start, seconds of the day (the panel shows it; no lookup in the plan's stops). */
  startP50S: number;
  reason: RiskReason;
  /** Plain text for the panel (never markup). */
  why: string;
}

interface Spread {
  /** Standard deviation (s) of the arrival, accumulated since a planned wait last absorbed it. */
  sd: number;
  /** Standard deviation of the stop's own leg. */
  legSd: number;
  /** Order stops the spread has built up over. */
  chain: number;
}

/** Per stop of a route: the arrival's spread (leg and service variances add up; a planned wait absorbs its length of it). */
function spreads(route: RiskRoute): Spread[] {
  let sd = 0;
  let chain = 0;
  return route.stops.map((stop) => {
    const legSd = stop.leg.meanS * stop.leg.cv;
    sd = Math.sqrt(sd * sd + legSd * legSd);
    if (stop.kind === 'order') chain += 1;
    const out = { sd, legSd, chain };
    if (stop.plannedWaitS > 0) {
      sd = Math.max(0, sd - stop.plannedWaitS);
      if (sd === 0) chain = 0;
    }
    const serviceSd = stop.service.meanS * stop.service.cv;
    sd = Math.sqrt(sd * sd + serviceSd * serviceSd);
    return out;
  });
}

/** The reason and its text for one stop. */
function reasonOf(stop: RiskRoute['stops'][number], spread: Spread): { reason: RiskReason; why: string } {
  const window = stop.windows.find(([open, close]) => stop.plannedStartS >= open && stop.plannedStartS <= close);
  const slackS = window ? window[1] - stop.plannedStartS : 0;
  if (window && window[1] - window[0] < 2 * spread.sd) {
    return { reason: 'tight-window', why: `tight window: ${formatMinutes(window[1] - window[0])} (${formatClock(window[0])}–${formatClock(window[1])}), ${formatMinutes(slackS)} of slack` };
  }
  if (spread.legSd * spread.legSd >= 0.5 * spread.sd * spread.sd) {
    return { reason: 'long-leg', why: `long leg: ${formatMinutes(stop.leg.meanS)} from the previous stop, ${formatMinutes(slackS)} of slack` };
  }
  return { reason: 'short-slacks', why: `chain of short slacks: delays build up over ${spread.chain} stops without a wait, ${formatMinutes(slackS)} of slack left` };
}

/** How many weak promises the Risk panel lists. */
export const WEAKEST_COUNT = 10;

/** Routes the Risk panel lists one by one; past this many it lists the weakest and sums up the rest. */
export const ROUTES_LISTED = 12;

/** The routes the panel lists, and what it says of the others (null: none left out). */
export interface ListedRoutes {
  listed: RouteRisk[];
  rest: { count: number; pAllOnTimeAtLeast: number } | null;
}

/**
 * Every route in fleet order when there are at most `limit`; otherwise the `limit` with the lowest chance
 * that every stop is on time (lowest first, ties in fleet order) and, for the rest, how many and the lowest
 * of their chances — a thousand lines (one per route at 10,000 orders) was a long task to lay out and no
 * dispatcher reads them (issue #15).
 */
export function listedRoutes(routes: readonly RouteRisk[], limit = ROUTES_LISTED): ListedRoutes {
  if (routes.length <= limit) return { listed: [...routes], rest: null };
  const ranked = routes.map((route, at) => ({ route, at })).sort((a, b) => a.route.pAllOnTime - b.route.pAllOnTime || a.at - b.at);
  const rest = ranked.slice(limit);
  return {
    listed: ranked.slice(0, limit).map((r) => r.route),
    rest: { count: rest.length, pAllOnTimeAtLeast: rest[0].route.pAllOnTime },
  };
}

/**
 * A plan's risk with its weakest promises, ranked where the model was built (the risk worker, issue #15):
 * the main thread then neither rebuilds the model nor walks the stops to show the panel.
 */
export interface RiskReport {
  risk: PlanRisk;
  /** The `WEAKEST_COUNT` weakest promises, lowest P(on time) first. */
  weakest: WeakPromise[];
}

/** The report of `risk`, the estimate of `model`. */
export function riskReport(model: RiskModel, risk: PlanRisk, count = WEAKEST_COUNT): RiskReport {
  return { risk, weakest: weakestPromises(model, risk, count) };
}

/** The `count` order stops least likely to start on time (lowest P(on time) first; ties in plan order), each with why. */
export function weakestPromises(model: RiskModel, risk: PlanRisk, count = 10): WeakPromise[] {
  const out: WeakPromise[] = [];
  let k = 0;
  for (const route of model.routes) {
    const spread = spreads(route);
    route.stops.forEach((stop, i) => {
      if (stop.kind !== 'order') return;
      const figures = risk.stops[k++];
      if (figures.pOnTime >= 1) return;
      out.push({
        orderId: stop.id, ...(stop.side ? { side: stop.side } : {}), vehicleId: route.vehicleId,
        pOnTime: figures.pOnTime, startP50S: figures.startP50S, ...reasonOf(stop, spread[i]),
      });
    });
  }
  return out.sort((a, b) => a.pOnTime - b.pOnTime).slice(0, count);
}
