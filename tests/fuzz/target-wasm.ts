// Fuzz target of the WASM facade (workers/wasm.ts) with a real solver instance:
// encoded fixture problems with one buffer damaged (wrong length or type, NaN /
// Infinity / negative / huge values, counts off, windows swapped, sizes whose
// matrix cannot exist). Each case ends in a checked solution or a named Error;
// afterwards a fresh instance still solves the reference problem exactly as before.
import fc from 'fast-check';
import type { ProblemBuffers, SolutionBuffers } from '../../workers/protocol';
import { encode } from '../../workers/encode';
import type { SolverInstance } from '../../workers/wasm';
import { makeMiniScenario } from '../fixtures/mini-scenario';
import { makeShipmentScenario } from '../fixtures/mini-shipment';
import { rulesScenario } from '../fixtures/rules-scenario';
import { smallScenario } from '../fixtures/small-scenario';
import { newSolver as loadSolver } from '../helpers/load-solver';
import { clearErrorMessage, expectThat, type FuzzTarget, type Outcome } from './harness';

const BASES = [makeMiniScenario(), rulesScenario(), makeShipmentScenario(), smallScenario()].map((s) => encode(s, { seed: 1, timeLimitS: 1 }).buffers);
const COUNTS = ['nodeCount', 'depotCount', 'vehicleCount', 'dims', 'profileCount', 'windowCount'] as const;
const ODD_NUMBERS = [NaN, Infinity, -Infinity, -1, -0.5, 0.5, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 1e308, 46_341, 1e6];

/** One damage to a problem. */
type Damage =
  | { op: 'none' }
  | { op: 'count'; name: (typeof COUNTS)[number]; value: number }
  | { op: 'length'; buffer: number; delta: number }
  | { op: 'type'; buffer: number; to: 'Int32Array' | 'Float64Array' | 'Uint8Array' | 'Array' | 'missing' }
  | { op: 'value'; buffer: number; index: number; value: number }
  | { op: 'swap-window'; node: number }
  | { op: 'huge'; nodes: number };

const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ op: 'none' as const }) },
  { weight: 8, arbitrary: fc.record({ op: fc.constant('count' as const), name: fc.constantFrom(...COUNTS), value: fc.oneof(fc.constantFrom(...ODD_NUMBERS), fc.integer({ min: -2, max: 40 })) }) },
  { weight: 8, arbitrary: fc.record({ op: fc.constant('length' as const), buffer: fc.nat(), delta: fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0) }) },
  { weight: 8, arbitrary: fc.record({ op: fc.constant('type' as const), buffer: fc.nat(), to: fc.constantFrom('Int32Array' as const, 'Float64Array' as const, 'Uint8Array' as const, 'Array' as const, 'missing' as const) }) },
  { weight: 16, arbitrary: fc.record({ op: fc.constant('value' as const), buffer: fc.nat(), index: fc.nat(), value: fc.oneof(fc.constantFrom(...ODD_NUMBERS), fc.integer({ min: -3, max: 100_000 })) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('swap-window' as const), node: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('huge' as const), nodes: fc.constantFrom(800, 2_100, 25_001, 46_341, 70_000, 2 ** 20) }) },
);

interface WasmCase { base: number; damages: Damage[]; seed: number }

type Buffers = Record<string, unknown>;
const bufferNames = (p: Buffers) => Object.keys(p).filter((k) => ArrayBuffer.isView(p[k]));

function retype(data: Int32Array | Float64Array | Uint8Array, to: string): unknown {
  if (to === 'missing') return undefined;
  if (to === 'Array') return Array.from(data);
  const Type = to === 'Int32Array' ? Int32Array : to === 'Float64Array' ? Float64Array : Uint8Array;
  return Type.from(data as ArrayLike<number>);
}

function resized(data: Int32Array | Float64Array | Uint8Array, length: number) {
  const out = new (data.constructor as Int32ArrayConstructor)(Math.max(0, length));
  out.set(data.subarray(0, out.length) as Int32Array);
  return out;
}

/** A problem of `nodes` nodes (one depot, one vehicle, no capacity) whose O(N) buffers are all consistent. */
function hugeProblem(base: ProblemBuffers, nodes: number): Buffers {
  const lonLat = new Float64Array(2 * nodes).map((_, i) => (i % 2 === 0 ? 4.8 + (i % 1000) * 1e-4 : 45.7));
  return {
    ...base, nodeCount: nodes, depotCount: 1, vehicleCount: 1, dims: 0, profileCount: 1, windowCount: 1, lonLat,
    distanceM: undefined, durationS: undefined, demand: new Int32Array(0), serviceS: new Int32Array(nodes), twOpenS: new Int32Array(nodes),
    twCloseS: new Int32Array(nodes).fill(86_400), unassignedPenalty: new Float64Array(nodes).fill(1000),
    vehicleStart: new Int32Array(1), vehicleEnd: new Int32Array(1), capacity: new Int32Array(0), shiftStartS: new Int32Array(1),
    shiftEndS: new Int32Array([86_400]), vehicleProfile: new Int32Array(1), vehicleFixedCost: new Float64Array(1), vehicleCostPerM: new Float64Array(1),
    vehicleCostPerS: new Float64Array(1), profileSpeedMps: new Float64Array([8]), pickup: undefined, forbidden: undefined, lockSeq: undefined,
    maxStops: undefined, maxDistanceM: undefined, maxDurationS: undefined, maxDrivingS: undefined, nodeFlags: undefined, pair: undefined,
    nodeVehicle: undefined, windowCost: undefined, overtimeMaxS: undefined, overtimeCostPerS: undefined,
  };
}

