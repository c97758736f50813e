// Stops with several windows (issue #11, repair): a relocate may move a stop into
// another of its windows (it used to keep the window slot it was placed in, so only
// ruin-and-recreate could change it), and a warm start serves each stop in the window
// its arrival in the given order fits. Property: on random instances with several
// windows, relocate's evaluate equals the reference cost change with the moved stop in
// its best window (every other stop in the one it uses), and apply serves it there.
import { describe, expect, it } from 'vitest';
import type { ProblemBuffers } from '../../../workers/protocol';
import type { SolverInstance } from '../../../workers/wasm';
import { newSolver, workingRoutes } from '../../helpers/load-solver';
import { OP, planCost, simulateMove } from '../../helpers/operator-moves';
import { makeRandom, pointsProblem, randomProblem, toInitialPlan, type Matrix } from '../../helpers/reference-cost';

/** Widens a one-window problem to `w` slots: slot 0 as before, the others unused (open > close). */
function withSlots(p: ProblemBuffers, w: number): void {
  const open = new Int32Array(p.nodeCount * w).fill(1);
  const close = new Int32Array(p.nodeCount * w).fill(0);
  for (let n = 0; n < p.nodeCount; n++) { open[n * w] = p.twOpenS[n]; close[n * w] = p.twCloseS[n]; }
  p.windowCount = w; p.twOpenS = open; p.twCloseS = close;
}

/** The problem with every stop but `free` allowed only the window slot `slots[stop]` it is served in. */
function restricted(p: ProblemBuffers, slots: number[], free = -1): ProblemBuffers {
  const w = p.windowCount!;
  const open = p.twOpenS.slice(); const close = p.twCloseS.slice();
  for (let n = p.depotCount; n < p.nodeCount; n++) {
    if (n === free) continue;
    for (let s = 0; s < w; s++) if (s !== slots[n]) { open[n * w + s] = 1; close[n * w + s] = 0; }
  }
  return { ...p, twOpenS: open, twCloseS: close };
}

/** A line of three stops: A at 100 and B at 200 (50 s of service each), X at 300 with windows [0, 310] and [350, …]. */
function lineWithTwoWindows(): ProblemBuffers {
  const { problem } = pointsProblem([[100, 0], [200, 0], [300, 0]], 1);
  problem.serviceS[1] = 50; problem.serviceS[2] = 50;
  withSlots(problem, 2);
  problem.twOpenS[3 * 2] = 0; problem.twCloseS[3 * 2] = 310;
  problem.twOpenS[3 * 2 + 1] = 350; problem.twCloseS[3 * 2 + 1] = 100000;
  return problem;
}

const X = 3;
const SLOT = 3; // testLink kind: the window slot a stop is served in

describe('window slots', () => {
  it('a relocate moves a stop into its other window', async () => {
    const problem = lineWithTwoWindows();
    const solver = await newSolver();
    solver.load(problem);
    // X first (arrives at 300, its first window): 0 → 300 → 100 → 200 → 0 = 800 m.
    expect(solver.construct(toInitialPlan([[X, 1, 2]]))).toBe(0);
    expect(solver.raw.testLink(SLOT, X)).toBe(0);
    expect(solver.raw.testCost(-1)).toBeCloseTo(800, 9);
    // X last arrives at 400: past its first window, inside its second; 600 m.
    expect(solver.raw.testEvaluate(OP.relocate, X, 2)).toBeCloseTo(-200, 9);
    solver.raw.testApply(OP.relocate, X, 2);
    expect(workingRoutes(solver.raw, problem)).toEqual([[1, 2, X]]);
    expect(solver.raw.testLink(SLOT, X)).toBe(1);
    expect(solver.raw.testCost(-1)).toBeCloseTo(600, 9);
  });

  it('a relocate with one window cannot make that move (the case above is the other window at work)', async () => {
    const problem = lineWithTwoWindows();
    problem.twOpenS[X * 2 + 1] = 1; problem.twCloseS[X * 2 + 1] = 0;
    const solver = await newSolver();
    solver.load(problem);
    expect(solver.construct(toInitialPlan([[X, 1, 2]]))).toBe(0);
    expect(solver.raw.testEvaluate(OP.relocate, X, 2)).toBe(Infinity);
  });

  it('a warm start serves each stop in the window its arrival in the given order fits', async () => {
    const problem = lineWithTwoWindows();
    for (const [order, slot, cost] of [[[X, 1, 2], 0, 800], [[1, 2, X], 1, 600]] as const) {
      const solver = await newSolver();
      solver.load(problem);
      expect(solver.construct(toInitialPlan([[...order]]))).toBe(0);
      expect(workingRoutes(solver.raw, problem)).toEqual([[...order]]);
      expect(solver.raw.testLink(SLOT, X)).toBe(slot);
      expect(solver.raw.testCost(-1)).toBeCloseTo(cost, 9);
    }
  });

  it('relocate (property): evaluate is the cost change with the stop in its best window; apply serves it there', async () => {
    let crossWindow = 0; let applied = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { problem, matrix } = randomProblem(seed, { stops: 8 + (seed % 6), vehicles: 2 + (seed % 2), tightness: 0.85 });
      const w = 2 + (seed % 2);
      withSlots(problem, w);
      const rnd = makeRandom(seed * 13 + 5);
      for (let n = problem.depotCount; n < problem.nodeCount; n++) {
        for (let s = 1; s < w; s++) {
          if (rnd() < 0.3) continue;
          problem.twOpenS[n * w + s] = problem.twCloseS[n * w] + s * 400 + Math.floor(rnd() * 400);
          problem.twCloseS[n * w + s] = problem.twOpenS[n * w + s] + 200 + Math.floor(rnd() * 600);
        }
      }
      const result = await checkRelocates(problem, matrix, rnd);
      crossWindow += result.crossWindow; applied += result.applied;
    }
    expect(crossWindow).toBeGreaterThan(20);
    expect(applied).toBeGreaterThan(30);
  });
});

