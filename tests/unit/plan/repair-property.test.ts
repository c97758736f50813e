// @vitest-environment node
// Property test of proposeRepair over seeded simulated days of the demo (the
// simulator of "Play the day", the repair's own event generator, and random
// events files of every event type in and out of order), with a fixed
// move budget: the proposal passes the day check (checkRepair), no done or failed
// stop moves, it is never worse than the plan as it stands, and once accepted no
// stop still to make is off the plan unsaid and no route drives back in time.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DayRecord } from '../../../web/src/domain/day/day-schema';
import { deriveDayState, stopKey } from '../../../web/src/domain/day/day-state';
import type { DayEvent } from '../../../web/src/domain/day/events';
import { simulateDay } from '../../../web/src/domain/day/simulate';
import type { Scenario } from '../../../web/src/domain/scenario';
import { isOrderStep, type Solution } from '../../../web/src/domain/solution';
import { validateScenario } from '../../../web/src/domain/validate';
import { proposeRepair, repairContext, type RepairLevel, type RepairProposal } from '../../../web/src/plan/repair';
import { acceptRepairEvent, checkDay, checkRepair } from '../../../web/src/plan/repair-plan';
import { parseEventsFile } from '../../../web/src/domain/day/events-file';
import { randomEventsFile, simulateDayEvents } from '../../bench/repair-events';
import { generateRichScenario } from '../../bench/rich-generate';
import { nodeRepairSolve } from '../../bench/repair-solve';

const solve = nodeRepairSolve('debug');
const MOVES = 5_000;

/**
 * The plan a proposal becomes once accepted leaves nothing out unsaid (every stop still to make is on
 * a route, or its order is listed unassigned) and never drives back in time.
 */
function expectWhole(scenario: Scenario, plan: Pick<Solution, 'routes' | 'unassigned'>, day: DayRecord, p: RepairProposal, label: string): void {
  const accepted = checkRepair(scenario, day, p).plan;
  const state = deriveDayState(scenario, plan, [...day.events, acceptRepairEvent(scenario, day, p)]);
  const onRoute = new Set(accepted.routes.flatMap((r) => r.steps.filter(isOrderStep).map((x) => stopKey(x.id, x.type))));
  const listed = new Set(accepted.unassigned.map((u) => u.orderId));
  const lost = Object.values(state.stops).filter((x) => !['done', 'failed', 'cancelled'].includes(x.status) && !onRoute.has(x.key) && !listed.has(x.orderId));
  expect(lost.map((x) => `${x.key} (${x.status})`), `${label}: stops off the plan, unsaid`).toEqual([]);
  for (const route of accepted.routes) {
    const back = route.steps.findIndex((x, i) => i > 0 && x.arrivalS < route.steps[i - 1].departureS);
    expect(back < 0 ? null : `${route.steps[back - 1].type} ${route.steps[back - 1].id} → ${route.steps[back].type} ${route.steps[back].id}`, `${label}: ${route.vehicleId} drives back in time`).toBeNull();
  }
}

