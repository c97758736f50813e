// The stability option end to end: SolveOptions.stability is encoded as a home
// vehicle per node and a cost slot (bad input named by its JSON path), the facade
// checks both before the boundary, and a solve through the worker API keeps every
// order on its home vehicle when moving one costs more than it could save.
import { describe, expect, it } from 'vitest';
import { encode } from '../../../workers/encode';
import { createSolverApi } from '../../../workers/solver-api';
import { INPUT_ERROR, PARAM_STABILITY_COST, type SolveOptions } from '../../../workers/protocol';
import { checkSolution } from '../../../web/src/domain/check';
import type { Route } from '../../../web/src/domain/solution';
import { loadSolverModule, newSolver } from '../../helpers/load-solver';
import { smallScenario } from '../../fixtures/small-scenario';
import { makeShipmentScenario } from '../../fixtures/mini-shipment';

const options = (stability: SolveOptions['stability']): SolveOptions => ({ seed: 1, timeLimitS: 1, stability });

/** The InputError message encode throws for these options (fails the test when it does not throw one). */
function encodeError(stability: unknown): string {
  try {
    encode(smallScenario(), options(stability as SolveOptions['stability']));
  } catch (error) {
    expect((error as Error).name).toBe(INPUT_ERROR);
    return (error as Error).message;
  }
  return expect.fail('encode accepted the options');
}

describe('encode: stability option', () => {
  it('gives each homed order its vehicle index and the cost slot; new orders and unknown ids have no home', () => {
    const { buffers: b } = encode(smallScenario(), options({
      costPerStop: 25,
      home: [{ orderId: 'A', vehicleId: 'v2' }, { orderId: 'C', vehicleId: 'v1' }, { orderId: 'gone', vehicleId: 'v1' }, { orderId: 'D', vehicleId: 'van-9' }],
    }));
    // Node 0 is the hub, nodes 1…5 the orders A…E.
    expect(Array.from(b.homeVehicle!)).toEqual([-1, 1, -1, 0, -1, -1]);
    expect(b.params[PARAM_STABILITY_COST]).toBe(25);
  });

  it('gives both stops of a shipment the order’s home vehicle', () => {
    const scenario = makeShipmentScenario();
    const { buffers: b, nodeIds, nodeStep } = encode(scenario, options({ costPerStop: 5, home: [{ orderId: 'o2', vehicleId: scenario.vehicles[1].id }] }));
    const homed = Array.from(b.homeVehicle!).map((v, node) => (v >= 0 ? `${nodeIds[node]}:${nodeStep[node]}:${v}` : '')).filter(Boolean);
    expect(homed.sort()).toEqual(['o2:delivery:1', 'o2:pickup:1']);
  });

  it('leaves stability off (no buffer, cost 0) when absent, free or without a known home', () => {
    for (const stability of [undefined, { costPerStop: 0, home: [{ orderId: 'A', vehicleId: 'v1' }] }, { costPerStop: 9, home: [] }]) {
      const { buffers: b } = encode(smallScenario(), options(stability));
      expect(b.homeVehicle).toBeUndefined();
      expect(b.params[PARAM_STABILITY_COST]).toBe(0);
    }
  });

  it('names the option path of a bad cost, a bad entry or two homes for one order', () => {
    expect(encodeError({ costPerStop: -1, home: [] })).toMatch(/options\.stability\.costPerStop: must be a finite number ≥ 0, got -1/);
    expect(encodeError({ costPerStop: Number.NaN, home: [] })).toMatch(/options\.stability\.costPerStop/);
    expect(encodeError({ costPerStop: 1 })).toMatch(/options\.stability\.home: must be an array/);
    expect(encodeError({ costPerStop: 1, home: [{ orderId: 'A', vehicleId: 'v1' }, { orderId: 7, vehicleId: 'v1' }] }))
      .toMatch(/options\.stability\.home\[1\]\.orderId: must be a string/);
    expect(encodeError({ costPerStop: 1, home: [{ orderId: 'A', vehicleId: 'v1' }, { orderId: 'A', vehicleId: 'v2' }] }))
      .toMatch(/options\.stability\.home\[1\]\.vehicleId: order 'A' already has home vehicle 'v1'/);
  });
});

describe('wasm facade: stability buffers', () => {
  it('rejects a home vehicle out of range and a negative stability cost before the boundary', async () => {
    const { buffers } = encode(smallScenario(), options({ costPerStop: 3, home: [{ orderId: 'A', vehicleId: 'v1' }] }));
    const solver = await newSolver();
    expect(() => solver.load({ ...buffers, homeVehicle: Int32Array.of(-1, 2, -1, -1, -1, -1) })).toThrow(/homeVehicle: must be −1 or a vehicle index < 2/);
    const params = buffers.params.slice(); params[PARAM_STABILITY_COST] = -3;
    expect(() => solver.load({ ...buffers, params })).toThrow(/params: the stability cost \(slot 3\) must be ≥ 0/);
  });
});

describe('solve with stability (converged)', () => {
  it('keeps every order on its home vehicle when moving one costs more than it could save', async () => {
    const api = createSolverApi(() => loadSolverModule('debug'));
    const scenario = smallScenario();
    // A feasible split that a cost-only plan has no reason to choose.
    const homes: Record<string, string> = { A: 'v2', B: 'v2', C: 'v2', D: 'v1', E: 'v1' };
    const home = Object.entries(homes).map(([orderId, vehicleId]) => ({ orderId, vehicleId }));
    const servedBy = (routes: Route[]) => Object.fromEntries(routes.flatMap((r) => r.steps.filter((s) => s.type === 'job').map((s) => [s.id, r.vehicleId])));
    const plain = await api.solve({ runId: 1, scenario, options: { timeLimitS: 30, seed: 3 } });
    expect(servedBy(plain.solution.routes)).not.toEqual(homes);
    const result = await api.solve({ runId: 2, scenario, options: { timeLimitS: 30, seed: 3, stability: { costPerStop: 10_000, home } } });
    expect(result.stopReason).toBe('converged');
    expect(servedBy(result.solution.routes)).toEqual(homes);
    expect(checkSolution(scenario, result.solution).violations).toEqual([]);
    // The plan's cost stays the KPI cost: no stability in it.
    expect(result.solution.summary.cost).toBeCloseTo(result.solution.routes.reduce((a, r) => a + r.cost, 0), 6);
    expect(result.solution.summary.cost).toBeLessThan(10_000);
  });
});