function damaged(c: WasmCase): Buffers {
  let p: Buffers = { ...BASES[c.base % BASES.length], params: Float64Array.from(BASES[c.base % BASES.length].params) };
  p.params = Float64Array.from(p.params as Float64Array);
  (p.params as Float64Array)[0] = c.seed;
  for (const d of c.damages) {
    const names = bufferNames(p);
    const name = 'buffer' in d ? names[d.buffer % names.length] : '';
    const data = p[name] as Int32Array | Float64Array | Uint8Array;
    if (d.op === 'count') p[d.name] = d.value;
    else if (d.op === 'length') p[name] = resized(data, data.length + d.delta);
    else if (d.op === 'type') p[name] = retype(data, d.to);
    else if (d.op === 'value' && data.length > 0) { p[name] = data.slice(); (p[name] as Float64Array)[d.index % data.length] = d.value; }
    else if (d.op === 'swap-window' && ArrayBuffer.isView(p.twOpenS) && ArrayBuffer.isView(p.twCloseS)) {
      const open = (p.twOpenS as Int32Array).slice(); const close = (p.twCloseS as Int32Array).slice();
      const k = d.node % Math.max(1, Math.min(open.length, close.length));
      [open[k], close[k]] = [close[k], open[k]];
      p = { ...p, twOpenS: open, twCloseS: close };
    } else if (d.op === 'huge') p = hugeProblem(p as unknown as ProblemBuffers, d.nodes);
  }
  return p;
}

/** A solution the facade hands out is a plan: offsets in order, each stop at most once, nothing outside the problem. */
function checkSolution(p: ProblemBuffers, s: SolutionBuffers, vehicles: number): void {
  expectThat(s.routeOffsets.length === vehicles + 1 && s.routeOffsets[0] === 0, 'routeOffsets has the wrong shape');
  for (let r = 0; r < vehicles; r++) expectThat(s.routeOffsets[r + 1] >= s.routeOffsets[r], 'routeOffsets decreases');
  expectThat(s.visits.length === s.routeOffsets[vehicles] && s.arrivalS.length === s.visits.length, 'visits and arrivals disagree with the offsets');
  const seen = new Set<number>();
  for (const node of [...s.visits, ...s.unassigned]) {
    expectThat(Number.isInteger(node) && node >= p.depotCount && node < p.nodeCount, () => `node ${node} is not a stop`);
    expectThat(!seen.has(node), () => `stop ${node} appears twice`);
    seen.add(node);
  }
  expectThat([...s.summary].every(Number.isFinite), () => `summary is not finite: ${[...s.summary]}`);
}

/** What the reference problem solves to on a fresh instance (fixed seed and move count: deterministic). */
async function referenceRun(solver: SolverInstance): Promise<string> {
  solver.load(BASES[0]);
  solver.construct();
  solver.improve(2_000);
  return JSON.stringify(solver.readSolution(), (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v));
}
const newSolver = () => loadSolver('debug');
let referenceResult: Promise<string> | null = null;
const reference = () => (referenceResult ??= newSolver().then(referenceRun));

async function runWasm(c: WasmCase): Promise<Outcome> {
  const solver = await newSolver();
  const problem = damaged(c) as unknown as ProblemBuffers;
  let outcome: Outcome;
  let inputError = false;
  try {
    solver.load(problem);
    solver.construct();
    solver.improve(500);
    checkSolution(problem, solver.readSolution(), problem.vehicleCount);
    outcome = { kind: 'valid' };
  } catch (error) {
    // The damage's own values (NaN, Infinity…) may be quoted back: that is the input, named.
    const message = clearErrorMessage(error, c.damages.flatMap((d) => ('value' in d ? [String(d.value)] : [])));
    const named = (error as Error).name;
    expectThat(named === 'InputError' || named === 'SolverError', () => `error named '${named}': ${message}`);
    expectThat(named !== 'InputError' || /^[\w.]+: \S/.test(message), () => `input error names no buffer: ${message}`);
    inputError = named === 'InputError';
    outcome = { kind: 'rejected', message: `${named}: ${message}` };
  }
  // Rejected input never reached WASM: the same instance still solves; a fresh one always does, identically.
  if (inputError) expectThat(await referenceRun(solver) === await reference(), 'a rejected load changed what the same instance solves');
  expectThat(await referenceRun(await newSolver()) === await reference(), 'a fresh instance no longer solves the reference problem as before');
  return outcome;
}

/** The WASM facade with a real (debug) solver instance. */
export const wasmTarget: FuzzTarget<WasmCase> = {
  name: 'wasm facade',
  arbitrary: fc.record({ base: fc.nat(BASES.length - 1), damages: fc.array(damageArb, { minLength: 1, maxLength: 3 }), seed: fc.integer({ min: 0, max: 1000 }) }),
  run: runWasm,
  budgetMs: (c) => (c.damages.some((d) => d.op === 'huge') ? 30_000 : 5_000),
  describe: (c) => JSON.stringify(c),
};
