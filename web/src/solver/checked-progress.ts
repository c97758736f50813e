// A solve's progress as the run store sees it: a best-so-far plan passes only once the
// independent checker has judged it (in its worker, so asynchronously), in order, and a
// slow check makes the plans that arrive meanwhile wait as one (the newest), never pile up.
import type { Progress } from '../../../workers/protocol';
import type { CheckPlan } from './check-client';
import type { CheckedProgress } from './client';

/**
 * Progress of one run as the caller sees it: figures pass at once; a best-so-far plan passes once the
 * checker has judged it, with the newest figures by then (never older ones after newer). While a check
 * runs, only the newest plan waits (older ones would be replaced on screen at once), so a slow check
 * never piles up work.
 */
export function checkedProgress(checkPlan: CheckPlan, deliver: (p: CheckedProgress) => void): (p: Progress) => void {
  let checking = false;
  let waiting: Progress | null = null;
  let latest: Progress | null = null;
  const checkNext = (p: Progress & { plan: NonNullable<Progress['plan']> }) => {
    checking = true;
    checkPlan(p.plan)
      .then((check) => deliver({ ...(latest ?? p), plan: { ...p.plan, check } } as CheckedProgress), () => {}) // no verdict: not shown
      .finally(() => {
        checking = false;
        const next = waiting;
        waiting = null;
        if (next?.plan) checkNext({ ...next, plan: next.plan });
      });
  };
  return (p) => {
    latest = { ...p, plan: undefined };
    if (!p.plan) return deliver({ ...p, plan: undefined });
    if (checking) waiting = p;
    else checkNext({ ...p, plan: p.plan });
  };
}
