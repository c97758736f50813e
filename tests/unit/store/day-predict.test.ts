// @vitest-environment node
// The day's prediction made a slice at a time (issue #15: at 10,000 orders one task predicted every route, 60–100
// ms per clock step or event). Sliced — a route per step, a newer time or state taking over half way — it equals
// the day predicted at once (the store's use of it: day-predict-store.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { DayEvent } from '../../../web/src/domain/day/events';
import { simulateDay } from '../../../web/src/domain/day/simulate';
import type { Scenario } from '../../../web/src/domain/scenario';
import type { Solution } from '../../../web/src/domain/solution';
import { deriveDay, deriveDayBase, makeDayKeeper, predictDayAtInSteps, type DayDerived } from '../../../web/src/store/day-derive';
import { nodeRepairSolve } from '../../bench/repair-solve';
import { generateRichScenario } from '../../bench/rich-generate';

/** What the page shows of a derived day. */
const shown = (d: DayDerived | null) => d && {
  nowMinutes: d.nowMinutes, state: d.state, prediction: d.prediction, atRisk: d.atRisk, report: d.report, plan: d.view.plan.solution, orders: d.view.orders,
};

/** Steps `job` with a deadline already past (one route per step) until it is done; returns how many steps. */
function stepAll(job: ReturnType<typeof predictDayAtInSteps>): number {
  let steps = 1;
  while (!job.step(-Infinity)) steps += 1;
  return steps;
}

describe('the day predicted in slices', () => {
  let rich: Scenario;
  let events: DayEvent[];
  const at = (minutes: number): Scenario => ({
    ...rich, day: { dispatchedAt: 360, dispatchedPlan: { solvedRevision: 0, solution: plan as never }, events: events.filter((e) => e.at <= minutes) },
  });
  let plan: Pick<Solution, 'routes' | 'unassigned'>;
  beforeAll(async () => {
    rich = generateRichScenario({ orders: 200, seed: 7 });
    plan = await nodeRepairSolve('debug')(rich, { timeLimitS: 30, seed: 1, maxMoves: 60_000 });
    events = simulateDay(rich, plan as never, { seed: 3, untilS: 15 * 3600, delayChance: 0.6 });
  });

  it('a route per step, then the report, then at risk and the plan, each in a step of their own, equal the day predicted at once', () => {
    const keeper = makeDayKeeper();
    for (const minutes of [600, 606, 612, 660, 720, 721, 840]) {
      const scenario = at(minutes);
      const base = deriveDayBase(scenario, keeper)!;
      const job = predictDayAtInSteps(base, minutes, keeper);
      expect(() => job.result()).toThrow(/not derived yet/);
      const steps = stepAll(job);
      expect(steps, `${minutes}: one step per route and two more`).toBe(base.state.routes.length + 2);
      expect(shown(job.result()), `${minutes}`).toEqual(shown(deriveDay(scenario, minutes)));
    }
  });

  it('a slice overtaken half way by a later time or state leaves nothing wrong behind', () => {
    const keeper = makeDayKeeper();
    const first = deriveDayBase(at(600), keeper)!;
    stepAll(predictDayAtInSteps(first, 600, keeper));
    for (const [minutes, eventsAt] of [[610, 600], [625, 620], [640, 640], [700, 690], [760, 760]] as const) {
      const base = deriveDayBase(at(eventsAt), keeper)!;
      // Half the routes predicted at a time that is never shown, then the later one made whole.
      const overtaken = predictDayAtInSteps(base, minutes - 4, keeper);
      for (let i = 0; i < base.state.routes.length / 2; i++) overtaken.step(-Infinity);
      const job = predictDayAtInSteps(base, minutes, keeper);
      stepAll(job);
      expect(shown(job.result()), `${minutes}`).toEqual(shown(deriveDay(at(eventsAt), minutes)));
    }
  });
});
