// Validation of the flat problem buffers (and of a starting plan) before they cross into WASM: each
// broken rule is an InputError naming the buffer, so bad input never reaches the solver as a trap.
import {
  INPUT_ERROR, NODE_ANYWHERE, NODE_BREAK, NODE_PICKUP, PARAM_COUNT, PARAM_STABILITY_COST, namedError, type ProblemBuffers,
} from './protocol';
import type { InitialPlan } from './wasm';

/** The typed arrays of ProblemBuffers. */
export type NumericArray = Int32Array | Float64Array | Uint8Array;

function inputError(buffer: string, rule: string): Error {
  return namedError(INPUT_ERROR, `${buffer}: ${rule}`);
}

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min || value > 0x7fffffff) throw inputError(name, `must be an integer ≥ ${min}, got ${value}`);
}

function checkLength(name: string, data: NumericArray | undefined, length: number, type: 'Int32Array' | 'Float64Array' | 'Uint8Array'): void {
  if (!data) throw inputError(name, `is required (${type} of ${length})`);
  const ok = type === 'Int32Array' ? data instanceof Int32Array : type === 'Float64Array' ? data instanceof Float64Array : data instanceof Uint8Array;
  if (!ok) throw inputError(name, `must be a ${type}`);
  if (data.length !== length) throw inputError(name, `expected ${length} values, got ${data.length}`);
}

function checkEach(name: string, data: NumericArray, rule: string, ok: (value: number, index: number) => boolean): void {
  for (let i = 0; i < data.length; i++) {
    if (!ok(data[i], i)) throw inputError(name, `${rule} (index ${i}, value ${data[i]})`);
  }
}

/**
 * Places one solve takes (issue #15 plans 10,000 orders: with pickups and depots up to ~21,000 places). The
 * built-in model has no matrix to bound the size, but a first plan still costs about O(N²) in the worst case
 * (one long route), so a size far beyond the product's would only hang the worker.
 */
export const MAX_SOLVER_NODES = 25_000;

const nonNegative = (value: number): boolean => value >= 0;
const finiteNonNegative = (value: number): boolean => Number.isFinite(value) && value >= 0;

/** Throws InputError naming the first buffer whose length or values break the contract. */
export function validateProblem(p: ProblemBuffers): void {
  checkCount('nodeCount', p.nodeCount, 1);
  checkCount('depotCount', p.depotCount, 1);
  if (p.depotCount > p.nodeCount) throw inputError('depotCount', 'must not exceed nodeCount');
  checkCount('vehicleCount', p.vehicleCount, 0);
  checkCount('dims', p.dims, 0);
  checkCount('profileCount', p.profileCount, 1);
  const n = p.nodeCount; const v = p.vehicleCount; const k = p.dims;
  if (p.distanceM !== undefined || p.durationS !== undefined) checkMatrixFits(n, p.profileCount);
  if (n > MAX_SOLVER_NODES) {
    throw inputError('nodeCount', `${n} places (depots, orders, pickups) are more than the solver plans at once (at most ${MAX_SOLVER_NODES}): split the day into several scenarios`);
  }
  if (p.distanceM || p.durationS) {
    checkLength('distanceM', p.distanceM, n * n, 'Int32Array');
    checkLength('durationS', p.durationS, p.profileCount * n * n, 'Int32Array');
    checkEach('distanceM', p.distanceM!, 'must be ≥ 0', nonNegative);
    checkEach('durationS', p.durationS!, 'must be ≥ 0', nonNegative);
  } else {
    checkLength('lonLat', p.lonLat, 2 * n, 'Float64Array');
    checkEach('lonLat', p.lonLat!, 'longitude must lie in [-180, 180] and latitude in [-90, 90]',
      (value, i) => Number.isFinite(value) && Math.abs(value) <= (i % 2 === 0 ? 180 : 90));
    checkLength('profileSpeedMps', p.profileSpeedMps, p.profileCount, 'Float64Array');
    checkEach('profileSpeedMps', p.profileSpeedMps, 'must be finite and > 0', (value) => Number.isFinite(value) && value > 0);
  }
  if (p.lonLat && p.lonLat.length !== 2 * n) throw inputError('lonLat', `expected ${2 * n} values, got ${p.lonLat.length}`);
  checkLength('profileSpeedMps', p.profileSpeedMps, p.profileCount, 'Float64Array');
  checkLength('demand', p.demand, n * k, 'Int32Array');
  checkEach('demand', p.demand, 'must be ≥ 0', nonNegative);
  checkLength('serviceS', p.serviceS, n, 'Int32Array');
  checkEach('serviceS', p.serviceS, 'must be ≥ 0', nonNegative);
  const w = p.windowCount ?? 1;
  checkCount('windowCount', w, 1);
  checkLength('twOpenS', p.twOpenS, n * w, 'Int32Array');
  checkLength('twCloseS', p.twCloseS, n * w, 'Int32Array');
  for (let node = 0; node < n; node++) {
    let used = 0;
    for (let slot = 0; slot < w; slot++) if (p.twOpenS[node * w + slot] <= p.twCloseS[node * w + slot]) used++;
    if (used === 0) throw inputError('twCloseS', `node ${node} has no window that opens before it closes`);
  }
  checkOptional(p, n, v, k);
  checkLength('unassignedPenalty', p.unassignedPenalty, n, 'Float64Array');
  checkEach('unassignedPenalty', p.unassignedPenalty, 'must be finite and ≥ 0', finiteNonNegative);
  checkVehicles(p, v, k);
  if (!(p.params instanceof Float64Array) || p.params.length < PARAM_COUNT) {
    throw inputError('params', `must be a Float64Array of at least ${PARAM_COUNT} slots`);
  }
  checkEach('params', p.params, 'must be finite', (value) => Number.isFinite(value));
  if (p.params[PARAM_STABILITY_COST] < 0) throw inputError('params', `the stability cost (slot ${PARAM_STABILITY_COST}) must be ≥ 0, got ${p.params[PARAM_STABILITY_COST]}`);
}

