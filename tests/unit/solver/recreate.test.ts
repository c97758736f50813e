// Recreate's insertion (construct.ts): up to 200 stops every position of every route; above, every
// position of the routes that hold one of the stop's neighbours. That is never dearer than the
// positions next to the neighbours (the first plan's granular insertion), never cheaper than the
// whole plan, and on long routes finds positions the neighbour-only insertion misses.
import { describe, expect, it } from 'vitest';
import { routesOf } from '../../helpers/reference-cost';
import { randomProblem } from '../../helpers/random-problem';
import { solveProblem } from '../../helpers/solve-problem';

/** Neighbours taken out with the stop, as a ruin takes a region: recreate puts it back among the rest. */
const ALONGSIDE = 4;
const EVERY_ROUTE = 0; const NEXT_TO_NEIGHBOURS = 1; const NEIGHBOUR_ROUTES = 2; const AS_RECREATE = 3;

async function insertionCosts(stops: number, vehicles: number, seed: number) {
  const { problem } = randomProblem(seed, { stops, vehicles });
  // Room for long routes: ample capacity, all-day windows and shifts.
  problem.capacity.fill(100_000);
  problem.twOpenS.fill(0);
  problem.twCloseS.fill(1_000_000);
  problem.shiftEndS.fill(1_000_000);
  // The first plan, not improved: long routes, every stop assigned.
  const solver = await solveProblem(problem, 0);
  const plan = routesOf(solver.readSolution()).flat();
  expect(plan.length).toBe(stops);
  const costBefore = solver.raw.testCost(-1);
  const rows = plan.map((stop) => ({
    stop,
    every: solver.raw.testInsertionElsewhere(stop, ALONGSIDE, EVERY_ROUTE),
    next: solver.raw.testInsertionElsewhere(stop, ALONGSIDE, NEXT_TO_NEIGHBOURS),
    routes: solver.raw.testInsertionElsewhere(stop, ALONGSIDE, NEIGHBOUR_ROUTES),
    recreate: solver.raw.testInsertionElsewhere(stop, ALONGSIDE, AS_RECREATE),
  }));
  // Each probe puts the stop back where it was.
  expect(solver.raw.testCost(-1)).toBeCloseTo(costBefore, 6);
  expect(routesOf(solver.readSolution()).flat()).toEqual(plan);
  return rows;
}

describe('recreate insertion', () => {
  it('above 200 stops scans the routes of the neighbours: between the whole plan and the neighbours alone', async () => {
    const rows = await insertionCosts(240, 8, 71);
    let cheaperThanNeighbours = 0;
    for (const row of rows) {
      expect(Number.isFinite(row.routes), `stop ${row.stop}`).toBe(true);
      expect(row.routes, `stop ${row.stop}`).toBeLessThanOrEqual(row.next + 1e-9);
      expect(row.routes, `stop ${row.stop}`).toBeGreaterThanOrEqual(row.every - 1e-9);
      expect(row.recreate, `stop ${row.stop}`).toBe(row.routes);
      if (row.routes < row.next - 1e-9) cheaperThanNeighbours++;
    }
    // On routes of about 30 stops the cheapest position is often not next to a neighbour.
    expect(cheaperThanNeighbours).toBeGreaterThan(rows.length / 10);
  }, 60_000);

  it('up to 200 stops scans every route', async () => {
    const rows = await insertionCosts(120, 6, 72);
    for (const row of rows) expect(row.recreate, `stop ${row.stop}`).toBe(row.every);
    expect(rows.some((row) => row.every < row.routes - 1e-9 || row.every < row.next - 1e-9)).toBe(true);
  }, 60_000);
});
