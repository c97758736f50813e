// Typed facade over the raw WASM solver exports: compiles once, instantiates a
// fresh copy per solve, validates every input buffer before it crosses the
// boundary, and turns `abort` and traps into SolverError. Works in Node and in
// the browser worker (no top-level await, no Node-only imports).
import {
  INPUT_ERROR, NODE_ANYWHERE, NODE_BREAK, NODE_PICKUP, PARAM_COUNT, PARAM_SEED, PARAM_STABILITY_COST, SOLVER_ERROR, SUMMARY_COUNT, namedError,
  type ProblemBuffers, type SolutionBuffers, type Status,
} from './protocol';
import type { Travel } from './decode';

/** Input buffer ids of `inputPtr`; mirror BUF_* in solver-as/assembly/types.ts. */
const BUFFER_IDS = {
  lonLat: 0, distanceM: 1, durationS: 2, demand: 3, serviceS: 4, twOpenS: 5, twCloseS: 6,
  unassignedPenalty: 7, vehicleStart: 8, vehicleEnd: 9, capacity: 10, shiftStartS: 11, shiftEndS: 12,
  vehicleProfile: 13, vehicleFixedCost: 14, vehicleCostPerM: 15, vehicleCostPerS: 16, profileSpeedMps: 17,
  params: 18, pickup: 19, forbidden: 20, lockSeq: 21, maxStops: 22, maxDistanceM: 23, maxDurationS: 24,
  maxDrivingS: 25, nodeFlags: 26, pair: 27, overtimeMaxS: 28, overtimeCostPerS: 29, nodeVehicle: 30, windowCost: 31,
  homeVehicle: 32,
} as const;
/** Parameter slots the compiled solver reads (it ignores later slots it does not know). */
const WASM_PARAM_COUNT = PARAM_COUNT;

/** The raw exports of solver-as/assembly/index.ts (bindings "raw"). */
export interface RawSolverExports {
  memory: WebAssembly.Memory;
  setup(nodes: number, depots: number, vehicles: number, dims: number, profiles: number, matrixGiven: number, windows: number): void;
  inputPtr(bufferId: number): number;
  buildMatrix(): void;
  construct(): void;
  beginPlan(): void;
  placeStop(stop: number, vehicle: number): number;
  completePlan(): void;
  improve(maxMoves: number, progress: number): number;
  bestCost(): number;
  iterations(): number;
  writeSolution(working: number): void;
  outputPtr(which: number): number;
  outputUnassignedCount(): number;
  matrixPtr(kind: number, profile: number): number;
  legDistance(from: number, to: number): number;
  legDurationS(profile: number, from: number, to: number): number;
  setMatrixNodeLimit(limit: number): void;
  testEvaluate(op: number, u: number, v: number): number;
  testApply(op: number, u: number, v: number): void;
  testLink(kind: number, site: number): number;
  testCost(route: number): number;
  testRemoveString(first: number, count: number, keepFrom: number, keep: number): number;
  testRestartDescent(): void;
  testVehicleCount(): number;
  testRelax(warpPrice: number, loadPrice: number): void;
  testViolations(): number;
  testViolatingSteps(): number;
  testConstructPruning(on: number): void;
  testInsertionElsewhere(stop: number, alongside: number, mode: number): number;
  testTimeScreen(mode: number, first: number, last: number, before: number): number;
  testScreenedFullWarp(): number;
  testPlainPricing(on: number): number;
  riskSetup(routes: number, stops: number, windows: number, tables: number): void;
  riskInputPtr(id: number): number;
  riskOutputPtr(id: number): number;
  riskRun(samples: number, seed: number): void;
}

/** A starting plan in CSR form (like SolutionBuffers): route r = vehicle r. */
export interface InitialPlan {
  routeOffsets: Int32Array;
  visits: Int32Array;
}

