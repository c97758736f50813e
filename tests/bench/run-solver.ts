// Runs the release WASM solver on a benchmark instance in Node for a time
// budget and re-checks the result with the independent instance checker.
import { readFileSync } from 'node:fs';
import { Status } from '../../workers/protocol';
import { compileSolver, instantiateSolver, type SolverInstance } from '../../workers/wasm';
import { checkInstancePlan, type InstanceCheck } from './check-instance';
import { instanceToProblem, routesOf } from './instance-problem';
import type { Instance, Rounding } from './instance';

export interface RunOptions {
  rounding: Rounding;
  seed: number;
  timeLimitS: number;
  /**
   * Work budget in move evaluations instead of the time limit: the search then runs in fixed chunks and
   * its annealing progress is the share of this budget spent, so a seed gives the same plan on every run.
   */
  maxMoves?: number;
  /**
   * 'cpu': the time limit counts this process's CPU time (process.cpuUsage, all its threads) instead of the
   * wall clock, for benchmark tables on a shared machine where other work would starve a wall-clock run.
   */
  clock?: 'wall' | 'cpu';
}

export interface RunResult {
  routes: number[][];
  check: InstanceCheck;
  seconds: number;
  iterations: number;
  unassigned: number;
}

let compiled: Promise<WebAssembly.Module> | null = null;

/** Compiles solver-as/build/release.wasm once per process. */
export function releaseModule(): Promise<WebAssembly.Module> {
  compiled ??= compileSolver(readFileSync(new URL('../../solver-as/build/release.wasm', import.meta.url)));
  return compiled;
}

/** Milliseconds of CPU time this process has used (user + system, all threads). */
export function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** Improves until the time limit on `now` (ms), each chunk sized to take about 50 ms. */
function improveForTime(solver: SolverInstance, now: () => number, started: number, limitMs: number): void {
  let chunk = 100;
  while (now() - started < limitMs) {
    const t0 = now();
    if (solver.improve(chunk, Math.min(1, (t0 - started) / limitMs)) === Status.Done) break;
    const spent = now() - t0;
    chunk = Math.max(1, Math.round(chunk * Math.min(4, spent > 0 ? 50 / spent : 4)));
  }
}

/** Move evaluations per improve() call under a move budget (fixed, so the run is reproducible). */
const MOVE_CHUNK = 1000;

/** Improves for `maxMoves` move evaluations in fixed chunks, progress = share of the budget spent. */
function improveForMoves(solver: SolverInstance, maxMoves: number): void {
  for (let spent = 0; spent < maxMoves; spent += MOVE_CHUNK) {
    if (solver.improve(MOVE_CHUNK, spent / maxMoves) === Status.Done) break;
  }
}

export async function runInstance(inst: Instance, options: RunOptions): Promise<RunResult> {
  const now = options.clock === 'cpu' ? cpuMs : () => performance.now();
  const started = now();
  const solver = await instantiateSolver(await releaseModule());
  solver.load(instanceToProblem(inst, options.rounding, options.seed));
  solver.construct();
  if (options.maxMoves !== undefined) improveForMoves(solver, options.maxMoves);
  else improveForTime(solver, now, started, options.timeLimitS * 1000);
  const solution = solver.readSolution();
  const routes = routesOf(solution);
  return {
    routes,
    check: checkInstancePlan(inst, routes, options.rounding),
    seconds: (now() - started) / 1000,
    iterations: solver.iterations(),
    unassigned: solution.unassigned.length,
  };
}
