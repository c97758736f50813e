// The plain-JS reference of the risk Monte Carlo (issue #14): the model of
// model.ts sampled exactly as the WASM simulation (solver-as/assembly/risk.ts)
// samples it, so the same seed gives the same figures in both.
//
// Random numbers (both sides): makeRng of variability.ts (Weyl sequence
// through MurmurHash3's finaliser), one stream per route, seeded from the run's
// seed and what the route samples (`routeSeed`): a route's figures depend on
// that route alone, so a route an edit left alone keeps them exactly, and its
// counts can be reused (workers/risk-wasm.ts RiskCache). Route by route, all
// samples of a route, stop by stop: one uniform for the leg, one
// for the service (both always drawn), then, only when the stop's notHome > 0,
// one more: rng() < notHome makes it a failed attempt. The return leg draws
// one. A time is its mean times the lognormal factor of its CV at that uniform
// (quantiles.ts: the inverse CDF by table).
//
// Starts go to a histogram per stop (HIST_BIN_S-second bins from the route's
// departure, HIST_BINS of them, the last catching anything later); the q-th
// percentile interpolates linearly inside the bin that reaches rank q·N.
import type { PlanRisk, RiskOptions, StopRisk } from './risk-types';
import type { RiskModel, RiskRoute, RiskTime } from './model';
import { makeRng, streamSeed, type Rng } from '../variability';
import { tableFactor } from './quantiles';

/** Width of a start-time histogram bin, seconds. */
export const HIST_BIN_S = 30;
/** Bins per stop: 24 hours after the route's departure. */
export const HIST_BINS = 2880;

/** Service start at `arrivalS`: the earliest inside a window (on time), else at once (late). The checker's rule. */
export function startAt(windows: readonly (readonly [number, number])[], arrivalS: number): { startS: number; onTime: boolean } {
  if (windows.length === 0) return { startS: arrivalS, onTime: true };
  let best = Infinity;
  for (const [open, close] of windows) {
    const start = Math.max(arrivalS, open);
    if (start <= close && start < best) best = start;
  }
  return best === Infinity ? { startS: arrivalS, onTime: false } : { startS: best, onTime: true };
}

/**
 * Everything the sampling reads of a route, as text: routes with equal keys sample equal counts for a seed and a
 * sample count. A varying time names its CV, not its table's index in the model (a table is a function of its CV,
 * and the indices follow the order in which the plan's routes first meet each CV): a route's stream does not change
 * when another route does. Ids are not read (the counts are per stop position); a stop other than an order (a
 * break, the stop in progress) only passes time.
 */
export function samplingKey(route: RiskRoute): string {
  const time = (t: RiskTime) => [t.meanS, t.table < 0 ? 0 : t.cv];
  return JSON.stringify([route.departS, route.shiftLimitS, time(route.endLeg), route.stops.map((s) => [
    s.kind === 'order' ? 0 : 1, time(s.leg), time(s.service), s.notHome, s.failedS, s.windows,
  ])], exactNumbers);
}

/** JSON writes Infinity, -Infinity and NaN all as null: a key keeps them apart (a shift without end is Infinity). */
function exactNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

/** The seed of a route's stream: the run's seed mixed with the route's sampling key. */
export function routeSeed(seed: number, key: string): number {
  return streamSeed(seed, key);
}

/** A time at uniform draw u. */
function draw(t: RiskTime, tables: Float64Array[], u: number): number {
  return t.table < 0 ? t.meanS : t.meanS * tableFactor(tables[t.table], 0, u);
}

interface Tally {
  onTime: Int32Array;
  hist: Int32Array[];
  allOnTime: number;
  shiftOk: number;
}

