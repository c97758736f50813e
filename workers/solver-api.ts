// The solver worker's API as a plain object, testable without a Worker: validate
// → encode → WASM (fresh instance per solve) → improve in chunks until the search
// converges, the time limit or a cancel, yielding a macrotask between chunks →
// decode → explain why orders are left out (in the worker, so the main thread stays free).
import { formatIssues, validateScenario } from '../web/src/domain/validate';
import type { StopReason } from '../web/src/domain/solution';
import type { Scenario } from '../web/src/domain/scenario';
import { explainSolution, type Explanation } from '../web/src/domain/explain';
import { nextChunk } from './chunk';
import { encode, pinnedInitialPlan, type Encoded } from './encode';
import { decode } from './decode';
import { planFigures } from './progress';
import { INPUT_ERROR, SOLVER_ERROR, Status, namedError, type Progress, type SolveRequest, type SolveResult, type SolverApi, type UncheckedSolution } from './protocol';
import { instantiateSolver, type SolverInstance } from './wasm';
import { computeRisk } from './risk-api';

/** Progress messages are sent at most this often. */
export const PROGRESS_INTERVAL_MS = 100;
/** Yields one macrotask (not clamped like nested setTimeout), so queued messages such as cancel run. */
function yieldMacrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The progress message: the best plan so far is written out (O(stops), every ~100 ms) to split its cost. */
function progressOf(instance: SolverInstance, encoded: Encoded, runId: number, elapsedMs: number): Progress {
  return { runId, iteration: instance.iterations(), elapsedMs: Math.round(elapsedMs), ...planFigures(instance.readSolution(), encoded) };
}

/** Work units per improve call under a work budget (SolveOptions.maxMoves). */
const BUDGET_CHUNK = 200;

/** Runs the improve loop; returns why it stopped. */
async function search(
  instance: SolverInstance, encoded: Encoded, request: SolveRequest, isCancelled: () => boolean, onProgress?: (p: Progress) => void,
): Promise<StopReason> {
  const started = performance.now();
  const limitMs = request.options.timeLimitS * 1000;
  const budget = request.options.maxMoves;
  let chunk = 200;
  let used = 0;
  let lastProgress = -Infinity;
  for (;;) {
    const t0 = performance.now();
    // With a work budget, chunk sizes and progress follow the work done, not the clock: the same seed
    // and budget give the same plan on any machine.
    const moves = budget === undefined ? chunk : Math.min(BUDGET_CHUNK, budget - used);
    const status = instance.improve(moves, budget === undefined ? Math.min(1, (t0 - started) / limitMs) : used / budget);
    used += moves;
    const elapsed = performance.now() - started;
    // One call takes about CHUNK_TARGET_MS, and ends before the limit.
    chunk = nextChunk(chunk, performance.now() - t0, limitMs - elapsed);
    if (onProgress && elapsed - lastProgress >= PROGRESS_INTERVAL_MS) {
      lastProgress = elapsed;
      onProgress(progressOf(instance, encoded, request.runId, elapsed));
    }
    if (status === Status.Done) return 'converged';
    if (budget !== undefined && used >= budget) return 'completed';
    if (elapsed >= limitMs) return 'time-limit';
    await yieldMacrotask();
    if (isCancelled()) return 'cancelled';
  }
}

/** Explaining tries every route per order: above this many unassigned orders only the first ones are explained. */
export const EXPLAIN_AT_MOST = 40;

/** Explanations for the unassigned orders (at most EXPLAIN_AT_MOST) and the late stops of a plan. */
function explainPlan(scenario: Scenario, solution: UncheckedSolution): Explanation[] {
  return explainSolution(scenario, { routes: solution.routes, unassigned: solution.unassigned.slice(0, EXPLAIN_AT_MOST) });
}

/** Creates the API; `loadModule` returns the compiled solver (cached by the caller). */
export function createSolverApi(loadModule: () => Promise<WebAssembly.Module>): SolverApi {
  const cancelled = new Set<number>();
  return {
    async solve(request, onProgress): Promise<SolveResult> {
      const valid = validateScenario(request.scenario);
      if (!valid.ok) throw namedError(INPUT_ERROR, `the scenario is invalid:\n${formatIssues(valid.issues)}`);
      const started = performance.now();
      const encoded = encode(valid.scenario, request.options);
      let instance: SolverInstance;
      try {
        instance = await instantiateSolver(await loadModule());
      } catch (error) {
        throw namedError(SOLVER_ERROR, `could not start the solver: ${(error as Error).message}`);
      }
      try {
        instance.load(encoded.buffers);
        instance.construct(pinnedInitialPlan(encoded, request.options.pins, request.options.initialRoutes));
        const stopReason = await search(instance, encoded, request, () => cancelled.has(request.runId), onProgress);
        const buffers = instance.readSolution();
        // Legs read from the instance one by one, as it computes them: no N × N copy (issue #15).
        const travel = instance.travel();
        const stats = { seed: request.options.seed, iterations: instance.iterations(), elapsedMs: Math.round(performance.now() - started) };
        const decoded = decode(buffers, { scenario: valid.scenario, encoded, travel, stopReason, stats });
        // Explained here, off the main thread: per vehicle, the rule that blocks each order and the smallest fix.
        const solution = request.options.explain === false ? decoded : { ...decoded, explanations: explainPlan(valid.scenario, decoded) };
        return { runId: request.runId, solution, stopReason };
      } catch (error) {
        const e = error as Error;
        if (e.name === INPUT_ERROR || e.name === SOLVER_ERROR) throw e;
        throw namedError(SOLVER_ERROR, `the solver failed: ${e.message}`);
      } finally {
        cancelled.delete(request.runId);
      }
    },
    cancel(runId) {
      cancelled.add(runId);
    },
    computeRisk: (request) => computeRisk(loadModule, request),
  };
}
