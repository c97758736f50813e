// A lazily spawned solver worker behind Comlink, shared by the solve and the
// risk clients: an uncaught error or a failed module load kills the worker
// (Comlink would wait forever), so the pending call is rejected with a
// SolverError and a fresh worker is spawned on the next call.
import * as Comlink from 'comlink';
import type { SolverApi } from '../../../workers/protocol';

/** The worker of one client, with the pending call's reject hook. */
export interface WorkerHandle {
  /** The worker's API, spawning the worker when there is none. */
  remote(): Comlink.Remote<SolverApi>;
  /** The worker's API when one is running (no spawn). */
  current(): Comlink.Remote<SolverApi> | null;
  /** Terminates the worker (the next `remote()` spawns another). */
  terminate(): void;
  /** A promise that rejects when the worker crashes before the current call ends (never resolves). */
  crashed(): Promise<never>;
}

/** Makes the handle; `what` names the worker in the crash message ("the solver worker crashed: …"). */
export function makeWorkerHandle(createWorker: () => Worker, what: string): WorkerHandle & { failPending(error: Error): void } {
  let worker: Worker | null = null;
  let api: Comlink.Remote<SolverApi> | null = null;
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
        api = Comlink.wrap<SolverApi>(w);
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
