// Small test problems for the solver tests, deterministic per seed: random problems (optionally with
// every rich rule) on a supplied Euclidean matrix, and tiny fixtures from explicit points.
import {
  NODE_ANYWHERE, NODE_BREAK, NODE_PICKUP, PARAM_CIRCUITY, PARAM_COUNT, PARAM_NEIGHBOURS, PARAM_SEED, type ProblemBuffers,
} from '../../workers/protocol';
import type { Matrix } from './reference-cost';

/** Small deterministic PRNG (mulberry32) for generating test problems. */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomOptions {
  stops?: number;
  depots?: number;
  vehicles?: number;
  dims?: number;
  profiles?: number;
  /** Per-second cost on (disables the solver's distance-only pruning). */
  durationCost?: boolean;
  /** Window tightness 0 (all day) … 1 (narrow). */
  tightness?: number;
  /** Rich rules: pickups, forbidden vehicle/stop pairs, locked stops and route limits. */
  rich?: boolean;
}

/** A small random problem with a supplied (Euclidean, rounded) matrix; deterministic per seed. */
export function randomProblem(seed: number, o: RandomOptions = {}): { problem: ProblemBuffers; matrix: Matrix } {
  const rnd = makeRandom(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const D = o.depots ?? 1; const S = o.stops ?? 10; const N = D + S;
  const V = o.vehicles ?? 3; const K = o.dims ?? 1; const P = o.profiles ?? 1;
  const tight = o.tightness ?? 0.5;
  const xy = Array.from({ length: N }, () => [int(0, 1000), int(0, 1000)]);
  const distanceM = new Int32Array(N * N);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
    distanceM[i * N + j] = Math.round(Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]));
  }
  const durationS = new Int32Array(P * N * N);
  for (let p = 0; p < P; p++) for (let c = 0; c < N * N; c++) durationS[p * N * N + c] = Math.round(distanceM[c] / (1 + p * 0.5));
  const horizon = 8000;
  const demand = new Int32Array(N * K); const serviceS = new Int32Array(N);
  const twOpenS = new Int32Array(N); const twCloseS = new Int32Array(N).fill(horizon);
  const unassignedPenalty = new Float64Array(N);
  for (let s = D; s < N; s++) {
    for (let d = 0; d < K; d++) demand[s * K + d] = int(1, 10);
    serviceS[s] = int(0, 100);
    const width = Math.max(50, Math.round(horizon * (1 - tight) * rnd()));
    twOpenS[s] = int(0, horizon - width);
    twCloseS[s] = twOpenS[s] + width;
    unassignedPenalty[s] = 100000;
  }
  const vehicleStart = Int32Array.from({ length: V }, () => int(0, D - 1));
  const vehicleEnd = Int32Array.from({ length: V }, () => int(0, D - 1));
  const capacity = Int32Array.from({ length: V * K }, () => int(15, 40));
  const shiftStartS = Int32Array.from({ length: V }, () => int(0, 1000));
  const shiftEndS = Int32Array.from(shiftStartS, (s) => s + int(4000, horizon));
  const params = new Float64Array(PARAM_COUNT);
  params[PARAM_SEED] = seed; params[PARAM_NEIGHBOURS] = 6; params[PARAM_CIRCUITY] = 1;
  const problem: ProblemBuffers = {
    nodeCount: N, depotCount: D, vehicleCount: V, dims: K, profileCount: P, distanceM, durationS,
    demand, serviceS, twOpenS, twCloseS, unassignedPenalty, vehicleStart, vehicleEnd, capacity, shiftStartS, shiftEndS,
    vehicleProfile: Int32Array.from({ length: V }, () => int(0, P - 1)),
    vehicleFixedCost: Float64Array.from({ length: V }, () => int(0, 3) * 100),
    vehicleCostPerM: Float64Array.from({ length: V }, () => 1 + int(0, 2) * 0.5),
    vehicleCostPerS: Float64Array.from({ length: V }, () => (o.durationCost ? int(1, 4) * 0.25 : 0)),
    profileSpeedMps: Float64Array.from({ length: P }, () => 10),
    params,
  };
  if (o.rich) addRichRules(problem, rnd);
  return { problem, matrix: { n: N, distanceM, durationS } };
}

