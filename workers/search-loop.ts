// The improve loop of one solve: improve(chunk) calls sized by the clock (or fixed under a work
// budget), a macrotask yield between them so a cancel can arrive, and — for a portfolio member — an
// epoch report at fixed work or time marks, after which the worker may restart from a better plan.
import type { StopReason } from '../web/src/domain/solution';
import { nextChunk } from './chunk';
import { SOLVER_ERROR, Status, type EpochReply, type EpochReport, type PortfolioMember } from './protocol';
import type { SolverInstance } from './wasm';

/** Work units per improve call under a work budget (SolveOptions.maxMoves). */
export const BUDGET_CHUNK = 200;

/** What bounds the search: the time limit counts from `startedMs` (the start of the whole solve). */
export interface SearchLimits {
  startedMs: number;
  limitMs: number;
  maxMoves?: number;
}

/** Hooks into the loop: cancel, per-chunk reporting and a portfolio member's epoch exchange. */
export interface SearchHooks {
  isCancelled(): boolean;
  /** After each improve call, with the time since the solve started. */
  afterChunk?(elapsedMs: number): void;
  /** Before each yield: a wait the next call must not start before (the page taking a plan, landing-hold.ts). */
  settle?(): Promise<void>;
  member?: PortfolioMember;
  onEpoch?(report: EpochReport): Promise<EpochReply>;
}

/** Yields one macrotask (not clamped like nested setTimeout), so queued messages such as cancel run. */
export function yieldMacrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Epoch marks: with a budget, every `epochMoves` work units (a multiple of BUDGET_CHUNK); else every `epochMs`. */
function makeEpochClock(limits: SearchLimits, hooks: SearchHooks) {
  const member = hooks.member;
  if (!member || !hooks.onEpoch) return () => false;
  const byMoves = limits.maxMoves !== undefined;
  const step = byMoves
    ? Math.max(BUDGET_CHUNK, Math.round((member.epochMoves ?? Infinity) / BUDGET_CHUNK) * BUDGET_CHUNK)
    : Math.max(1, member.epochMs ?? Infinity);
  let nextMark = step;
  return (used: number, elapsedMs: number) => {
    const at = byMoves ? used : elapsedMs;
    if (at < nextMark) return false;
    nextMark = (Math.floor(at / step) + 1) * step;
    return true;
  };
}

/** Reports the best plan to the coordinator; restarts from the plan it sends back, if any. */
async function exchange(instance: SolverInstance, hooks: SearchHooks, epoch: number): Promise<void> {
  const best = instance.readSolution();
  const reply = await hooks.onEpoch!({
    worker: hooks.member!.worker, epoch, objective: instance.bestCost(), routeOffsets: best.routeOffsets, visits: best.visits,
  });
  if (reply) instance.restart(reply, reply.seed);
}

/**
 * Logs how to replay a search that aborted: every improve(moves, progress) call in order (a restart from a
 * coordinator's plan is logged as -1 and the epoch). With the scenario and seed, the same calls on a fresh
 * instance take the same path, so an abort seen once under a clock's pacing can be reproduced (2026-12-02: a
 * clock-paced demo solve in CI aborted once with "a route became infeasible" and 1,100 solves did not repeat it).
 */
function reportAbort(error: unknown, calls: readonly number[]): void {
  if (!(error instanceof Error) || error.name !== SOLVER_ERROR) return;
  console.error(`solver abort after ${calls.length / 2} improve calls (${error.message}); replay: ${JSON.stringify(calls)}`);
}

/** Runs the improve loop until convergence, the budget, the time limit or a cancel; returns why it stopped. */
export async function searchLoop(instance: SolverInstance, limits: SearchLimits, hooks: SearchHooks): Promise<StopReason> {
  const { startedMs, limitMs, maxMoves: budget } = limits;
  const epochDue = makeEpochClock(limits, hooks);
  let chunk = 200;
  let used = 0;
  let epoch = 0;
  const calls: number[] = [];
  for (;;) {
    const t0 = performance.now();
    // With a work budget, chunk sizes and epochs follow the work done, not the clock: the same seed
    // and budget give the same plan on any machine.
    const moves = budget === undefined ? chunk : Math.min(BUDGET_CHUNK, budget - used);
    const progress = budget === undefined ? Math.min(1, (t0 - startedMs) / limitMs) : used / budget;
    calls.push(moves, progress);
    let status: Status;
    try {
      status = instance.improve(moves, progress);
    } catch (error) {
      reportAbort(error, calls);
      throw error;
    }
    used += moves;
    const elapsed = performance.now() - startedMs;
    // One call takes about CHUNK_TARGET_MS, and ends before the limit.
    chunk = nextChunk(chunk, performance.now() - t0, limitMs - elapsed);
    hooks.afterChunk?.(elapsed);
    if (status === Status.Done) return 'converged';
    if (budget !== undefined && used >= budget) return 'completed';
    if (elapsed >= limitMs) return 'time-limit';
    if (epochDue(used, elapsed)) {
      calls.push(-1, epoch);
      await exchange(instance, hooks, epoch++);
    }
    await hooks.settle?.();
    await yieldMacrotask();
    if (hooks.isCancelled()) return 'cancelled';
    // A wait in `settle` may have used up the rest of the time.
    if (performance.now() - startedMs >= limitMs) return 'time-limit';
  }
}
