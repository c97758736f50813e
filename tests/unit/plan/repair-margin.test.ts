// @vitest-environment node
// The margin shaping as the solver sees it (fixed move budget): a stop the solver could
// serve inside its at-risk margin or outside goes outside; a stop only servable inside
// its margin is still served (the shaping never makes an order infeasible).
import { describe, expect, it } from 'vitest';
import { marginShapedOrder } from '../../../web/src/domain/day/repair-margin';
import { checkSolution } from '../../../web/src/domain/check';
import type { Scenario } from '../../../web/src/domain/scenario';
import { nodeRepairSolve } from '../../bench/repair-solve';
import { smallScenario } from '../../fixtures/small-scenario';

const solve = nodeRepairSolve('release');
const MARGIN = { marginMinutes: 15, costPerMinute: 2 };
const shaped = (s: Scenario): Scenario => ({ ...s, orders: s.orders.map((o) => marginShapedOrder(o, MARGIN)) });

/**
 * One van from the hub to a depot next to B. A (65 min of service) first is the
 * cheaper route but reaches B at about 08:29, inside the last 15 minutes of B's
 * window 07:35–08:40; B first is about 5.5 cost units dearer and serves B at 07:35.
 */
function twoStops(bWindow: [number, number]): Scenario {
  const s = smallScenario();
  s.depots.push({ id: 'north', name: 'North', lat: 45.7775, lng: 4.8325, open: 360, close: 1200 });
  s.vehicles = [{ ...s.vehicles[0], endDepotId: 'north' }];
  s.orders = [
    { ...s.orders[0], timeWindows: [{ start: 440, end: 600 }], serviceMinutes: 65 },
    { ...s.orders[1], timeWindows: [{ start: bWindow[0], end: bWindow[1] }], serviceMinutes: 5 },
  ];
  return s;
}

/** Rules the plan breaks on the original scenario; its cost differs by the margin's price, which is not a rule. */
function rulesBroken(s: Scenario, solution: Parameters<typeof checkSolution>[1]): string[] {
  return checkSolution(s, solution).violations.map((v) => v.rule).filter((r) => r !== 'cost-mismatch');
}

async function startOfB(s: Scenario): Promise<number> {
  const solution = await solve(s, { timeLimitS: 10, seed: 1, maxMoves: 20_000 });
  expect(solution.unassigned).toEqual([]);
  const b = solution.routes[0].steps.find((x) => x.id === 'B')!;
  return (b.arrivalS + b.waitS) / 60;
}

describe('margin shaping in the solve', () => {
  it('unshaped, the cheaper route serves B inside its margin; shaped, B is served outside it', async () => {
    const s = twoStops([455, 520]);
    expect(await startOfB(s)).toBeGreaterThan(520 - 15);
    const start = await startOfB(shaped(s));
    expect(start).toBeGreaterThanOrEqual(455);
    expect(start).toBeLessThanOrEqual(520 - 15);
  });

  it('serves a stop that can only start inside its margin, within its original window', async () => {
    // B's window 08:25–08:35 is shorter than the margin; van 1 can reach it either way.
    const s = twoStops([505, 515]);
    const solution = await solve(shaped(s), { timeLimitS: 10, seed: 1, maxMoves: 20_000 });
    expect(solution.unassigned).toEqual([]);
    const b = solution.routes[0].steps.find((x) => x.id === 'B')!;
    const startMin = (b.arrivalS + b.waitS) / 60;
    expect(startMin).toBeGreaterThanOrEqual(505);
    expect(startMin).toBeLessThanOrEqual(515);
    // Judged on the original windows, the plan is clean.
    expect(rulesBroken(s, solution)).toEqual([]);
  });

  it('a window closing inside the margin of the earliest arrival is still served', async () => {
    // The van leaves at 07:00 and needs about 21 minutes to B: any start is in the last 15 minutes of 07:00–07:30.
    const s = twoStops([420, 450]);
    s.orders = [s.orders[1]];
    const solution = await solve(shaped(s), { timeLimitS: 10, seed: 1, maxMoves: 20_000 });
    expect(solution.unassigned).toEqual([]);
    expect(rulesBroken(s, solution)).toEqual([]);
  });
});
