// A portfolio solve: W solver workers on the same scenario with seeds seed, seed+1, …, working in
// epochs. At each epoch's end every worker reports its best plan; a worker clearly worse than the best
// restarts from the best plan (with a fresh seed of its own), so the portfolio shares progress. The
// result is the best plan of all workers. Pure: the workers are an interface (Web Workers through
// Comlink in the browser, worker_threads in the Node bench); only plan arrays and figures cross.
import type { EpochReply, EpochReport, PortfolioMember, Progress, SolveRequest, SolveResult } from '../../../workers/protocol';
import { makeEpochExchange } from './epoch-exchange';
import { makeProgressMerger, type AnyProgress } from './progress-merge';

/** What the coordinator reads of a request (a scenario's SolveRequest, or a benchmark run's). */
export interface PortfolioRequest {
  runId: number;
  options: { seed: number; timeLimitS: number; maxMoves?: number };
  member?: PortfolioMember;
}

/** What it reads of a result. */
export interface PortfolioResult {
  runId: number;
  objective: number;
}

/** One solver worker as the coordinator sees it (P: its progress reports, whose plans it passes on as they came). */
export interface PortfolioWorker<Q extends PortfolioRequest = SolveRequest, R extends PortfolioResult = SolveResult, P extends AnyProgress = Progress> {
  solve(request: Q, onProgress: (p: P) => void, onEpoch: (r: EpochReport) => Promise<EpochReply>): Promise<R>;
  cancel(runId: number): void;
}

/** A running portfolio solve. */
export interface PortfolioRun<R extends PortfolioResult = SolveResult> {
  /** The best plan of all workers (its worker's solution as it came). */
  result: Promise<R>;
  /** Cooperative cancel: every worker stops and returns its best; `result` resolves with the best of them. */
  cancel(): void;
}

/** Epochs per solve under a work budget (each worker's budget is `maxMoves`). */
export const BUDGET_EPOCHS = 8;
/** Epoch length under a time limit: a tenth of it, at least this long. */
export const MIN_EPOCH_MS = 1000;

/** Each worker's share of the request: its seed and epoch length. */
export function memberRequest<Q extends PortfolioRequest>(request: Q, worker: number): Q {
  const { options } = request;
  const epoch = options.maxMoves !== undefined
    ? { epochMoves: Math.max(1, Math.ceil(options.maxMoves / BUDGET_EPOCHS)) }
    : { epochMs: Math.max(MIN_EPOCH_MS, (options.timeLimitS * 1000) / 10) };
  return { ...request, options: { ...options, seed: options.seed + worker }, member: { worker, ...epoch } };
}

/** The better of two results: lower objective, then the lower worker index (the order given). */
function better<R extends PortfolioResult>(a: R | null, b: R): R {
  return a && a.objective <= b.objective ? a : b;
}

/**
 * Runs `request` on every worker. One worker: exactly the single-worker solve (no epochs). With a
 * work budget the epochs end at fixed work marks behind a barrier, so the plan is the same for the
 * same (seed, W); under a time limit workers exchange plans as they arrive (not deterministic).
 */
export function runPortfolio<Q extends PortfolioRequest, R extends PortfolioResult, P extends AnyProgress = Progress>(
  request: Q, workers: readonly PortfolioWorker<Q, R, P>[], onProgress?: (p: P) => void,
): PortfolioRun<R> {
  if (workers.length === 0) throw new Error('a portfolio needs at least one worker');
  const progress = onProgress ?? (() => {});
  if (workers.length === 1) {
    return { result: workers[0].solve(request, progress, async () => null), cancel: () => workers[0].cancel(request.runId) };
  }
  const exchange = makeEpochExchange(workers.length, request.options.seed, request.options.maxMoves !== undefined);
  const merge = makeProgressMerger<P>(workers.length, progress);
  let failed = false;
  const cancelAll = () => {
    exchange.release();
    workers.forEach((w) => w.cancel(request.runId));
  };
  const runs = workers.map((worker, index) =>
    worker.solve(memberRequest(request, index), (p) => merge(index, p), exchange.report).then(
      (result) => { exchange.finished(index); return result; },
      (error: unknown) => {
        exchange.finished(index);
        // One failed worker fails the solve: the others stop, and the error is what the caller sees.
        if (!failed) { failed = true; cancelAll(); }
        throw error;
      },
    ));
  const result = Promise.all(runs).then((results) => results.reduce<R | null>(better, null)!);
  return { result, cancel: cancelAll };
}
