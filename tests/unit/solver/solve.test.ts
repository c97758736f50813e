// End-to-end solver behaviour through the workers/wasm.ts facade: plans are
// feasible per the plain-JS reference, deterministic per seed, unservable stops
// are reported unassigned, and bad input / internal failures become named errors.
import { describe, expect, it } from 'vitest';
import { INPUT_ERROR, SOLVER_ERROR, Status, type ProblemBuffers } from '../../../workers/protocol';
import type { SolverInstance } from '../../../workers/wasm';
import { newSolver } from '../../helpers/load-solver';
import { checkSolution, randomProblem, type Matrix } from '../../helpers/reference-cost';

async function solve(problem: ProblemBuffers, chunks = 1000, moves = 200): Promise<SolverInstance> {
  const solver = await newSolver();
  solver.load(problem);
  solver.construct();
  for (let i = 0; i < chunks; i++) if (solver.improve(moves, i / chunks) === Status.Done) break;
  return solver;
}

function expectClean(problem: ProblemBuffers, matrix: Matrix, solver: SolverInstance): void {
  const { violations, cost } = checkSolution(problem, matrix, solver.readSolution());
  expect(violations).toEqual([]);
  expect(solver.bestCost()).toBeCloseTo(cost, 6);
}

describe('solve', () => {
  it('returns plans that pass the reference check on random instances', async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { problem, matrix } = randomProblem(seed, {
        stops: 10 + seed, depots: 1 + (seed % 2), vehicles: 2 + (seed % 4), dims: 1 + (seed % 3),
        profiles: 1 + (seed % 2), durationCost: seed % 2 === 0, tightness: (seed % 5) / 5,
      });
      expectClean(problem, matrix, await solve(problem));
    }
  });

  it('gives the identical plan for the same seed', async () => {
    const { problem } = randomProblem(77, { stops: 40, vehicles: 5, tightness: 0.6 });
    const a = (await solve(problem, 50, 100)).readSolution();
    const b = (await solve(problem, 50, 100)).readSolution();
    expect(b).toEqual(a);
  });

  it('reports stops with an unreachable window or too much demand as unassigned', async () => {
    const { problem, matrix } = randomProblem(5, { stops: 12, vehicles: 3, tightness: 0 });
    const late = problem.depotCount + 2; const heavy = problem.depotCount + 5;
    problem.twOpenS[late] = 0; problem.twCloseS[late] = 0; // no vehicle can be there at time 0
    problem.demand[heavy] = 1000; // above every capacity (≤ 40)
    const solver = await solve(problem);
    const solution = solver.readSolution();
    expect(Array.from(solution.unassigned).sort()).toEqual([late, heavy].sort());
    expectClean(problem, matrix, solver);
  });

  it('copies the solution out of WASM memory', async () => {
    const { problem } = randomProblem(3);
    const solver = await solve(problem, 5);
    const solution = solver.readSolution();
    for (const array of Object.values(solution)) expect(array.buffer).not.toBe(solver.raw.memory.buffer);
  });

  it('rejects a buffer of the wrong length with an InputError naming it', async () => {
    const { problem } = randomProblem(4);
    const solver = await newSolver();
    expect(() => solver.load({ ...problem, serviceS: new Int32Array(2) })).toThrow(/serviceS/);
    try {
      solver.load({ ...problem, twCloseS: problem.twOpenS.map((t) => t - 1) });
      expect.fail('load accepted a window that closes before it opens');
    } catch (error) {
      expect((error as Error).name).toBe(INPUT_ERROR);
      expect((error as Error).message).toMatch(/twCloseS/);
    }
  });

  it('turns a WASM abort into a SolverError with file and line', async () => {
    const solver = await newSolver();
    const { problem } = randomProblem(6);
    solver.load(problem);
    try {
      solver.improve(10); // before construct: an internal assertion aborts
      expect.fail('improve before construct did not fail');
    } catch (error) {
      expect((error as Error).name).toBe(SOLVER_ERROR);
      expect((error as Error).message).toMatch(/index\.ts:\d+/);
    }
  });
});
