// Plain-JS reference for solver tests: recomputes a route's schedule, load,
// minimal duration and cost straight from the problem buffers (no segments),
// and checks whole solutions (small random test problems: random-problem.ts).
import {
  NODE_BREAK, NODE_PICKUP, PARAM_STABILITY_COST, SUMMARY_COST, SUMMARY_MOVED, SUMMARY_STABILITY, type ProblemBuffers,
  type SolutionBuffers,
} from '../../workers/protocol';

/** Travel data of a problem: distance N·N and duration P·N·N. */
export interface Matrix {
  n: number;
  distanceM: Int32Array;
  durationS: Int32Array;
}

export interface RouteResult {
  feasible: boolean;
  /** Why not, when infeasible. */
  reason: string;
  distance: number;
  /** Minimal end − start over all feasible start times. */
  duration: number;
  /** Latest feasible departure (gives the minimal duration). */
  latestStart: number;
  cost: number;
}

const travel = (m: Matrix, profile: number, from: number, to: number): number =>
  m.durationS[profile * m.n * m.n + from * m.n + to];
const dist = (m: Matrix, from: number, to: number): number => m.distanceM[from * m.n + to];

/** True for a driver break node: no place, taken where the vehicle stands. */
export const isBreakNode = (p: ProblemBuffers, s: number): boolean => ((p.nodeFlags?.[s] ?? 0) & NODE_BREAK) !== 0;

/** Stops of a route that count as stops (breaks excluded). */
const realStops = (p: ProblemBuffers, stops: number[]): number[] => stops.filter((s) => !isBreakNode(p, s));

/**
 * The legs of vehicle v's route: travel time and distance into each stop (zero into a break: the
 * vehicle stays put, and the leg after it starts at the last real stop), and back to the end depot.
 */
function legsOf(p: ProblemBuffers, m: Matrix, v: number, stops: number[]): { time: number[]; dist: number[]; backTime: number; backDist: number } {
  const profile = p.vehicleProfile[v];
  let at = p.vehicleStart[v];
  const time: number[] = []; const dist_: number[] = [];
  for (const s of stops) {
    if (isBreakNode(p, s)) { time.push(0); dist_.push(0); continue; }
    time.push(travel(m, profile, at, s)); dist_.push(dist(m, at, s));
    at = s;
  }
  return { time, dist: dist_, backTime: travel(m, profile, at, p.vehicleEnd[v]), backDist: dist(m, at, p.vehicleEnd[v]) };
}

/** Latest return of vehicle v: the shift end plus any overtime allowance. */
const shiftLimit = (p: ProblemBuffers, v: number): number => p.shiftEndS[v] + (p.overtimeMaxS?.[v] ?? 0);

/** Cost of the overtime of a route of vehicle v back at `end`. */
const overtimeCost = (p: ProblemBuffers, v: number, end: number): number =>
  (p.overtimeCostPerS?.[v] ?? 0) * Math.max(0, end - p.shiftEndS[v]);

/** Earliest service start at `stop` for an arrival at `arrival` over its used windows, or null. */
function earliestService(p: ProblemBuffers, stop: number, arrival: number): number | null {
  const w = p.windowCount ?? 1;
  let best: number | null = null;
  for (let slot = 0; slot < w; slot++) {
    const open = p.twOpenS[stop * w + slot]; const close = p.twCloseS[stop * w + slot];
    if (open > close || close < arrival) continue;
    const start = Math.max(arrival, open);
    if (best === null || start < best) best = start;
  }
  return best;
}

/** End arrival of `stops` when vehicle v departs at t0, or null when a window or the shift breaks. */
export function simulate(p: ProblemBuffers, m: Matrix, v: number, stops: number[], t0: number): { end: number; starts: number[] } | null {
  const legs = legsOf(p, m, v, stops);
  let time = t0;
  const starts: number[] = [];
  for (let i = 0; i < stops.length; i++) {
    const stop = stops[i];
    const service = earliestService(p, stop, time + legs.time[i]);
    if (service === null) return null;
    starts.push(service);
    time = service + p.serviceS[stop];
  }
  const end = time + legs.backTime;
  if (end > Math.min(shiftLimit(p, v), p.twCloseS[p.vehicleEnd[v] * (p.windowCount ?? 1)])) return null;
  return { end, starts };
}

