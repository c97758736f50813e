// Solver-test helpers: solve a problem through the workers/wasm.ts facade in
// bounded chunks, and assert a plan passes the plain-JS reference check.
import { expect } from 'vitest';
import { Status, type ProblemBuffers } from '../../workers/protocol';
import type { SolverInstance } from '../../workers/wasm';
import { newSolver } from './load-solver';
import { checkSolution, toInitialPlan, type Matrix } from './reference-cost';

/** Loads, constructs (from `initial` routes when given) and improves for up to `chunks` × `moves` work units. */
export async function solveProblem(problem: ProblemBuffers, chunks = 1000, moves = 200, initial?: number[][]): Promise<SolverInstance> {
  const solver = await newSolver();
  solver.load(problem);
  solver.construct(initial ? toInitialPlan(initial) : undefined);
  for (let i = 0; i < chunks; i++) if (solver.improve(moves, i / chunks) === Status.Done) break;
  return solver;
}

/** The best plan has no violation and its reported cost (objective: plan cost + stability) is the recomputed one. */
export function expectClean(problem: ProblemBuffers, matrix: Matrix, solver: SolverInstance): void {
  const { violations, cost, stability } = checkSolution(problem, matrix, solver.readSolution());
  expect(violations).toEqual([]);
  expect(solver.bestCost()).toBeCloseTo(cost + stability, 6);
}
