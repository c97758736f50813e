// The solver worker's API as a plain object, testable without a Worker: validate
// → encode → WASM (fresh instance per solve) → improve in chunks (search-loop.ts)
// until the search converges, the time limit or a cancel, with named phases and
// the best plan so far in the progress → decode → explain why orders are left out.
import { formatIssues, validateScenario } from '../web/src/domain/validate';
import type { StopReason } from '../web/src/domain/solution';
import type { Scenario } from '../web/src/domain/scenario';
import { explainSolution, type Explanation } from '../web/src/domain/explain';
import { encode, pinnedInitialPlan, type Encoded } from './encode';
import { decode, type Travel } from './decode';
import { planFigures } from './progress';
import {
  INPUT_ERROR, SNAPSHOT_INTERVAL_MS, SOLVER_ERROR, namedError,
  type Progress, type SolutionBuffers, type SolvePhase, type SolveRequest, type SolveResult, type SolverApi, type UncheckedSolution,
} from './protocol';
import { searchLoop } from './search-loop';
import { HOLD_SPACING, LANDING_HOLD_MS, holdFor, isThenable } from './landing-hold';
import { instantiateSolver, type SolverInstance } from './wasm';
import { computeRisk, computeRiskReport } from './risk-api';
import { loadSolve, robustFigures, type Figures } from './robust';

/** Progress messages are sent at most this often. */
export const PROGRESS_INTERVAL_MS = 100;

/** A progress message before the search: the phase and the time so far, no plan figures yet. */
function phaseProgress(runId: number, phase: SolvePhase, startedMs: number): Progress {
  return { runId, phase, iteration: 0, elapsedMs: Math.round(performance.now() - startedMs), routeCost: NaN, unassigned: 0, penalty: 0, distanceM: NaN, objective: NaN };
}

/** The search's progress reports (`afterChunk`) and the wait for the page to take the last plan sent (`settle`). */
interface SearchProgress {
  afterChunk(elapsedMs: number): void;
  /** Waits while the page takes the plan last sent (landing-hold.ts), if it has not yet; resolves at once otherwise. */
  settle(): Promise<void>;
}

/**
 * Progress of the search, every ~100 ms: the best plan so far is written out (O(stops)) to split its cost;
 * when it improved, the decoded plan rides along (best so far on the map), at most once per
 * SNAPSHOT_INTERVAL_MS and HOLD_SPACING times the last wait for the page to take one after that wait.
 */
function makeSearchProgress(instance: SolverInstance, solved: Solved, onProgress: (p: Progress) => unknown, startedMs: number, isCancelled: () => boolean): SearchProgress {
  let lastProgress = -Infinity;
  let lastSnapshot = 0;
  let snapshotGap = SNAPSHOT_INTERVAL_MS;
  let snapshotObjective = Infinity;
  let landing: PromiseLike<unknown> | null = null;
  return {
    afterChunk(elapsedMs) {
      if (elapsedMs - lastProgress < PROGRESS_INTERVAL_MS) return;
      lastProgress = elapsedMs;
      const buffers = instance.readSolution();
      const objective = instance.bestCost();
      const progress: Progress = {
        runId: solved.request.runId, phase: 'searching', iteration: instance.iterations(), elapsedMs: Math.round(elapsedMs),
        objective, ...(solved.figures ?? planFigures)(buffers, solved.encoded),
      };
      if (elapsedMs - lastSnapshot < snapshotGap || objective >= snapshotObjective) return void onProgress(progress);
      lastSnapshot = elapsedMs;
      snapshotObjective = objective;
      progress.plan = decodeBest(instance, solved, buffers, 'cancelled', elapsedMs);
      const answer = onProgress(progress);
      if (isThenable(answer)) landing = answer;
    },
    async settle() {
      if (!landing) return;
      const waited = await holdFor(landing, LANDING_HOLD_MS, isCancelled);
      landing = null;
      lastSnapshot = performance.now() - startedMs;
      snapshotGap = Math.max(SNAPSHOT_INTERVAL_MS, HOLD_SPACING * waited);
    },
  };
}

/** One solve's fixed parts: the request, its valid scenario, the encoding and the travel read back (once). */
interface Solved {
  request: SolveRequest;
  scenario: Scenario;
  encoded: Encoded;
  travel?: Travel;
  /** Robust planning (on-time target): progress figures at the mean times, and decode re-walks the service starts. */
  figures?: Figures;
  rewalk?: boolean;
}