/** Adds pickups, bans (~15 %), two locked stops per vehicle 0, breaks of vehicles 0 and 1, shipments, overtime and loose route limits to a random problem. */
function addRichRules(p: ProblemBuffers, rnd: () => number): void {
  const N = p.nodeCount; const D = p.depotCount; const V = p.vehicleCount; const K = p.dims;
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  p.pickup = new Int32Array(N * K);
  for (let s = D; s < N; s++) for (let d = 0; d < K; d++) if (rnd() < 0.4) p.pickup[s * K + d] = int(1, 10);
  p.forbidden = new Uint8Array(N * V);
  for (let s = D; s < N; s++) for (let v = 0; v < V; v++) if (rnd() < 0.15) p.forbidden[s * V + v] = 1;
  p.lockSeq = new Int32Array(N).fill(-1);
  const locked = [D, D + 1].filter((s) => s < N);
  locked.forEach((s, i) => {
    p.lockSeq![s] = i;
    for (let v = 1; v < V; v++) p.forbidden![s * V + v] = 1;
    p.forbidden![s * V] = 0;
  });
  // The last stops become driver breaks of the first vehicles (no place, no load, a window, a length).
  p.nodeFlags = new Int32Array(N);
  p.nodeVehicle = new Int32Array(N).fill(-1);
  const breaks = Math.min(V, 2, Math.max(0, N - D - 4));
  for (let i = 0; i < breaks; i++) {
    const s = N - 1 - i;
    p.nodeFlags[s] = NODE_BREAK | NODE_ANYWHERE;
    p.nodeVehicle[s] = i;
    for (let d = 0; d < K; d++) { p.demand[s * K + d] = 0; p.pickup[s * K + d] = 0; }
    for (let v = 0; v < V; v++) p.forbidden[s * V + v] = 0;
    p.serviceS[s] = int(100, 600);
    p.twOpenS[s] = int(1000, 4000);
    p.twCloseS[s] = p.twOpenS[s] + int(300, 2500);
    p.unassignedPenalty[s] = 0;
  }
  // Shipments among the other stops: pickup, then delivery of the delivery node's demand, same route.
  p.pair = new Int32Array(N).fill(-1);
  for (let s = D + 2; s + 1 < N - breaks; s += 2) {
    if (rnd() < 0.5) continue;
    p.pair[s] = s + 1; p.pair[s + 1] = s; p.nodeFlags[s] = NODE_PICKUP;
  }
  p.overtimeMaxS = Int32Array.from({ length: V }, () => (rnd() < 0.5 ? int(200, 1500) : 0));
  p.overtimeCostPerS = Float64Array.from(p.overtimeMaxS, (x) => (x > 0 ? int(1, 5) * 0.5 : 0));
  p.maxStops = Int32Array.from({ length: V }, () => (rnd() < 0.5 ? int(3, 6) : -1));
  p.maxDistanceM = Int32Array.from({ length: V }, () => (rnd() < 0.5 ? int(2000, 5000) : -1));
  p.maxDurationS = Int32Array.from({ length: V }, () => (rnd() < 0.5 ? int(3000, 6000) : -1));
  p.maxDrivingS = Int32Array.from({ length: V }, () => (rnd() < 0.5 ? int(1500, 4000) : -1));
}

/**
 * A tiny fixture: depot 0 at (0, 0) and stops at the given points (Euclidean,
 * rounded), wide windows, ample capacity, cost 1 per metre; `vehicles` identical vehicles.
 */
export function pointsProblem(points: [number, number][], vehicles: number): { problem: ProblemBuffers; matrix: Matrix } {
  const { problem } = randomProblem(1, { stops: points.length, vehicles, tightness: 0 });
  const all: [number, number][] = [[0, 0], ...points];
  const n = all.length;
  const distanceM = new Int32Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    distanceM[i * n + j] = Math.round(Math.hypot(all[i][0] - all[j][0], all[i][1] - all[j][1]));
  }
  const fixture: ProblemBuffers = {
    ...problem, distanceM, durationS: distanceM.slice(),
    serviceS: new Int32Array(n), twOpenS: new Int32Array(n), twCloseS: new Int32Array(n).fill(100000),
    capacity: new Int32Array(vehicles).fill(1000), shiftStartS: new Int32Array(vehicles),
    shiftEndS: new Int32Array(vehicles).fill(100000), vehicleProfile: new Int32Array(vehicles),
    vehicleFixedCost: new Float64Array(vehicles), vehicleCostPerM: new Float64Array(vehicles).fill(1),
    vehicleCostPerS: new Float64Array(vehicles), vehicleStart: new Int32Array(vehicles), vehicleEnd: new Int32Array(vehicles),
  };
  return { problem: fixture, matrix: { n, distanceM, durationS: fixture.durationS! } };
}
