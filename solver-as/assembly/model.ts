// The problem, as flat arrays allocated once per solve by `setup` (STYLE §4):
// the input buffers JS writes into, sizes and site numbering. The derived per-site
// arrays and rule flags the search reads live in model-derived.ts; solution-side state in
// solution.ts and segments.ts; vehicle classes in fleet.ts, stability data in homes.ts.
import {
  BUF_LON_LAT, BUF_DISTANCE, BUF_DURATION, BUF_DEMAND, BUF_SERVICE, BUF_TW_OPEN, BUF_TW_CLOSE,
  BUF_PENALTY, BUF_VEHICLE_START, BUF_VEHICLE_END, BUF_CAPACITY, BUF_SHIFT_START, BUF_SHIFT_END,
  BUF_VEHICLE_PROFILE, BUF_FIXED_COST, BUF_COST_PER_M, BUF_COST_PER_S, BUF_SPEED, BUF_PARAMS,
  BUF_PICKUP, BUF_FORBIDDEN, BUF_LOCK_SEQ, BUF_MAX_STOPS, BUF_MAX_DISTANCE, BUF_MAX_DURATION, BUF_MAX_DRIVING,
  BUF_NODE_FLAGS, BUF_PAIR, BUF_OVERTIME_MAX, BUF_OVERTIME_COST, BUF_NODE_VEHICLE, BUF_WINDOW_COST, BUF_HOME_VEHICLE, BUF_NOMINAL_PER_M,
  NODE_ANYWHERE, NODE_PICKUP, NODE_BREAK, E_BAD_BUFFER, PARAM_COUNT,
} from "./types";

/** N nodes: `0..depotCount-1` depots, `depotCount..N-1` stops. */
export let nodeCount: i32 = 0;
export let depotCount: i32 = 0;
/** V vehicles; route r belongs to vehicle r. */
export let vehicleCount: i32 = 0;
/** K capacity dimensions. */
export let dims: i32 = 0;
/** P travel-time profiles. */
export let profileCount: i32 = 0;
/** W time-window slots per node (slots with open > close are unused). */
export let windowCount: i32 = 1;
/** Whether JS supplied `distanceM`/`durationS` (else matrix.ts builds them from lonLat or computes legs on demand). */
export let hasMatrix: bool = false;
/**
 * Whether distanceM/durationS hold N×N cells: supplied, or built for at most `matrixNodeLimit` nodes.
 * Above it the embedded model computes every leg on demand (matrix.ts) and no N×N memory exists.
 */
export let storedMatrix: bool = false;
/** Largest node count whose embedded-model matrices are stored (lookups beat recomputing the haversine). */
export const MATRIX_NODE_LIMIT: i32 = 2000;
export let matrixNodeLimit: i32 = MATRIX_NODE_LIMIT;
/** Test hook: the node count above which the embedded model is computed on demand (call before setup). */
export function setMatrixNodeLimit(limit: i32): void { matrixNodeLimit = limit; }
/**
 * Site count M = N + 2V. Sites `0..N-1` are nodes; site N+r is the start and
 * N+V+r the end of route r (each route owns its own depot copies so that
 * next/prev links and prefix segments never clash between routes).
 */
export let siteCount: i32 = 0;

// ---- input buffers (index domains as in workers/protocol.ts ProblemBuffers)
/** [2N] lon, lat interleaved, degrees. */
export let lonLat = new StaticArray<f64>(0);
/** [N·N] distanceM[i·N+j], metres. */
export let distanceM = new StaticArray<i32>(0);
/** [P·N·N] durationS[p·N·N+i·N+j], seconds. */
export let durationS = new StaticArray<i32>(0);
/** [N·K] delivered amount per node and dimension. */
export let demand = new StaticArray<i32>(0);
/** [N·K] amount collected per node and dimension (carried to the route's end). */
export let pickup = new StaticArray<i32>(0);
/** [N] service seconds. */
export let serviceS = new StaticArray<i32>(0);
/** [N·W] window open/close per node and slot (service start must lie inside one window). */
export let twOpenS = new StaticArray<i32>(0);
export let twCloseS = new StaticArray<i32>(0);
/** [N·V] 1 when the vehicle may not serve the node. */
export let forbidden = new StaticArray<u8>(0);
/** [N] order among the locked stops of a route (−1: free). */
export let lockSeq = new StaticArray<i32>(0);
/** [V] limits, < 0 when absent. */
export let maxStops = new StaticArray<i32>(0);
export let maxDistanceM = new StaticArray<i32>(0);
export let maxDurationS = new StaticArray<i32>(0);
export let maxDrivingS = new StaticArray<i32>(0);
/** [N] NODE_* flags. */
export let nodeFlags = new StaticArray<i32>(0);
/** [V] overtime allowed after shiftEndS (s) and its cost per second. */
export let overtimeMaxS = new StaticArray<i32>(0);
export let overtimeCostPerS = new StaticArray<f64>(0);
/** [N] the only vehicle that may serve the node (a break's own vehicle), −1: any. */
export let nodeVehicle = new StaticArray<i32>(0);
/** [N·W] cost of serving the node in each window slot (0 unless a soft window prices lateness). */
export let windowCost = new StaticArray<f64>(0);
/** [N] home vehicle of the node (plan stability), −1: none. */
export let homeVehicle = new StaticArray<i32>(0);
/** [V] part of vehicleCostPerM that is not the plan's cost (BUF_NOMINAL_PER_M), 0 unless given. */
export let nominalCostPerM = new StaticArray<f64>(0);
/** [N] partner of a paired stop, −1 when unpaired. */
export let pairOf = new StaticArray<i32>(0);
/** [N] cost of leaving the node unassigned. */
export let unassignedPenalty = new StaticArray<f64>(0);
/** [V] start/end depot node of each vehicle. */
export let vehicleStart = new StaticArray<i32>(0);
export let vehicleEnd = new StaticArray<i32>(0);
/** [V·K] capacity per vehicle and dimension. */
export let capacity = new StaticArray<i32>(0);
/** [V] shift window: leave ≥ shiftStartS, back ≤ shiftEndS. */
export let shiftStartS = new StaticArray<i32>(0);
export let shiftEndS = new StaticArray<i32>(0);
/** [V] travel-time profile of each vehicle. */
export let vehicleProfile = new StaticArray<i32>(0);
/** [V] cost per used vehicle, per metre, per second. */
export let vehicleFixedCost = new StaticArray<f64>(0);
export let vehicleCostPerM = new StaticArray<f64>(0);
export let vehicleCostPerS = new StaticArray<f64>(0);
/** [P] speed, metres per second. */
export let profileSpeedMps = new StaticArray<f64>(0);
/** [PARAM_COUNT] named slots (types.ts PARAM_*). */
export let params = new StaticArray<f64>(0);