/** Decodes a written-out plan with the instance's own legs (or, planning robustly, the mean ones). */
function decodeBest(instance: SolverInstance, solved: Solved, buffers: SolutionBuffers, stopReason: StopReason, elapsedMs: number): UncheckedSolution {
  const { encoded } = solved;
  // Legs read from the instance one by one, as it computes them: no N × N copy (issue #15).
  solved.travel ??= instance.travel();
  const stats = { seed: solved.request.options.seed, iterations: instance.iterations(), elapsedMs: Math.round(elapsedMs) };
  return decode(buffers, { scenario: solved.scenario, encoded, travel: solved.travel, stopReason, stats, rewalk: solved.rewalk });
}

/**
 * Explaining tries every route per order: above this many unassigned orders (and, separately, late stops) only
 * the first ones are explained with the plan; the panels explain any other when it is opened.
 */
export const EXPLAIN_AT_MOST = 40;

/** Explanations for the unassigned orders and the late stops of a plan (at most EXPLAIN_AT_MOST of each). */
function explainPlan(scenario: Scenario, solution: UncheckedSolution): Explanation[] {
  return explainSolution(scenario, { routes: solution.routes, unassigned: solution.unassigned.slice(0, EXPLAIN_AT_MOST) }, EXPLAIN_AT_MOST);
}

/** The posted scenario as data: its JSON text (what the browser posts) is parsed here, in the worker. */
function scenarioOf(posted: Scenario | string): unknown {
  if (typeof posted !== 'string') return posted;
  try {
    return JSON.parse(posted);
  } catch (error) {
    throw namedError(INPUT_ERROR, `the scenario is not JSON: ${(error as Error).message}`);
  }
}

/** Creates the API; `loadModule` returns the compiled solver (cached by the caller). */
export function createSolverApi(loadModule: () => Promise<WebAssembly.Module>): SolverApi {
  const cancelled = new Set<number>();
  return {
    async solve(request, onProgress, onEpoch): Promise<SolveResult> {
      // The time limit counts from here: reading, the matrix and the first plan are part of the solve.
      const startedMs = performance.now();
      onProgress?.(phaseProgress(request.runId, 'reading', startedMs));
      const valid = validateScenario(scenarioOf(request.scenario));
      if (!valid.ok) throw namedError(INPUT_ERROR, `the scenario is invalid:\n${formatIssues(valid.issues)}`);
      const solved: Solved = { request, scenario: valid.scenario, encoded: encode(valid.scenario, request.options) };
      const newInstance = async () => {
        try {
          return await instantiateSolver(await loadModule());
        } catch (error) {
          throw namedError(SOLVER_ERROR, `could not start the solver: ${(error as Error).message}`);
        }
      };
      try {
        onProgress?.(phaseProgress(request.runId, 'matrix', startedMs));
        // With an on-time target the instance plans with inflated times and `meanTravel` decodes (robust.ts).
        const { instance, meanTravel } = await loadSolve(newInstance, valid.scenario, solved.encoded, request.options.robustRule);
        if (meanTravel) Object.assign(solved, { travel: meanTravel, rewalk: true, figures: robustFigures(valid.scenario, solved.encoded, meanTravel) });
        onProgress?.(phaseProgress(request.runId, 'constructing', startedMs));
        instance.construct(pinnedInitialPlan(solved.encoded, request.options.pins, request.options.initialRoutes));
        const isCancelled = () => cancelled.has(request.runId);
        const progress = onProgress && makeSearchProgress(instance, solved, onProgress, startedMs, isCancelled);
        const stopReason = await searchLoop(instance, { startedMs, limitMs: request.options.timeLimitS * 1000, maxMoves: request.options.maxMoves }, {
          isCancelled,
          afterChunk: progress?.afterChunk,
          settle: progress?.settle,
          member: request.member,
          onEpoch,
        });
        // The last plan sent may still be landing on the page: writing out and explaining the result beside it
        // (seconds of work at 10,000 stops) slowed it as the search did.
        await progress?.settle();
        const decoded = decodeBest(instance, solved, instance.readSolution(), stopReason, performance.now() - startedMs);
        if (request.options.explain === false) return { runId: request.runId, solution: decoded, stopReason, objective: instance.bestCost() };
        onProgress?.(phaseProgress(request.runId, 'explaining', startedMs));
        // Explained here, off the main thread: per vehicle, the rule that blocks each order and the smallest fix.
        const solution = { ...decoded, explanations: explainPlan(valid.scenario, decoded) };
        return { runId: request.runId, solution, stopReason, objective: instance.bestCost() };
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
    async explain(request) {
      const valid = validateScenario(scenarioOf(request.scenario));
      if (!valid.ok) throw namedError(INPUT_ERROR, `the scenario is invalid:\n${formatIssues(valid.issues)}`);
      return explainPlan(valid.scenario, request.solution);
    },
    computeRisk: (request) => computeRisk(loadModule, request),
    computeRiskReport: (request) => computeRiskReport(loadModule, request),
  };
}