/** Sum of the working plan's route costs (testCost(-1) adds the unassigned stops' penalties). */
function routesCost(raw: SolverInstance['raw'], p: ProblemBuffers): number {
  let sum = 0;
  for (let r = 0; r < p.vehicleCount; r++) sum += raw.testCost(r);
  return sum;
}

/**
 * Three rounds on one instance: every relocate of a stop with several windows against the reference
 * (the stop in any of its windows, every other stop in the slot it uses), then one random improving
 * relocate applied and its routes, cost and the moved stop's slot checked.
 */
async function checkRelocates(p: ProblemBuffers, m: Matrix, rnd: () => number): Promise<{ crossWindow: number; applied: number }> {
  const solver = await newSolver();
  solver.load(p);
  solver.construct();
  const raw = solver.raw;
  const w = p.windowCount!;
  const stops = [...Array(p.nodeCount - p.depotCount).keys()].map((i) => i + p.depotCount);
  const targets = stops.concat([...Array(p.vehicleCount).keys()].map((r) => p.nodeCount + r));
  let crossWindow = 0; let applied = 0;
  for (let round = 0; round < 3; round++) {
    const routes = workingRoutes(raw, p);
    const slots = Array.from({ length: p.nodeCount }, (_, n) => raw.testLink(SLOT, n));
    const before = planCost(restricted(p, slots), m, routes);
    expect(routesCost(raw, p)).toBeCloseTo(before, 6);
    const improving: [number, number, number][] = [];
    for (const u of stops.filter((s) => routes.some((r) => r.includes(s)))) {
      const used = [...Array(w).keys()].filter((s) => p.twOpenS[u * w + s] <= p.twCloseS[u * w + s]).length;
      if (used < 2) continue;
      for (const v of targets) {
        const moved = simulateMove(OP.relocate, u, v, routes, p);
        const expected = moved ? planCost(restricted(p, slots, u), m, moved) - before : Infinity;
        const evaluated = raw.testEvaluate(OP.relocate, u, v);
        if (expected < -1e-6) {
          expect(evaluated, `relocate ${u} after ${v}`).toBeCloseTo(expected, 6);
          improving.push([u, v, expected]);
          if (!Number.isFinite(planCost(restricted(p, slots), m, moved!))) crossWindow++;
        } else {
          expect(evaluated, `relocate ${u} after ${v} cannot improve`).toBeGreaterThanOrEqual(-1e-6);
        }
      }
    }
    if (improving.length === 0) break;
    const [u, v, expected] = improving[Math.floor(rnd() * improving.length)];
    const target = simulateMove(OP.relocate, u, v, routes, p)!;
    raw.testEvaluate(OP.relocate, u, v);
    raw.testApply(OP.relocate, u, v);
    applied++;
    expect(workingRoutes(raw, p)).toEqual(target);
    expect(routesCost(raw, p) - before).toBeCloseTo(expected, 6);
    // Every stop, the moved one included, is served in a slot that keeps its route feasible.
    const after = Array.from({ length: p.nodeCount }, (_, n) => raw.testLink(SLOT, n));
    expect(planCost(restricted(p, after), m, target)).toBeCloseTo(routesCost(raw, p), 6);
  }
  return { crossWindow, applied };
}
