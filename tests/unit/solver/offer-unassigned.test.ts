// A day with more orders than the fleet can carry (issue #15): recreate offers the unassigned stops again at each
// ruin-and-recreate step. With many of them left out, a step offers only those whose neighbours' routes changed
// since they were last offered (a granular recreate tries a stop on those routes only, so the others would be
// left out again), at most 64 a step, each step going on where the last stopped; with few, or with a recreate over
// every route, it offers every one, as SISR does.
import { describe, expect, it } from 'vitest';
import { encode, pinnedInitialPlan } from '../../../workers/encode';
import { loadSolve } from '../../../workers/robust';
import { newSolver, workingRoutes } from '../../helpers/load-solver';
import { overbookedDemo } from '../../helpers/overbooked';

describe('unassigned stops offered to recreate', () => {
  it('offers again only the stops next to a changed route when many are left out, every one otherwise', async () => {
    const scenario = overbookedDemo(1);
    const encoded = encode(scenario, { timeLimitS: 1, seed: 1 });
    const { instance } = await loadSolve(() => newSolver('debug'), scenario, encoded, undefined);
    instance.construct(pinnedInitialPlan(encoded));
    instance.improve(2_000, 0.5);
    const raw = instance.raw;
    const everyOne = raw.testOffer(0, 0);
    expect(everyOne).toBeGreaterThan(64);
    // Never offered yet: 64 a step, each step going on where the last stopped, until every one was offered once;
    // then, nothing having changed, none.
    let total = 0;
    let steps = 0;
    for (let offered = raw.testOffer(1, 1); offered > 0; offered = raw.testOffer(1, 1)) {
      expect(offered).toBeLessThanOrEqual(64);
      total += offered;
      steps += 1;
    }
    expect(total).toBe(everyOne);
    expect(steps).toBe(Math.ceil(everyOne / 64));
    expect(raw.testOffer(1, 0)).toBe(0);
    // A recreate over every route (not granular) still offers every one.
    expect(raw.testOffer(0, 0)).toBe(everyOne);
    // One route changes (a stop taken off it, now unassigned too): that stop and the stops with a neighbour on the
    // route are offered, not all.
    const routes = workingRoutes(raw, encoded.buffers);
    const job = routes.flat().find((s) => encoded.nodeStep[s] === 'job')!;
    expect(raw.testRemoveString(job, 1, 0, 0)).toBe(1);
    const again = raw.testOffer(1, 0);
    expect(again).toBeGreaterThan(1);
    expect(again).toBeLessThanOrEqual(64);
    expect(raw.testOffer(0, 0)).toBe(everyOne + 1);
  });
});