/** Supplied (1 + P) N×N matrices beyond a StaticArray<i32> (2^28 values) or 2 GiB: an InputError, not a trap or i32 overflow inside. */
function checkMatrixFits(n: number, profiles: number): void {
  const bytes = 4 * n * n * (1 + profiles);
  if (n * n <= 2 ** 28 && bytes <= 2 ** 31) return;
  const most = Math.floor(Math.min(2 ** 14, Math.sqrt(2 ** 29 / (1 + profiles))));
  throw inputError('nodeCount', `${n} nodes need ${1 + profiles} travel matrices of ${n} × ${n} cells (${(bytes / 2 ** 30).toFixed(1)} GiB), more than the solver's memory holds: at most ${most} nodes with ${profiles} profile(s)`);
}

function checkOptional(p: ProblemBuffers, n: number, v: number, k: number): void {
  if (p.pickup) {
    checkLength('pickup', p.pickup, n * k, 'Int32Array');
    checkEach('pickup', p.pickup, 'must be ≥ 0', nonNegative);
  }
  if (p.forbidden) checkLength('forbidden', p.forbidden, n * v, 'Uint8Array');
  if (p.lockSeq) checkLength('lockSeq', p.lockSeq, n, 'Int32Array');
  for (const name of ['maxStops', 'maxDistanceM', 'maxDurationS', 'maxDrivingS'] as const) {
    const data = p[name];
    if (!data) continue;
    checkLength(name, data, v, 'Int32Array');
    checkEach(name, data, 'must be ≥ 0, or −1 for no limit', (x) => x >= -1);
  }
  if (p.nodeFlags) checkLength('nodeFlags', p.nodeFlags, n, 'Int32Array');
  if (p.homeVehicle) {
    checkLength('homeVehicle', p.homeVehicle, n, 'Int32Array');
    checkEach('homeVehicle', p.homeVehicle, `must be −1 or a vehicle index < ${v}`, (x) => x >= -1 && x < v);
  }
  if (p.nodeVehicle) {
    checkLength('nodeVehicle', p.nodeVehicle, n, 'Int32Array');
    checkEach('nodeVehicle', p.nodeVehicle, `must be −1 or a vehicle index < ${v}`, (x) => x >= -1 && x < v);
  }
  if (p.nodeFlags) {
    checkEach('nodeFlags', p.nodeFlags, 'a break (NODE_BREAK) must be a stop without a place (NODE_ANYWHERE) owned by one vehicle (nodeVehicle)', (flags, node) =>
      (flags & NODE_BREAK) === 0 || (node >= p.depotCount && (flags & NODE_ANYWHERE) !== 0 && (p.nodeVehicle?.[node] ?? -1) >= 0));
  }
  if (p.windowCost) {
    checkLength('windowCost', p.windowCost, n * (p.windowCount ?? 1), 'Float64Array');
    checkEach('windowCost', p.windowCost, 'must be finite and ≥ 0', finiteNonNegative);
  }
  if (p.overtimeMaxS || p.overtimeCostPerS) {
    checkLength('overtimeMaxS', p.overtimeMaxS, v, 'Int32Array');
    checkEach('overtimeMaxS', p.overtimeMaxS!, 'must be ≥ 0', nonNegative);
    checkLength('overtimeCostPerS', p.overtimeCostPerS, v, 'Float64Array');
    checkEach('overtimeCostPerS', p.overtimeCostPerS!, 'must be finite and ≥ 0', finiteNonNegative);
  }
  if (p.nominalCostPerM) {
    checkLength('nominalCostPerM', p.nominalCostPerM, v, 'Float64Array');
    const perM = p.vehicleCostPerM;
    checkEach('nominalCostPerM', p.nominalCostPerM, 'must be finite, ≥ 0 and at most vehicleCostPerM', (x, i) => finiteNonNegative(x) && x <= perM[i]);
  }
  if (p.pair) {
    const pair = p.pair;
    checkLength('pair', pair, n, 'Int32Array');
    const pickupSide = (node: number) => ((p.nodeFlags?.[node] ?? 0) & NODE_PICKUP) !== 0;
    checkEach('pair', pair, 'must be −1 or another stop whose partner is this one, exactly one of them flagged NODE_PICKUP', (partner, node) =>
      partner === -1 || (node >= p.depotCount && partner >= p.depotCount && partner < n && partner !== node
        && pair[partner] === node && pickupSide(node) !== pickupSide(partner)));
  }
}

