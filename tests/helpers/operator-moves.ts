// Operator property checks shared by the solver tests: the routes a move yields,
// computed in plain JS, and a checker that compares every operator's evaluate*
// with the reference cost change and apply* with those routes on a random instance.
import { expect } from 'vitest';
import type { ProblemBuffers } from '../../workers/protocol';
import { newSolver, workingRoutes, type Routes } from './load-solver';
import { evaluateRoute, stabilityOf, type Matrix } from './reference-cost';
import { makeRandom, randomProblem } from './random-problem';
import { overloadOf, penalisedRouteCost, warpOf, type Prices } from './penalised-cost';

/** Operator ids (solver-as/assembly/types.ts OP_*). */
export const OP = { relocate: 0, swap: 1, twoOptStar: 2, twoOpt: 3, orOpt2: 4, orOpt3: 5, cross21: 6, cross12: 7, cross22: 8 } as const;
const CROSS_LENGTHS: Record<number, [number, number]> = { 6: [2, 1], 7: [1, 2], 8: [2, 2] };

/** Route and position of a site: start site of r → (r, 0); stop → (r, index + 1); unassigned → null. */
function locate(routes: Routes, p: ProblemBuffers, site: number): [number, number] | null {
  if (site >= p.nodeCount) return [site - p.nodeCount, 0];
  for (let r = 0; r < routes.length; r++) {
    const i = routes[r].indexOf(site);
    if (i >= 0) return [r, i + 1];
  }
  return null;
}

/** The routes a move produces in plain JS, or null when it is not a move. */
export function simulateMove(op: number, u: number, v: number, routes: Routes, p: ProblemBuffers): Routes | null {
  const lu = locate(routes, p, u); const lv = locate(routes, p, v);
  if (!lu || !lv) return null;
  const out = routes.map((r) => r.slice());
  const [ru, pu] = lu; const [rv, pv] = lv;
  const isStop = (x: number): boolean => x >= p.depotCount && x < p.nodeCount;
  if (op === OP.relocate || op === OP.orOpt2 || op === OP.orOpt3) {
    const len = op === OP.relocate ? 1 : op === OP.orOpt2 ? 2 : 3;
    if (!isStop(u) || pu + len - 1 > routes[ru].length) return null;
    if (ru === rv && (pv === pu - 1 || (pv >= pu && pv <= pu + len - 1))) return null;
    const chain = out[ru].splice(pu - 1, len);
    const at = ru === rv && pv > pu ? pv - len : pv;
    out[rv].splice(at, 0, ...chain);
    return out;
  }
  if (op === OP.swap) {
    if (!isStop(u) || !isStop(v) || u === v) return null;
    out[ru][pu - 1] = v; out[rv][pv - 1] = u;
    return out;
  }
  if (CROSS_LENGTHS[op]) {
    const [lenU, lenV] = CROSS_LENGTHS[op];
    if (!isStop(u) || !isStop(v) || ru === rv) return null;
    if (pu + lenU - 1 > routes[ru].length || pv + lenV - 1 > routes[rv].length) return null;
    const chainU = routes[ru].slice(pu - 1, pu - 1 + lenU); const chainV = routes[rv].slice(pv - 1, pv - 1 + lenV);
    out[ru].splice(pu - 1, lenU, ...chainV);
    out[rv].splice(pv - 1, lenV, ...chainU);
    return out;
  }
  if (op === OP.twoOptStar) {
    if (ru === rv) return null;
    out[ru] = routes[ru].slice(0, pu).concat(routes[rv].slice(pv));
    out[rv] = routes[rv].slice(0, pv).concat(routes[ru].slice(pu));
    return out;
  }
  if (!isStop(v) || ru !== rv || pu + 2 > pv) return null;
  out[ru] = routes[ru].slice(0, pu).concat(routes[ru].slice(pu, pv).reverse(), routes[ru].slice(pv));
  return out;
}

/** The search's objective over the routes: each route's plan cost plus its stability cost (0 without homes). */
export const planCost = (p: ProblemBuffers, m: Matrix, routes: Routes): number =>
  routes.reduce((sum, stops, v) => sum + routeObjective(p, m, v, stops), 0);

/** One route's plan cost plus its stability cost (a route with breaks alone has no stop to price). */
export function routeObjective(p: ProblemBuffers, m: Matrix, v: number, stops: number[]): number {
  return evaluateRoute(p, m, v, stops).cost + stabilityOf(p, v, stops).cost;
}

