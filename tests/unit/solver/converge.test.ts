// improve() reports Done once the search has converged: after the first descent,
// max(2000, 20·S²) ruin-and-recreate steps without a better plan (S stops), so the
// patience grows with the instance. Work-bounded (no clock): deterministic per seed.
import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/protocol';
import { newSolver } from '../../helpers/load-solver';
import { checkSolution } from '../../helpers/reference-cost';
import { randomProblem } from '../../helpers/random-problem';

/** Improves in chunks of 1,000 work units until Done or `maxChunks`; returns the chunks used and the iterations. */
async function runUntilDone(stops: number, maxChunks: number): Promise<{ done: boolean; iterations: number; clean: string[] }> {
  const { problem, matrix } = randomProblem(3, { stops, vehicles: 3, tightness: 0.3 });
  const solver = await newSolver();
  solver.load(problem);
  solver.construct();
  let done = false;
  for (let chunk = 0; chunk < maxChunks && !done; chunk++) done = solver.improve(1000, -1) === Status.Done;
  return { done, iterations: solver.iterations(), clean: checkSolution(problem, matrix, solver.readSolution()).violations };
}

describe('convergence', () => {
  it('a 5-stop plan converges after at least 2,000 fruitless ruin-and-recreate steps, and not much later', async () => {
    const run = await runUntilDone(5, 100_000);
    expect(run.done).toBe(true);
    expect(run.iterations).toBeGreaterThanOrEqual(2000);
    expect(run.iterations).toBeLessThan(20_000);
    expect(run.clean).toEqual([]);
  });

  it('a 15-stop plan is given more patience (20 · 15² = 4,500 steps) before it converges', async () => {
    const run = await runUntilDone(15, 200_000);
    expect(run.done).toBe(true);
    expect(run.iterations).toBeGreaterThanOrEqual(4500);
    expect(run.clean).toEqual([]);
  });
});