/** Which rule (other than time) the route breaks, walking it stop by stop; '' when none. */
function ruleBroken(p: ProblemBuffers, v: number, stops: number[]): string {
  const k = p.dims; const V = p.vehicleCount;
  const partner = (s: number): number => p.pair?.[s] ?? -1;
  const isPickup = (s: number): boolean => ((p.nodeFlags?.[s] ?? 0) & NODE_PICKUP) !== 0;
  for (const s of stops) {
    const other = partner(s);
    if (other < 0) continue;
    const here = stops.indexOf(s); const there = stops.indexOf(other);
    if (there < 0) return `shipment ${s}–${other} split across routes`;
    if (isPickup(s) !== here < there) return `shipment ${s}–${other} delivered before pickup`;
  }
  for (let d = 0; d < k; d++) {
    // On board at the start: everything to deliver; then each stop drops its delivery and loads its pickup;
    // a shipment is loaded at its pickup and dropped at its delivery.
    const delivered = (s: number): number => (partner(s) >= 0 ? 0 : p.demand[s * k + d]);
    const change = (s: number): number => {
      if (partner(s) < 0) return (p.pickup?.[s * k + d] ?? 0) - p.demand[s * k + d];
      return isPickup(s) ? p.demand[partner(s) * k + d] : -p.demand[s * k + d];
    };
    let load = stops.reduce((sum, s) => sum + delivered(s), 0);
    if (load > p.capacity[v * k + d]) return `capacity dim ${d} at the start`;
    for (const s of stops) {
      load += change(s);
      if (load > p.capacity[v * k + d]) return `capacity dim ${d} after stop ${s}`;
    }
  }
  for (const s of stops) if (p.forbidden?.[s * V + v]) return `stop ${s} forbidden on vehicle ${v}`;
  for (const s of stops) if ((p.nodeVehicle?.[s] ?? -1) >= 0 && p.nodeVehicle![s] !== v) return `stop ${s} belongs to vehicle ${p.nodeVehicle![s]}`;
  let lastSeq = -1;
  for (const s of stops) {
    const seq = p.lockSeq?.[s] ?? -1;
    if (seq < 0) continue;
    if (seq <= lastSeq) return `locked stop ${s} out of order`;
    lastSeq = seq;
  }
  const maxStops = p.maxStops?.[v] ?? -1;
  if (maxStops >= 0 && realStops(p, stops).length > maxStops) return `more than ${maxStops} stops`;
  return '';
}

/** Reference evaluation of one route; a route without stops (breaks alone do not count) costs 0. */
export function evaluateRoute(p: ProblemBuffers, m: Matrix, v: number, stops: number[]): RouteResult {
  const none = { distance: 0, duration: 0, latestStart: 0, cost: 0 };
  if (realStops(p, stops).length === 0) {
    const foreign = stops.find((s) => (p.nodeVehicle?.[s] ?? -1) !== v);
    if (foreign === undefined) return { feasible: true, reason: '', ...none };
    return { feasible: false, reason: `stop ${foreign} belongs to another vehicle`, ...none, cost: Infinity };
  }
  const broken = ruleBroken(p, v, stops);
  if (broken) return { feasible: false, reason: broken, ...none, cost: Infinity };
  const startDepot = p.vehicleStart[v];
  const W = p.windowCount ?? 1;
  const earliest = Math.max(p.shiftStartS[v], p.twOpenS[startDepot * W]);
  if (W > 1) return severalWindows(p, m, v, stops, earliest);
  const legs = legsOf(p, m, v, stops);
  // Backward pass: latest service start at each stop that keeps the rest feasible.
  let latest = Math.min(shiftLimit(p, v), p.twCloseS[p.vehicleEnd[v]]);
  let legAfter = legs.backTime;
  for (let i = stops.length - 1; i >= 0; i--) {
    const s = stops[i];
    latest = Math.min(p.twCloseS[s], latest - legAfter - p.serviceS[s]);
    legAfter = legs.time[i];
  }
  const latestStart = Math.min(latest - legAfter, p.shiftEndS[v], p.twCloseS[startDepot]);
  const run = latestStart >= earliest ? simulate(p, m, v, stops, latestStart) : null;
  if (!run) return { feasible: false, reason: 'time windows or shift', ...none, cost: Infinity };
  const distance = legs.dist.reduce((a, b) => a + b, legs.backDist);
  const duration = run.end - latestStart;
  const driving = legs.time.reduce((a, b) => a + b, legs.backTime);
  const limit = (buffer: Int32Array | undefined): number => buffer?.[v] ?? -1;
  const over = (value: number, max: number): boolean => max >= 0 && value > max;
  if (over(distance, limit(p.maxDistanceM))) return { feasible: false, reason: 'max distance', ...none, cost: Infinity };
  if (over(duration, limit(p.maxDurationS))) return { feasible: false, reason: 'max duration', ...none, cost: Infinity };
  if (over(driving, limit(p.maxDrivingS))) return { feasible: false, reason: 'max driving', ...none, cost: Infinity };
  // Overtime counts from the earliest possible return: leaving as early as allowed (waiting absorbs the rest).
  const earliestEnd = simulate(p, m, v, stops, earliest)!.end;
  const cost = p.vehicleFixedCost[v] + p.vehicleCostPerM[v] * distance + p.vehicleCostPerS[v] * duration
    + overtimeCost(p, v, earliestEnd);
  return { feasible: true, reason: '', distance, duration, latestStart, cost };
}