/** One solver instance: load once, then construct / improve / read. */
export interface SolverInstance {
  /** Validates every buffer (InputError naming the buffer), copies it into WASM and builds the matrix. */
  load(problem: ProblemBuffers): void;
  /**
   * Builds the first plan, seeded from params[PARAM_SEED]. With `initial`
   * (CSR routes, route r = vehicle r), its stops are placed first, in order,
   * as long as each route stays feasible; the rest are inserted cheapest-first.
   * Returns how many initial visits could not be placed as given.
   */
  construct(initial?: InitialPlan): number;
  /** Sets params[PARAM_SEED] and constructs again from `plan` (a portfolio worker adopting a better plan). */
  restart(plan: InitialPlan, seed: number): number;
  /**
   * Searches for about `maxMoves` work units (move or insertion evaluations;
   * roughly 20 000 per millisecond in the release build on a 2020s laptop
   * core) and returns; anytime, the best plan is kept. `progress` is the
   * elapsed share of the caller's time budget (0…1) and drives the annealing
   * temperature; omit it and the solver paces itself by step count (100 000
   * steps). The same seed and the same sequence of (maxMoves, progress) calls
   * give the same plan.
   */
  improve(maxMoves: number, progress?: number): Status;
  /** Objective of the best plan so far. */
  bestCost(): number;
  iterations(): number;
  /** Fresh copies (never views of WASM memory) of the best plan so far. */
  readSolution(): SolutionBuffers;
  /** Copies of the distance matrix and of `profile`'s duration matrix (N × N: for tests on small problems). */
  readMatrix(profile: number): { distanceM: Int32Array; durationS: Int32Array };
  /** Travel between nodes exactly as the solver sees it (stored or on-demand), one leg at a time. */
  travel(): Travel;
  /** Bytes of WASM memory the instance holds (it only grows within an instance). */
  memoryBytes(): number;
  /** The raw exports, for solver unit tests only. */
  readonly raw: RawSolverExports;
}