/** Allocates every input buffer for a problem of the given size. */
export function setupModel(n: i32, depots: i32, vehicles: i32, k: i32, profiles: i32, matrixGiven: bool, windows: i32): void {
  nodeCount = n; depotCount = depots; vehicleCount = vehicles; dims = k; profileCount = profiles;
  windowCount = max(windows, 1);
  hasMatrix = matrixGiven;
  storedMatrix = matrixGiven || n <= matrixNodeLimit;
  siteCount = n + 2 * vehicles;
  lonLat = new StaticArray<f64>(2 * n);
  distanceM = new StaticArray<i32>(storedMatrix ? n * n : 0);
  durationS = new StaticArray<i32>(storedMatrix ? profiles * n * n : 0);
  demand = new StaticArray<i32>(n * k);
  pickup = new StaticArray<i32>(n * k);
  serviceS = new StaticArray<i32>(n);
  twOpenS = new StaticArray<i32>(n * windowCount);
  twCloseS = new StaticArray<i32>(n * windowCount);
  forbidden = new StaticArray<u8>(n * vehicles);
  lockSeq = new StaticArray<i32>(n);
  for (let i = 0; i < n; i++) lockSeq[i] = -1;
  maxStops = new StaticArray<i32>(vehicles);
  maxDistanceM = new StaticArray<i32>(vehicles);
  maxDurationS = new StaticArray<i32>(vehicles);
  maxDrivingS = new StaticArray<i32>(vehicles);
  for (let i = 0; i < vehicles; i++) { maxStops[i] = -1; maxDistanceM[i] = -1; maxDurationS[i] = -1; maxDrivingS[i] = -1; }
  nodeFlags = new StaticArray<i32>(n);
  nodeVehicle = new StaticArray<i32>(n);
  for (let i = 0; i < n; i++) nodeVehicle[i] = -1;
  windowCost = new StaticArray<f64>(n * windowCount);
  pairOf = new StaticArray<i32>(n);
  for (let i = 0; i < n; i++) pairOf[i] = -1;
  homeVehicle = new StaticArray<i32>(n);
  for (let i = 0; i < n; i++) homeVehicle[i] = -1;
  overtimeMaxS = new StaticArray<i32>(vehicles);
  overtimeCostPerS = new StaticArray<f64>(vehicles);
  nominalCostPerM = new StaticArray<f64>(vehicles);
  unassignedPenalty = new StaticArray<f64>(n);
  vehicleStart = new StaticArray<i32>(vehicles);
  vehicleEnd = new StaticArray<i32>(vehicles);
  capacity = new StaticArray<i32>(vehicles * k);
  shiftStartS = new StaticArray<i32>(vehicles);
  shiftEndS = new StaticArray<i32>(vehicles);
  vehicleProfile = new StaticArray<i32>(vehicles);
  vehicleFixedCost = new StaticArray<f64>(vehicles);
  vehicleCostPerM = new StaticArray<f64>(vehicles);
  vehicleCostPerS = new StaticArray<f64>(vehicles);
  profileSpeedMps = new StaticArray<f64>(profiles);
  params = new StaticArray<f64>(PARAM_COUNT);
}

