// The incremental route aggregates (prefix/suffix segment concatenation) equal
// a full plain-JS recomputation after every chunk of local search.
import { describe, expect, it } from 'vitest';
import { newSolver, workingRoutes } from '../../helpers/load-solver';
import { evaluateRoute } from '../../helpers/reference-cost';
import { randomProblem } from '../../helpers/random-problem';

describe('segments', () => {
  it('stored route costs equal a full recomputation after each search step', async () => {
    let steps = 0;
    for (let seed = 200; seed < 215; seed++) {
      const { problem: p, matrix: m } = randomProblem(seed, {
        stops: 15 + seed % 10, vehicles: 3 + seed % 3, depots: 1 + seed % 2, dims: 2, profiles: 2,
        durationCost: seed % 2 === 1, tightness: 0.7,
      });
      const solver = await newSolver();
      solver.load(p);
      solver.construct();
      for (let step = 0; step < 40; step++) {
        const done = solver.improve(5);
        const routes = workingRoutes(solver.raw, p);
        let total = 0;
        routes.forEach((stops, r) => {
          const reference = evaluateRoute(p, m, r, stops);
          expect(reference.feasible).toBe(true);
          expect(solver.raw.testCost(r)).toBeCloseTo(reference.cost, 6);
          total += reference.cost;
        });
        const unassigned = [...Array(p.nodeCount).keys()].filter((s) => s >= p.depotCount && !routes.flat().includes(s));
        total += unassigned.reduce((sum, s) => sum + p.unassignedPenalty[s], 0);
        expect(solver.raw.testCost(-1)).toBeCloseTo(total, 6);
        steps++;
        if (done) break;
      }
    }
    expect(steps).toBeGreaterThan(30);
  });
});
