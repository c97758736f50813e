// Plain pricing (plain-price.ts): on problems whose routes cost fixed + distance and can break only their
// capacity, insertion, relocate, or-opt, swap and 2-opt* price moves from distances and load summaries
// instead of whole route records. It must give the very same numbers as the whole records, move by move,
// with hard and with priced capacity, with loads whose order matters and loads whose order does not.
import { describe, expect, it } from 'vitest';
import { routesOf } from '../../helpers/reference-cost';
import { randomProblem } from '../../helpers/random-problem';
import { solveProblem } from '../../helpers/solve-problem';
import type { ProblemBuffers } from '../../../workers/protocol';

const STOPS = 48;
const VEHICLES = 6;
const OPS = { relocate: 0, swap: 1, twoOptStar: 2, orOpt2: 4, orOpt3: 5 } as const;
const PLAIN = 1; const ORDER_FREE = 2; const NEVER_LATE = 4;

/** A capacitated problem without binding times: windows and shifts far beyond any route. */
function capacitated(seed: number, collects: boolean): ProblemBuffers {
  const { problem } = randomProblem(seed, { stops: STOPS, vehicles: VEHICLES, dims: 2, tightness: 0 });
  const n = STOPS + 1;
  problem.twOpenS.fill(0);
  problem.twCloseS.fill(1_000_000_000);
  problem.shiftStartS.fill(0);
  problem.shiftEndS.fill(1_000_000_000);
  // Tight capacities (about the total demand over the fleet) so that many moves would overload a route.
  problem.capacity.fill(collects ? 60 : 50);
  problem.vehicleCostPerM = Float64Array.from({ length: VEHICLES }, (_, v) => 1 + 0.37 * v);
  problem.vehicleFixedCost = Float64Array.from({ length: VEHICLES }, (_, v) => 13.3 * v);
  if (collects) {
    problem.pickup = new Int32Array(n * 2);
    // Collections on every other stop, large enough that a route's load peak moves with their order.
    for (let s = 1; s < n; s++) if (s % 2 === 0) problem.pickup[s * 2 + (s % 4 === 0 ? 1 : 0)] = 3 + (s % 11);
  }
  return problem;
}

async function compareEveryMove(problem: ProblemBuffers, loadPrice: number) {
  // A poor starting plan (stops dealt round the fleet): many moves then pass the distance bound and are
  // priced in full.
  const dealt = Array.from({ length: VEHICLES }, (_, r) => Array.from({ length: STOPS }, (_, i) => i + 1).filter((s) => s % VEHICLES === r));
  const solver = await solveProblem(problem, 0, 200, dealt);
  if (loadPrice > 0) solver.raw.testRelax(0, loadPrice);
  const n = STOPS + 1;
  const routes = routesOf(solver.readSolution());
  const sites = [...routes.flat(), ...Array.from({ length: VEHICLES }, (_, r) => n + r)];
  let compared = 0; let improving = 0; let refused = 0;
  for (const op of Object.values(OPS)) {
    for (const u of sites) for (const v of sites) {
      solver.raw.testPlainPricing(1);
      const plain = solver.raw.testEvaluate(op, u, v);
      solver.raw.testPlainPricing(0);
      const full = solver.raw.testEvaluate(op, u, v);
      expect(plain, `op ${op} u ${u} v ${v}`).toBe(full);
      compared++;
      if (plain < 0) improving++;
      if (plain === Infinity) refused++;
    }
  }
  for (const stop of routes.flat()) for (let mode = 0; mode < 4; mode++) {
    solver.raw.testPlainPricing(1);
    const plain = solver.raw.testInsertionElsewhere(stop, 3, mode);
    solver.raw.testPlainPricing(0);
    const full = solver.raw.testInsertionElsewhere(stop, 3, mode);
    expect(plain, `insert ${stop} mode ${mode}`).toBe(full);
    compared++;
  }
  solver.raw.testPlainPricing(1);
  return { compared, improving, refused, decided: solver.raw.testPlainPricing(1) };
}

describe('plain pricing of capacitated problems', () => {
  for (const collects of [false, true]) {
    for (const loadPrice of [0, 3.7]) {
      it(`prices every move as the whole records do (${collects ? 'deliveries and collections' : 'deliveries only'}, ${loadPrice > 0 ? 'priced' : 'hard'} capacity)`, async () => {
        const { compared, improving, refused, decided } = await compareEveryMove(capacitated(collects ? 93 : 91, collects), loadPrice);
        expect(decided).toBe(collects ? PLAIN | NEVER_LATE : PLAIN | ORDER_FREE | NEVER_LATE);
        expect(compared).toBeGreaterThan(10000);
        // The comparison reaches the priced paths: improving moves, and (hard capacity) refused ones.
        expect(improving).toBeGreaterThan(1000);
        expect(refused).toBeGreaterThan(1000);
      }, 60_000);
    }
  }

  it('is decided only when no route can be late and the cost is fixed + distance', async () => {
    const decide = async (problem: ProblemBuffers) => (await solveProblem(problem, 0)).raw.testPlainPricing(1);
    expect(await decide(capacitated(91, false))).toBe(PLAIN | ORDER_FREE | NEVER_LATE);
    // One window closing long after any route could arrive changes nothing ...
    const farWindow = capacitated(91, false); farWindow.twCloseS[5] = 500_000;
    expect(await decide(farWindow)).toBe(PLAIN | ORDER_FREE | NEVER_LATE);
    // ... one that a long route could miss turns it off, as do tight windows everywhere,
    const nearWindow = capacitated(91, false); nearWindow.twCloseS[5] = 20_000;
    expect(await decide(nearWindow)).toBe(0);
    expect(await decide(randomProblem(91, { stops: STOPS, vehicles: VEHICLES, tightness: 0.8 }).problem)).toBe(0);
    // a short shift,
    const shortShift = capacitated(91, false); shortShift.shiftEndS[2] = 20_000;
    expect(await decide(shortShift)).toBe(0);
    // and a cost per second (routes then cost their duration too).
    const perSecond = capacitated(91, false); perSecond.vehicleCostPerS[1] = 0.01;
    expect(await decide(perSecond)).toBe(NEVER_LATE);
  }, 60_000);
});
