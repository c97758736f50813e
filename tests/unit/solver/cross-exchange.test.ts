// Cross-exchange swaps two misplaced pairs of stops between two routes on a line.
import { describe, expect, it } from 'vitest';
import { newSolver, workingRoutes } from '../../helpers/load-solver';
import { evaluateRoute, toInitialPlan } from '../../helpers/reference-cost';
import { pointsProblem } from '../../helpers/random-problem';

const OP = { relocate: 0, swap: 1, twoOptStar: 2, twoOpt: 3, orOpt2: 4, orOpt3: 5, cross22: 8 } as const;

describe('cross-exchange', () => {
  it('finds the known improving move with the exact delta and applies it', async () => {
    const { problem, matrix } = pointsProblem([[-10, 0], [-20, 0], [-30, 0], [10, 0], [20, 0], [30, 0]], 2);
    const solver = await newSolver();
    solver.load(problem);
    expect(solver.construct(toInitialPlan([[1, 5, 6], [4, 2, 3]]))).toBe(0);
    const cost = (routes: number[][]): number => routes.reduce((sum, stops, v) => sum + evaluateRoute(problem, matrix, v, stops).cost, 0);
    expect(workingRoutes(solver.raw, problem)).toEqual([[1, 5, 6], [4, 2, 3]]);
    const delta = solver.raw.testEvaluate(OP.cross22, 5, 2);
    expect(delta).toBeCloseTo(cost([[1, 2, 3], [4, 5, 6]]) - cost([[1, 5, 6], [4, 2, 3]]), 9);
    expect(delta).toBeLessThan(0);
    expect(delta).toBe(-40);
    solver.raw.testApply(OP.cross22, 5, 2);
    expect(workingRoutes(solver.raw, problem)).toEqual([[1, 2, 3], [4, 5, 6]]);
  });
});
