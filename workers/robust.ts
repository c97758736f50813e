// Robust planning in the worker (issue #14): with an on-time target the solver
// is loaded with inflated durations — the embedded model's speeds divided by the
// travel factor (legs still computed from coordinates, on demand at any size), or
// a supplied matrix's mean durations times it — and each order's service times
// its service type's factor. Distances, windows, costs and limits are unchanged.
// The plan is then decoded with the mean legs of an instance loaded with the
// plain encoding (exactly the checker's) and mean service times, service starting
// as early as its window allows (decode's `rewalk`).
import type { Scenario } from '../web/src/domain/scenario';
import { resolveVariability } from '../web/src/domain/variability';
import { robustFactors, typicalPrefix, type RobustFactors, type RobustRule } from '../web/src/domain/risk/robust';
import type { Encoded } from './encode';
import { decode, type Travel } from './decode';
import { planFigures, type PlanFigures } from './progress';
import type { ProblemBuffers, SolutionBuffers } from './protocol';
import type { SolverInstance } from './wasm';

/** The progress figures of a written-out solution. */
export type Figures = (buffers: SolutionBuffers, encoded: Encoded) => PlanFigures;

/**
 * Progress figures of a robust solve: the route cost decoded at the mean times (the solver's own summary
 * prices its inflated durations), the unassigned orders and their penalty as usual.
 */
export function robustFigures(scenario: Scenario, encoded: Encoded, meanTravel: Travel): Figures {
  const stats = { seed: 0, iterations: 0, elapsedMs: 0 };
  return (buffers) => {
    const plain = planFigures(buffers, encoded);
    const decoded = decode(buffers, { scenario, encoded, travel: meanTravel, stopReason: 'time-limit', stats, rewalk: true });
    return { ...plain, routeCost: decoded.summary.cost };
  };
}

/** Per profile: the solver's distance and duration matrices (N·N each). */
export type Matrices = { distanceM: Int32Array; durationS: Int32Array }[];

/** Reads every profile's matrices from a loaded instance. */
export function readMatrices(instance: SolverInstance, profileCount: number): Matrices {
  return Array.from({ length: profileCount }, (_, p) => instance.readMatrix(p));
}

/** Order services × their type's factor (rounded to whole seconds; a factor ≥ 1 never shortens one); breaks and depots keep theirs. */
function robustServices(scenario: Scenario, encoded: Encoded, factors: RobustFactors): Int32Array {
  return Int32Array.from(encoded.buffers.serviceS, (s, node) => {
    const j = encoded.nodeOrder[node];
    return j < 0 ? s : Math.round(s * factors.service[scenario.orders[j].serviceType]);
  });
}

/**
 * The problem the solver plans with: `encoded.buffers` with order services × their type's factor and
 * travel durations × factors.travel. With the embedded model the profiles' speeds are divided by the
 * factor (legs stay computed from coordinates, on demand at any size: round(d·f/v) ≥ round(d/v) for f ≥ 1);
 * with a supplied matrix its mean durations (read from `mean`, the instance loaded with the plain encoding,
 * so exactly the checker's legs) are multiplied and rounded.
 */
export function robustBuffers(scenario: Scenario, encoded: Encoded, mean: SolverInstance, factors: RobustFactors): ProblemBuffers {
  const b = encoded.buffers;
  const serviceS = robustServices(scenario, encoded, factors);
  if (b.durationS === undefined) {
    return { ...b, serviceS, profileSpeedMps: Float64Array.from(b.profileSpeedMps, (v) => v / factors.travel) };
  }
  const matrices = readMatrices(mean, b.profileCount);
  const NN = b.nodeCount * b.nodeCount;
  const durationS = new Int32Array(b.profileCount * NN);
  matrices.forEach((m, p) => {
    for (let i = 0; i < NN; i++) durationS[p * NN + i] = Math.round(m.durationS[i] * factors.travel);
  });
  return { ...b, distanceM: Int32Array.from(matrices[0].distanceM), durationS, serviceS };
}

/** What a solve loads: the instance to search in and, when planning robustly, the mean travel to decode with. */
export interface LoadedSolve {
  instance: SolverInstance;
  /** Present only with an on-time target: decode with these mean times and re-walk the service starts. */
  meanTravel?: Travel;
}

/**
 * Loads the solve's problem: the plain encoding without an on-time target, else the robust one (the
 * plain instance stays as the mean travel the plan is decoded with).
 */
export async function loadSolve(newInstance: () => Promise<SolverInstance>, scenario: Scenario, encoded: Encoded, rule?: RobustRule): Promise<LoadedSolve> {
  const factors = robustFactors(scenario.settings.onTimeTarget, resolveVariability(scenario.settings), typicalPrefix(scenario), rule);
  const first = await newInstance();
  first.load(encoded.buffers);
  if (!factors) return { instance: first };
  const instance = await newInstance();
  instance.load(robustBuffers(scenario, encoded, first, factors));
  return { instance, meanTravel: first.travel() };
}