/** Walks one sampled day of a route, counting into its tally. */
function sampleRoute(route: RiskRoute, tables: Float64Array[], rng: Rng, tally: Tally): void {
  let time = route.departS;
  let allOnTime = true;
  route.stops.forEach((stop, i) => {
    const uLeg = rng();
    const uService = rng();
    const failed = stop.notHome > 0 && rng() < stop.notHome;
    const { startS, onTime } = startAt(stop.windows, time + draw(stop.leg, tables, uLeg));
    if (stop.kind === 'order') {
      if (onTime) tally.onTime[i] += 1;
      else allOnTime = false;
    }
    const bin = Math.min(HIST_BINS - 1, Math.max(0, Math.floor((startS - route.departS) / HIST_BIN_S)));
    tally.hist[i][bin] += 1;
    time = startS + (failed ? stop.failedS : draw(stop.service, tables, uService));
  });
  if (time + draw(route.endLeg, tables, rng()) <= route.shiftLimitS) tally.shiftOk += 1;
  if (allOnTime) tally.allOnTime += 1;
}

/** The q-th percentile (0 < q < 1) of a histogram of `n` samples starting at `baseS`. */
export function histogramPercentile(hist: Int32Array, n: number, q: number, baseS: number): number {
  const rank = q * n;
  let cum = 0;
  for (let b = 0; b < hist.length; b++) {
    const c = hist[b];
    if (c > 0 && cum + c >= rank) return baseS + (b + (rank - cum) / c) * HIST_BIN_S;
    cum += c;
  }
  return baseS + hist.length * HIST_BIN_S;
}

/** Estimates the risk of a plan's model by Monte Carlo, in plain JS (the reference of the WASM estimate). */
export function referenceRisk(model: RiskModel, options: RiskOptions): PlanRisk {
  const tallies: Tally[] = model.routes.map((r) => ({
    onTime: new Int32Array(r.stops.length), hist: r.stops.map(() => new Int32Array(HIST_BINS)), allOnTime: 0, shiftOk: 0,
  }));
  model.routes.forEach((route, r) => {
    const rng = makeRng(routeSeed(options.seed, samplingKey(route)));
    for (let s = 0; s < options.samples; s++) sampleRoute(route, model.tables, rng, tallies[r]);
  });
  return summarise(model, options, tallies.map((t, r) => {
    const base = model.routes[r].departS;
    const pct = (q: number) => t.hist.map((h) => histogramPercentile(h, options.samples, q, base));
    return { onTime: t.onTime, p10: pct(0.1), p50: pct(0.5), p90: pct(0.9), allOnTime: t.allOnTime, shiftOk: t.shiftOk };
  }));
}

/** Counts of a run, per route (the WASM side returns the same). */
export interface RiskCounts {
  /** Per stop of the route (breaks included): samples on time, and the 10th, 50th and 90th percentile starts. */
  onTime: ArrayLike<number>;
  p10: ArrayLike<number>;
  p50: ArrayLike<number>;
  p90: ArrayLike<number>;
  allOnTime: number;
  shiftOk: number;
}

/** Turns counts into PlanRisk (order stops only). */
export function summarise(model: RiskModel, options: RiskOptions, counts: RiskCounts[]): PlanRisk {
  const n = options.samples;
  const stops: StopRisk[] = [];
  model.routes.forEach((route, r) => route.stops.forEach((stop, i) => {
    if (stop.kind !== 'order') return;
    const c = counts[r];
    stops.push({
      orderId: stop.id, ...(stop.side ? { side: stop.side } : {}), vehicleId: route.vehicleId, pOnTime: c.onTime[i] / n,
      startP10S: c.p10[i], startP50S: c.p50[i], startP90S: c.p90[i],
    });
  }));
  const routes = model.routes.map((route, r) => ({ vehicleId: route.vehicleId, pAllOnTime: counts[r].allOnTime / n, pShiftOk: counts[r].shiftOk / n }));
  const expectedLateStops = stops.reduce((sum, s) => sum + (1 - s.pOnTime), 0);
  return { stops, routes, expectedLateStops, samples: n, seed: options.seed };
}
