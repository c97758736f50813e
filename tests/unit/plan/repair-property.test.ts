// @vitest-environment node
// Property test of proposeRepair over seeded simulated days of the demo (the
// simulator of "Play the day" and the repair's own event generator), with a fixed
// move budget: the proposal passes the day check (checkRepair), no done or failed
// stop moves, and it is never worse than the plan as it stands.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DayRecord } from '../../../web/src/domain/day/day-schema';
import { deriveDayState } from '../../../web/src/domain/day/day-state';
import type { DayEvent } from '../../../web/src/domain/day/events';
import { simulateDay } from '../../../web/src/domain/day/simulate';
import type { Scenario } from '../../../web/src/domain/scenario';
import type { Solution } from '../../../web/src/domain/solution';
import { validateScenario } from '../../../web/src/domain/validate';
import { proposeRepair, repairContext, type RepairLevel } from '../../../web/src/plan/repair';
import { acceptRepairEvent, checkDay, checkRepair } from '../../../web/src/plan/repair-plan';
import { simulateDayEvents } from '../../bench/repair-events';
import { nodeRepairSolve } from '../../bench/repair-solve';

const solve = nodeRepairSolve('debug');
const MOVES = 5_000;

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
  }

  it.each([1, 2, 3, 4])('Play-the-day simulation, seed %i, at 09:30, 11:00 and 13:00', async (seed) => {
    for (const now of [570, 660, 780]) {
      const events = simulateDay(s, plan, { seed, untilS: now * 60, delayChance: 0.6 });
      for (const level of ['keep-vehicle', 'free'] as const) await expectSound(events, now, level, seed);
    }
  });

  it.each([1, 2, 3])('repair event generator (delay, urgent orders, breakdown), seed %i', async (seed) => {
    for (const now of [570, 660, 780]) {
      const events = simulateDayEvents(s, plan.routes, { seed, nowMinutes: now, delayMinutes: 20 + ((seed * 13) % 60), newOrders: 1 + (seed % 2), breakdown: seed === 3 });
      for (const level of ['keep-vehicle', 'free'] as const) await expectSound(events, now, level, seed);
    }
  });
});
