// Property tests: every operator's evaluate* equals the cost change a plain-JS
// recomputation of the moved routes gives, and apply* produces exactly those
// routes with exact incremental costs, over many random instances and seeds.
import { describe, expect, it } from 'vitest';
import type { ProblemBuffers } from '../../../workers/protocol';
import { newSolver, workingRoutes, type Routes } from '../../helpers/load-solver';
import { evaluateRoute, makeRandom, randomProblem, type Matrix } from '../../helpers/reference-cost';

const OP = { relocate: 0, swap: 1, twoOptStar: 2, twoOpt: 3, orOpt2: 4, orOpt3: 5, cross21: 6, cross12: 7, cross22: 8 } as const;
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
function simulate(op: number, u: number, v: number, routes: Routes, p: ProblemBuffers): Routes | null {
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

const planCost = (p: ProblemBuffers, m: Matrix, routes: Routes): number =>
  routes.reduce((sum, stops, v) => sum + evaluateRoute(p, m, v, stops).cost, 0);

async function checkInstance(seed: number, durationCost: boolean, rich = false): Promise<{ checked: number; applied: number }> {
  const rnd = makeRandom(seed * 7 + 1);
  const { problem: p, matrix: m } = randomProblem(seed, {
    stops: 6 + (seed % 7), depots: 1 + (seed % 2), vehicles: 2 + (seed % 3), dims: 1 + (seed % 2),
    profiles: 1 + (seed % 2), durationCost, tightness: (seed % 4) / 4, rich,
  });
  const solver = await newSolver();
  solver.load(p);
  solver.construct();
  const raw = solver.raw;
  const sites = [...Array(p.nodeCount - p.depotCount).keys()].map((i) => i + p.depotCount)
    .concat([...Array(p.vehicleCount).keys()].map((r) => p.nodeCount + r));
  let checked = 0; let applied = 0;
  for (let round = 0; round < 6; round++) {
    const routes = workingRoutes(raw, p);
    const before = planCost(p, m, routes);
    const candidates: [number, number, number, number][] = [];
    for (const op of Object.values(OP)) for (const u of sites) for (const v of sites) {
      if (!locate(routes, p, u) || !locate(routes, p, v)) continue;
      const evaluated = raw.testEvaluate(op, u, v);
      const moved = simulate(op, u, v, routes, p);
      const expected = moved ? planCost(p, m, moved) - before : Infinity;
      checked++;
      if (Number.isFinite(expected)) {
        expect(evaluated, `op ${op} (${u}, ${v}) seed ${seed}`).toBeCloseTo(expected, 6);
        candidates.push([op, u, v, expected]);
      } else if (!(evaluated === Infinity || (!durationCost && evaluated >= 0))) {
        expect.fail(`op ${op} (${u}, ${v}) seed ${seed}: evaluate ${evaluated} but the move is infeasible`);
      }
    }
    if (candidates.length === 0) break;
    const [op, u, v, expected] = candidates[Math.floor(rnd() * candidates.length)];
    const costBefore = raw.testCost(-1);
    const target = simulate(op, u, v, routes, p)!;
    raw.testApply(op, u, v);
    applied++;
    expect(workingRoutes(raw, p)).toEqual(target);
    expect(raw.testCost(-1) - costBefore).toBeCloseTo(expected, 6);
    target.forEach((stops, r) => expect(raw.testCost(r)).toBeCloseTo(evaluateRoute(p, m, r, stops).cost, 6));
  }
  return { checked, applied };
}

describe('operators (property)', () => {
  it('evaluate equals the recomputed cost change and apply yields those routes, distance-only costs', async () => {
    let total = 0;
    for (let seed = 1; seed <= 40; seed++) total += (await checkInstance(seed, false)).checked;
    expect(total).toBeGreaterThan(10000);
  });

  it('with pickups, forbidden vehicles, locked stops and route limits: evaluate agrees with the reference', async () => {
    let checked = 0; let applied = 0;
    for (let seed = 201; seed <= 240; seed++) {
      const result = await checkInstance(seed, seed % 2 === 0, true);
      checked += result.checked; applied += result.applied;
    }
    expect(checked).toBeGreaterThan(10000);
    expect(applied).toBeGreaterThan(60);
  });

  it('evaluate equals the recomputed cost change and apply yields those routes, with per-second costs', async () => {
    let applied = 0;
    for (let seed = 101; seed <= 140; seed++) applied += (await checkInstance(seed, true)).applied;
    expect(applied).toBeGreaterThan(100);
  });
});
