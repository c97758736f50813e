// End-to-end solver behaviour through the workers/wasm.ts facade: plans are
// feasible per the plain-JS reference, deterministic per seed, unservable stops
// are reported unassigned, and bad input / internal failures become named errors.
import { describe, expect, it } from 'vitest';
import { INPUT_ERROR, NODE_ANYWHERE, NODE_BREAK, PARAM_CIRCUITY, SOLVER_ERROR, type ProblemBuffers } from '../../../workers/protocol';
import type { SolverInstance } from '../../../workers/wasm';
import { newSolver } from '../../helpers/load-solver';
import { expectClean, solveProblem } from '../../helpers/solve-problem';
import { toInitialPlan } from '../../helpers/reference-cost';
import { pointsProblem, randomProblem } from '../../helpers/random-problem';

const solve = (problem: ProblemBuffers, chunks = 1000, moves = 200): Promise<SolverInstance> => solveProblem(problem, chunks, moves);

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

  it('rejects a break without an owner, an owner out of range and a negative window cost, naming the buffer', async () => {
    const { problem } = randomProblem(4);
    const solver = await newSolver();
    const N = problem.nodeCount;
    const flags = new Int32Array(N); flags[N - 1] = NODE_BREAK | NODE_ANYWHERE;
    expect(() => solver.load({ ...problem, nodeFlags: flags })).toThrow(/nodeFlags: a break \(NODE_BREAK\) must be .* owned by one vehicle/);
    expect(() => solver.load({ ...problem, nodeVehicle: new Int32Array(N).fill(problem.vehicleCount) })).toThrow(/nodeVehicle: must be −1 or a vehicle index/);
    expect(() => solver.load({ ...problem, windowCost: new Float64Array(N).fill(-1) })).toThrow(/windowCost: must be finite and ≥ 0/);
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

  it('never lets the best cost increase while improving', async () => {
    const { problem, matrix } = randomProblem(31, { stops: 60, vehicles: 8, tightness: 0.5, durationCost: true });
    const solver = await newSolver();
    solver.load(problem);
    solver.construct();
    let best = solver.bestCost();
    const first = best;
    for (let i = 0; i < 200; i++) {
      solver.improve(500, i / 200);
      expect(solver.bestCost()).toBeLessThanOrEqual(best);
      best = solver.bestCost();
    }
    expect(best).toBeLessThan(first);
    expectClean(problem, matrix, solver);
  });

  it('starts from a given plan and reports the initial visits it could not place', async () => {
    const { problem, matrix } = pointsProblem([[10, 0], [20, 0], [30, 0], [40, 0]], 2);
    problem.capacity[0] = problem.demand[1] + problem.demand[2]; // vehicle 0 cannot also take stop 3
    const solver = await newSolver();
    solver.load(problem);
    expect(solver.construct(toInitialPlan([[1, 2, 3], [4]]))).toBe(1);
    const solution = solver.readSolution();
    expect(Array.from(solution.visits.subarray(0, 2))).toEqual([1, 2]);
    expect(solution.unassigned.length).toBe(0);
    expectClean(problem, matrix, solver);
  });

  it('rejects an initial plan that repeats a stop', async () => {
    const { problem } = pointsProblem([[10, 0], [20, 0]], 1);
    const solver = await newSolver();
    solver.load(problem);
    expect(() => solver.construct(toInitialPlan([[1, 1]]))).toThrow(/initial\.visits/);
  });

  it('solves a lon/lat city problem with two speed profiles and per-hour costs into a checked plan', async () => {
    const { problem } = randomProblem(12, { stops: 80, depots: 1, vehicles: 6, profiles: 2, durationCost: true, tightness: 0.6 });
    const n = problem.nodeCount;
    const lonLat = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) { lonLat[2 * i] = 13.3 + (i * 37 % 97) / 400; lonLat[2 * i + 1] = 52.45 + (i * 53 % 89) / 600; }
    const params = problem.params.slice(); params[PARAM_CIRCUITY] = 1.3;
    const city = { ...problem, distanceM: undefined, durationS: undefined, lonLat, params,
      profileSpeedMps: Float64Array.of(30 / 3.6, 25 / 3.6), twCloseS: problem.twCloseS.map((t) => t + 20000) };
    const solver = await solve(city, 100, 2000);
    const matrices = [solver.readMatrix(0), solver.readMatrix(1)];
    const durationS = new Int32Array(2 * n * n);
    durationS.set(matrices[0].durationS, 0); durationS.set(matrices[1].durationS, n * n);
    expectClean(city, { n, distanceM: matrices[0].distanceM, durationS }, solver);
  });
});
