// A solver worker that sent a best-so-far plan waits for the page to take it before it goes on (issue #15).
// On a machine whose cores the workers fill (this 2-core one: one solver worker, the page, and the JIT
// compiler and collector threads of both), the page landing a 10,000-stop plan beside a running worker got a
// third to a half of a core: its tasks of 20–45 ms of work took 50–140 ms. The page answers the progress
// call once the plan is shown and its views have caught up (web/src/solver/client.ts); the worker waits for
// that answer, at most LANDING_HOLD_MS, and a cancel ends the wait at once.

/** The longest a worker waits for the page to take one plan: a page that never answers only slows the solve. */
export const LANDING_HOLD_MS = 2000;
/** How often a waiting worker looks for a cancel (which arrives as a message, between its tasks). */
const HOLD_POLL_MS = 10;
/**
 * After a wait of h ms the worker sends its next plan no sooner than HOLD_SPACING · h ms of search later, so the
 * waits take at most 1 / (1 + HOLD_SPACING) of a solve's time: at 2,600 or 10,000 stops a plan takes this machine's
 * page a second or more, and at one plan a second the search would otherwise stand still half the time. At 4 (a
 * fifth), a 20 s solve of 2,600 orders in the app ended with 549 orders unassigned in two runs, against 544 without
 * the waits; at 9, 547 and 544.
 */
export const HOLD_SPACING = 9;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** Whether `value` is a promise-like answer (a Comlink call's); a plain callback's `undefined` is not. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * Waits until `landing` settles (fulfilled or rejected alike), `stopped()` turns true (checked every
 * HOLD_POLL_MS) or `capMs` have passed, whichever comes first. Returns the milliseconds waited.
 */
export async function holdFor(landing: PromiseLike<unknown>, capMs: number, stopped: () => boolean, now: () => number = () => performance.now()): Promise<number> {
  const from = now();
  let settled = false;
  const done = Promise.resolve(landing).then(() => { settled = true; }, () => { settled = true; });
  for (;;) {
    const left = from + capMs - now();
    if (settled || stopped() || left <= 0) return now() - from;
    await Promise.race([done, sleep(Math.min(HOLD_POLL_MS, left))]);
  }
}
