// @vitest-environment node
// Goods on board stay on board: a delivery the rest of the day cannot reach is left
// unassigned by the solver, but its goods do not leave the van. When the solver's plan
// overloads a van, the repair solves again with that van's goods on board carried all
// day, so the van is not given a pickup it has no room for.
import { describe, expect, it } from 'vitest';
import type { DayRecord } from '../../../web/src/domain/day/day-schema';
import type { DayEvent } from '../../../web/src/domain/day/events';
import type { Scenario } from '../../../web/src/domain/scenario';
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

/** v1 takes 2 items; A and B deliver no items; X (2 items) is 90 km away; R, near the hub, gives back 2 items. */
function vanAndOrders() {
  const s = smallScenario();
  s.vehicles[0].capacity = [100, 2];
  const [a, b] = s.orders;
  a.amounts = [10, 0];
  b.amounts = [10, 0];
  s.orders.push({ ...a, id: 'X', lat: 46.5, lng: 4.9, amounts: [20, 2], timeWindows: [{ start: 480, end: 1080 }] });
  s.orders.push({ ...a, id: 'R', lat: 45.71, lng: 4.88, amounts: [0, 0], pickupAmounts: [0, 2], timeWindows: [{ start: 480, end: 1080 }] });
  return s;
}

/** v1 left at 07:00 with A, B and X on board, then collects R. */
function day() {
  const s = vanAndOrders();
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
    // Kept on its vehicle (as keep-vehicle does), R stays on v1.
    const problem = buildRepairProblem(s, ctx.state, ctx.prediction, ctx.starts, { keepVehicle: true });
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

  it('of the solver\'s answers, one that overloads no van is proposed over a cheaper one that does', async () => {
    const s = vanAndOrders();
    s.orders.push({ ...s.orders[0], id: 'R2', lat: 45.72, lng: 4.87, amounts: [0, 0], pickupAmounts: [40, 0], timeWindows: [{ start: 480, end: 1080 }], priority: 9 });
    // As dispatched, v1 collects R and R2 before delivering X: overloaded twice.
    const plan = {
      routes: [route('v1', [['job', 'A'], ['job', 'B'], ['job', 'R'], ['job', 'R2'], ['job', 'X']], H(7)), route('v2', [['job', 'D']], H(10))],
      unassigned: [{ orderId: 'C', reason: '' }, { orderId: 'E', reason: '' }],
    };
    const events = [{ id: 'e1', type: 'departed', vehicle: 'v1', at: 420 }, { id: 'e2', type: 'done', order: 'A', at: 450 }] as unknown as DayEvent[];
    const record: DayRecord = { dispatchedAt: 360, dispatchedPlan: { solvedRevision: 0, solution: plan as never }, events };
    const nowS = H(16, 30);
    // A stand-in solve: first R stays on v1 with X dropped (one overload), then, with v1's goods carried, a
    // plan that overloads nothing but leaves R and R2 (priority 9) unassigned: dearer by the objective.
    const solution = (routes: Route[], unassigned: string[]) => ({ routes, unassigned: unassigned.map((orderId) => ({ orderId, reason: 'test' })) }) as never;
    const answers = [
      solution([route('v1', [['job', 'R']], H(16, 30)), route('v2', [['job', 'R2']], H(16, 30))], ['X', 'C', 'E']),
      solution([], ['X', 'R', 'R2', 'C', 'E']),
    ];
    const seen: Scenario[] = [];
    const fake = async (problem: Scenario) => { seen.push(problem); return answers[seen.length - 1]; };
    const p = await proposeRepair(s, record, { level: 'free', nowS, timeLimitS: 10, seed: 1 }, fake);
    expect(seen.length).toBe(2);
    // The second solve was asked with v1's goods on board (B is frozen; X's 2 items) taking all its room.
    expect(seen[1].vehicles.find((v) => v.id === 'v1')!.capacity[1]).toBe(0);
    const ctx = repairContext(s, record, { nowS });
    const score = (i: number) => scoreCandidate(ctx, assembleSolverRoutes(ctx, buildRepairProblem(s, ctx.state, ctx.prediction, ctx.starts, { keepVehicle: false, carryOnBoard: i ? ['v1'] : [] }), answers[i]));
    expect(overloadedVehicles(score(0))).toEqual(['v1']);
    expect(overloadedVehicles(score(1))).toEqual([]);
    expect(score(0).objective).toBeLessThan(score(1).objective);
    expect(p.source).toBe('solver');
    expect(p.objectiveAfter).toBe(score(1).objective);
    expect(checkRepair(s, record, p).violations.filter((v) => v.rule === 'capacity')).toEqual([]);
  });
});

