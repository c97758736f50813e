// Vehicle classes: the solver tries one empty vehicle per class of identical
// vehicles, so two vehicles that differ in anything that decides feasibility or
// cost (here: overtime) must never share a class.
import { describe, expect, it } from 'vitest';
import type { ProblemBuffers } from '../../../workers/protocol';
import { expectClean, solveProblem } from '../../helpers/solve-problem';
import type { Matrix } from '../../helpers/reference-cost';
import { pointsProblem } from '../../helpers/random-problem';

/** Depot at (0, 0), one stop 1000 away (travel = distance): the round trip takes 2000 s, the shift ends at 1500. */
function farStopTwoVehicles(): { problem: ProblemBuffers; matrix: Matrix } {
  const fixture = pointsProblem([[1000, 0]], 2);
  fixture.problem.shiftEndS.fill(1500);
  fixture.problem.overtimeMaxS = new Int32Array(2);
  fixture.problem.overtimeCostPerS = new Float64Array(2);
  return fixture;
}

/** Solves; returns the vehicle serving `stop` in the best plan (−1: unassigned) and the plan's cost, after checking the plan is clean. */
async function servedBy(problem: ProblemBuffers, matrix: Matrix, stop: number): Promise<{ vehicle: number; cost: number }> {
  const solver = await solveProblem(problem, 50, 200);
  const { routeOffsets, visits } = solver.readSolution();
  let vehicle = -1;
  for (let r = 0; r + 1 < routeOffsets.length; r++) {
    if (Array.from(visits.subarray(routeOffsets[r], routeOffsets[r + 1])).includes(stop)) vehicle = r;
  }
  expectClean(problem, matrix, solver);
  return { vehicle, cost: solver.bestCost() };
}

describe('vehicle classes', () => {
  it('serves an order only the second vehicle can reach, thanks to its overtime', async () => {
    const { problem, matrix } = farStopTwoVehicles();
    problem.overtimeMaxS![1] = 1000; problem.overtimeCostPerS![1] = 1;
    const result = await servedBy(problem, matrix, 1);
    expect(result.vehicle).toBe(1);
    // 2000 m at 1 per metre plus 500 s of overtime at 1 per second.
    expect(result.cost).toBeCloseTo(2500, 6);
  });

  it('picks the vehicle whose overtime is cheaper when both may work it', async () => {
    const { problem, matrix } = farStopTwoVehicles();
    problem.overtimeMaxS!.fill(1000);
    problem.overtimeCostPerS![0] = 10; problem.overtimeCostPerS![1] = 1;
    const result = await servedBy(problem, matrix, 1);
    expect(result.vehicle).toBe(1);
    expect(result.cost).toBeCloseTo(2500, 6);
  });
});
