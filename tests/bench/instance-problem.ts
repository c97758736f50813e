// Benchmark instance → solver buffers (distance-only objective), and the solver's
// routes → plain route lists. Times and distances in scaled integer units.
import { NODE_PICKUP, PARAM_CIRCUITY, PARAM_COUNT, PARAM_NEIGHBOURS, PARAM_SEED, type ProblemBuffers, type SolutionBuffers } from '../../workers/protocol';
import { arc, SCALE, type Instance, type Rounding } from './instance';

/** Large enough that serving a customer always beats leaving it out. */
const UNSERVED_PENALTY = 1e9;
/**
 * Li & Lim's hierarchical objective (vehicles first, then distance) as costs: a vehicle costs more
 * than any distance, and leaving a request out costs more than any vehicle.
 */
const HIERARCHICAL_VEHICLE_COST = 1e10;
const HIERARCHICAL_UNSERVED_PENALTY = 1e13;

/** Li & Lim pairs: partner per node (pickup ↔ delivery), pickups flagged; the amount is on the delivery node. */
function pairsOf(inst: Instance): { pair: Int32Array; nodeFlags: Int32Array; demand: Int32Array } {
  const N = inst.x.length;
  const pair = new Int32Array(N).fill(-1);
  const nodeFlags = new Int32Array(N);
  const demand = new Int32Array(N);
  inst.pickupOf!.forEach((pickup, delivery) => {
    if (pickup < 0) return;
    pair[delivery] = pickup; pair[pickup] = delivery;
    nodeFlags[pickup] = NODE_PICKUP;
    demand[delivery] = inst.demand[pickup];
  });
  return { pair, nodeFlags, demand };
}

export function instanceToProblem(inst: Instance, rounding: Rounding, seed: number, neighbours = 20): ProblemBuffers {
  const pdptw = inst.kind === 'pdptw';
  const N = inst.x.length;
  const V = inst.kind === 'cvrp' ? N - 1 : inst.vehicles;
  const scale = SCALE[rounding];
  const distanceM = new Int32Array(N * N);
  const durationS = new Int32Array(N * N);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      if (i === j) continue;
      const a = arc(inst, i, j, rounding);
      distanceM[i * N + j] = a.cost;
      durationS[i * N + j] = a.time;
    }
  }
  const horizon = inst.kind === 'cvrp' ? 2_000_000_000 : inst.due[0] * scale;
  const timeOf = (t: number) => (inst.kind === 'cvrp' ? 0 : t * scale);
  const params = new Float64Array(PARAM_COUNT);
  params[PARAM_SEED] = seed;
  params[PARAM_NEIGHBOURS] = neighbours;
  params[PARAM_CIRCUITY] = 1;
  return {
    nodeCount: N, depotCount: 1, vehicleCount: V, dims: 1, profileCount: 1,
    distanceM, durationS,
    demand: Int32Array.from(inst.demand),
    ...(pdptw ? pairsOf(inst) : {}),
    serviceS: Int32Array.from(inst.service, (s) => timeOf(s)),
    twOpenS: Int32Array.from(inst.ready, (r) => timeOf(r)),
    twCloseS: Int32Array.from(inst.due, (d, i) => (inst.kind === 'cvrp' || i === 0 ? horizon : d * scale)),
    unassignedPenalty: Float64Array.from(inst.x, (_, i) => (i === 0 ? 0 : pdptw ? HIERARCHICAL_UNSERVED_PENALTY : UNSERVED_PENALTY)),
    vehicleStart: new Int32Array(V), vehicleEnd: new Int32Array(V),
    capacity: new Int32Array(V).fill(inst.capacity),
    shiftStartS: new Int32Array(V).fill(inst.kind === 'cvrp' ? 0 : inst.ready[0] * scale),
    shiftEndS: new Int32Array(V).fill(horizon),
    vehicleProfile: new Int32Array(V),
    vehicleFixedCost: new Float64Array(V).fill(pdptw ? HIERARCHICAL_VEHICLE_COST : 0),
    vehicleCostPerM: new Float64Array(V).fill(1),
    vehicleCostPerS: new Float64Array(V),
    profileSpeedMps: new Float64Array([1]),
    params,
  };
}

/** Non-empty routes as lists of node indices (depot excluded). */
export function routesOf(solution: SolutionBuffers): number[][] {
  const routes: number[][] = [];
  for (let r = 0; r + 1 < solution.routeOffsets.length; r++) {
    const from = solution.routeOffsets[r];
    const to = solution.routeOffsets[r + 1];
    if (to > from) routes.push(Array.from(solution.visits.subarray(from, to)));
  }
  return routes;
}