describe('proposeRepair on seeded simulated days (property)', () => {
  let s: Scenario;
  let plan: Pick<Solution, 'routes' | 'unassigned'>;
  beforeAll(async () => {
    const read = validateScenario(JSON.parse(readFileSync(new URL('../../../public/demo-scenario.json', import.meta.url), 'utf8')));
    if (!read.ok) throw new Error('demo scenario invalid');
    s = read.scenario;
    plan = await solve(s, { timeLimitS: 10, seed: 1, maxMoves: 100_000 });
  });

  async function expectSound(events: DayEvent[], nowMinutes: number, level: RepairLevel, seed: number): Promise<void> {
    const day: DayRecord = { dispatchedAt: 360, dispatchedPlan: { solvedRevision: 0, solution: plan as never }, events };
    const label = `seed ${seed} at ${nowMinutes} min, ${level}`;
    const p = await proposeRepair(s, day, { level, nowS: nowMinutes * 60, timeLimitS: 10, seed, maxMoves: MOVES }, solve);
    expect(checkRepair(s, day, p).violations, label).toEqual([]);
    expect(p.objectiveAfter, label).toBeLessThanOrEqual(p.objectiveBefore);
    const before = repairContext(s, day, { nowS: p.atS }).state;
    const after = deriveDayState(s, plan, [...events, { type: 'repair-applied', id: 'accept', at: nowMinutes, routes: p.routes }]);
    for (const stop of Object.values(before.stops)) {
      if (stop.status === 'done' || stop.status === 'failed') expect(after.stops[stop.key].vehicleId, `${label}: ${stop.key}`).toBe(stop.vehicleId);
    }
    // Accepted, the day as logged passes the day check shown to the user.
    const accepted: DayRecord = { ...day, events: [...events, acceptRepairEvent(s, day, p)] };
    expect(checkDay(s, accepted, p.atS).violations, label).toEqual([]);
    expectWhole(s, plan, day, p, label);
  }

  it.each([1, 2, 3, 4])('Play-the-day simulation, seed %i, at 09:30, 11:00 and 13:00', async (seed) => {
    for (const now of [570, 660, 780]) {
      const events = simulateDay(s, plan, { seed, untilS: now * 60, delayChance: 0.6 });
      for (const level of ['keep-vehicle', 'free'] as const) await expectSound(events, now, level, seed);
    }
  });

  it.each([[1, 15], [16, 30], [31, 45], [46, 60]])('random events files of every type, in and out of order, seeds %i to %i', async (from, to) => {
    let read = 0;
    for (let seed = from; seed <= to; seed++) {
      const parsed = parseEventsFile(randomEventsFile(s, plan.routes, plan.unassigned.map((u) => u.orderId), seed), s);
      // A file naming an order before the event that creates it is refused, each problem named by its event.
      if (!parsed.ok) {
        expect(parsed.issues.every((i) => /^events\[\d+\]\./.test(i.path)), `seed ${seed}`).toBe(true);
        continue;
      }
      read += 1;
      const now = Math.min(1439, Math.max(360, ...parsed.events.map((e) => e.at)) + (seed % 4) * 15);
      for (const level of ['keep-vehicle', 'free'] as const) await expectSound(parsed.events, now, level, seed);
    }
    expect(read).toBeGreaterThan((to - from + 1) / 2);
  });

  it.each([1, 2, 3])('repair event generator (delay, urgent orders, breakdown), seed %i', async (seed) => {
    for (const now of [570, 660, 780]) {
      const events = simulateDayEvents(s, plan.routes, { seed, nowMinutes: now, delayMinutes: 20 + ((seed * 13) % 60), newOrders: 1 + (seed % 2), breakdown: seed === 3 });
      for (const level of ['keep-vehicle', 'free'] as const) await expectSound(events, now, level, seed);
    }
  });

  describe('on the rich 200-order day (limits, overtime, shipments, many vans)', () => {
    let rich: Scenario;
    let richPlan: Pick<Solution, 'routes' | 'unassigned'>;
    beforeAll(async () => {
      rich = generateRichScenario({ orders: 200, seed: 7 });
      richPlan = await solve(rich, { timeLimitS: 30, seed: 1, maxMoves: 60_000 });
    });

    it.each([2, 4, 7])('Play-the-day simulation, seed %i, at 09:00, 11:00, 13:00 and 15:00: every proposal passes the day check, also once accepted', async (seed) => {
      for (const now of [540, 660, 780, 900]) {
        const events = simulateDay(rich, richPlan, { seed, untilS: now * 60, delayChance: 0.6 });
        const day: DayRecord = { dispatchedAt: 360, dispatchedPlan: { solvedRevision: 0, solution: richPlan as never }, events };
        for (const level of ['keep-vehicle', 'free'] as const) {
          const label = `seed ${seed} at ${now} min, ${level}`;
          const p = await proposeRepair(rich, day, { level, nowS: now * 60, timeLimitS: 10, seed, maxMoves: MOVES }, solve);
          expect(checkRepair(rich, day, p).violations, label).toEqual([]);
          const accepted: DayRecord = { ...day, events: [...events, acceptRepairEvent(rich, day, p)] };
          expect(checkDay(rich, accepted, p.atS).violations, label).toEqual([]);
          expectWhole(rich, richPlan, day, p, label);
        }
      }
    });

    it.each([[1, 10], [11, 20], [21, 30]])('random events files, seeds %i to %i: every proposal passes the day check, also once accepted', async (from, to) => {
      let read = 0;
      for (let seed = from; seed <= to; seed++) {
        const parsed = parseEventsFile(randomEventsFile(rich, richPlan.routes, richPlan.unassigned.map((u) => u.orderId), seed), rich);
        if (!parsed.ok) continue;
        read += 1;
        const now = Math.min(1439, Math.max(360, ...parsed.events.map((e) => e.at)) + (seed % 4) * 15);
        const day: DayRecord = { dispatchedAt: 360, dispatchedPlan: { solvedRevision: 0, solution: richPlan as never }, events: parsed.events };
        for (const level of ['keep-vehicle', 'free'] as const) {
          const label = `seed ${seed} at ${now} min, ${level}`;
          const p = await proposeRepair(rich, day, { level, nowS: now * 60, timeLimitS: 10, seed, maxMoves: MOVES }, solve);
          expect(checkRepair(rich, day, p).violations, label).toEqual([]);
          const accepted: DayRecord = { ...day, events: [...parsed.events, acceptRepairEvent(rich, day, p)] };
          expect(checkDay(rich, accepted, p.atS).violations, label).toEqual([]);
          expectWhole(rich, richPlan, day, p, label);
        }
      }
      expect(read).toBeGreaterThan((to - from + 1) / 2);
    });
  });
});

