// Main-thread side of the solver workers: spawns them lazily (as many as the
// "Solver workers" preference asks, run as a portfolio), tags every run, drops
// results of stale runs, cancels cooperatively or terminates on abort, turns a
// crashed worker into a visible error, and re-checks every plan — the best so
// far during the solve and the returned one — with the independent checker, in
// the checker's own worker (check-client.ts): a plan reaches the caller only checked.
// Plans come from the workers as text (domain/plan-text.ts), parsed here a part per task.
import * as Comlink from 'comlink';
import { readPlanText } from '../domain/plan-text';
import { reuseShown, type CheckedPlan } from './shown-plan';
import type { Progress, SolveOptions, SolveRequest, SolverWorkerApi, UncheckedSolution, WireSolveRequest, WireProgress, WireSolveResult } from '../../../workers/protocol';
import type { Scenario } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import { makeCheckClient, type PlanChecker } from './check-client';
import { checkedProgress } from './checked-progress';
import { nextTask } from '../io/next-task';
import { isPieces, piecesOf, textForCall, type TextOrPieces } from '../io/text-pieces';
import { makeWorkerHandle } from './worker-handle';
import { runPortfolio, type PortfolioRun, type PortfolioWorker } from './portfolio';

/** A progress report whose best-so-far plan (if any) has been checked like any shown plan. */
export type CheckedProgress = Omit<Progress, 'plan'> & { plan?: Solution };

/** A solve request as the page holds it: its scenario may be the pieces of its text, posted as they are. */
type PageSolveRequest = Omit<SolveRequest, 'scenario'> & { scenario: SolveRequest['scenario'] | readonly string[] };

/** Thrown (name `StaleRunError`) when a newer run has superseded this one. */
export class StaleRunError extends Error {
  override name = 'StaleRunError';
}

export interface SolverClient {
  /**
   * Solves in the worker; resolves with a checked solution (see `solution.check`). `input`, when the caller
   * has it, is `solverInput(scenario)` already written (the Optimize click's snapshot was copied through it).
   * `scenario` is read during this call only (its size, and its text without `input`): the caller may change it after.
   */
  solve(scenario: Scenario, options: SolveOptions, onProgress?: (p: CheckedProgress) => void, signal?: AbortSignal, input?: TextOrPieces): Promise<Solution>;
  /** Asks the running solve to stop; it resolves with the best plan so far. */
  cancel(): void;
  /** Terminates the worker. */
  dispose(): void;
}

function spawnWorker(): Worker {
  return new Worker(new URL('../../../workers/solver.worker.ts', import.meta.url), { type: 'module', name: 'solver' });
}

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/**
 * What crosses to the workers for a solve: the scenario's JSON text. Text, because the store may hand over a
 * reactive proxy (which cannot be structured-cloned), because it is a copy the store's later edits cannot
 * touch, and because posting it is one string copy where a structured clone of 10,000 orders took the
 * Optimize click ~20 ms more, plus ~10 ms parsing it back here (the workers parse it). Without the
 * scenario's current plan: neither the solver nor the checker reads it (pins and homes come in the
 * options), and at 10,000 orders a previous plan was megabytes of JSON written in the Optimize click,
 * then validated in the worker (issue #15).
 */
export function solverInput(scenario: Scenario): string {
  return JSON.stringify({ ...scenario, plan: null });
}

/** Memory all workers' travel matrices may take together (each worker holds its own). */
const MATRIX_BUDGET_BYTES = 2 ** 31;
/** Above this many places the solver computes built-in legs on demand instead of storing matrices (solver-as model.ts MATRIX_NODE_LIMIT). */
const STORED_MATRIX_PLACES = 2000;

/**
 * Workers a scenario may use. A worker holds about 16·N² bytes of matrices for N places (orders and depots;
 * distance and duration) when it stores them — a supplied road matrix, or the built-in model up to
 * STORED_MATRIX_PLACES — so such a plan runs on fewer workers; above that the built-in legs are computed
 * on demand (O(N) per worker) and the count is not capped.
 */
