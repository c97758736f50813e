// One portfolio worker of a benchmark run in a worker_thread: reads the instance, runs the release
// solver's improve loop (workers/search-loop.ts, as the browser worker does) and exchanges its best plan
// with the bench process at each epoch; posts its best plan and objective when done.
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { EpochReply, EpochReport, PortfolioMember } from '../../workers/protocol';
import { searchLoop } from '../../workers/search-loop';
import { compileSolver, instantiateSolver } from '../../workers/wasm';
import { instanceToProblem, routesOf } from './instance-problem';
import { parseInstance, type Rounding } from './instance';

/** What the bench process sends to start a thread. */
export interface ThreadStart {
  file: string;
  rounding: Rounding;
  seed: number;
  timeLimitS: number;
  maxMoves?: number;
  member: PortfolioMember;
  /** Date.now() when the bench process started the solve: the time limit counts from there (thread start-up included). */
  startedAtMs: number;
}

/** Messages from the thread. */
export type ThreadMessage =
  | { kind: 'epoch'; report: EpochReport }
  | { kind: 'done'; objective: number; routes: number[][]; iterations: number; unassigned: number };

async function main(start: ThreadStart): Promise<void> {
  const port = parentPort!;
  let cancelled = false;
  let answer: ((reply: EpochReply) => void) | null = null;
  port.on('message', (message: { kind: 'reply'; reply: EpochReply } | { kind: 'cancel' }) => {
    if (message.kind === 'cancel') cancelled = true;
    else answer?.(message.reply);
  });
  const startedMs = performance.now() - (Date.now() - start.startedAtMs);
  const inst = parseInstance(readFileSync(start.file, 'utf8'), basename(start.file));
  const solver = await instantiateSolver(await compileSolver(readFileSync(new URL('../../solver-as/build/release.wasm', import.meta.url))));
  solver.load(instanceToProblem(inst, start.rounding, start.seed));
  solver.construct();
  await searchLoop(solver, { startedMs, limitMs: start.timeLimitS * 1000, maxMoves: start.maxMoves }, {
    isCancelled: () => cancelled,
    member: start.member,
    onEpoch: (report) => new Promise((resolve) => {
      answer = resolve;
      port.postMessage({ kind: 'epoch', report } satisfies ThreadMessage);
    }),
  });
  const solution = solver.readSolution();
  port.postMessage({ kind: 'done', objective: solver.bestCost(), routes: routesOf(solution), iterations: solver.iterations(), unassigned: solution.unassigned.length } satisfies ThreadMessage);
}

void main(workerData as ThreadStart);
