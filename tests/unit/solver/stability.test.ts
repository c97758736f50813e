// Plan stability in the solver: a stop served by a vehicle other than its home
// vehicle costs PARAM_STABILITY_COST. Every operator's evaluate* must price that
// exactly (property tests against the plain-JS reference), the search must keep
// stops home when moving them does not pay, and vehicle classes must keep a home
// vehicle apart from its look-alikes.
import { describe, expect, it } from 'vitest';
import { NODE_BREAK, PARAM_STABILITY_COST, SUMMARY_MOVED, SUMMARY_STABILITY, type ProblemBuffers } from '../../../workers/protocol';
import { checkOperators } from '../../helpers/operator-moves';
import { expectClean, solveProblem } from '../../helpers/solve-problem';
import { routesOf } from '../../helpers/reference-cost';
import { pointsProblem, randomProblem } from '../../helpers/random-problem';

/** Homes for ~70 % of the stops (breaks have none) on random vehicles, and a cost per stranger from 0.5 to 800. */
function randomHomes(p: ProblemBuffers, rnd: () => number): void {
  p.homeVehicle = new Int32Array(p.nodeCount).fill(-1);
  for (let s = p.depotCount; s < p.nodeCount; s++) {
    if (((p.nodeFlags?.[s] ?? 0) & NODE_BREAK) !== 0 || rnd() < 0.3) continue;
    p.homeVehicle[s] = Math.floor(rnd() * p.vehicleCount);
  }
  p.params[PARAM_STABILITY_COST] = [0.5, 40, 250, 800][Math.floor(rnd() * 4)];
}

/** Checks every operator on seeds `from…to` with random homes; returns the moves checked and applied. */
async function sweep(from: number, to: number, options: (seed: number) => Parameters<typeof checkOperators>[1]): Promise<{ checked: number; applied: number }> {
  let checked = 0; let applied = 0;
  for (let seed = from; seed <= to; seed++) {
    const result = await checkOperators(seed, { ...options(seed), prepare: randomHomes });
    checked += result.checked; applied += result.applied;
  }
  return { checked, applied };
}

describe('stability cost in the operators (property)', () => {
  it('evaluate equals the recomputed change of plan cost + stability, distance-only costs (the O(1) shortcuts)', async () => {
    const { checked, applied } = await sweep(301, 340, () => ({ durationCost: false }));
    expect(checked).toBeGreaterThan(10000);
    expect(applied).toBeGreaterThan(100);
  });

  it('evaluate equals the recomputed change with per-second costs (full segment evaluation)', async () => {
    const { checked, applied } = await sweep(341, 380, () => ({ durationCost: true }));
    expect(checked).toBeGreaterThan(10000);
    expect(applied).toBeGreaterThan(100);
  });

  it('evaluate agrees with the reference with pickups, bans, locks, breaks, shipments and limits', async () => {
    const { checked, applied } = await sweep(381, 420, (seed) => ({ durationCost: seed % 2 === 0, rich: true }));
    expect(checked).toBeGreaterThan(10000);
    expect(applied).toBeGreaterThan(60);
  });
});

/** Vehicle serving each stop in a written-out plan (−1: unassigned). */
function vehicleOf(routes: number[][], nodeCount: number): Int32Array {
  const of = new Int32Array(nodeCount).fill(-1);
  routes.forEach((stops, v) => stops.forEach((s) => { of[s] = v; }));
  return of;
}

/** A 30-stop instance and a feasible plan of it (another seed's solve) whose vehicles become the stops' homes. */
async function homesFromAPlan(): Promise<{ problem: ProblemBuffers; home: number[][] }> {
  const { problem } = randomProblem(91, { stops: 30, vehicles: 5, tightness: 0.2 });
  const first = await solveProblem({ ...problem, params: Float64Array.from(problem.params, (x, i) => (i === 0 ? 5 : x)) }, 20, 200);
  const home = routesOf(first.readSolution());
  expect(home.flat()).toHaveLength(30);
  return { problem, home };
}

/** The problem with each stop's home the vehicle serving it in `home` and `cost` per stranger. */
function withHomes(problem: ProblemBuffers, home: number[][], cost: number): ProblemBuffers {
  const params = problem.params.slice(); params[PARAM_STABILITY_COST] = cost;
  return { ...problem, params, homeVehicle: vehicleOf(home, problem.nodeCount) };
}