export function workersFor(scenario: Pick<Scenario, 'orders' | 'depots' | 'travelMatrices'>, wanted: number): number {
  const places = scenario.orders.length + scenario.depots.length;
  const supplied = !!scenario.travelMatrices && Object.keys(scenario.travelMatrices).length > 0;
  const want = Math.max(1, Math.floor(wanted) || 1);
  if (!supplied && places > STORED_MATRIX_PLACES) return want;
  return Math.max(1, Math.min(want, Math.floor(MATRIX_BUDGET_BYTES / (16 * places * places))));
}

/**
 * A function that calls `target` until `cut`, then answers `otherwise`; what a worker is given to call back. A
 * function passed to a worker stays reachable from its message port until the worker lets its proxy go (a garbage
 * collection there, some time later), and with it every variable of the scopes it was made in: a run's callbacks
 * kept its copy of the scenario (10,000 orders at the size of issue #15) and its plans alive after the solve. Made
 * here, outside any run, a relay keeps only its target, and nothing once cut.
 */
function relay<A extends unknown[], R>(target: (...args: A) => R, otherwise: R): { fn: (...args: A) => R; cut: () => void } {
  let to: ((...args: A) => R) | null = target;
  return { fn: (...args) => (to ? to(...args) : otherwise), cut: () => { to = null; } };
}

/**
 * Makes a client around lazily spawned solver workers; `workerCount` is read at each solve (the
 * device's "Solver workers" preference). Workers beyond the count stay idle until a later solve.
 * `checker` re-checks the plans (default: the checker in a worker of its own). `pageSettled` resolves once the page
 * has drawn what it was given (the app: its view queue idle): a worker whose best-so-far plan was shown waits for it.
 */
