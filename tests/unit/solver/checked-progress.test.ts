// Progress of a solve with the checker in its own worker (issue #15): a best-so-far plan reaches
// the run store only with the checker's verdict attached, never before it; figures never go back
// in time; plans arriving during a slow check wait as one (the newest); a plan whose check fails
// to answer is not shown at all. Plans arrive as text (domain/plan-text.ts) and are parsed a part per task.
import { describe, expect, it } from 'vitest';
import { fromPlanText, toPlanText } from '../../../web/src/domain/plan-text';
import type { UncheckedSolution, WireProgress } from '../../../workers/protocol';
import type { CheckReport } from '../../../web/src/domain/check';
import type { CheckInput } from '../../../web/src/solver/check-client';
import { checkedProgress } from '../../../web/src/solver/checked-progress';
import type { CheckedProgress } from '../../../web/src/solver/client';
import { makeMiniSolution } from '../../fixtures/mini-scenario';

/** A checker whose verdicts the test hands out one by one. */
function manualChecker() {
  const calls: { solution: CheckInput; answer(report: CheckReport | Error): void }[] = [];
  const check = (solution: CheckInput) => new Promise<CheckReport>((resolve, reject) => {
    calls.push({ solution, answer: (r) => (r instanceof Error ? reject(r) : resolve(r)) });
  });
  return { calls, check };
}

const verdict = (ok: boolean): CheckReport => ({ ok, violations: [], cost: 1, distanceM: 1, durationS: 1, routes: [] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** The pause between a plan's parts: none here, so a verdict's plan is delivered before `settle` returns (a macrotask pause races it). */
const parsed = async () => {};

function report(elapsedMs: number, withPlan: boolean): WireProgress {
  const { check: _check, ...plan } = makeMiniSolution();
  return { runId: 1, phase: 'searching', iteration: elapsedMs, elapsedMs, routeCost: elapsedMs, unassigned: 0, penalty: 0, distanceM: 1000, objective: elapsedMs, ...(withPlan ? { plan: toPlanText({ ...plan, stats: { ...plan.stats, elapsedMs } }) } : {}) };
}

/** The elapsed time a checked plan's text carries. */
const elapsedOf = (solution: CheckInput) => fromPlanText<UncheckedSolution>(solution as Parameters<typeof fromPlanText>[0]).stats.elapsedMs;

describe('checked progress', () => {
  it('passes figures at once and a plan only with its verdict, carrying the newest figures', async () => {
    const checker = manualChecker();
    const seen: CheckedProgress[] = [];
    const progress = checkedProgress(checker.check, (p) => seen.push(p), parsed);
    progress(report(100, false));
    progress(report(200, true));
    progress(report(300, false));
    expect(seen.map((p) => [p.elapsedMs, !!p.plan])).toEqual([[100, false], [300, false]]);
    expect(checker.calls).toHaveLength(1);
    checker.calls[0].answer(verdict(false));
    await settle();
    expect(seen).toHaveLength(3);
    const shown = seen[2];
    // The plan of the 200 ms report, judged; the figures of the newest report (never older after newer).
    expect(shown.plan?.stats.elapsedMs).toBe(200);
    expect(shown.plan?.check).toEqual(verdict(false));
    expect(shown.elapsedMs).toBe(300);
  });

  it('checks only the newest of the plans that arrived during a check, and shows none whose check failed', async () => {
    const checker = manualChecker();
    const seen: CheckedProgress[] = [];
    const progress = checkedProgress(checker.check, (p) => seen.push(p), parsed);
    progress(report(100, true));
    progress(report(200, true));
    progress(report(300, true));
    expect(checker.calls).toHaveLength(1);
    checker.calls[0].answer(new Error('checker worker crashed'));
    await settle();
    expect(seen).toHaveLength(0);
    // The 200 ms plan was superseded while it waited: the 300 ms one is checked next.
    expect(checker.calls).toHaveLength(2);
    expect(elapsedOf(checker.calls[1].solution)).toBe(300);
    checker.calls[1].answer(verdict(true));
    await settle();
    expect(seen.map((p) => p.plan?.stats.elapsedMs)).toEqual([300]);
    expect(seen[0].plan?.check.ok).toBe(true);
  });

  it('tells `checked` of each plan judged, with the text it was read from (a result that is that plan reuses it)', async () => {
    const checker = manualChecker();
    const seen: CheckedProgress[] = [];
    const judged: { wire: unknown; elapsedMs: number }[] = [];
    const progress = checkedProgress(checker.check, (p) => seen.push(p), parsed, (wire, plan) => judged.push({ wire, elapsedMs: plan.stats.elapsedMs }));
    const first = report(100, true);
    progress(first);
    checker.calls[0].answer(verdict(true));
    await settle();
    progress(report(200, true));
    checker.calls[1].answer(new Error('checker worker crashed'));
    await settle();
    // Only the plan that has a verdict, before it is delivered.
    expect(judged).toEqual([{ wire: first.plan, elapsedMs: 100 }]);
    expect(seen.map((p) => p.plan?.stats.elapsedMs)).toEqual([100]);
  });
  it('answers a plan with a promise that settles once it was shown or dropped (what its solver worker waits for)', async () => {
    const checker = manualChecker();
    const seen: CheckedProgress[] = [];
    const progress = checkedProgress(checker.check, (p) => seen.push(p), parsed);
    const settledAt = new Map<number, number>();
    const watch = (elapsedMs: number, answer: Promise<void> | undefined) => void answer?.then(() => settledAt.set(elapsedMs, seen.length));
    expect(progress(report(50, false))).toBeUndefined();
    watch(100, progress(report(100, true)));
    watch(200, progress(report(200, true)));
    await settle();
    expect(settledAt.size).toBe(0); // the 100 ms plan is being checked, the 200 ms one waits
    watch(300, progress(report(300, true)));
    await settle();
    // The 200 ms plan gave way to the 300 ms one: dropped, so answered, with nothing shown yet.
    expect([...settledAt]).toEqual([[200, 1]]);
    checker.calls[0].answer(verdict(true));
    await settle();
    // The 100 ms plan is answered after it was delivered (the figures report and the plan: two deliveries).
    expect(settledAt.get(100)).toBe(2);
    expect(settledAt.has(300)).toBe(false);
    checker.calls[1].answer(new Error('checker worker crashed'));
    await settle();
    // A plan whose check failed is not shown, and answered all the same.
    expect(settledAt.get(300)).toBe(2);
    expect(seen.map((p) => p.plan?.stats.elapsedMs)).toEqual([undefined, 100]);
  });
});
