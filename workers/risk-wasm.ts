// The risk of a plan in WASM (issue #14): the model of domain/risk/model.ts
// flattened into solver-as/assembly/risk.ts's buffers, sampled there, and the
// counts turned into PlanRisk by the same summary as the JS reference. A route
// samples from a stream of its own (reference.ts routeSeed), so with a RiskCache
// the routes a previous estimate sampled alike are not sampled again: after an
// edit of a 10,000-stop plan only the routes it changed are (issue #15).
import type { PlanRisk, RiskOptions } from '../web/src/domain/risk/risk-types';
import type { RiskModel, RiskRoute, RiskStop } from '../web/src/domain/risk/model';
import { routeSeed, samplingKey, summarise, type RiskCounts } from '../web/src/domain/risk/reference';
import { instantiateSolver, type RawSolverExports } from './wasm';

/** Input buffer ids of riskInputPtr (solver-as/assembly/risk.ts). */
const RISK_BUFFERS = {
  rStopStart: 0, rDepart: 1, rShiftLimit: 2, rEndMean: 3, rEndTable: 4, tables: 5, sKind: 6, legMean: 7, legTable: 8,
  svcMean: 10, svcTable: 11, notHome: 13, failedS: 14, sWinStart: 15, winOpen: 16, winClose: 17, rSeed: 18,
} as const;
type BufferName = keyof typeof RISK_BUFFERS;

/** The model as flat arrays, stops of all routes in a row; `seeds` per route. */
function flatten(model: RiskModel, seeds: readonly number[]): Record<BufferName, Float64Array | Int32Array> {
  const stops: RiskStop[] = model.routes.flatMap((r) => r.stops);
  const routeF = (f: (r: RiskRoute) => number) => Float64Array.from(model.routes, f);
  const stopF = (f: (s: RiskStop) => number) => Float64Array.from(stops, f);
  const offsets = (counts: number[]) => Int32Array.from([0, ...counts].map(((sum) => (c: number) => (sum += c))(0)));
  const windows = stops.flatMap((s) => s.windows);
  return {
    rStopStart: offsets(model.routes.map((r) => r.stops.length)), rDepart: routeF((r) => r.departS), rShiftLimit: routeF((r) => r.shiftLimitS),
    rEndMean: routeF((r) => r.endLeg.meanS), rEndTable: Int32Array.from(model.routes, (r) => r.endLeg.table),
    tables: Float64Array.from(model.tables.flatMap((t) => Array.from(t))),
    sKind: Int32Array.from(stops, (s) => (s.kind === 'order' ? 0 : 1)),
    legMean: stopF((s) => s.leg.meanS), legTable: Int32Array.from(stops, (s) => s.leg.table),
    svcMean: stopF((s) => s.service.meanS), svcTable: Int32Array.from(stops, (s) => s.service.table),
    notHome: stopF((s) => s.notHome), failedS: stopF((s) => s.failedS),
    sWinStart: offsets(stops.map((s) => s.windows.length)),
    winOpen: Float64Array.from(windows, (w) => w[0]), winClose: Float64Array.from(windows, (w) => w[1]),
    rSeed: Int32Array.from(seeds, (seed) => seed | 0),
  };
}

/** Checks the options the way the CLI and the worker need them (a message naming the field). */
export function checkRiskOptions(options: RiskOptions): void {
  if (!Number.isInteger(options.samples) || options.samples < 1 || options.samples > 1e7) throw new RangeError(`samples must be an integer from 1 to 10000000, got ${options.samples}`);
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff) throw new RangeError(`seed must be an integer from 0 to 4294967295, got ${options.seed}`);
}

/**
 * What besides a route decides its counts: the seed and the sample count (a route's sampling key names the CV of
 * each varying time, and a factor table is a function of its CV).
 */
interface CacheContext {
  seed: number;
  samples: number;
}

const sameContext = (a: CacheContext, b: CacheContext): boolean => a.seed === b.seed && a.samples === b.samples;

