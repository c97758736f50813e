// Typed facade over the raw WASM solver exports: compiles once, instantiates a
// fresh copy per solve, validates every input buffer before it crosses the
// boundary (validate-buffers.ts), and turns `abort` and traps into SolverError.
// Works in Node and in the browser worker (no top-level await, no Node-only imports).
import {
  PARAM_COUNT, PARAM_SEED, SOLVER_ERROR, SUMMARY_COUNT, namedError, type ProblemBuffers, type SolutionBuffers, type Status,
} from './protocol';
import type { Travel } from './decode';
import { validateInitial, validateProblem, type NumericArray } from './validate-buffers';

/** Input buffer ids of `inputPtr`; mirror BUF_* in solver-as/assembly/types.ts. */
const BUFFER_IDS = {
  lonLat: 0, distanceM: 1, durationS: 2, demand: 3, serviceS: 4, twOpenS: 5, twCloseS: 6,
  unassignedPenalty: 7, vehicleStart: 8, vehicleEnd: 9, capacity: 10, shiftStartS: 11, shiftEndS: 12,
  vehicleProfile: 13, vehicleFixedCost: 14, vehicleCostPerM: 15, vehicleCostPerS: 16, profileSpeedMps: 17,
  params: 18, pickup: 19, forbidden: 20, lockSeq: 21, maxStops: 22, maxDistanceM: 23, maxDurationS: 24,
  maxDrivingS: 25, nodeFlags: 26, pair: 27, overtimeMaxS: 28, overtimeCostPerS: 29, nodeVehicle: 30, windowCost: 31,
  homeVehicle: 32, nominalCostPerM: 33,
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
  testOffer(granular: number, note: number): number;
  testCannotCarry(route: number, stop: number): number;
  testBestInRoute(route: number, stop: number): number;
  testSkipFullRoutes(on: number): void;
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
  riskRun(samples: number): void;
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
  'overtimeCostPerS', 'nodeVehicle', 'windowCost', 'homeVehicle', 'nominalCostPerM',
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
