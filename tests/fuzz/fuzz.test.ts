// Property-based fuzzing of every importer and the WASM facade (issue #12): each
// generated case ends in a valid result or a clear error naming the place, never
// an uncaught exception, a hang or a change to what was stored. CI runs a few
// hundred cases per importer; `npm run fuzz` (FUZZ_RUNS=10000) runs ten thousand.
import { describe, expect, it } from 'vitest';
import { fuzz, runsFor, type FuzzStats, type FuzzTarget } from './harness';
import { eventsTarget, scenarioFileTarget, vroomTarget } from './targets-json';
import { csvTarget, xlsxTarget } from './targets-table';

declare module 'vitest' {
  interface TaskMeta {
    fuzz?: FuzzStats;
  }
}

const targets: [FuzzTarget<never>, number][] = [
  [csvTarget('orders') as FuzzTarget<never>, 400],
  [csvTarget('vehicles') as FuzzTarget<never>, 400],
  [xlsxTarget('orders') as FuzzTarget<never>, 250],
  [xlsxTarget('vehicles') as FuzzTarget<never>, 250],
  [scenarioFileTarget as FuzzTarget<never>, 400],
  [vroomTarget as FuzzTarget<never>, 400],
  [eventsTarget as FuzzTarget<never>, 400],
];

describe('fuzz', () => {
  for (const [target, ciRuns] of targets) {
    it(`${target.name}: every case is valid or rejected with a clear message`, async ({ task }) => {
      const stats = await fuzz(target, runsFor(ciRuns));
      task.meta.fuzz = stats;
      expect(stats.failure ?? null).toBeNull();
      expect(stats.failures).toBe(0);
    });
  }
});
