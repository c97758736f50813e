// The repair's solve in Node (tests, benchmark, `npm run replan`, `npm run solve` on a
// scenario file): the worker's steps (validate → encode → construct → improve →
// decode) for a time limit, or under a fixed move budget so a seed gives one plan.
import { readFileSync } from 'node:fs';
import type { RepairSolve, RepairSolveOptions } from '../../web/src/plan/repair';
import type { Scenario } from '../../web/src/domain/scenario';
import { formatIssues, validateScenario } from '../../web/src/domain/validate';
import { nextChunk } from '../../workers/chunk';
import { decode } from '../../workers/decode';
import { encode, pinnedInitialPlan } from '../../workers/encode';
import { INPUT_ERROR, Status, namedError, type UncheckedSolution } from '../../workers/protocol';
import { compileSolver, instantiateSolver, type SolverInstance } from '../../workers/wasm';

const modules = new Map<string, Promise<WebAssembly.Module>>();

/** The compiled solver of a build target, once per process. */
export function solverModule(target: 'debug' | 'release'): Promise<WebAssembly.Module> {
  let module = modules.get(target);
  if (!module) {
    module = compileSolver(readFileSync(new URL(`../../solver-as/build/${target}.wasm`, import.meta.url)));
    modules.set(target, module);
  }
  return module;
}

/** Move evaluations per improve() call under a move budget. */
const MOVE_CHUNK = 1000;

/** Improves for exactly `maxMoves` move evaluations (reproducible per seed), or until the time limit; true when converged. */
function improve(instance: SolverInstance, options: RepairSolveOptions, started: number): boolean {
  if (options.maxMoves !== undefined) {
    for (let spent = 0; spent < options.maxMoves; spent += MOVE_CHUNK) {
      if (instance.improve(MOVE_CHUNK, spent / options.maxMoves) === Status.Done) return true;
    }
    return false;
  }
  const limitMs = options.timeLimitS * 1000;
  let chunk = 100;
  while (performance.now() - started < limitMs) {
    const t0 = performance.now();
    if (instance.improve(chunk, Math.min(1, (t0 - started) / limitMs)) === Status.Done) return true;
    const now = performance.now();
    chunk = nextChunk(chunk, now - t0, limitMs - (now - started));
  }
  return false;
}

/**
 * Solves as the worker does (validate → encode → construct with the pinned
 * routes → improve → decode), without explaining unassigned orders (a repair
 * does not show them; explaining is the costly part on large days).
 */
async function solveDirect(module: WebAssembly.Module, scenario: Scenario, options: RepairSolveOptions): Promise<UncheckedSolution> {
  const valid = validateScenario(scenario);
  if (!valid.ok) throw namedError(INPUT_ERROR, `the scenario is invalid:\n${formatIssues(valid.issues)}`);
  const started = performance.now();
  const encoded = encode(valid.scenario, options);
  const instance = await instantiateSolver(module);
  instance.load(encoded.buffers);
  instance.construct(pinnedInitialPlan(encoded, options.pins, options.initialRoutes));
  // As the worker says it (workers/search-loop.ts): a used-up work budget is 'completed', not a time limit.
  const stopReason = improve(instance, options, started) ? 'converged' : options.maxMoves !== undefined ? 'completed' : 'time-limit';
  const travel = instance.travel();
  const stats = { seed: options.seed, iterations: instance.iterations(), elapsedMs: Math.round(performance.now() - started) };
  return decode(instance.readSolution(), { scenario: valid.scenario, encoded, travel, stopReason, stats });
}

/** A RepairSolve on the given wasm build: a move budget when the options carry one, else the time limit (or convergence). */
export function nodeRepairSolve(target: 'debug' | 'release' = 'release'): RepairSolve {
  return async (scenario, options) => solveDirect(await solverModule(target), scenario, options);
}