/**
 * Several windows per stop: feasibility by leaving as early as possible (waiting never hurts a later
 * window); the duration is then an upper bound, so use these only with distance costs.
 */
function severalWindows(p: ProblemBuffers, m: Matrix, v: number, stops: number[], earliest: number): RouteResult {
  const none = { distance: 0, duration: 0, latestStart: 0, cost: 0 };
  const run = simulate(p, m, v, stops, earliest);
  if (!run) return { feasible: false, reason: 'time windows or shift', ...none, cost: Infinity };
  const legs = legsOf(p, m, v, stops);
  const distance = legs.dist.reduce((a, b) => a + b, legs.backDist);
  const duration = run.end - earliest;
  const cost = p.vehicleFixedCost[v] + p.vehicleCostPerM[v] * distance + p.vehicleCostPerS[v] * duration
    + overtimeCost(p, v, run.end);
  return { feasible: true, reason: '', distance, duration, latestStart: earliest, cost };
}

/** With several windows the solver may wait for a later one: checks the reported service starts themselves. */
function reportedScheduleBreaks(p: ProblemBuffers, m: Matrix, v: number, stops: number[], t0: number, solution: SolutionBuffers): string[] {
  const W = p.windowCount ?? 1;
  const offset = solution.routeOffsets[v];
  const legs = legsOf(p, m, v, stops);
  let time = t0;
  for (let i = 0; i < stops.length; i++) {
    const s = stops[i]; const start = solution.arrivalS[offset + i];
    if (start < time + legs.time[i]) return [`route ${v}: stop ${s} served at ${start} before arriving`];
    let inside = false;
    for (let slot = 0; slot < W; slot++) {
      if (p.twOpenS[s * W + slot] <= start && start <= p.twCloseS[s * W + slot]) inside = true;
    }
    if (!inside) return [`route ${v}: stop ${s} served at ${start}, outside all its windows`];
    time = start + p.serviceS[s];
  }
  const end = time + legs.backTime;
  if (end > Math.min(p.shiftEndS[v], p.twCloseS[p.vehicleEnd[v] * W])) return [`route ${v}: back at ${end}, after the shift`];
  return [];
}

/**
 * Plan stability of vehicle v's route: its stops whose home vehicle (homeVehicle) is another one, and
 * their cost (params[PARAM_STABILITY_COST] each). Breaks have no home; a zero cost turns it off (0, 0).
 */
export function stabilityOf(p: ProblemBuffers, v: number, stops: number[]): { moved: number; cost: number } {
  const perStop = p.params[PARAM_STABILITY_COST] ?? 0;
  if (!p.homeVehicle || !(perStop > 0)) return { moved: 0, cost: 0 };
  const moved = stops.filter((s) => !isBreakNode(p, s) && p.homeVehicle![s] >= 0 && p.homeVehicle![s] !== v).length;
  return { moved, cost: moved * perStop };
}

