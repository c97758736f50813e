// Main-thread side of the checker worker (issue #15): the independent checker runs in a
// worker of its own (never a solver's), so re-checking a 10,000-stop plan is no long task.
// A scenario crosses to the worker once (as JSON text when the caller has it), then each
// plan is checked against it. If the worker cannot answer (crash, failed load) the same
// checker runs here instead: a plan is never shown unchecked, only checked more slowly.
import { fromPlanText, isPlanText, type PlanText } from '../domain/plan-text';
import type { CheckApi, SentText } from '../../../workers/protocol';
import { checkSolution, type CheckReport } from '../domain/check';
import type { Scenario } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import { nextTask } from '../io/next-task';
import { isPieces, PIECE_CHARS, piecesOf, textForCall, textLength, type TextOrPieces } from '../io/text-pieces';
import { makeWorkerHandle } from './worker-handle';

/** What the checker reads of a plan: the plan, or its text as a solver worker sent it (domain/plan-text.ts). */
export type CheckInput = Pick<Solution, 'routes' | 'unassigned'> | PlanText;

/** Checks plans of one scenario: the verdict of `checkSolution(scenario, solution)`. */
export type CheckPlan = (solution: CheckInput) => Promise<CheckReport>;

/** Checks plans with domain/check.ts, off the main thread. */
export interface PlanChecker {
  /**
   * A checker of plans for `scenario`: plain data (no store proxy), or its JSON text, which crosses to the
   * worker at the cost of one string copy (and is parsed here only if the worker fails).
   */
  forScenario(scenario: Scenario | TextOrPieces): CheckPlan;
  /** Terminates the worker. */
  dispose(): void;
}

function spawnWorker(): Worker {
  return new Worker(new URL('../../../workers/check.worker.ts', import.meta.url), { type: 'module', name: 'checker' });
}

/**
 * Makes a checker around its own lazily spawned worker; checks run one at a time, in call order. A plan is
 * posted in a task of its own (`pause`, a macrotask boundary by default), and a plan's text as it is: a
 * best-so-far plan as objects, read from a solver worker's message and cloned again for the checker, made
 * one long task at 10,000 stops (issue #15).
 */
export function makeCheckClient(createWorker: () => Worker = spawnWorker, pause: () => Promise<void> = nextTask): PlanChecker {
  const handle = makeWorkerHandle<CheckApi>(createWorker, 'checker worker');
  let loadedKey = 0;
  let nextKey = 0;
  /** Keys of plan parts sent ahead (negative: apart from the scenario keys, which name their text too). */
  let nextPartsKey = 0;
  // One check at a time: the handle reports a crash to the call in flight only.
  let queue: Promise<unknown> = Promise.resolve();

  async function inWorker(key: number, scenario: Scenario | TextOrPieces, solution: CheckInput): Promise<CheckReport> {
    const remote = handle.remote();
    const failed = handle.crashed();
    if (loadedKey !== key) {
      loadedKey = key;
      // A large text goes first in pieces, a group per task (io/text-pieces.ts): whole, 10,000 orders' text was
      // most of a long task when the first plan of a solve landed.
      const posted: Scenario | string | SentText = typeof scenario === 'string' || isPieces(scenario)
        ? await Promise.race([textForCall(piecesOf(scenario), key, (k, parts) => remote.textPart(k, parts), pause), failed])
        : scenario;
      // Not awaited: messages arrive in order, and a failed load fails the check below.
      remote.load(key, posted).catch(() => {});
    }
    // Only what the checker reads: no explanations or stats cross over. A plan's text crosses as it is (one copy), a
    // large one a part per task before the call (SentPlanText).
    if (isPlanText(solution) && textLength(solution.parts) > PIECE_CHARS) {
      const partsKey = -++nextPartsKey;
      const { head, parts } = solution;
      await Promise.race([(async () => {
        for (let i = 0; i < parts.length; i++) {
          if (i > 0) await pause();
          remote.textPart(partsKey, [parts[i]]).catch(() => {});
        }
      })(), failed]);
      return Promise.race([remote.check(key, { head, partsKey }), failed]);
    }
    const posted = isPlanText(solution) ? solution : { routes: solution.routes, unassigned: solution.unassigned };
    return Promise.race([remote.check(key, posted), failed]);
  }

  return {
    forScenario(scenario) {
      const key = ++nextKey;
      let parsed: Scenario | null = null;
      return (solution) => {
        const verdict = queue.then(pause).then(() => inWorker(key, scenario, solution)).catch(() => {
          // The worker failed: drop it (the next check spawns another and loads again) and check here.
          loadedKey = 0;
          handle.terminate();
          parsed ??= typeof scenario === 'string' || isPieces(scenario) ? JSON.parse(piecesOf(scenario).join('')) as Scenario : scenario;
          return checkSolution(parsed, isPlanText(solution) ? fromPlanText<Pick<Solution, 'routes' | 'unassigned'>>(solution) : solution);
        });
        queue = verdict.catch(() => {});
        return verdict;
      };
    },
    dispose() {
      loadedKey = 0;
      handle.terminate();
    },
  };
}
