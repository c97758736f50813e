// A lazily spawned worker behind Comlink, shared by the solve, risk and check
// clients: an uncaught error or a failed module load kills the worker
// (Comlink would wait forever), so the pending call is rejected with a
// SolverError and a fresh worker is spawned on the next call.
import * as Comlink from 'comlink';
import type { SolverWorkerApi } from '../../../workers/protocol';

/** The worker of one client, with the pending call's reject hook. */
export interface WorkerHandle<Api = SolverWorkerApi> {
  /** The worker's API, spawning the worker when there is none. */
  remote(): Comlink.Remote<Api>;
  /** The worker's API when one is running (no spawn). */
  current(): Comlink.Remote<Api> | null;
  /** Terminates the worker (the next `remote()` spawns another). */
  terminate(): void;
  /** A promise that rejects when the worker crashes before the current call ends (never resolves). */
  crashed(): Promise<never>;
}

/** Makes the handle; `what` names the worker in the crash message ("the solver worker crashed: …"). */
export function makeWorkerHandle<Api = SolverWorkerApi>(createWorker: () => Worker, what: string): WorkerHandle<Api> & { failPending(error: Error): void } {
  let worker: Worker | null = null;
  let api: Comlink.Remote<Api> | null = null;
  let failPending: (error: Error) => void = () => {};
  const terminate = () => {
    worker?.terminate();
    worker = null;
    api = null;
  };
  return {
    remote() {
      if (!api) {
        const w = createWorker();
        w.addEventListener('error', (event) => {
          event.preventDefault();
          if (worker === w) terminate();
          const error = new Error(`the ${what} crashed: ${event.message || 'unknown error'}`);
          error.name = 'SolverError';
          failPending(error);
        });
        worker = w;
        api = Comlink.wrap<Api>(w);
      }
      return api;
    },
    current: () => api,
    terminate,
    crashed() {
      const failed = new Promise<never>((_, reject) => { failPending = reject; });
      failed.catch(() => {});
      return failed;
    },
    failPending: (error) => failPending(error),
  };
}