/** Routes of a CSR solution as arrays of stops. */
export function routesOf(solution: SolutionBuffers): number[][] {
  const routes: number[][] = [];
  for (let r = 0; r + 1 < solution.routeOffsets.length; r++) {
    routes.push(Array.from(solution.visits.subarray(solution.routeOffsets[r], solution.routeOffsets[r + 1])));
  }
  return routes;
}

/**
 * Checks a solution against every hard rule and the reported times; returns violations, the recomputed
 * plan cost and the stability cost the solver's objective adds to it.
 */
export function checkSolution(p: ProblemBuffers, m: Matrix, solution: SolutionBuffers): { violations: string[]; cost: number; stability: number } {
  const violations: string[] = [];
  const seen = new Set<number>();
  let cost = 0;
  let moved = 0; let stability = 0;
  routesOf(solution).forEach((stops, v) => {
    if (realStops(p, stops).length > 0) { const s = stabilityOf(p, v, stops); moved += s.moved; stability += s.cost; }
    for (const s of stops) {
      if (s < p.depotCount || s >= p.nodeCount || seen.has(s)) violations.push(`route ${v}: bad or repeated stop ${s}`);
      seen.add(s);
    }
    const result = evaluateRoute(p, m, v, stops);
    if (!result.feasible) { violations.push(`route ${v}: ${result.reason}`); return; }
    cost += result.cost;
    if (stops.length === 0) return;
    if (realStops(p, stops).length === 0) violations.push(`route ${v}: only breaks, no stops`);
    for (let s = p.depotCount; s < p.nodeCount; s++) {
      if (isBreakNode(p, s) && p.nodeVehicle?.[s] === v && !stops.includes(s)) violations.push(`route ${v}: break ${s} missing`);
    }
    const t0 = solution.routeStartS[v];
    const W = p.windowCount ?? 1;
    if (t0 < Math.max(p.shiftStartS[v], p.twOpenS[p.vehicleStart[v] * W])) violations.push(`route ${v}: leaves too early`);
    if (W > 1) { violations.push(...reportedScheduleBreaks(p, m, v, stops, t0, solution)); return; }
    const run = simulate(p, m, v, stops, t0);
    if (!run) { violations.push(`route ${v}: reported start ${t0} breaks a window`); return; }
    if (W === 1 && run.end - t0 !== result.duration) violations.push(`route ${v}: duration ${run.end - t0} is not minimal ${result.duration}`);
    const offset = solution.routeOffsets[v];
    run.starts.forEach((start, i) => {
      if (solution.arrivalS[offset + i] !== start) violations.push(`route ${v}: arrival ${i} reported ${solution.arrivalS[offset + i]}, expected ${start}`);
    });
  });
  for (const s of solution.unassigned) {
    if (seen.has(s)) violations.push(`stop ${s} both routed and unassigned`);
    seen.add(s);
    cost += p.unassignedPenalty[s];
  }
  // A vehicle that stays home takes no break.
  for (let s = p.depotCount; s < p.nodeCount; s++) if (!seen.has(s) && !isBreakNode(p, s)) violations.push(`stop ${s} missing`);
  if (Math.abs(cost - solution.summary[SUMMARY_COST]) > 1e-6 * Math.max(1, cost)) {
    violations.push(`summary cost ${solution.summary[SUMMARY_COST]} differs from recomputed ${cost}`);
  }
  if (solution.summary[SUMMARY_MOVED] !== moved) violations.push(`summary moved ${solution.summary[SUMMARY_MOVED]}, recomputed ${moved}`);
  if (Math.abs(solution.summary[SUMMARY_STABILITY] - stability) > 1e-6 * Math.max(1, stability)) {
    violations.push(`summary stability ${solution.summary[SUMMARY_STABILITY]} differs from recomputed ${stability}`);
  }
  return { violations, cost, stability };
}

/** CSR form of explicit routes (route r = vehicle r), for `construct(initial)`. */
export function toInitialPlan(routes: number[][]): { routeOffsets: Int32Array; visits: Int32Array } {
  const routeOffsets = new Int32Array(routes.length + 1);
  routes.forEach((route, r) => { routeOffsets[r + 1] = routeOffsets[r] + route.length; });
  return { routeOffsets, visits: Int32Array.from(routes.flat()) };
}
