// SolveOptions.initialRoutes (a repair's warm start): the construction starts from the given routes,
// positioned pins of a vehicle win over them, unknown stops are skipped; a converged solve keeps a good start.
import { describe, expect, it } from 'vitest';
import { encode, pinnedInitialPlan } from '../../../workers/encode';
import { smallScenario } from '../../fixtures/small-scenario';

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
});