export function makeSolverClient(createWorker: () => Worker = spawnWorker, workerCount: () => number = () => 1, checker: PlanChecker = makeCheckClient(), pageSettled: () => Promise<void> = nextTask): SolverClient {
  const handles: ReturnType<typeof makeWorkerHandle<SolverWorkerApi>>[] = [];
  const handleAt = (i: number) => (handles[i] ??= makeWorkerHandle<SolverWorkerApi>(createWorker, 'solver worker'));
  const terminateAll = () => handles.forEach((h) => h.terminate());
  let latestRun = 0;
  let running: PortfolioRun<WireSolveResult> | null = null;
  let nextTextKey = 0;
  /**
   * The request's scenario as the solve call carries it: an object or a small text in the call, a large text before
   * it in pieces (io/text-pieces.ts `textForCall`). Posted whole, 10,000 orders' text (~4 MB) took 15–40 ms of the
   * task that started the solve (issue #15).
   */
  const sendScenario = (remote: Comlink.Remote<SolverWorkerApi>, scenario: PageSolveRequest['scenario']): Promise<WireSolveRequest['scenario']> | SolveRequest['scenario'] =>
    typeof scenario === 'string' || isPieces(scenario) ? textForCall(piecesOf(scenario), ++nextTextKey, (key, parts) => remote.textPart(key, parts)) : scenario;

  return {
    async solve(scenario, options, onProgress, signal, input) {
      const runId = ++latestRun;
      // Per best-so-far plan passed on to the checker: settles once it was shown or dropped (checked-progress.ts).
      const landings = new WeakMap<object, Promise<void>>();
      const count = workersFor(scenario, workerCount());
      const used = Array.from({ length: count }, (_, i) => handleAt(i));
      const failed = Promise.race(used.map((h) => h.crashed()));
      const workers: PortfolioWorker<PageSolveRequest, WireSolveResult, WireProgress>[] = used.map((h) => ({
        solve: async (request, p, epoch) => {
          const remote = h.remote();
          const scenario = await sendScenario(remote, request.scenario);
          // A worker that sent a plan holds its next work until the page has taken it (solver-api.ts `holdFor`):
          // on a machine whose cores the workers fill, landing 10,000 stops beside a running worker made the page's
          // tasks last two to three times their own work (issue #15). Answered once the plan is shown and the views
          // have caught up (`pageSettled`), or at once when the plan is not passed on.
          const progressRelay = relay((q: WireProgress): Promise<void> | undefined => {
            p(q);
            const landing = q.plan && landings.get(q.plan);
            return landing ? landing.then(pageSettled) : undefined;
          }, undefined);
          const epochRelay = relay(epoch, Promise.resolve(null));
          const call = remote.solve({ ...request, scenario }, Comlink.proxy(progressRelay.fn), Comlink.proxy(epochRelay.fn));
          const cut = () => { progressRelay.cut(); epochRelay.cut(); };
          call.then(cut, cut);
          return call;
        },
        cancel: (id) => void h.current()?.cancel(id),
      }));
      const onAbort = () => {
        // A hard abort: a worker may be mid-chunk, so drop them; the next solve spawns new ones.
        for (const h of used) {
          h.terminate();
          h.failPending(namedError('AbortError', 'solve aborted'));
        }
      };
      if (signal?.aborted) onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      // Set once the run has its result (or failed): a best-so-far plan checked later is not shown.
      let ended = false;
      let run: PortfolioRun<WireSolveResult> | null = null;
      try {
        const json = input ?? solverInput(scenario);
        const checkPlan = checker.forScenario(json);
        // The run's last plan read and judged (its best so far): a result that is that plan reuses it.
        let shown: CheckedPlan | null = null;
        const checking = checkedProgress(checkPlan, (p) => {
          if (!ended && p.runId === latestRun) onProgress?.(p);
        }, nextTask, (wire, plan) => { shown = { wire, solution: plan }; });
        const progress = (p: WireProgress) => {
          const landing = checking(p);
          if (landing && p.plan) landings.set(p.plan, landing);
        };
        // Several workers explain once, after the best plan is known, not each its own (the costly part of a large plan).
        const explainAfter = count > 1 && options.explain !== false;
        run = runPortfolio({ runId, scenario: json, options: explainAfter ? { ...options, explain: false } : options }, workers, progress);
        running = run;
        const result = await Promise.race([run.result, failed]);
        if (result.runId !== latestRun) throw new StaleRunError(`run ${result.runId} was superseded`);
        // The result is in: a best-so-far plan checked from now on is older than it, so not shown.
        ended = true;
        // The plan last shown, when the result is that plan; else the checker reads the plan's text in its worker
        // while it is parsed here, a part per task.
        const reused = reuseShown(shown, result.solution);
        const verdict = reused ? Promise.resolve(reused.check) : checkPlan(result.solution);
        verdict.catch(() => {}); // awaited below
        let solution: UncheckedSolution = reused ?? await readPlanText<UncheckedSolution>(result.solution, nextTask);
        if (explainAfter) {
          onProgress?.({ runId, phase: 'explaining', iteration: solution.stats.iterations, elapsedMs: solution.stats.elapsedMs, routeCost: NaN, unassigned: 0, penalty: 0, distanceM: NaN, objective: NaN });
          const remote = used[0].remote();
          // The scenario's text as the solve posted it: a large one in pieces first.
          const scenario = await Promise.race([sendScenario(remote, json), failed]);
          solution = { ...solution, explanations: await Promise.race([remote.explain({ scenario, solution: result.solution }), failed]) };
        }
        return { ...solution, check: await verdict };
      } catch (error) {
        const name = (error as Error).name;
        // After an internal failure the workers' state cannot be trusted for the next run.
        if (name === 'SolverError' || name === 'RuntimeError') terminateAll();
        throw error;
      } finally {
        ended = true;
        // A finished run is nothing to cancel, and kept here it would keep its plans and scenario text alive.
        if (running === run) running = null;
        signal?.removeEventListener('abort', onAbort);
      }
    },
    cancel() {
      running?.cancel();
    },
    dispose() {
      terminateAll();
      checker.dispose();
    },
  };
}

