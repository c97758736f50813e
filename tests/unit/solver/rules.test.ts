// Final-mile rules inside the solver, each on a minimal instance where the rule
// decides the outcome, plus random rich instances re-checked by the plain-JS
// reference: several windows per stop, pickups on board, vehicles a stop is
// forbidden on (skills, crew, pins), locked stops that keep their order,
// route limits, open routes and shipments (pickup then delivery, same route).
import { describe, expect, it } from 'vitest';
import { NODE_ANYWHERE, NODE_PICKUP, type ProblemBuffers } from '../../../workers/protocol';
import type { SolverInstance } from '../../../workers/wasm';
import { expectClean, solveProblem } from '../../helpers/solve-problem';
import { checkSolution, routesOf, toInitialPlan } from '../../helpers/reference-cost';
import { pointsProblem, randomProblem } from '../../helpers/random-problem';
import { newSolver, workingRoutes } from '../../helpers/load-solver';

const solve = (problem: ProblemBuffers, initial?: number[][], chunks = 400, moves = 200): Promise<SolverInstance> =>
  solveProblem(problem, chunks, moves, initial);

/** Widens a one-window problem to W slots: slot 0 as before, the others unused (open > close). */
function withWindows(p: ProblemBuffers, w: number): void {
  const open = new Int32Array(p.nodeCount * w).fill(1);
  const close = new Int32Array(p.nodeCount * w).fill(0);
  for (let n = 0; n < p.nodeCount; n++) { open[n * w] = p.twOpenS[n]; close[n * w] = p.twCloseS[n]; }
  p.windowCount = w; p.twOpenS = open; p.twCloseS = close;
}

const routeOfStop = (routes: number[][], stop: number): number => routes.findIndex((r) => r.includes(stop));

