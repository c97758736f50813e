// Main-thread side of the solver worker: spawns it lazily, tags every run,
// drops results of stale runs, cancels cooperatively or terminates on abort,
// turns a crashed worker into a visible error, and re-checks every returned
// plan with the independent checker before anyone sees it.
import * as Comlink from 'comlink';
import type { Progress, SolveOptions } from '../../../workers/protocol';
import type { Scenario } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import { checkSolution } from '../domain/check';
import { makeWorkerHandle } from './worker-handle';

/** Thrown (name `StaleRunError`) when a newer run has superseded this one. */
export class StaleRunError extends Error {
  override name = 'StaleRunError';
}

export interface SolverClient {
  /** Solves in the worker; resolves with a checked solution (see `solution.check`). */
  solve(scenario: Scenario, options: SolveOptions, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<Solution>;
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

/** Makes a client around a (lazily spawned) solver worker. */
export function makeSolverClient(createWorker: () => Worker = spawnWorker): SolverClient {
  const handle = makeWorkerHandle(createWorker, 'solver worker');
  let latestRun = 0;

  return {
    async solve(scenario, options, onProgress, signal) {
      const runId = ++latestRun;
      const target = handle.remote();
      const failed = handle.crashed();
      const onAbort = () => {
        // A hard abort: the worker may be mid-chunk, so drop it; the next solve spawns a new one.
        handle.terminate();
        handle.failPending(namedError('AbortError', 'solve aborted'));
      };
      if (signal?.aborted) onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      const progress = onProgress ? Comlink.proxy((p: Progress) => { if (p.runId === latestRun) onProgress(p); }) : undefined;
      try {
        // The store hands us a reactive proxy, which cannot be structured-cloned.
        const plain = JSON.parse(JSON.stringify(scenario)) as Scenario;
        const result = await Promise.race([target.solve({ runId, scenario: plain, options }, progress), failed]);
        if (result.runId !== latestRun) throw new StaleRunError(`run ${result.runId} was superseded`);
        return { ...result.solution, check: checkSolution(plain, result.solution) };
      } catch (error) {
        const name = (error as Error).name;
        // After an internal failure the worker's state cannot be trusted for the next run.
        if (name === 'SolverError' || name === 'RuntimeError') handle.terminate();
        throw error;
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
    cancel() {
      void handle.current()?.cancel(latestRun);
    },
    dispose: handle.terminate,
  };
}
