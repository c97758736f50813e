// Main-thread side of the risk estimate (issue #14): the Monte Carlo runs in a
// solver worker of its own (spawned lazily), so a risk estimate never competes
// with a running solve for the same worker and never blocks the main thread.
import * as Comlink from 'comlink';
import type { SolverApi } from '../../../workers/protocol';
import type { PlanRisk, RiskOptions } from '../domain/risk/risk-types';
import type { Scenario } from '../domain/scenario';
import type { Solution } from '../domain/solution';

/** Computes the risk of a plan off the main thread. */
export type ComputeRisk = (scenario: Scenario, plan: Pick<Solution, 'routes'>, options: RiskOptions) => Promise<PlanRisk>;

/** A risk estimator around its own worker. */
export interface RiskClient {
  computeRisk: ComputeRisk;
  /** Terminates the worker. */
  dispose(): void;
}

function spawnWorker(): Worker {
  return new Worker(new URL('../../../workers/solver.worker.ts', import.meta.url), { type: 'module', name: 'risk' });
}

function crashError(message: string): Error {
  const error = new Error(`the risk worker crashed: ${message || 'unknown error'}`);
  error.name = 'SolverError';
  return error;
}

/** Makes a risk client; a crashed worker rejects the pending estimate and is replaced on the next call. */
export function makeRiskClient(createWorker: () => Worker = spawnWorker): RiskClient {
  let worker: Worker | null = null;
  let api: Comlink.Remote<SolverApi> | null = null;
  let failPending: (error: Error) => void = () => {};
  const terminate = () => {
    worker?.terminate();
    worker = null;
    api = null;
  };
  const remote = (): Comlink.Remote<SolverApi> => {
    if (!api) {
      const w = createWorker();
      w.addEventListener('error', (event) => {
        event.preventDefault();
        if (worker === w) terminate();
        failPending(crashError(event.message));
      });
      worker = w;
      api = Comlink.wrap<SolverApi>(w);
    }
    return api;
  };
  return {
    async computeRisk(scenario, plan, options) {
      const target = remote();
      const failed = new Promise<never>((_, reject) => { failPending = reject; });
      failed.catch(() => {});
      // Store proxies cannot be structured-cloned: send plain copies.
      const request = JSON.parse(JSON.stringify({ scenario, plan: { routes: plan.routes }, options })) as Parameters<SolverApi['computeRisk']>[0];
      return Promise.race([target.computeRisk(request), failed]);
    },
    dispose: terminate,
  };
}
