// 2-opt* exchanges the tails of two crossing routes.
import { describe, expect, it } from 'vitest';
import { newSolver, workingRoutes } from '../../helpers/load-solver';
import { evaluateRoute, toInitialPlan } from '../../helpers/reference-cost';
import { pointsProblem } from '../../helpers/random-problem';

const OP = { relocate: 0, swap: 1, twoOptStar: 2, twoOpt: 3, orOpt2: 4, orOpt3: 5 } as const;

describe('two-opt-star', () => {
  it('finds the known improving move with the exact delta and applies it', async () => {
    const { problem, matrix } = pointsProblem([[-10, 10], [10, 20], [10, 10], [-10, 20]], 2);
    const solver = await newSolver();
    solver.load(problem);
    expect(solver.construct(toInitialPlan([[1, 2], [3, 4]]))).toBe(0);
    const cost = (routes: number[][]): number => routes.reduce((sum, stops, v) => sum + evaluateRoute(problem, matrix, v, stops).cost, 0);
    expect(workingRoutes(solver.raw, problem)).toEqual([[1, 2], [3, 4]]);
    const delta = solver.raw.testEvaluate(OP.twoOptStar, 1, 3);
    expect(delta).toBeCloseTo(cost([[1, 4], [3, 2]]) - cost([[1, 2], [3, 4]]), 9);
    expect(delta).toBeLessThan(0);
    solver.raw.testApply(OP.twoOptStar, 1, 3);
    expect(workingRoutes(solver.raw, problem)).toEqual([[1, 4], [3, 2]]);
  });
});