/** Throws InputError naming the first part of a starting plan that is not CSR routes of distinct stops, one per vehicle. */
export function validateInitial(initial: InitialPlan, vehicleCount: number, nodeCount: number, depotCount: number): void {
  checkLength('initial.routeOffsets', initial.routeOffsets, vehicleCount + 1, 'Int32Array');
  const offsets = initial.routeOffsets;
  if (offsets[0] !== 0) throw inputError('initial.routeOffsets', 'must start at 0');
  checkEach('initial.routeOffsets', offsets, 'must not decrease', (value, i) => i === 0 || value >= offsets[i - 1]);
  checkLength('initial.visits', initial.visits, offsets[vehicleCount], 'Int32Array');
  const seen = new Set<number>();
  checkEach('initial.visits', initial.visits, 'must be distinct stop indices', (stop) => {
    const ok = stop >= depotCount && stop < nodeCount && !seen.has(stop);
    seen.add(stop);
    return ok;
  });
}

function checkVehicles(p: ProblemBuffers, v: number, k: number): void {
  const isDepot = (node: number): boolean => Number.isInteger(node) && node >= 0 && node < p.depotCount;
  checkLength('vehicleStart', p.vehicleStart, v, 'Int32Array');
  checkEach('vehicleStart', p.vehicleStart, 'must be a depot index', isDepot);
  checkLength('vehicleEnd', p.vehicleEnd, v, 'Int32Array');
  checkEach('vehicleEnd', p.vehicleEnd, 'must be a depot index', isDepot);
  checkLength('capacity', p.capacity, v * k, 'Int32Array');
  checkEach('capacity', p.capacity, 'must be ≥ 0', nonNegative);
  checkLength('shiftStartS', p.shiftStartS, v, 'Int32Array');
  checkLength('shiftEndS', p.shiftEndS, v, 'Int32Array');
  checkEach('shiftEndS', p.shiftEndS, 'shift ends before it starts', (end, i) => end >= p.shiftStartS[i]);
  checkLength('vehicleProfile', p.vehicleProfile, v, 'Int32Array');
  checkEach('vehicleProfile', p.vehicleProfile, `must be a profile index < ${p.profileCount}`, (x) => x >= 0 && x < p.profileCount);
  checkLength('vehicleFixedCost', p.vehicleFixedCost, v, 'Float64Array');
  checkEach('vehicleFixedCost', p.vehicleFixedCost, 'must be finite and ≥ 0', finiteNonNegative);
  checkLength('vehicleCostPerM', p.vehicleCostPerM, v, 'Float64Array');
  checkEach('vehicleCostPerM', p.vehicleCostPerM, 'must be finite and ≥ 0', finiteNonNegative);
  checkLength('vehicleCostPerS', p.vehicleCostPerS, v, 'Float64Array');
  checkEach('vehicleCostPerS', p.vehicleCostPerS, 'must be finite and ≥ 0', finiteNonNegative);
}
