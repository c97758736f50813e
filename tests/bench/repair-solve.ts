// The repair's solve in Node (tests, benchmark, `npm run replan`): the worker's
// API with no Worker for a time limit, or the same steps (validate → encode →
// construct → improve → decode) under a fixed move budget, so a seed gives one plan.
import { readFileSync } from 'node:fs';
import type { RepairSolve, RepairSolveOptions } from '../../web/src/plan/repair';
import type { Scenario } from '../../web/src/domain/scenario';
import { formatIssues, validateScenario } from '../../web/src/domain/validate';
import { decode, type Travel } from '../../workers/decode';
import { encode, pinnedInitialPlan } from '../../workers/encode';
import { INPUT_ERROR, Status, namedError, type UncheckedSolution } from '../../workers/protocol';
import { createSolverApi } from '../../workers/solver-api';
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

function travelOf(instance: SolverInstance, nodeCount: number, profileCount: number): Travel {
  const matrices = Array.from({ length: profileCount }, (_, p) => instance.readMatrix(p));
  return {
    distanceM: (from, to) => matrices[0].distanceM[from * nodeCount + to],
    durationS: (profile, from, to) => matrices[profile].durationS[from * nodeCount + to],
  };
}

/** Solves for exactly `maxMoves` move evaluations (or until converged): reproducible per seed. */
async function solveForMoves(module: WebAssembly.Module, scenario: Scenario, options: RepairSolveOptions & { maxMoves: number }): Promise<UncheckedSolution> {
  const valid = validateScenario(scenario);
  if (!valid.ok) throw namedError(INPUT_ERROR, `the scenario is invalid:\n${formatIssues(valid.issues)}`);
  const started = performance.now();
  const encoded = encode(valid.scenario, options);
  const instance = await instantiateSolver(module);
  instance.load(encoded.buffers);
  instance.construct(pinnedInitialPlan(encoded, options.pins));
  let stopReason: 'converged' | 'time-limit' = 'time-limit';
  for (let spent = 0; spent < options.maxMoves; spent += MOVE_CHUNK) {
    if (instance.improve(MOVE_CHUNK, spent / options.maxMoves) === Status.Done) {
      stopReason = 'converged';
      break;
    }
  }
  const travel = travelOf(instance, encoded.buffers.nodeCount, encoded.buffers.profileCount);
  const stats = { seed: options.seed, iterations: instance.iterations(), elapsedMs: Math.round(performance.now() - started) };
  return decode(instance.readSolution(), { scenario: valid.scenario, encoded, travel, stopReason, stats });
}

/** A RepairSolve on the given wasm build: a move budget when the options carry one, else the time limit. */
export function nodeRepairSolve(target: 'debug' | 'release' = 'release'): RepairSolve {
  const api = createSolverApi(() => solverModule(target));
  let runId = 0;
  return async (scenario, options) => {
    if (options.maxMoves !== undefined) return solveForMoves(await solverModule(target), scenario, { ...options, maxMoves: options.maxMoves });
    runId += 1;
    return (await api.solve({ runId, scenario, options })).solution;
  };
}
