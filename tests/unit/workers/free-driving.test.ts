// A vehicle whose driving costs nothing (no cost per km, none per hour: a fleet imported without cost columns, or
// made in the app and never priced) is still planned short: the search prices its kilometres at a nominal 1 per
// km (encode.ts NOMINAL_COST_PER_M), and the plan's cost leaves that price out.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSolverApi } from '../../../workers/solver-api';
import { encode, NOMINAL_COST_PER_M } from '../../../workers/encode';
import { validateProblem } from '../../../workers/validate-buffers';
import { checkSolution } from '../../../web/src/domain/check';
import { validateScenario } from '../../../web/src/domain/validate';
import type { Scenario, Vehicle } from '../../../web/src/domain/scenario';
import { loadSolverModule } from '../../helpers/load-solver';

const demo = (costs: (v: Vehicle) => Vehicle['costs']): Scenario => {
  const result = validateScenario(JSON.parse(readFileSync(new URL('../../../public/demo-scenario.json', import.meta.url), 'utf8')));
  if (!result.ok) throw new Error('demo scenario invalid');
  for (const v of result.scenario.vehicles) v.costs = costs(v);
  return result.scenario;
};
const free = (v: Vehicle) => ({ fixed: v.costs.fixed, perKm: 0, perHour: 0 });
const onePerKm = (v: Vehicle) => ({ fixed: v.costs.fixed, perKm: 1, perHour: 0 });
const options = { timeLimitS: 600, seed: 3, maxMoves: 150_000 };
const sequences = (routes: { vehicleId: string; steps: { type: string; id: string }[] }[]) => routes.map((r) => [r.vehicleId, r.steps.map((s) => `${s.type}:${s.id}`)]);

describe('a vehicle whose driving costs nothing', () => {
  it('is planned as a vehicle at 1 per km would be, and its plan costs only what the scenario prices', async () => {
    const api = createSolverApi(() => loadSolverModule('release'));
    const freeScenario = demo(free);
    const paidScenario = demo(onePerKm);
    const freePlan = await api.solve({ runId: 1, scenario: freeScenario, options });
    const paidPlan = await api.solve({ runId: 2, scenario: paidScenario, options });
    // The same search, step for step: the same routes.
    expect(sequences(freePlan.solution.routes)).toEqual(sequences(paidPlan.solution.routes));
    const km = freePlan.solution.summary.distanceM / 1000;
    expect(km).toBeGreaterThan(10);
    // The free fleet's plan costs its fixed costs only; the checker agrees.
    const check = checkSolution(freeScenario, freePlan.solution);
    expect(check.violations).toEqual([]);
    expect(freePlan.solution.summary.cost).toBeCloseTo(check.cost, 6);
    const fixed = freePlan.solution.routes.reduce((sum, r) => sum + freeScenario.vehicles.find((v) => v.id === r.vehicleId)!.costs.fixed, 0);
    expect(freePlan.solution.summary.cost).toBeCloseTo(fixed, 6);
    expect(freePlan.solution.routes.every((r) => Math.abs(r.cost - freeScenario.vehicles.find((v) => v.id === r.vehicleId)!.costs.fixed) < 1e-9)).toBe(true);
    expect(paidPlan.solution.summary.cost - freePlan.solution.summary.cost).toBeCloseTo(km, 6);
    // The search's objective is the same for both: the nominal price is in it.
    expect(freePlan.objective).toBeCloseTo(paidPlan.objective!, 6);
  });

  it('reports no cost for it while it searches, and the km it drives: a fleet that costs nothing shows 0 all along', async () => {
    const api = createSolverApi(() => loadSolverModule('release'));
    const scenario = demo(() => ({ fixed: 0, perKm: 0, perHour: 0 }));
    const seen: number[] = [];
    const metres: number[] = [];
    const result = await api.solve({ runId: 3, scenario, options: { timeLimitS: 600, seed: 1, maxMoves: 400_000 } }, (p) => {
      seen.push(p.routeCost);
      if (p.phase === 'searching') metres.push(p.distanceM);
    });
    expect(seen.filter(Number.isFinite).length).toBeGreaterThan(0);
    for (const cost of seen.filter(Number.isFinite)) expect(cost).toBeCloseTo(0, 9);
    expect(result.solution.summary.cost).toBe(0);
    // What the run panel follows instead: the best plan's metres, those of the plan found last at the end.
    expect(metres.length).toBeGreaterThan(0);
    for (const m of metres) expect(m).toBeGreaterThan(10_000);
    expect(metres.at(-1)!).toBeCloseTo(result.solution.summary.distanceM, -1);
    expect(result.objective!).toBeGreaterThan(result.solution.summary.distanceM / 1000 - 1e-6);
  });

  it('is the only one priced nominally: a vehicle paid per km or per hour keeps its own price', () => {
    const scenario = demo((v) => (v.id === demo(free).vehicles[0].id ? free(v) : { fixed: 0, perKm: 0, perHour: 20 }));
    const { buffers } = encode(scenario, { timeLimitS: 1, seed: 1 });
    expect(Array.from(buffers.nominalCostPerM!)).toEqual(scenario.vehicles.map((_, i) => (i === 0 ? NOMINAL_COST_PER_M : 0)));
    expect(buffers.vehicleCostPerM[0]).toBe(NOMINAL_COST_PER_M);
    expect(Array.from(buffers.vehicleCostPerM.slice(1))).toEqual(scenario.vehicles.slice(1).map(() => 0));
    expect(encode(demo(onePerKm), { timeLimitS: 1, seed: 1 }).buffers.nominalCostPerM).toBeUndefined();
  });

  it('the boundary refuses a nominal price above the vehicle’s price per metre', () => {
    const { buffers } = encode(demo(free), { timeLimitS: 1, seed: 1 });
    expect(() => validateProblem(buffers)).not.toThrow();
    const bad = { ...buffers, nominalCostPerM: buffers.nominalCostPerM!.map((x, i) => (i === 1 ? x * 2 : x)) };
    expect(() => validateProblem(bad)).toThrow(/nominalCostPerM/);
  });
});
