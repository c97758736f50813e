// Plain-JS reference for the solver's penalised search (route-cost.ts `relaxed`): a route's time warp
// (lateness the schedule cannot avoid, "travelling back in time" to each window's close) and overload,
// and its cost under given prices. Simple problems only: one window per stop, no breaks, no shipments,
// distance costs (no per-second cost), which is what the property tests draw.
import type { ProblemBuffers } from '../../workers/protocol';
import type { Matrix } from './reference-cost';

/** Prices of a second of time warp and of a unit over capacity. */
export interface Prices {
  warp: number;
  load: number;
}

/**
 * Minimal time warp of vehicle v's route: leave as early as the shift and depot allow (leaving earlier
 * never makes a later arrival), wait for each window to open, and when arriving after it closes, count
 * the lateness and go on from the close.
 */
export function warpOf(p: ProblemBuffers, m: Matrix, v: number, stops: number[]): number {
  const start = p.vehicleStart[v]; const end = p.vehicleEnd[v];
  const profile = p.vehicleProfile[v];
  const leg = (a: number, b: number): number => m.durationS[profile * m.n * m.n + a * m.n + b];
  const open = Math.max(p.shiftStartS[v], p.twOpenS[start]);
  const close = Math.min(p.shiftEndS[v], p.twCloseS[start]);
  let warp = Math.max(0, open - close);
  let time = Math.min(open, close);
  let at = start;
  for (const s of stops) {
    time = Math.max(time + leg(at, s), p.twOpenS[s]);
    if (time > p.twCloseS[s]) { warp += time - p.twCloseS[s]; time = p.twCloseS[s]; }
    time += p.serviceS[s];
    at = s;
  }
  time += leg(at, end);
  const back = Math.min(p.shiftEndS[v] + (p.overtimeMaxS?.[v] ?? 0), p.twCloseS[end]);
  return warp + Math.max(0, time - back);
}

/** Units over vehicle v's capacity, summed over dimensions (everything is loaded at the depot). */
export function overloadOf(p: ProblemBuffers, v: number, stops: number[]): number {
  let over = 0;
  for (let d = 0; d < p.dims; d++) {
    const load = stops.reduce((sum, s) => sum + p.demand[s * p.dims + d], 0);
    over += Math.max(0, load - p.capacity[v * p.dims + d]);
  }
  return over;
}

/**
 * Cost of vehicle v's route under the penalised search: fixed and distance cost plus the prices of its
 * violations; Infinity when it breaks a rule that has no price.
 */
export function penalisedRouteCost(p: ProblemBuffers, m: Matrix, v: number, stops: number[], prices: Prices): number {
  if (stops.length === 0) return 0;
  let distance = 0; let at = p.vehicleStart[v];
  for (const s of stops) { distance += m.distanceM[at * m.n + s]; at = s; }
  distance += m.distanceM[at * m.n + p.vehicleEnd[v]];
  const warp = warpOf(p, m, v, stops); const over = overloadOf(p, v, stops);
  // A rule without a price stays hard.
  if ((prices.warp <= 0 && warp > 0) || (prices.load <= 0 && over > 0)) return Infinity;
  return p.vehicleFixedCost[v] + p.vehicleCostPerM[v] * distance + prices.warp * warp + prices.load * over;
}
