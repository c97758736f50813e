// @vitest-environment node
// Goods on board stay on board: a delivery the rest of the day cannot reach is left
// unassigned by the solver, but its goods do not leave the van. When the solver's plan
// overloads a van, the repair solves again with that van's goods on board carried all
// day, so the van is not given a pickup it has no room for.
import { describe, expect, it } from 'vitest';
import type { DayRecord } from '../../../web/src/domain/day/day-schema';
import type { DayEvent } from '../../../web/src/domain/day/events';
import type { Route, StepType } from '../../../web/src/domain/solution';
import { overloadedVehicles, proposeRepair, repairContext } from '../../../web/src/plan/repair';
import { assembleSolverRoutes } from '../../../web/src/plan/repair-candidate';
import { scoreCandidate } from '../../../web/src/plan/repair-score';
import { checkRepair } from '../../../web/src/plan/repair-plan';
import { buildRepairProblem } from '../../../web/src/domain/day/repair-problem';
import { smallScenario } from '../../fixtures/small-scenario';
import { nodeRepairSolve } from '../../bench/repair-solve';

const solve = nodeRepairSolve('debug');
const H = (h: number, m = 0) => h * 3600 + m * 60;
const step = (type: StepType, id: string, t: number) => ({ type, id, arrivalS: t, waitS: 0, serviceS: 0, departureS: t, distanceM: 0, load: [0, 0] });
const route = (vehicleId: string, stops: [StepType, string][], departS: number): Route => ({
  vehicleId, steps: [step('start', 'hub', departS), ...stops.map(([t, id]) => step(t, id, departS)), step('end', 'hub', departS)], distanceM: 0, durationS: 0, drivingS: 0, waitingS: 0, serviceS: 0, cost: 0,
});

/** v1 (room for 2 items) left at 07:00 with A, B and X on board; X is 90 km away; R, near the hub, gives back 2 items. */
function day() {
  const s = smallScenario();
  s.vehicles[0].capacity = [100, 2];
  const [a, b] = s.orders;
  a.amounts = [10, 0];
  b.amounts = [10, 0];
  s.orders.push({ ...a, id: 'X', lat: 46.5, lng: 4.9, amounts: [20, 2], timeWindows: [{ start: 480, end: 1080 }] });
  s.orders.push({ ...a, id: 'R', lat: 45.71, lng: 4.88, amounts: [0, 0], pickupAmounts: [0, 2], timeWindows: [{ start: 480, end: 1080 }] });
  const plan = {
    routes: [route('v1', [['job', 'A'], ['job', 'B'], ['job', 'X'], ['job', 'R']], H(7)), route('v2', [['job', 'D']], H(10))],
    unassigned: [{ orderId: 'C', reason: '' }, { orderId: 'E', reason: '' }],
  };
  const events = [
    { id: 'e1', type: 'departed', vehicle: 'v1', at: 7 * 60 },
    { id: 'e2', type: 'done', order: 'A', at: 7 * 60 + 30 },
  ] as unknown as DayEvent[];
  const record: DayRecord = { dispatchedAt: 360, dispatchedPlan: { solvedRevision: 0, solution: plan as never }, events };
  return { s, record };
}

describe('repair with goods on board that cannot be delivered', () => {
  it('the first solve leaves X unassigned and fills its room with R; the repair solves again with v1\'s goods carried and overloads nothing', async () => {
    const { s, record } = day();
    const nowS = H(16, 30);
    const ctx = repairContext(s, record, { nowS });
    expect(ctx.starts.find((x) => x.vehicleId === 'v1')!.deliveriesOnBoard).toContain('X');
    // What one solve without the rule does (the model unloads X with the order).
    const problem = buildRepairProblem(s, ctx.state, ctx.prediction, ctx.starts, { keepVehicle: false });
    const first = await solve(problem.scenario, { timeLimitS: 10, seed: 1, maxMoves: 5_000, pins: problem.pins, initialRoutes: problem.initial, explain: false });
    expect(first.unassigned.map((u) => u.orderId)).toContain('X');
    expect(overloadedVehicles(scoreCandidate(ctx, assembleSolverRoutes(ctx, problem, first)))).toEqual(['v1']);
    for (const level of ['keep-vehicle', 'free'] as const) {
      const p = await proposeRepair(s, record, { level, nowS, timeLimitS: 10, seed: 1, maxMoves: 5_000 }, solve);
      const check = checkRepair(s, record, p);
      expect(check.violations.filter((v) => v.rule === 'capacity'), level).toEqual([]);
      expect(p.routes.find((r) => r.vehicle === 'v1')!.stops.map((x) => x.id), level).not.toContain('R');
    }
  });
});