/** Address of an input buffer's first element, for JS to write into. */
export function inputAddress(bufferId: i32): usize {
  switch (bufferId) {
    case BUF_LON_LAT: return changetype<usize>(lonLat);
    case BUF_DISTANCE: return changetype<usize>(distanceM);
    case BUF_DURATION: return changetype<usize>(durationS);
    case BUF_DEMAND: return changetype<usize>(demand);
    case BUF_SERVICE: return changetype<usize>(serviceS);
    case BUF_TW_OPEN: return changetype<usize>(twOpenS);
    case BUF_TW_CLOSE: return changetype<usize>(twCloseS);
    case BUF_PENALTY: return changetype<usize>(unassignedPenalty);
    case BUF_VEHICLE_START: return changetype<usize>(vehicleStart);
    case BUF_VEHICLE_END: return changetype<usize>(vehicleEnd);
    case BUF_CAPACITY: return changetype<usize>(capacity);
    case BUF_SHIFT_START: return changetype<usize>(shiftStartS);
    case BUF_SHIFT_END: return changetype<usize>(shiftEndS);
    case BUF_VEHICLE_PROFILE: return changetype<usize>(vehicleProfile);
    case BUF_FIXED_COST: return changetype<usize>(vehicleFixedCost);
    case BUF_COST_PER_M: return changetype<usize>(vehicleCostPerM);
    case BUF_COST_PER_S: return changetype<usize>(vehicleCostPerS);
    case BUF_SPEED: return changetype<usize>(profileSpeedMps);
    case BUF_PARAMS: return changetype<usize>(params);
    case BUF_PICKUP: return changetype<usize>(pickup);
    case BUF_FORBIDDEN: return changetype<usize>(forbidden);
    case BUF_LOCK_SEQ: return changetype<usize>(lockSeq);
    case BUF_MAX_STOPS: return changetype<usize>(maxStops);
    case BUF_MAX_DISTANCE: return changetype<usize>(maxDistanceM);
    case BUF_MAX_DURATION: return changetype<usize>(maxDurationS);
    case BUF_MAX_DRIVING: return changetype<usize>(maxDrivingS);
    case BUF_NODE_FLAGS: return changetype<usize>(nodeFlags);
    case BUF_PAIR: return changetype<usize>(pairOf);
    case BUF_OVERTIME_MAX: return changetype<usize>(overtimeMaxS);
    case BUF_OVERTIME_COST: return changetype<usize>(overtimeCostPerS);
    case BUF_NODE_VEHICLE: return changetype<usize>(nodeVehicle);
    case BUF_WINDOW_COST: return changetype<usize>(windowCost);
    case BUF_HOME_VEHICLE: return changetype<usize>(homeVehicle);
    case BUF_NOMINAL_PER_M: return changetype<usize>(nominalCostPerM);
  }
  abort(E_BAD_BUFFER);
  return 0;
}

/** Route r's start site. */
// @ts-ignore: decorator
@inline export function startSite(route: i32): i32 { return nodeCount + route; }
/** Route r's end site. */
// @ts-ignore: decorator
@inline export function endSite(route: i32): i32 { return nodeCount + vehicleCount + route; }
/** True for the end site of any route. */
// @ts-ignore: decorator
@inline export function isEndSite(site: i32): bool { return site >= nodeCount + vehicleCount; }
/** True for a stop (a node that is not a depot). */
// @ts-ignore: decorator
@inline export function isStop(site: i32): bool { return site >= depotCount && site < nodeCount; }

/** Partner of a stop site (−1: unpaired or not a stop). */
// @ts-ignore: decorator
@inline export function partnerOf(site: i32): i32 { return site < nodeCount ? unchecked(pairOf[site]) : -1; }
/** True for the pickup side of a pair. */
// @ts-ignore: decorator
@inline export function isPickupSite(site: i32): bool { return site < nodeCount && (unchecked(nodeFlags[site]) & NODE_PICKUP) != 0; }

/** True when the node has no location (travel to and from it is zero). */
// @ts-ignore: decorator
@inline export function isAnywhere(node: i32): bool { return (unchecked(nodeFlags[node]) & NODE_ANYWHERE) != 0; }

/** True for a driver break site. */
// @ts-ignore: decorator
@inline export function isBreak(site: i32): bool { return site < nodeCount && (unchecked(nodeFlags[site]) & NODE_BREAK) != 0; }

/** Zeroes travel to and from every node without a location (open route ends), in every stored matrix. */
export function clearAnywhereTravel(): void {
  const n = nodeCount;
  if (!storedMatrix) return; // on demand, matrix.ts nodeDistance gives them 0
  for (let a = 0; a < n; a++) {
    if (!isAnywhere(a)) continue;
    for (let b = 0; b < n; b++) {
      distanceM[a * n + b] = 0; distanceM[b * n + a] = 0;
      for (let p = 0; p < profileCount; p++) { durationS[p * n * n + a * n + b] = 0; durationS[p * n * n + b * n + a] = 0; }
    }
  }
}

/** True when window slot `slot` of node is in use (open ≤ close). */
// @ts-ignore: decorator
@inline export function windowUsed(node: i32, slot: i32): bool {
  const w = windowCount;
  return unchecked(twOpenS[node * w + slot]) <= unchecked(twCloseS[node * w + slot]);
}
