// Monte Carlo risk of a plan (issue #14) over flat arrays the host fills from
// web/src/domain/risk/model.ts. It samples exactly as the JS reference
// (web/src/domain/risk/reference.ts, whose header documents the draws): the
// lognormal factors come from the host's quantile tables (quantiles.ts) with
// the same arithmetic, so the same seed gives the same figures, and the hot
// loop calls no transcendental function. Everything is allocated in
// riskSetup (the histograms at the start of riskRun, sized for the longest
// route); the sampling loop allocates nothing.

/** Nodes per factor table: mirror QUANTILE_NODES of quantiles.ts. */
const NODES: i32 = 8192;

/** Histogram bin width (s) and bins per stop: mirror HIST_BIN_S / HIST_BINS of reference.ts. */
const BIN_S: f64 = 30.0;
const BINS: i32 = 2880;

// Inputs, per route (R) …
let rStopStart = new StaticArray<i32>(1);
let rDepart = new StaticArray<f64>(0);
let rShiftLimit = new StaticArray<f64>(0);
let rEndMean = new StaticArray<f64>(0);
let rEndTable = new StaticArray<i32>(0);
/** Seed of each route's random stream (routeSeed of reference.ts). */
let rSeed = new StaticArray<u32>(0);
// … per stop (S, breaks included; kind 0 = order, 1 = break) …
let sKind = new StaticArray<i32>(0);
let legMean = new StaticArray<f64>(0);
let legTable = new StaticArray<i32>(0);
let svcMean = new StaticArray<f64>(0);
let svcTable = new StaticArray<i32>(0);
let notHome = new StaticArray<f64>(0);
let failedS = new StaticArray<f64>(0);
let sWinStart = new StaticArray<i32>(1);
// … and per window (W).
let winOpen = new StaticArray<f64>(0);
let winClose = new StaticArray<f64>(0);
// The factor tables, NODES each.
let tables = new StaticArray<f64>(0);

// Outputs.
let onTime = new StaticArray<i32>(0);
/**
 * Arrival histograms of the route being sampled, BINS per stop: sized for the longest route and cleared after each
 * route, not one per stop of the plan (that was stops × 2,880 × 4 B: 137 MB at 11,935 stops; issue #15).
 */
let hist = new StaticArray<i32>(0);
let allOnTime = new StaticArray<i32>(0);
let shiftOk = new StaticArray<i32>(0);
let p10 = new StaticArray<f64>(0);
let p50 = new StaticArray<f64>(0);
let p90 = new StaticArray<f64>(0);

let routeCount: i32 = 0;
let stopCount: i32 = 0;
let rngState: u32 = 0;

/** Allocates every risk buffer for R routes, S stops, W windows and T factor tables. */
export function riskSetup(routes: i32, stops: i32, windows: i32, tableCount: i32): void {
  routeCount = routes;
  stopCount = stops;
  rStopStart = new StaticArray<i32>(routes + 1);
  rDepart = new StaticArray<f64>(routes); rShiftLimit = new StaticArray<f64>(routes);
  rEndMean = new StaticArray<f64>(routes); rEndTable = new StaticArray<i32>(routes);
  rSeed = new StaticArray<u32>(routes);
  sKind = new StaticArray<i32>(stops);
  legMean = new StaticArray<f64>(stops); legTable = new StaticArray<i32>(stops);
  svcMean = new StaticArray<f64>(stops); svcTable = new StaticArray<i32>(stops);
  notHome = new StaticArray<f64>(stops); failedS = new StaticArray<f64>(stops);
  sWinStart = new StaticArray<i32>(stops + 1);
  winOpen = new StaticArray<f64>(windows); winClose = new StaticArray<f64>(windows);
  tables = new StaticArray<f64>(tableCount * NODES);
  onTime = new StaticArray<i32>(stops);
  allOnTime = new StaticArray<i32>(routes); shiftOk = new StaticArray<i32>(routes);
  p10 = new StaticArray<f64>(stops); p50 = new StaticArray<f64>(stops); p90 = new StaticArray<f64>(stops);
}

/** Byte address of risk input buffer `id` (see RISK_BUFFERS in workers/risk-wasm.ts). */
export function riskInputPtr(id: i32): usize {
  switch (id) {
    case 0: return changetype<usize>(rStopStart);
    case 1: return changetype<usize>(rDepart);
    case 2: return changetype<usize>(rShiftLimit);
    case 3: return changetype<usize>(rEndMean);
    case 4: return changetype<usize>(rEndTable);
    case 5: return changetype<usize>(tables);
    case 6: return changetype<usize>(sKind);
    case 7: return changetype<usize>(legMean);
    case 8: return changetype<usize>(legTable);
    case 10: return changetype<usize>(svcMean);
    case 11: return changetype<usize>(svcTable);
    case 13: return changetype<usize>(notHome);
    case 14: return changetype<usize>(failedS);
    case 15: return changetype<usize>(sWinStart);
    case 16: return changetype<usize>(winOpen);
    case 17: return changetype<usize>(winClose);
    case 18: return changetype<usize>(rSeed);
  }
  return 0;
}