describe('stability cost in the search (fixed move budget)', () => {
  it('keeps every stop on its home vehicle when moving costs more than any gain, and reports it', async () => {
    const { problem, home } = await homesFromAPlan();
    const stable = withHomes(problem, home, 50_000);
    const solver = await solveProblem(stable, 100, 500, home);
    const routes = routesOf(solver.readSolution());
    expect(vehicleOf(routes, problem.nodeCount)).toEqual(stable.homeVehicle);
    expect(solver.readSolution().summary[SUMMARY_MOVED]).toBe(0);
    expect(solver.readSolution().summary[SUMMARY_STABILITY]).toBe(0);
    const { matrix } = randomProblem(91, { stops: 30, vehicles: 5, tightness: 0.2 });
    expectClean(stable, matrix, solver);
  });

  it('without stability the same start moves stops between vehicles (the test above is not vacuous)', async () => {
    const { problem, home } = await homesFromAPlan();
    const solver = await solveProblem(problem, 100, 500, home);
    const moved = vehicleOf(routesOf(solver.readSolution()), problem.nodeCount);
    const homes = vehicleOf(home, problem.nodeCount);
    expect(moved.filter((v, s) => v !== homes[s]).length).toBeGreaterThan(0);
  });

  it('with homes but cost 0 gives exactly the plan of a solve without homes', async () => {
    const { problem, home } = await homesFromAPlan();
    const free = (await solveProblem(problem, 100, 500, home)).readSolution();
    const zero = (await solveProblem(withHomes(problem, home, 0), 100, 500, home)).readSolution();
    expect(zero).toEqual(free);
  });

  it('builds a plan on the home vehicles from scratch when the homes are feasible and moving costs a lot', async () => {
    const { problem, home } = await homesFromAPlan();
    const stable = withHomes(problem, home, 50_000);
    const solver = await solveProblem(stable, 100, 500);
    expect(vehicleOf(routesOf(solver.readSolution()), problem.nodeCount)).toEqual(stable.homeVehicle);
  });

  it('moves a stop off its home vehicle when that saves more than the stability cost, and prices it', async () => {
    // Stop 2's home is vehicle 1, whose depot is 9,000 farther: serving it after stop 3 on vehicle 0 saves ~16,400.
    const { problem, matrix } = farHomeProblem();
    const start = [[3], [2]];
    const cheap = withHomes(problem, start, 500);
    const solver = await solveProblem(cheap, 50, 200, start);
    expect(routesOf(solver.readSolution())).toEqual([[3, 2], []]);
    expect(solver.readSolution().summary[SUMMARY_MOVED]).toBe(1);
    expect(solver.readSolution().summary[SUMMARY_STABILITY]).toBe(500);
    expectClean(cheap, matrix, solver);
    const dear = withHomes(problem, start, 30_000);
    expect(routesOf((await solveProblem(dear, 50, 200, start)).readSolution())).toEqual(start);
  });
});

/** Depot 0 at (0, 0) for vehicle 0, depot 1 at (10 000, 0) for vehicle 1; stop 2 at (1000, 0), stop 3 at (0, 500). */
function farHomeProblem(): ReturnType<typeof pointsProblem> {
  const fixture = pointsProblem([[10_000, 0], [1000, 0], [0, 500]], 2);
  const p = fixture.problem;
  p.depotCount = 2;
  p.vehicleStart = Int32Array.of(0, 1); p.vehicleEnd = Int32Array.of(0, 1);
  p.unassignedPenalty = Float64Array.of(0, 0, 1e6, 1e6);
  return fixture;
}

describe('vehicle classes with home vehicles', () => {
  it('serves a stop on its home vehicle even when another vehicle is identical (no class merges them)', async () => {
    const { problem, matrix } = pointsProblem([[300, 400]], 2);
    const homed = withHomes(problem, [[], [1]], 10);
    const solver = await solveProblem(homed, 20, 200);
    expect(routesOf(solver.readSolution())).toEqual([[], [1]]);
    expectClean(homed, matrix, solver);
    // Without stability the two vehicles are one class: the stop goes to the first.
    expect(routesOf((await solveProblem(problem, 20, 200)).readSolution())).toEqual([[1], []]);
  });
});
