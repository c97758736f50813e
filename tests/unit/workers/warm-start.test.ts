// SolveOptions.initialRoutes (a repair's warm start): the construction starts from the given routes,
// their breaks where given, positioned pins of a vehicle win over them, unknown stops are skipped;
// a converged solve keeps a good start.
import { describe, expect, it } from 'vitest';
import { encode, pinnedInitialPlan } from '../../../workers/encode';
import { smallScenario } from '../../fixtures/small-scenario';
import { newSolver } from '../../helpers/load-solver';
import { checkSolution } from '../../../web/src/domain/check';
import { nodeRepairSolve } from '../../bench/repair-solve';

describe('pinnedInitialPlan with initial routes', () => {
  const s = smallScenario();
  const encoded = encode(s, { seed: 1, timeLimitS: 1 });
  const node = (id: string) => encoded.nodeIds.indexOf(id);
  const routes = (plan: ReturnType<typeof pinnedInitialPlan>) =>
    plan ? Array.from({ length: plan.routeOffsets.length - 1 }, (_, r) => Array.from(plan.visits.subarray(plan.routeOffsets[r], plan.routeOffsets[r + 1])).map((n) => encoded.nodeIds[n])) : undefined;

  it('starts each vehicle from its initial route, in order, skipping unknown orders', () => {
    const plan = pinnedInitialPlan(encoded, [], [{ vehicleId: 'v2', stops: [{ orderId: 'C' }, { orderId: 'nope' }, { orderId: 'A' }] }]);
    expect(routes(plan)).toEqual([[], ['C', 'A']]);
    expect(node('C')).toBeGreaterThan(0);
  });

  it('positioned pins of a vehicle take precedence over its initial route; nothing given → undefined', () => {
    const plan = pinnedInitialPlan(encoded, [{ orderId: 'B', vehicleId: 'v1', position: 0 }], [{ vehicleId: 'v1', stops: [{ orderId: 'A' }] }, { vehicleId: 'v2', stops: [{ orderId: 'D' }] }]);
    expect(routes(plan)).toEqual([['B'], ['D']]);
    expect(pinnedInitialPlan(encoded, [], [])).toBeUndefined();
    expect(pinnedInitialPlan(encoded, [], 'bad' as never)).toBeUndefined();
  });

  it('places a vehicle\'s break where its initial route has it, the vehicle\'s own (another\'s break of the same name is not)', async () => {
    const b = smallScenario();
    for (const v of b.vehicles) v.breaks = [{ id: 'lunch', timeWindows: [{ start: 480, end: 900 }], minutes: 30 }];
    const enc = encode(b, { seed: 1, timeLimitS: 1 });
    const ids = (plan: ReturnType<typeof pinnedInitialPlan>) =>
      plan ? Array.from({ length: plan.routeOffsets.length - 1 }, (_, r) => Array.from(plan.visits.subarray(plan.routeOffsets[r], plan.routeOffsets[r + 1]))) : [];
    const plan = pinnedInitialPlan(enc, [], [{ vehicleId: 'v2', stops: [{ orderId: 'A' }, { breakId: 'lunch' }, { orderId: 'B' }, { breakId: 'tea' }] }]);
    const [r1, r2] = ids(plan);
    expect(r1).toEqual([]);
    expect(r2.map((n) => enc.nodeIds[n])).toEqual(['A', 'lunch', 'B']);
    expect(enc.breakVehicle[r2[1]]).toBe(1);
    // The construction keeps it there: the route read back is A, lunch, B (left to itself it puts the break first).
    const solver = await newSolver();
    solver.load(enc.buffers);
    solver.construct(plan);
    const out = solver.readSolution();
    const route = (r: number) => Array.from(out.visits.subarray(out.routeOffsets[r], out.routeOffsets[r + 1])).map((n) => enc.nodeIds[n]);
    expect(route(1).slice(0, 3)).toEqual(['A', 'lunch', 'B']);
    const alone = await newSolver();
    alone.load(enc.buffers);
    alone.construct(pinnedInitialPlan(enc, [], [{ vehicleId: 'v2', stops: [{ orderId: 'A' }, { orderId: 'B' }] }]));
    const out2 = alone.readSolution();
    expect(Array.from(out2.visits.subarray(out2.routeOffsets[1], out2.routeOffsets[2])).map((n) => enc.nodeIds[n]).slice(0, 3)).not.toEqual(['A', 'lunch', 'B']);
  });

  it('a shipment\'s delivery is not placed before its pickup: the room it seemed to free is not given to another stop', async () => {
    const b = smallScenario();
    b.vehicles = [b.vehicles[0]];
    b.vehicles[0].capacity = [100, 1];
    b.orders = [
      // S carries 2 items (more than the van takes); R, a return, collects 1 item... and 1 more fits nowhere.
      { ...b.orders[0], id: 'S', amounts: [10, 2], pickup: { lat: 45.75, lng: 4.85, address: 'Shop', timeWindows: [], serviceMinutes: 5 } },
      { ...b.orders[1], id: 'R', serviceType: 'return', amounts: [0, 0], pickupAmounts: [10, 2] },
    ];
    const sol = await nodeRepairSolve('debug')(b, {
      timeLimitS: 10, seed: 1, maxMoves: 1_000, explain: false,
      initialRoutes: [{ vehicleId: 'v1', stops: [{ orderId: 'S', side: 'pickup' }, { orderId: 'S' }, { orderId: 'R' }] }],
    });
    // Placed alone, S's delivery unloaded 2 items never loaded and R seemed to fit; taken off as half a pair, it left R overloading the van.
    expect(checkSolution(b, sol as never).violations).toEqual([]);
    expect(sol.unassigned.map((u) => u.orderId).sort()).toEqual(['R', 'S']);
  });
});