/**
 * The counts of the last estimate by route sampling key, for one worker: a later estimate with the same seed,
 * sample count takes the counts of every route it has in common instead of sampling it again.
 * Holds one estimate (the last), so its memory follows the plan's size.
 */
export class RiskCache {
  private context: CacheContext | null = null;
  private counts = new Map<string, RiskCounts>();
  /** Routes the last estimate sampled (the others were taken from the previous one). */
  sampledRoutes = 0;

  /** The counts kept for each key under `context` (undefined where none). */
  take(context: CacheContext, keys: readonly string[]): (RiskCounts | undefined)[] {
    const same = this.context !== null && sameContext(this.context, context);
    return keys.map((key) => (same ? this.counts.get(key) : undefined));
  }

  /** Keeps the counts of one estimate, replacing the last one's. */
  keep(context: CacheContext, counts: Map<string, RiskCounts>, sampled: number): void {
    this.context = { ...context };
    this.counts = counts;
    this.sampledRoutes = sampled;
  }
}

/** Runs the Monte Carlo in a fresh instance of the compiled solver module and returns the plan's risk. */
export async function wasmRisk(module: WebAssembly.Module, model: RiskModel, options: RiskOptions, cache?: RiskCache): Promise<PlanRisk> {
  checkRiskOptions(options);
  const keys = model.routes.map(samplingKey);
  const context: CacheContext = { seed: options.seed, samples: options.samples };
  const kept = cache ? cache.take(context, keys) : keys.map(() => undefined);
  const missing = model.routes.filter((_, r) => kept[r] === undefined);
  // Routes an earlier estimate sampled alike are not sampled again: only a model of the others goes to WASM.
  const seeds = keys.filter((_, r) => kept[r] === undefined).map((key) => routeSeed(options.seed, key));
  const fresh = missing.length === 0 ? [] : runCounts((await instantiateSolver(module)).raw, { routes: missing, tables: model.tables }, options, seeds);
  let next = 0;
  const counts = kept.map((c) => c ?? fresh[next++]);
  cache?.keep(context, new Map(keys.map((key, r) => [key, counts[r]])), missing.length);
  return summarise(model, options, counts);
}

/** Samples every route of `model` from its seed in a fresh instance's exports and returns its counts, route by route. */
function runCounts(raw: RawSolverExports, model: RiskModel, options: RiskOptions, seeds: readonly number[]): RiskCounts[] {
  const flat = flatten(model, seeds);
  const stopCount = flat.sKind.length;
  raw.riskSetup(model.routes.length, stopCount, flat.winOpen.length, model.tables.length);
  for (const name of Object.keys(RISK_BUFFERS) as BufferName[]) {
    const data = flat[name];
    const ptr = raw.riskInputPtr(RISK_BUFFERS[name]);
    const view = data instanceof Int32Array ? new Int32Array(raw.memory.buffer, ptr, data.length) : new Float64Array(raw.memory.buffer, ptr, data.length);
    view.set(data);
  }
  raw.riskRun(options.samples);
  const i32 = (id: number, n: number) => new Int32Array(raw.memory.buffer, raw.riskOutputPtr(id), n).slice();
  const f64 = (id: number, n: number) => new Float64Array(raw.memory.buffer, raw.riskOutputPtr(id), n).slice();
  const onTime = i32(0, stopCount);
  const allOnTime = i32(1, model.routes.length);
  const shiftOk = i32(2, model.routes.length);
  const [p10, p50, p90] = [f64(3, stopCount), f64(4, stopCount), f64(5, stopCount)];
  const counts: RiskCounts[] = [];
  let at = 0;
  model.routes.forEach((route, r) => {
    const span = (a: Int32Array | Float64Array) => a.subarray(at, at + route.stops.length);
    counts.push({ onTime: span(onTime), p10: span(p10), p50: span(p50), p90: span(p90), allOnTime: allOnTime[r], shiftOk: shiftOk[r] });
    at += route.stops.length;
  });
  return counts;
}