/** Byte address of risk output `id`: 0 onTime, 1 allOnTime, 2 shiftOk (i32); 3 p10, 4 p50, 5 p90 (f64). */
export function riskOutputPtr(id: i32): usize {
  switch (id) {
    case 0: return changetype<usize>(onTime);
    case 1: return changetype<usize>(allOnTime);
    case 2: return changetype<usize>(shiftOk);
    case 3: return changetype<usize>(p10);
    case 4: return changetype<usize>(p50);
    case 5: return changetype<usize>(p90);
  }
  return 0;
}

/** Uniform in [0, 1): makeRng of variability.ts (Weyl step through MurmurHash3's finaliser). */
// @ts-ignore: decorator
@inline function uniform(): f64 {
  rngState += 0x9e3779b9;
  let z = rngState;
  z = (z ^ (z >>> 16)) * 0x85ebca6b;
  z = (z ^ (z >>> 13)) * 0xc2b2ae35;
  return <f64>(z ^ (z >>> 16)) / 4294967296.0;
}

/** A time of mean `mean` at uniform draw u from factor table `table` (−1: the mean): tableFactor of quantiles.ts. */
// @ts-ignore: decorator
@inline function drawTime(mean: f64, table: i32, u: f64): f64 {
  if (table < 0) return mean;
  const offset = table * NODES;
  const x = u * <f64>NODES - 0.5;
  const k = <i32>Math.floor(x);
  if (k < 0) return mean * unchecked(tables[offset]);
  if (k >= NODES - 1) return mean * unchecked(tables[offset + NODES - 1]);
  const lo = unchecked(tables[offset + k]);
  return mean * (lo + (unchecked(tables[offset + k + 1]) - lo) * (x - <f64>k));
}

/** Service start at `arrival` for stop `i`; sets `lastOnTime`. The checker's window rule. */
let lastOnTime: bool = true;
function startAt(i: i32, arrival: f64): f64 {
  const from = unchecked(sWinStart[i]);
  const to = unchecked(sWinStart[i + 1]);
  lastOnTime = true;
  if (from == to) return arrival;
  let best = Infinity;
  for (let w = from; w < to; w++) {
    const start = Math.max(arrival, unchecked(winOpen[w]));
    if (start <= unchecked(winClose[w]) && start < best) best = start;
  }
  if (best == Infinity) {
    lastOnTime = false;
    return arrival;
  }
  return best;
}

function sampleRoute(r: i32): void {
  const depart = unchecked(rDepart[r]);
  let time = depart;
  let all = true;
  const first = unchecked(rStopStart[r]);
  const end = unchecked(rStopStart[r + 1]);
  for (let i = first; i < end; i++) {
    const uLeg = uniform();
    const uService = uniform();
    const p = unchecked(notHome[i]);
    const failed = p > 0 && uniform() < p;
    const start = startAt(i, time + drawTime(unchecked(legMean[i]), unchecked(legTable[i]), uLeg));
    if (unchecked(sKind[i]) == 0) {
      if (lastOnTime) unchecked(onTime[i]++);
      else all = false;
    }
    const bin = <i32>Math.min(<f64>(BINS - 1), Math.max(0.0, Math.floor((start - depart) / BIN_S)));
    unchecked(hist[(i - first) * BINS + bin]++);
    time = start + (failed ? unchecked(failedS[i]) : drawTime(unchecked(svcMean[i]), unchecked(svcTable[i]), uService));
  }
  if (time + drawTime(unchecked(rEndMean[r]), unchecked(rEndTable[r]), uniform()) <= unchecked(rShiftLimit[r])) unchecked(shiftOk[r]++);
  if (all) unchecked(allOnTime[r]++);
}

/** The q-th percentile of the histogram at `off` of n samples (histogramPercentile of reference.ts). */
function percentile(off: i32, n: i32, q: f64, base: f64): f64 {
  const rank = q * <f64>n;
  let cum: f64 = 0;
  for (let b = 0; b < BINS; b++) {
    const c = <f64>unchecked(hist[off + b]);
    if (c > 0 && cum + c >= rank) return base + (<f64>b + (rank - cum) / c) * BIN_S;
    cum += c;
  }
  return base + <f64>BINS * BIN_S;
}

/** Runs `samples` sampled days of each route from its seed (after the inputs are written), then the percentiles. */
export function riskRun(samples: i32): void {
  let longest = 0;
  for (let r = 0; r < routeCount; r++) longest = max(longest, unchecked(rStopStart[r + 1]) - unchecked(rStopStart[r]));
  if (hist.length < longest * BINS) hist = new StaticArray<i32>(longest * BINS);
  // Route by route: each route draws from a stream of its own, into histograms that stay in cache.
  for (let r = 0; r < routeCount; r++) {
    rngState = unchecked(rSeed[r]);
    for (let s = 0; s < samples; s++) sampleRoute(r);
    const base = unchecked(rDepart[r]);
    const first = unchecked(rStopStart[r]);
    const end = unchecked(rStopStart[r + 1]);
    for (let i = first; i < end; i++) {
      const off = (i - first) * BINS;
      unchecked(p10[i] = percentile(off, samples, 0.1, base));
      unchecked(p50[i] = percentile(off, samples, 0.5, base));
      unchecked(p90[i] = percentile(off, samples, 0.9, base));
    }
    memory.fill(changetype<usize>(hist), 0, <usize>(end - first) * BINS * 4);
  }
}
