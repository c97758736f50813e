// Declares one vitest test per fuzz target: CI runs `ciRuns` cases, FUZZ_RUNS
// (npm run fuzz) more; the counts go into the test's meta for the summary reporter.
import { describe, expect, it } from 'vitest';
import { fuzz, runsFor, type FuzzStats, type FuzzTarget } from './harness';

declare module 'vitest' {
  interface TaskMeta {
    fuzz?: FuzzStats;
  }
}

/** A fuzz target and its CI case count. */
export type FuzzEntry = [target: FuzzTarget<never>, ciRuns: number];

/** Registers the targets' tests: zero failures, or the shrunk case and why. */
export function fuzzSuite(entries: FuzzEntry[]): void {
  describe('fuzz', () => {
    for (const [target, ciRuns] of entries) {
      it(`${target.name}: every case is valid or rejected with a clear message`, async ({ task }) => {
        const stats = await fuzz(target, runsFor(ciRuns));
        task.meta.fuzz = stats;
        expect(stats.failure ?? null).toBeNull();
        expect(stats.failures).toBe(0);
      });
    }
  });
}
