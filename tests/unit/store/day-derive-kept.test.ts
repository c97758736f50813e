// @vitest-environment node
// The page predicts one day state again at every clock step and keeps what the step cannot change (a route
// walked with the clock holding nothing back, its report figures and plan route, the unassigned reasons;
// eta.ts PredictionCache, day-report.ts, day-view.ts). Property: at every clock of a sequence — forwards a
// minute at a time, in jumps, and backwards — the kept day equals the day derived afresh at that clock,
// on played rich days and on random events files of every type.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DayRecord } from '../../../web/src/domain/day/day-schema';
import type { DayEvent } from '../../../web/src/domain/day/events';
import { parseEventsFile } from '../../../web/src/domain/day/events-file';
import { simulateDay } from '../../../web/src/domain/day/simulate';
import type { Scenario } from '../../../web/src/domain/scenario';
import type { Solution } from '../../../web/src/domain/solution';
import { deriveDay, deriveDayBase, predictDayAt, type DayDerived } from '../../../web/src/store/day-derive';
import { randomEventsFile } from '../../bench/repair-events';
import { nodeRepairSolve } from '../../bench/repair-solve';
import { generateRichScenario } from '../../bench/rich-generate';

const solve = nodeRepairSolve('debug');

/** What the page shows of a derived day. */
const shown = (d: DayDerived | null) => d && { prediction: d.prediction, atRisk: d.atRisk, report: d.report, plan: d.view.plan.solution, orders: d.view.orders };

describe('a day predicted again at each clock step keeps only what the step cannot change', () => {
  let rich: Scenario;
  let plan: Pick<Solution, 'routes' | 'unassigned'>;
  beforeAll(async () => {
    rich = generateRichScenario({ orders: 200, seed: 7 });
    plan = await solve(rich, { timeLimitS: 30, seed: 1, maxMoves: 60_000 });
  });

  function expectSameAsFresh(events: DayEvent[], clocks: number[], label: string): number {
    const day: DayRecord = { dispatchedAt: 360, dispatchedPlan: { solvedRevision: 0, solution: plan as never }, events };
    const scenario: Scenario = { ...rich, day };
    const base = deriveDayBase(scenario);
    let kept = 0;
    let previous: DayDerived | null = null;
    for (const now of clocks) {
      const stepped = predictDayAt(base, now);
      expect(shown(stepped), `${label} at ${now} min`).toEqual(shown(deriveDay(scenario, now)));
      if (previous) kept += stepped!.prediction.routes.filter((r, i) => r === previous!.prediction.routes[i]).length;
      previous = stepped;
    }
    return kept;
  }

  const forwards = (from: number) => Array.from({ length: 12 }, (_, i) => from + i);
  const jumps = (from: number) => [from, from + 7, from + 45, from + 46, from + 180, from + 30, from - 60, from + 600];

  it.each([2, 4, 7])('Play-the-day simulation, seed %i, at 09:00, 12:00 and 16:00', (seed) => {
    let kept = 0;
    for (const at of [540, 720, 960]) {
      const events = simulateDay(rich, plan as never, { seed, untilS: at * 60, delayChance: 0.6 });
      kept += expectSameAsFresh(events, [...forwards(at), ...jumps(at)], `seed ${seed} at ${at}`);
    }
    // The property holds with routes kept, not only with every route walked again.
    expect(kept).toBeGreaterThan(0);
  });

  it('random events files of every type, in and out of order, seeds 1 to 12', () => {
    let read = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const parsed = parseEventsFile(randomEventsFile(rich, plan.routes, plan.unassigned.map((u) => u.orderId), seed), rich);
      if (!parsed.ok) continue;
      read += 1;
      const last = Math.max(360, ...parsed.events.map((e) => e.at));
      expectSameAsFresh(parsed.events, [...forwards(last), ...jumps(last)], `seed ${seed}`);
    }
    expect(read).toBeGreaterThan(6);
  });
});