/** Compiles the solver .wasm once; instantiate it per solve. */
export async function compileSolver(source: BufferSource | Response | PromiseLike<Response>): Promise<WebAssembly.Module> {
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source);
  const response = await source;
  if (typeof WebAssembly.compileStreaming === 'function' && response.headers.get('content-type') === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/** Reads an AssemblyScript string (UTF-16, byte length stored 4 bytes before it). */
function readString(memory: WebAssembly.Memory, ptr: number): string {
  if (!ptr) return '';
  const bytes = new Uint32Array(memory.buffer, ptr - 4, 1)[0];
  return String.fromCharCode(...new Uint16Array(memory.buffer, ptr, bytes >>> 1));
}

/** Instantiates a fresh solver (stub runtime: clean memory per solve). */
export async function instantiateSolver(module: WebAssembly.Module): Promise<SolverInstance> {
  let memory: WebAssembly.Memory | null = null;
  const env = {
    abort(message: number, file: number, line: number, column: number): never {
      const text = memory ? readString(memory, message) : 'abort';
      const where = memory ? readString(memory, file) : '?';
      throw namedError(SOLVER_ERROR, `${text} (${where}:${line}:${column})`);
    },
    'Math.sin': Math.sin,
    'Math.cos': Math.cos,
    'Math.asin': Math.asin,
  };
  const instance = await WebAssembly.instantiate(module, { env });
  const raw = instance.exports as unknown as RawSolverExports;
  memory = raw.memory;
  return makeInstance(raw);
}

function makeInstance(raw: RawSolverExports): SolverInstance {
  let broken: Error | null = null;
  /** Iterations done before the last restart (the solver counts from each construct). */
  let iterationsBefore = 0;
  let vehicleCount = 0;
  let nodeCount = 0;
  let depotCount = 0;
  const guard = <T>(call: () => T): T => {
    if (broken) throw namedError(SOLVER_ERROR, `solver instance is unusable after an earlier failure: ${broken.message}`);
    try {
      return call();
    } catch (error) {
      const failure = asSolverError(error);
      broken = failure;
      throw failure;
    }
  };
  return {
    raw,
    load(problem) {
      validateProblem(problem);
      vehicleCount = problem.vehicleCount;
      nodeCount = problem.nodeCount;
      depotCount = problem.depotCount;
      guard(() => copyProblem(raw, problem));
    },
    construct: (initial) => {
      if (!initial) return guard(() => { raw.construct(); return 0; });
      validateInitial(initial, vehicleCount, nodeCount, depotCount);
      return guard(() => {
        raw.beginPlan();
        let rejected = 0;
        for (let vehicle = 0; vehicle < vehicleCount; vehicle++) {
          for (let i = initial.routeOffsets[vehicle]; i < initial.routeOffsets[vehicle + 1]; i++) {
            if (!raw.placeStop(initial.visits[i], vehicle)) rejected++;
          }
        }
        raw.completePlan();
        return rejected;
      });
    },
    restart(plan, seed) {
      guard(() => {
        new Float64Array(raw.memory.buffer, raw.inputPtr(BUFFER_IDS.params), WASM_PARAM_COUNT)[PARAM_SEED] = seed;
        iterationsBefore += raw.iterations(); // constructing again resets the solver's own count
      });
      return this.construct(plan);
    },
    improve: (maxMoves, progress = -1) =>
      guard(() => raw.improve(clampMoves(maxMoves), Number.isFinite(progress) ? Math.min(1, progress) : -1) as Status),
    bestCost: () => guard(() => raw.bestCost()),
    iterations: () => guard(() => iterationsBefore + raw.iterations()),
    readSolution: () => guard(() => readSolutionBuffers(raw, vehicleCount)),
    readMatrix: (profile) => guard(() => {
      const cells = nodeCount * nodeCount;
      if (raw.matrixPtr(0, 0) === 0) return legMatrices(raw, nodeCount, profile);
      const distanceM = new Int32Array(raw.memory.buffer, raw.matrixPtr(0, 0), cells).slice();
      const durationS = new Int32Array(raw.memory.buffer, raw.matrixPtr(1, profile), cells).slice();
      return { distanceM, durationS };
    }),
    travel: () => ({
      distanceM: (from, to) => guard(() => raw.legDistance(from, to)),
      durationS: (profile, from, to) => guard(() => raw.legDurationS(profile, from, to)),
    }),
    memoryBytes: () => raw.memory.buffer.byteLength,
  };
}

/** Both matrices of one profile, leg by leg (travel computed on demand: nothing N × N is stored in WASM). */
function legMatrices(raw: RawSolverExports, n: number, profile: number): { distanceM: Int32Array; durationS: Int32Array } {
  const distanceM = new Int32Array(n * n);
  const durationS = new Int32Array(n * n);
  for (let from = 0; from < n; from++) {
    for (let to = 0; to < n; to++) {
      distanceM[from * n + to] = raw.legDistance(from, to);
      durationS[from * n + to] = raw.legDurationS(profile, from, to);
    }
  }
  return { distanceM, durationS };
}

/** maxMoves as the i32 the export takes: at least 1, at most 2^31 − 1. */
function clampMoves(maxMoves: number): number {
  return Math.min(0x7fffffff, Math.max(1, Math.floor(maxMoves) || 1));
}

function asSolverError(error: unknown): Error {
  if (error instanceof Error && error.name === SOLVER_ERROR) return error;
  if (error instanceof WebAssembly.RuntimeError) return namedError(SOLVER_ERROR, `WebAssembly trap: ${error.message}`);
  const message = error instanceof Error ? error.message : String(error);
  return namedError(SOLVER_ERROR, message);
}

type NumericArray = Int32Array | Float64Array | Uint8Array;

/** Writes `data` into WASM memory at the address of input buffer `name` (fresh view: memory may have grown). */
function writeBuffer(raw: RawSolverExports, name: keyof typeof BUFFER_IDS, data: NumericArray, count = data.length): void {
  const ptr = raw.inputPtr(BUFFER_IDS[name]);
  if (data instanceof Int32Array) new Int32Array(raw.memory.buffer, ptr, count).set(data.subarray(0, count));
  else if (data instanceof Float64Array) new Float64Array(raw.memory.buffer, ptr, count).set(data.subarray(0, count));
  else new Uint8Array(raw.memory.buffer, ptr, count).set(data.subarray(0, count));
}

function copyProblem(raw: RawSolverExports, p: ProblemBuffers): void {
  const matrixGiven = p.distanceM !== undefined;
  raw.setup(p.nodeCount, p.depotCount, p.vehicleCount, p.dims, p.profileCount, matrixGiven ? 1 : 0, p.windowCount ?? 1);
  if (p.lonLat) writeBuffer(raw, 'lonLat', p.lonLat);
  if (p.distanceM && p.durationS) {
    writeBuffer(raw, 'distanceM', p.distanceM);
    writeBuffer(raw, 'durationS', p.durationS);
  }
  writeBuffer(raw, 'demand', p.demand);
  writeBuffer(raw, 'serviceS', p.serviceS);
  writeBuffer(raw, 'twOpenS', p.twOpenS);
  writeBuffer(raw, 'twCloseS', p.twCloseS);
  writeBuffer(raw, 'unassignedPenalty', p.unassignedPenalty);
  writeBuffer(raw, 'vehicleStart', p.vehicleStart);
  writeBuffer(raw, 'vehicleEnd', p.vehicleEnd);
  writeBuffer(raw, 'capacity', p.capacity);
  writeBuffer(raw, 'shiftStartS', p.shiftStartS);
  writeBuffer(raw, 'shiftEndS', p.shiftEndS);
  writeBuffer(raw, 'vehicleProfile', p.vehicleProfile);
  writeBuffer(raw, 'vehicleFixedCost', p.vehicleFixedCost);
  writeBuffer(raw, 'vehicleCostPerM', p.vehicleCostPerM);
  writeBuffer(raw, 'vehicleCostPerS', p.vehicleCostPerS);
  writeBuffer(raw, 'profileSpeedMps', p.profileSpeedMps);
  writeBuffer(raw, 'params', p.params, Math.min(p.params.length, WASM_PARAM_COUNT));
  for (const name of OPTIONAL_BUFFERS) {
    const data = p[name];
    if (data) writeBuffer(raw, name, data);
  }
  raw.buildMatrix();
}

/** Buffers with a default in WASM (none / −1 / 0), written only when given. */
const OPTIONAL_BUFFERS = [
  'pickup', 'forbidden', 'lockSeq', 'maxStops', 'maxDistanceM', 'maxDurationS', 'maxDrivingS', 'nodeFlags', 'pair', 'overtimeMaxS',
  'overtimeCostPerS', 'nodeVehicle', 'windowCost', 'homeVehicle',
] as const;

function readSolutionBuffers(raw: RawSolverExports, vehicleCount: number): SolutionBuffers {
  raw.writeSolution(0);
  const buffer = raw.memory.buffer;
  const routeOffsets = new Int32Array(buffer, raw.outputPtr(0), vehicleCount + 1).slice();
  const visitCount = routeOffsets[vehicleCount];
  return {
    routeOffsets,
    visits: new Int32Array(buffer, raw.outputPtr(1), visitCount).slice(),
    arrivalS: new Int32Array(buffer, raw.outputPtr(2), visitCount).slice(),
    routeStartS: new Int32Array(buffer, raw.outputPtr(3), vehicleCount).slice(),
    unassigned: new Int32Array(buffer, raw.outputPtr(4), raw.outputUnassignedCount()).slice(),
    summary: new Float64Array(buffer, raw.outputPtr(5), SUMMARY_COUNT).slice(),
  };
}

// ---------------------------------------------------------------- validation

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
  if (p.pair) {
    const pair = p.pair;
    checkLength('pair', pair, n, 'Int32Array');
    const pickupSide = (node: number) => ((p.nodeFlags?.[node] ?? 0) & NODE_PICKUP) !== 0;
    checkEach('pair', pair, 'must be −1 or another stop whose partner is this one, exactly one of them flagged NODE_PICKUP', (partner, node) =>
      partner === -1 || (node >= p.depotCount && partner >= p.depotCount && partner < n && partner !== node
        && pair[partner] === node && pickupSide(node) !== pickupSide(partner)));
  }
}

function validateInitial(initial: InitialPlan, vehicleCount: number, nodeCount: number, depotCount: number): void {
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
