// Runs a benchmark instance on W solver workers (worker_threads) as a portfolio, coordinated by the
// same module as the browser's (web/src/solver/portfolio.ts), and re-checks the best plan with the
// independent instance checker. W workers each get the whole time limit: equal wall time with W = 1.
import { Worker } from 'node:worker_threads';
import { runPortfolio, type PortfolioRequest, type PortfolioWorker } from '../../web/src/solver/portfolio';
import { checkInstancePlan } from './check-instance';
import type { Instance } from './instance';
import type { RunOptions, RunResult } from './run-solver';
import type { ThreadMessage, ThreadStart } from './portfolio-thread';

const THREAD = new URL('./portfolio-thread-boot.mjs', import.meta.url);

type ThreadResult = Extract<ThreadMessage, { kind: 'done' }> & { runId: number };

/** A portfolio worker backed by a fresh worker_thread per solve. */
function threadWorker(file: string, rounding: RunOptions['rounding'], startedAtMs: number): PortfolioWorker<PortfolioRequest, ThreadResult> {
  let thread: Worker | null = null;
  return {
    solve(request, _onProgress, onEpoch) {
      const start: ThreadStart = { file, rounding, ...request.options, member: request.member!, startedAtMs };
      const own = new Worker(THREAD, { workerData: start });
      thread = own;
      return new Promise<ThreadResult>((resolve, reject) => {
        own.on('message', (message: ThreadMessage) => {
          if (message.kind === 'done') {
            resolve({ ...message, runId: request.runId });
            void own.terminate();
          } else {
            void onEpoch(message.report).then((reply) => own.postMessage({ kind: 'reply', reply }));
          }
        });
        own.on('error', reject);
        own.on('exit', (code) => reject(new Error(`solver thread exited with code ${code} before its plan`)));
      });
    },
    cancel: () => thread?.postMessage({ kind: 'cancel' }),
  };
}

/** Solves `inst` (read from `file`) with `workers` threads; the result of the best one, checked. */
export async function runInstancePortfolio(inst: Instance, file: string, options: RunOptions, workers: number): Promise<RunResult> {
  const started = performance.now();
  const startedAtMs = Date.now();
  const threads = Array.from({ length: workers }, () => threadWorker(file, options.rounding, startedAtMs));
  const best = await runPortfolio<PortfolioRequest, ThreadResult>(
    { runId: 1, options: { seed: options.seed, timeLimitS: options.timeLimitS, maxMoves: options.maxMoves } }, threads,
  ).result;
  return {
    routes: best.routes,
    check: checkInstancePlan(inst, best.routes, options.rounding),
    seconds: (performance.now() - started) / 1000,
    iterations: best.iterations,
    unassigned: best.unassigned,
  };
}
