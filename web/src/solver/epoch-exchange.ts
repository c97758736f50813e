// The epoch exchange of a portfolio solve: workers report their best plan at each epoch's end and
// hear back whether to restart from a better one. Deterministic mode (a work budget) waits for every
// running worker at each epoch (a barrier) and decides on that epoch's reports alone; otherwise each
// report is answered at once against the best plan reported so far. A worker restarts from the best
// plan when it is clearly worse, or worse at all and stuck (no better plan of its own in the epoch).
import type { EpochReply, EpochReport } from '../../../workers/protocol';

/** A worker restarts from the best plan when its own is worse by more than this share (even if still improving). */
export const ADOPT_GAP = 0.002;

/** The exchange as the coordinator drives it. */
export interface EpochExchange {
  /** A worker's epoch report; resolves with its instruction. */
  report(report: EpochReport): Promise<EpochReply>;
  /** The worker's solve has ended: barriers stop waiting for it. */
  finished(worker: number): void;
  /** Cancel: every waiting worker carries on (and then sees its cancel). */
  release(): void;
}

/** Lowest objective; ties go to the lower worker index. */
function bestOf(reports: readonly EpochReport[]): EpochReport {
  return reports.reduce((a, b) => (b.objective < a.objective || (b.objective === a.objective && b.worker < a.worker) ? b : a));
}

/** Objectives this close (relative) are equal: float noise, not a better plan. */
const SAME = 1e-9;

/** Whether `report` should give way to `best`; `previous` is the worker's objective at its last epoch. */
function givesWay(report: EpochReport, best: EpochReport, previous: number): boolean {
  const scale = Math.abs(best.objective);
  if (report.worker === best.worker || report.objective <= best.objective + SAME * scale) return false;
  const stuck = report.objective >= previous - SAME * scale;
  return stuck || report.objective > best.objective + ADOPT_GAP * scale;
}

/**
 * The exchange for `workers` workers of a solve seeded `baseSeed`. A worker restarting after epoch e
 * takes seed baseSeed + worker + workers·(e+1): its own, and never one another worker has used.
 */
export function makeEpochExchange(workers: number, baseSeed: number, deterministic: boolean): EpochExchange {
  const previous: number[] = new Array(workers).fill(Infinity);
  const reply = (report: EpochReport, best: EpochReport): EpochReply => {
    const restart = givesWay(report, best, previous[report.worker]);
    previous[report.worker] = restart ? best.objective : report.objective;
    return restart ? { routeOffsets: best.routeOffsets, visits: best.visits, seed: baseSeed + report.worker + workers * (report.epoch + 1) } : null;
  };
  const running = new Set(Array.from({ length: workers }, (_, w) => w));
  let released = false;

  if (!deterministic) {
    let best: EpochReport | null = null;
    return {
      async report(report) {
        if (released) return null;
        best = best ? bestOf([best, report]) : report;
        return reply(report, best);
      },
      finished: (worker) => void running.delete(worker),
      release: () => { released = true; },
    };
  }

  /** Reports waiting at each epoch's barrier, with their resolvers. */
  const waiting = new Map<number, { report: EpochReport; resolve: (r: EpochReply) => void }[]>();
  const settle = (epoch: number, decide: boolean) => {
    const entries = waiting.get(epoch)!;
    waiting.delete(epoch);
    const best = bestOf(entries.map((e) => e.report));
    for (const { report, resolve } of entries) resolve(decide ? reply(report, best) : null);
  };
  // A barrier is complete when every running worker has reached it (finished workers never will).
  const check = () => {
    for (const [epoch, entries] of [...waiting]) if (entries.length >= running.size) settle(epoch, true);
  };
  return {
    report(report) {
      if (released) return Promise.resolve(null);
      return new Promise((resolve) => {
        waiting.set(report.epoch, [...(waiting.get(report.epoch) ?? []), { report, resolve }]);
        check();
      });
    },
    finished(worker) {
      running.delete(worker);
      check();
    },
    release() {
      released = true;
      for (const epoch of [...waiting.keys()]) settle(epoch, false);
    },
  };
}
