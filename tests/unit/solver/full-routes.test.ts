// A day with more orders than the fleet can carry (issue #15): most recreate calls end in an insertion over every
// route, and most routes are full. A route whose deliveries (or pickups) plus the stop's would exceed its vehicle's
// capacity is not walked; its positions still count as work, so a budgeted run makes the same steps and ends on the
// same plan as one that walks them.
import { describe, expect, it } from 'vitest';
import { encode, pinnedInitialPlan } from '../../../workers/encode';
import { loadSolve } from '../../../workers/robust';
import { newSolver, workingRoutes } from '../../helpers/load-solver';
import { overbookedDemo } from '../../helpers/overbooked';

/** The overbooked day (314 orders: above 200 stops, recreate tries the neighbours' routes first), solved for a fixed budget. */
async function solved(skip: boolean, chunks: number, moves = 500) {
  const scenario = overbookedDemo(3);
  const encoded = encode(scenario, { timeLimitS: 1, seed: 3 });
  const { instance } = await loadSolve(() => newSolver('debug'), scenario, encoded, undefined);
  instance.raw.testSkipFullRoutes(skip ? 1 : 0);
  instance.construct(pinnedInitialPlan(encoded));
  for (let i = 0; i < chunks; i++) instance.improve(moves, i / chunks);
  return { instance, encoded };
}

describe('routes that cannot carry a stop', () => {
  it('are refused only where no position of the route can take the stop', async () => {
    const { instance, encoded } = await solved(true, 20);
    const raw = instance.raw;
    const p = encoded.buffers;
    const routed = new Set(workingRoutes(raw, p).flat());
    const unassigned = [...Array(p.nodeCount).keys()].filter((s) => s >= p.depotCount && !routed.has(s) && encoded.nodeStep[s] === 'job');
    expect(unassigned.length).toBeGreaterThan(20);
    let refused = 0;
    for (const stop of unassigned) {
      for (let route = 0; route < p.vehicleCount; route++) {
        if (raw.testCannotCarry(route, stop) !== 1) continue;
        refused++;
        expect(raw.testBestInRoute(route, stop), `route ${route}, stop ${stop}`).toBe(Infinity);
      }
    }
    // On this day most pairs are refused at once.
    expect(refused).toBeGreaterThan(unassigned.length * p.vehicleCount / 2);
    // A stop taken off its route leaves room there for itself: that route is not refused, and takes it back.
    const routes = workingRoutes(raw, p);
    const route = routes.findIndex((r) => r.some((s) => encoded.nodeStep[s] === 'job'));
    const stop = routes[route].find((s) => encoded.nodeStep[s] === 'job')!;
    expect(raw.testRemoveString(stop, 1, 0, 0)).toBe(1);
    expect(raw.testCannotCarry(route, stop)).toBe(0);
    expect(Number.isFinite(raw.testBestInRoute(route, stop))).toBe(true);
  });

  it('a budgeted run ends on the same plan as one that walks every route', async () => {
    const a = await solved(true, 40, 50_000);
    const b = await solved(false, 40, 50_000);
    expect(workingRoutes(a.instance.raw, a.encoded.buffers)).toEqual(workingRoutes(b.instance.raw, b.encoded.buffers));
    expect(a.instance.readSolution()).toEqual(b.instance.readSolution());
    expect(a.instance.bestCost()).toBe(b.instance.bestCost());
    // The same steps: a route skipped counts as the positions it has, so each chunk of work ends where it did.
    expect(a.instance.iterations()).toBeGreaterThan(200);
    expect(a.instance.iterations()).toBe(b.instance.iterations());
  });
});
