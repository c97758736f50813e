// One progress stream out of a portfolio's workers: the figures of the best worker's plan, the
// iterations of all, the phase of the slowest, and a best-so-far plan only when it beats the last one
// passed on (at most once per SNAPSHOT_INTERVAL_MS, so the main thread checks few plans).
import { SNAPSHOT_INTERVAL_MS, type Progress, type SolvePhase } from '../../../workers/protocol';

const PHASE_ORDER: readonly SolvePhase[] = ['reading', 'matrix', 'constructing', 'searching', 'explaining'];

/** A progress report whose best-so-far plan is in any form (objects in Node, text from a Web Worker). */
export type AnyProgress = Omit<Progress, 'plan'> & { plan?: unknown };

/** Lower objective wins; NaN (no plan yet) never does. */
function bestProgress<P extends AnyProgress>(latest: readonly (P | undefined)[]): P | undefined {
  let best: P | undefined;
  for (const p of latest) if (p && !Number.isNaN(p.objective) && (!best || p.objective < best.objective)) best = p;
  return best;
}

/** Returns `merge(worker, progress)`, which calls `onProgress` with the portfolio's progress. */
export function makeProgressMerger<P extends AnyProgress = Progress>(workers: number, onProgress: (p: P) => void): (worker: number, p: P) => void {
  const latest: (P | undefined)[] = new Array(workers);
  let planObjective = Infinity;
  let planAtMs = -Infinity;
  return (worker, p) => {
    latest[worker] = { ...p, plan: undefined };
    const reported = latest.filter((q): q is P => q !== undefined);
    const phase = PHASE_ORDER[Math.max(...reported.map((q) => PHASE_ORDER.indexOf(q.phase)))];
    const best = bestProgress(latest) ?? p;
    const merged: P = {
      ...best, phase, plan: undefined,
      iteration: reported.reduce((sum, q) => sum + q.iteration, 0),
      elapsedMs: Math.max(...reported.map((q) => q.elapsedMs)),
    };
    if (p.plan && p.objective < planObjective && p.objective <= best.objective && merged.elapsedMs - planAtMs >= SNAPSHOT_INTERVAL_MS) {
      planObjective = p.objective;
      planAtMs = merged.elapsedMs;
      merged.plan = p.plan;
    }
    onProgress(merged);
  };
}
