// A solve's progress as the run store sees it: a best-so-far plan passes only once the
// independent checker has judged it (in its worker, so asynchronously), in order, and a
// slow check makes the plans that arrive meanwhile wait as one (the newest), never pile up.
// A plan arrives as text (domain/plan-text.ts): the checker worker parses its own copy while the
// main thread parses the parts one task at a time.
import { readPlanText, type PlanText } from '../domain/plan-text';
import type { UncheckedSolution, WireProgress } from '../../../workers/protocol';
import type { Solution } from '../domain/solution';
import { nextTask } from '../io/next-task';
import type { CheckPlan } from './check-client';
import type { CheckedProgress } from './client';

/**
 * A plan from a solver worker, parsed here a part per task (`pause` before each) while the checker judges
 * the same text in its worker: the plan with the checker's verdict. Rejects when either fails.
 */
export async function readChecked(checkPlan: CheckPlan, wire: PlanText, pause: () => Promise<void> = nextTask): Promise<Solution> {
  const verdict = checkPlan(wire);
  verdict.catch(() => {}); // awaited below; a parse failure must not leave it unhandled
  const plan = await readPlanText<UncheckedSolution>(wire, pause);
  return { ...plan, check: await verdict };
}

/**
 * Progress of one run as the caller sees it: figures pass at once; a best-so-far plan passes once the
 * checker has judged it, with the newest figures by then (never older ones after newer). While a check
 * runs, only the newest plan waits (older ones would be replaced on screen at once), so a slow check
 * never piles up work. `checked` hears of each plan read and judged, with its text (solver/shown-plan.ts).
 * For a report with a plan the returned function answers a promise that settles once that plan has been
 * passed on (`deliver` returned) or dropped (its check failed, or a newer plan took its place while it
 * waited): what the solver worker that sent it waits for before it goes on (client.ts).
 */
export function checkedProgress(checkPlan: CheckPlan, deliver: (p: CheckedProgress) => void, pause: () => Promise<void> = nextTask, checked?: (wire: PlanText, plan: Solution) => void): (p: WireProgress) => Promise<void> | undefined {
  let checking = false;
  let waiting: { progress: WireProgress & { plan: PlanText }; done: () => void } | null = null;
  let latest: WireProgress | null = null;
  const checkNext = (p: WireProgress & { plan: PlanText }, done: () => void) => {
    checking = true;
    readChecked(checkPlan, p.plan, pause)
      .then((plan) => {
        checked?.(p.plan, plan);
        deliver({ ...(latest ?? p), plan });
      }, () => {}) // no verdict: not shown
      .finally(() => {
        checking = false;
        done();
        const next = waiting;
        waiting = null;
        if (next) checkNext(next.progress, next.done);
      });
  };
  return (p) => {
    latest = { ...p, plan: undefined };
    if (!p.plan) return void deliver({ ...p, plan: undefined });
    const progress = { ...p, plan: p.plan };
    return new Promise<void>((done) => {
      if (!checking) return checkNext(progress, done);
      waiting?.done();
      waiting = { progress, done };
    });
  };
}