describe('solver rules', () => {
  it('moves a stop back to its free window slot once a move makes it on time (priced slots)', async () => {
    // A far (1000, 0), X near (0, 10). X: slot 0 until 300 at no cost, slot 1 all day at 50.
    const { problem, matrix } = pointsProblem([[1000, 0], [0, 10]], 1);
    withWindows(problem, 2);
    const X = 2;
    problem.twOpenS[X * 2] = 0; problem.twCloseS[X * 2] = 300;
    problem.twOpenS[X * 2 + 1] = 0; problem.twCloseS[X * 2 + 1] = 100000;
    problem.windowCost = new Float64Array(problem.nodeCount * 2);
    problem.windowCost[X * 2 + 1] = 50;
    const solver = await newSolver();
    solver.load(problem);
    // Start from A then X: X arrives after 300 and must take the priced slot.
    solver.construct(toInitialPlan([[1, X]]));
    expect(solver.raw.testCost(-1)).toBeCloseTo(2010 + 50, 6);
    // X first: same distance, on time, but the relocation alone keeps X's slot (and its 50).
    solver.raw.testApply(0, X, problem.nodeCount);
    expect(workingRoutes(solver.raw, problem)).toEqual([[X, 1]]);
    expect(solver.raw.testCost(-1)).toBeCloseTo(2010 + 50, 6);
    // The first descent pass (one stop per call here, before any ruin-and-recreate) re-slots X into its free window.
    solver.improve(1, 0);
    solver.improve(1, 0);
    expect(solver.raw.testCost(-1)).toBeCloseTo(2010, 6);
    for (let i = 0; i < 20; i++) solver.improve(200, i / 20);
    expect(solver.bestCost()).toBeCloseTo(2010, 6);
    expect(checkSolution(problem, matrix, solver.readSolution()).violations).toEqual([]);
  });

  it('serves a stop in its second window when the first cannot be reached', async () => {
    // Stops on a line at 100, 200, 300 (travel = distance); stop 2's first window closes before anyone gets there.
    const { problem, matrix } = pointsProblem([[100, 0], [200, 0], [300, 0]], 1);
    withWindows(problem, 2);
    problem.twOpenS[2 * 2] = 0; problem.twCloseS[2 * 2] = 50;
    problem.twOpenS[2 * 2 + 1] = 5000; problem.twCloseS[2 * 2 + 1] = 5100;
    const solver = await solve(problem);
    const solution = solver.readSolution();
    expect(solution.unassigned.length).toBe(0);
    const at = Array.from(solution.visits).indexOf(2);
    expect(solution.arrivalS[at]).toBeGreaterThanOrEqual(5000);
    expect(solution.arrivalS[at]).toBeLessThanOrEqual(5100);
    expectClean(problem, matrix, solver);
  });

  it('leaves a stop unassigned when none of its windows can be reached', async () => {
    const { problem, matrix } = pointsProblem([[100, 0], [200, 0]], 1);
    withWindows(problem, 3);
    for (let slot = 0; slot < 3; slot++) { problem.twOpenS[2 * 3 + slot] = slot * 10; problem.twCloseS[2 * 3 + slot] = slot * 10 + 5; }
    const solver = await solve(problem);
    expect(Array.from(solver.readSolution().unassigned)).toEqual([2]);
    expectClean(problem, matrix, solver);
  });

  it('keeps every stop inside one of its windows on random instances with several windows', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const { problem, matrix } = randomProblem(seed, { stops: 15 + seed, vehicles: 3, tightness: 0.8 });
      withWindows(problem, 3);
      const rnd = (i: number): number => ((i * 2654435761) >>> 0) % 1000;
      for (let n = problem.depotCount; n < problem.nodeCount; n++) {
        // Two extra later windows, some of them unused.
        for (let slot = 1; slot < 3; slot++) {
          if (rnd(n * 3 + slot + seed) < 300) continue;
          problem.twOpenS[n * 3 + slot] = problem.twCloseS[n * 3] + slot * 500;
          problem.twCloseS[n * 3 + slot] = problem.twOpenS[n * 3 + slot] + 300;
        }
      }
      expectClean(problem, matrix, await solve(problem));
    }
  });

  it('carries pickups to the end: a haul-away that would overload the van in the morning goes last', async () => {
    // Capacity 10. Stop 1 delivers 8; stop 2 collects 8. Collecting first would carry 16.
    const { problem, matrix } = pointsProblem([[100, 0], [50, 0]], 1);
    problem.capacity = new Int32Array([10]);
    problem.demand = new Int32Array(3); problem.demand[1] = 8;
    problem.pickup = new Int32Array(3); problem.pickup[2] = 8;
    const solver = await solve(problem);
    expect(routesOf(solver.readSolution())).toEqual([[1, 2]]);
    expectClean(problem, matrix, solver);
  });

  it('never puts a stop on a vehicle it is forbidden on (missing skill or crew)', async () => {
    const { problem, matrix } = pointsProblem([[100, 0], [110, 0], [120, 0], [-100, 0]], 2);
    problem.forbidden = new Uint8Array(5 * 2);
    problem.forbidden[1 * 2 + 0] = 1; problem.forbidden[2 * 2 + 0] = 1; // 1 and 2 only on vehicle 1
    problem.forbidden[4 * 2 + 1] = 1; // 4 only on vehicle 0
    const routes = routesOf((await solve(problem)).readSolution());
    expect(routeOfStop(routes, 1)).toBe(1);
    expect(routeOfStop(routes, 2)).toBe(1);
    expect(routeOfStop(routes, 4)).toBe(0);
    expectClean(problem, matrix, await solve(problem));
  });

  it('keeps locked stops on their vehicle in their order, even against the distance', async () => {
    // On a line, the shortest tour visits 1, 2, 3, 4; stops 4 and 1 are locked on vehicle 1 in the order 4 → 1.
    const { problem, matrix } = pointsProblem([[100, 0], [200, 0], [300, 0], [400, 0]], 2);
    problem.forbidden = new Uint8Array(5 * 2);
    problem.lockSeq = new Int32Array(5).fill(-1);
    problem.lockSeq[4] = 0; problem.lockSeq[1] = 1;
    problem.forbidden[4 * 2 + 0] = 1; problem.forbidden[1 * 2 + 0] = 1;
    const solver = await solve(problem, [[], [4, 1]]);
    const route = routesOf(solver.readSolution())[1];
    expect(route.indexOf(4)).toBeGreaterThanOrEqual(0);
    expect(route.indexOf(4)).toBeLessThan(route.indexOf(1));
    expectClean(problem, matrix, solver);
  });

  it('honours max stops, max distance, max duration and max driving time', async () => {
    const points: [number, number][] = Array.from({ length: 8 }, (_, i) => [100 + 10 * i, 0]);
    const { problem, matrix } = pointsProblem(points, 3);
    problem.maxStops = new Int32Array([3, -1, -1]);
    problem.maxDistanceM = new Int32Array([-1, 300, -1]);
    problem.maxDurationS = new Int32Array([-1, -1, 400]);
    problem.maxDrivingS = new Int32Array([-1, -1, 350]);
    problem.serviceS = new Int32Array(9).fill(20);
    const solver = await solve(problem);
    const solution = solver.readSolution();
    const routes = routesOf(solution);
    expect(routes[0].length).toBeLessThanOrEqual(3);
    expect(solution.unassigned.length).toBe(0);
    expectClean(problem, matrix, solver);
  });

  it('ends an open route at its last stop: a place with no location costs no travel', async () => {
    // Depot 0 at the origin, depot 1 "anywhere"; the van leaves 0 and ends at 1.
    const { problem } = pointsProblem([[100, 0], [200, 0]], 1);
    const n = 4;
    const xy = [[0, 0], [0, 0], [100, 0], [200, 0]];
    const distanceM = new Int32Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) distanceM[i * n + j] = Math.round(Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]));
    const open: ProblemBuffers = {
      ...problem, nodeCount: n, depotCount: 2, distanceM, durationS: distanceM.slice(),
      demand: new Int32Array(n), serviceS: new Int32Array(n), twOpenS: new Int32Array(n),
      twCloseS: new Int32Array(n).fill(100000), unassignedPenalty: Float64Array.from([0, 0, 1e5, 1e5]),
      vehicleStart: new Int32Array([0]), vehicleEnd: new Int32Array([1]),
      nodeFlags: Int32Array.from([0, NODE_ANYWHERE, 0, 0]),
    };
    const solver = await solve(open);
    const solution = solver.readSolution();
    expect(routesOf(solution)).toEqual([[2, 3]]);
    expect(solution.summary[1]).toBe(200); // out to 200, no way back
    const zeroed = solver.readMatrix(0).distanceM;
    expect(Array.from(zeroed.subarray(1 * n, 2 * n))).toEqual([0, 0, 0, 0]);
  });

  it('picks a shipment up before delivering it, on one route, even when the other order is shorter', async () => {
    // Delivery 1 at 100, its pickup 2 at 200; an unrelated stop 3 at -100. Capacity fits one shipment only.
    const { problem, matrix } = pointsProblem([[100, 0], [200, 0], [-100, 0], [110, 0], [210, 0]], 2);
    problem.pair = Int32Array.from([-1, 2, 1, -1, 5, 4]);
    problem.nodeFlags = Int32Array.from([0, 0, NODE_PICKUP, 0, 0, NODE_PICKUP]);
    problem.demand = Int32Array.from([0, 7, 0, 1, 7, 0]);
    problem.capacity = new Int32Array([10, 10]);
    const solver = await solve(problem);
    const routes = routesOf(solver.readSolution());
    for (const [pickup, delivery] of [[2, 1], [5, 4]]) {
      const r = routeOfStop(routes, pickup);
      expect(r).toBeGreaterThanOrEqual(0);
      expect(routes[r].indexOf(pickup)).toBeLessThan(routes[r].indexOf(delivery));
    }
    // 7 + 7 on board at once would exceed 10: the two shipments never overlap on one van.
    expectClean(problem, matrix, solver);
  });

  it('repairs an initial plan that splits a shipment, then plans it whole', async () => {
    const { problem, matrix } = pointsProblem([[100, 0], [200, 0], [300, 0]], 2);
    problem.pair = Int32Array.from([-1, 2, 1, -1]);
    problem.nodeFlags = Int32Array.from([0, 0, NODE_PICKUP, 0]);
    const solver = await solve(problem, [[1, 3], [2]]);
    const routes = routesOf(solver.readSolution());
    const r = routeOfStop(routes, 2);
    expect(routes[r].indexOf(2)).toBeLessThan(routes[r].indexOf(1));
    expectClean(problem, matrix, solver);
  });

  it('taking a broken shipment off a route with a break never leaves the route broken (the break stands where the last stop was)', async () => {
    // Random rich problem 4: warm start on van 0 = pickup 13 (its delivery does not fit), stop 9, the van's break 16, stop 2.
    // Taking 13 off moved the break to the depot, the leg to 2 grew and updateRoute's assertion fired.
    const { problem, matrix } = randomProblem(4, { stops: 16, vehicles: 3, dims: 1, rich: true, tightness: 0.8, durationCost: true });
    expect([problem.pair![13], (problem.nodeFlags![13] & NODE_PICKUP) !== 0, problem.nodeVehicle![16]]).toEqual([14, true, 0]);
    const solver = await solve(problem, [[13, 9, 16, 2], [], []], 100);
    const { violations } = checkSolution(problem, matrix, solver.readSolution());
    expect(violations).toEqual([]);
  });

  it('solves random instances with every rule at once to plans the reference accepts, deterministically', async () => {
    for (let seed = 301; seed <= 320; seed++) {
      const { problem, matrix } = randomProblem(seed, {
        stops: 12 + (seed % 9), depots: 1 + (seed % 2), vehicles: 3 + (seed % 3), dims: 1 + (seed % 2),
        durationCost: seed % 2 === 0, tightness: (seed % 4) / 4, rich: true,
      });
      // The locked stops start on vehicle 0, in order, as a pinned route would.
      const initial: number[][] = Array.from({ length: problem.vehicleCount }, () => []);
      initial[0] = [problem.depotCount, problem.depotCount + 1];
      const solver = await solve(problem, initial, 100);
      expectClean(problem, matrix, solver);
      const again = await solve(problem, initial, 100);
      expect(again.readSolution()).toEqual(solver.readSolution());
    }
  });
});