/** How an instance is drawn: costs, rich rules, and an optional change to the problem before loading (homes). */
export interface InstanceOptions {
  durationCost: boolean;
  rich?: boolean;
  prepare?: (p: ProblemBuffers, rnd: () => number) => void;
  /** Penalised search on at these prices (simple instances only: see penalised-cost.ts), windows this tight. */
  relax?: Prices;
  tightness?: number;
}

/**
 * On a random instance of `seed`: six rounds of evaluating every operator on every pair of sites against the
 * reference, then applying one random feasible move and checking the routes and incremental costs it leaves.
 */
export async function checkOperators(
  seed: number, { durationCost, rich = false, prepare, relax, tightness }: InstanceOptions,
): Promise<{ checked: number; applied: number; violated: number }> {
  const rnd = makeRandom(seed * 7 + 1);
  const { problem: p, matrix: m } = randomProblem(seed, {
    stops: 6 + (seed % 7), depots: 1 + (seed % 2), vehicles: 2 + (seed % 3), dims: 1 + (seed % 2),
    profiles: 1 + (seed % 2), durationCost, tightness: tightness ?? (seed % 4) / 4, rich,
  });
  const objective = (v: number, stops: number[]): number =>
    (relax ? penalisedRouteCost(p, m, v, stops, relax) : routeObjective(p, m, v, stops));
  const total = (routes: Routes): number =>
    (relax ? routes.reduce((sum, stops, v) => sum + objective(v, stops), 0) : planCost(p, m, routes));
  prepare?.(p, rnd);
  const solver = await newSolver();
  solver.load(p);
  solver.construct();
  const raw = solver.raw;
  if (relax) raw.testRelax(relax.warp, relax.load);
  const sites = [...Array(p.nodeCount - p.depotCount).keys()].map((i) => i + p.depotCount)
    .concat([...Array(p.vehicleCount).keys()].map((r) => p.nodeCount + r));
  let checked = 0; let applied = 0; let violated = 0;
  for (let round = 0; round < 6; round++) {
    const routes = workingRoutes(raw, p);
    const before = total(routes);
    const candidates: [number, number, number, number][] = [];
    for (const op of Object.values(OP)) for (const u of sites) for (const v of sites) {
      if (!locate(routes, p, u) || !locate(routes, p, v)) continue;
      const evaluated = raw.testEvaluate(op, u, v);
      const moved = simulateMove(op, u, v, routes, p);
      const expected = moved ? total(moved) - before : Infinity;
      checked++;
      // Distance-only costs: a move that cannot improve may be answered with a non-negative lower bound
      // (its distance change, without the price of violations it would add).
      const bounded = !durationCost && evaluated >= 0 && evaluated <= expected + 1e-6;
      if (relax && bounded && Number.isFinite(expected)) {
        candidates.push([op, u, v, expected]);
      } else if (Number.isFinite(expected)) {
        expect(evaluated, `op ${op} (${u}, ${v}) seed ${seed}`).toBeCloseTo(expected, 6);
        candidates.push([op, u, v, expected]);
      } else if (!(evaluated === Infinity || (!durationCost && evaluated >= 0))) {
        expect.fail(`op ${op} (${u}, ${v}) seed ${seed}: evaluate ${evaluated} but the move is infeasible`);
      }
    }
    if (candidates.length === 0) break;
    const [op, u, v, expected] = candidates[Math.floor(rnd() * candidates.length)];
    const costBefore = raw.testCost(-1);
    const target = simulateMove(op, u, v, routes, p)!;
    raw.testApply(op, u, v);
    applied++;
    expect(workingRoutes(raw, p)).toEqual(target);
    expect(raw.testCost(-1) - costBefore).toBeCloseTo(expected, 6);
    target.forEach((stops, r) => expect(raw.testCost(r)).toBeCloseTo(objective(r, stops), 6));
    if (relax) {
      const late = target.filter((stops, r) => stops.length > 0 && warpOf(p, m, r, stops) > 0).length;
      const over = target.filter((stops, r) => overloadOf(p, r, stops) > 0).length;
      expect(raw.testViolations(), `late + 1000 × overloaded routes, seed ${seed}`).toBe(late + 1000 * over);
      if (late + over > 0) violated++;
    }
  }
  return { checked, applied, violated };
}
