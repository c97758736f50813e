// Monte Carlo risk of a plan (issue #14) over flat arrays the host fills from
// web/src/domain/risk/model.ts. It samples exactly as the JS reference
// (web/src/domain/risk/reference.ts, whose header documents the draws), with
// the host's own Math.log/exp/cos/sin, so the same seed gives the same figures.
// Everything is allocated in riskSetup; the sampling loop allocates nothing.

@external("env", "Math.log") declare function hostLog(x: f64): f64;
@external("env", "Math.exp") declare function hostExp(x: f64): f64;
@external("env", "Math.cos") declare function hostCos(x: f64): f64;
@external("env", "Math.sin") declare function hostSin(x: f64): f64;

/** Histogram bin width (s) and bins per stop: mirror HIST_BIN_S / HIST_BINS of reference.ts. */
const BIN_S: f64 = 30.0;
const BINS: i32 = 2880;

// Inputs, per route (R) …
let rStopStart = new StaticArray<i32>(1);
let rDepart = new StaticArray<f64>(0);
let rShiftLimit = new StaticArray<f64>(0);
let rEndMean = new StaticArray<f64>(0);
let rEndMu = new StaticArray<f64>(0);
let rEndSigma = new StaticArray<f64>(0);
// … per stop (S, breaks included; kind 0 = order, 1 = break) …
let sKind = new StaticArray<i32>(0);
let legMean = new StaticArray<f64>(0);
let legMu = new StaticArray<f64>(0);
let legSigma = new StaticArray<f64>(0);
let svcMean = new StaticArray<f64>(0);
let svcMu = new StaticArray<f64>(0);
let svcSigma = new StaticArray<f64>(0);
let notHome = new StaticArray<f64>(0);
let failedS = new StaticArray<f64>(0);
let sWinStart = new StaticArray<i32>(1);
// … and per window (W).
let winOpen = new StaticArray<f64>(0);
let winClose = new StaticArray<f64>(0);

// Outputs.
let onTime = new StaticArray<i32>(0);
let hist = new StaticArray<i32>(0);
let allOnTime = new StaticArray<i32>(0);
let shiftOk = new StaticArray<i32>(0);
let p10 = new StaticArray<f64>(0);
let p50 = new StaticArray<f64>(0);
let p90 = new StaticArray<f64>(0);

let routeCount: i32 = 0;
let stopCount: i32 = 0;
let rngState: u32 = 0;

/** Allocates every risk buffer for R routes, S stops and W windows. */
export function riskSetup(routes: i32, stops: i32, windows: i32): void {
  routeCount = routes;
  stopCount = stops;
  rStopStart = new StaticArray<i32>(routes + 1);
  rDepart = new StaticArray<f64>(routes); rShiftLimit = new StaticArray<f64>(routes);
  rEndMean = new StaticArray<f64>(routes); rEndMu = new StaticArray<f64>(routes); rEndSigma = new StaticArray<f64>(routes);
  sKind = new StaticArray<i32>(stops);
  legMean = new StaticArray<f64>(stops); legMu = new StaticArray<f64>(stops); legSigma = new StaticArray<f64>(stops);
  svcMean = new StaticArray<f64>(stops); svcMu = new StaticArray<f64>(stops); svcSigma = new StaticArray<f64>(stops);
  notHome = new StaticArray<f64>(stops); failedS = new StaticArray<f64>(stops);
  sWinStart = new StaticArray<i32>(stops + 1);
  winOpen = new StaticArray<f64>(windows); winClose = new StaticArray<f64>(windows);
  onTime = new StaticArray<i32>(stops);
  hist = new StaticArray<i32>(stops * BINS);
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
    case 4: return changetype<usize>(rEndMu);
    case 5: return changetype<usize>(rEndSigma);
    case 6: return changetype<usize>(sKind);
    case 7: return changetype<usize>(legMean);
    case 8: return changetype<usize>(legMu);
    case 9: return changetype<usize>(legSigma);
    case 10: return changetype<usize>(svcMean);
    case 11: return changetype<usize>(svcMu);
    case 12: return changetype<usize>(svcSigma);
    case 13: return changetype<usize>(notHome);
    case 14: return changetype<usize>(failedS);
    case 15: return changetype<usize>(sWinStart);
    case 16: return changetype<usize>(winOpen);
    case 17: return changetype<usize>(winClose);
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

// The Box–Muller pair of the last draw.
let zA: f64 = 0;
let zB: f64 = 0;

// @ts-ignore: decorator
@inline function normalPair(): void {
  const u1 = 1.0 - uniform();
  const u2 = uniform();
  const r = Math.sqrt(-2.0 * hostLog(u1));
  zA = r * hostCos(2.0 * Math.PI * u2);
  zB = r * hostSin(2.0 * Math.PI * u2);
}

// @ts-ignore: decorator
@inline function drawTime(mean: f64, mu: f64, sigma: f64, z: f64): f64 {
  return sigma > 0 ? hostExp(mu + sigma * z) : mean;
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
  const end = unchecked(rStopStart[r + 1]);
  for (let i = unchecked(rStopStart[r]); i < end; i++) {
    normalPair();
    const p = unchecked(notHome[i]);
    const failed = p > 0 && uniform() < p;
    const start = startAt(i, time + drawTime(unchecked(legMean[i]), unchecked(legMu[i]), unchecked(legSigma[i]), zA));
    if (unchecked(sKind[i]) == 0) {
      if (lastOnTime) unchecked(onTime[i]++);
      else all = false;
    }
    const bin = <i32>Math.min(<f64>(BINS - 1), Math.max(0.0, Math.floor((start - depart) / BIN_S)));
    unchecked(hist[i * BINS + bin]++);
    time = start + (failed ? unchecked(failedS[i]) : drawTime(unchecked(svcMean[i]), unchecked(svcMu[i]), unchecked(svcSigma[i]), zB));
  }
  normalPair();
  if (time + drawTime(unchecked(rEndMean[r]), unchecked(rEndMu[r]), unchecked(rEndSigma[r]), zA) <= unchecked(rShiftLimit[r])) unchecked(shiftOk[r]++);
  if (all) unchecked(allOnTime[r]++);
}

/** The q-th percentile of stop i's histogram of n samples (histogramPercentile of reference.ts). */
function percentile(i: i32, n: i32, q: f64, base: f64): f64 {
  const rank = q * <f64>n;
  let cum: f64 = 0;
  const off = i * BINS;
  for (let b = 0; b < BINS; b++) {
    const c = <f64>unchecked(hist[off + b]);
    if (c > 0 && cum + c >= rank) return base + (<f64>b + (rank - cum) / c) * BIN_S;
    cum += c;
  }
  return base + <f64>BINS * BIN_S;
}

/** Runs `samples` sampled days from `seed` (after the inputs are written), then the percentiles. */
export function riskRun(samples: i32, seed: u32): void {
  rngState = seed;
  for (let s = 0; s < samples; s++) {
    for (let r = 0; r < routeCount; r++) sampleRoute(r);
  }
  for (let r = 0; r < routeCount; r++) {
    const base = unchecked(rDepart[r]);
    for (let i = unchecked(rStopStart[r]); i < unchecked(rStopStart[r + 1]); i++) {
      unchecked(p10[i] = percentile(i, samples, 0.1, base));
      unchecked(p50[i] = percentile(i, samples, 0.5, base));
      unchecked(p90[i] = percentile(i, samples, 0.9, base));
    }
  }
}
