// Optimize with a routing service (issue #14): the solve and its check get the
// matrix the local OSRM stub serves; when the stub is gone, the embedded model
// stands in and the plan says why; Cancel while fetching stops at once.
import { createRoot } from 'solid-js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BlockCache, RoadMatrix } from '../../../web/src/io/osrm-table';
import { makeLegFn } from '../../../web/src/domain/travel';
import { withTravelMatrices } from '../../../web/src/domain/road-matrix';
import { makeBestSoFar } from '../../../web/src/store/provisional';
import { createRunStore, type RunStore } from '../../../web/src/store/run';
import { createScenarioStore, type ScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniScenario, makeMiniSolution } from '../../fixtures/mini-scenario';
import { makeFakeSolverClient, namedError, type FakeSolverClient } from '../../fixtures/fake-solver-client';
import { startOsrmStub, stubDurationS, type OsrmStub } from '../../helpers/osrm-stub';

let disposeRoot: () => void = () => {};
afterEach(() => disposeRoot());
let stub: OsrmStub;
beforeAll(async () => { stub = await startOsrmStub(); });
afterAll(async () => { await stub.close(); });

function mapCache(): BlockCache {
  const map = new Map<string, RoadMatrix>();
  return { get: async (k) => map.get(k), set: async (k, v) => void map.set(k, v) };
}

function setup(url: string): { fake: FakeSolverClient; scenario: ScenarioStore; run: RunStore } {
  return createRoot((dispose) => {
    disposeRoot = dispose;
    const fake = makeFakeSolverClient();
    const base = makeMiniScenario();
    const scenario = createScenarioStore({ ...base, settings: { ...base.settings, routingUrl: url } });
    const run = createRunStore(fake.client, scenario, { roadTravel: { cache: mapCache(), blockSize: 2 } });
    return { fake, scenario, run };
  });
}

const until = async (ready: () => boolean) => {
  for (let i = 0; i < 200 && !ready(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ready()).toBe(true);
};

describe('run store with a routing service', () => {
  it('solves on the stub matrix, keeps it in the scenario and marks the plan', async () => {
    const { fake, scenario: [state], run: [run, actions] } = setup(stub.url);
    const pending = actions.optimize();
    await until(() => fake.calls.length === 1);
    const solved = fake.calls[0].scenario;
    const [hub, a] = [solved.depots[0], solved.orders[0]];
    const leg = makeLegFn(solved, solved.vehicles[0])(hub, a);
    expect(leg.durationS).toBe(Math.round(stubDurationS([hub.lng, hub.lat], [a.lng, a.lat]) * solved.vehicles[0].speedFactor));
    const embedded = makeLegFn({ settings: solved.settings }, solved.vehicles[0])(hub, a);
    expect(leg.durationS).not.toBe(embedded.durationS);
    fake.calls[0].resolve(makeMiniSolution());
    await pending;
    expect(run.status).toBe('done');
    expect(state.scenario?.plan?.travel).toEqual({ source: 'routing' });
    expect(state.scenario?.travelMatrices?.van.durationsS[0][1]).toBe(solved.travelMatrices?.van.durationsS[0][1]);
    expect(state.scenario?.orders[0].matrixIndex).toBe(1);
    expect(state.planStatus).toBe('valid');
  });

  it('falls back to the embedded model with the reason when the service is unreachable', async () => {
    const gone = await startOsrmStub();
    await gone.close();
    const { fake, scenario: [state, scenarioActions], run: [, actions] } = setup(gone.url);
    // Matrices of an earlier fetch must not outlive the service's failure.
    const earlier = scenarioActions.snapshot()!;
    scenarioActions.replace({ ...earlier, travelMatrices: { van: { durationsS: [[0]] } }, depots: earlier.depots.map((d) => ({ ...d, matrixIndex: 0 })) });
    const pending = actions.optimize();
    await until(() => fake.calls.length === 1);
    expect(fake.calls[0].scenario.travelMatrices).toBeUndefined();
    fake.calls[0].resolve(makeMiniSolution());
    await pending;
    const travel = state.scenario?.plan?.travel;
    expect(travel?.source).toBe('embedded');
    expect(travel?.fallback).toContain(`the routing service at ${gone.url} cannot be reached`);
    expect(state.scenario?.travelMatrices).toBeUndefined();
    expect(state.scenario?.depots[0].matrixIndex).toBeUndefined();
  });

  it('shows the best plan so far with the stub matrix in the scenario; a failed solve takes plan and matrix back', async () => {
    const { fake, scenario: [state, scenarioActions], run: [run, actions] } = setup(stub.url);
    // A plan and matrices of an earlier solve, which the failed solve must leave as they were.
    const earlier = scenarioActions.snapshot()!;
    const oldMatrices = { van: { durationsS: [[0, 7, 7], [7, 0, 7], [7, 7, 0]] } };
    scenarioActions.replace({ ...earlier, travelMatrices: oldMatrices, depots: earlier.depots.map((d, i) => ({ ...d, matrixIndex: i })), orders: earlier.orders.map((o, j) => ({ ...o, matrixIndex: earlier.depots.length + j })) });
    const oldPlan = { solvedRevision: earlier.revision, solution: { ...makeMiniSolution(), stopReason: 'cancelled' as const }, travel: { source: 'routing' as const } };
    scenarioActions.setPlan(oldPlan);
    const pending = actions.optimize();
    await until(() => fake.calls.length === 1);
    const solved = fake.calls[0].scenario;
    expect(solved.travelMatrices?.van.durationsS).not.toEqual(oldMatrices.van.durationsS);
    const best = makeMiniSolution();
    fake.calls[0].onProgress?.({ runId: 1, phase: 'searching', objective: 1, iteration: 5, routeCost: 1, unassigned: 0, penalty: 0, distanceM: 1000, elapsedMs: 500, plan: best });
    // Shown at once, as the scenario's plan, with the travel times it was solved on.
    expect(state.scenario?.plan?.solution).toBe(best);
    expect(state.scenario?.plan?.travel).toEqual({ source: 'routing' });
    expect(state.scenario?.travelMatrices?.van.durationsS).toEqual(solved.travelMatrices?.van.durationsS);
    expect(state.planStatus).toBe('valid');
    // A later plan of the same solve only replaces the plan.
    const better = { ...makeMiniSolution(), stopReason: 'time-limit' as const };
    fake.calls[0].onProgress?.({ runId: 1, phase: 'searching', objective: 0.5, iteration: 9, routeCost: 0.5, unassigned: 0, penalty: 0, distanceM: 1000, elapsedMs: 900, plan: better });
    expect(state.scenario?.plan?.solution).toBe(better);
    fake.calls[0].reject(namedError('SolverError', 'boom'));
    await pending;
    expect(run.status).toBe('error');
    expect(state.scenario?.plan?.solution).toEqual(oldPlan.solution);
    expect(state.scenario?.travelMatrices).toEqual(oldMatrices);
    expect(state.scenario?.orders[0].matrixIndex).toBe(earlier.depots.length);
  });

  it('without earlier matrices, a failed solve leaves the scenario on the embedded model again', async () => {
    const { fake, scenario: [state], run: [, actions] } = setup(stub.url);
    const pending = actions.optimize();
    await until(() => fake.calls.length === 1);
    fake.calls[0].onProgress?.({ runId: 1, phase: 'searching', objective: 1, iteration: 5, routeCost: 1, unassigned: 0, penalty: 0, distanceM: 1000, elapsedMs: 500, plan: makeMiniSolution() });
    expect(state.scenario?.travelMatrices).toBeDefined();
    expect(state.scenario?.orders[0].matrixIndex).toBeDefined();
    fake.calls[0].reject(namedError('SolverError', 'boom'));
    await pending;
    expect(state.scenario?.plan ?? null).toBeNull();
    expect(state.scenario?.travelMatrices).toBeUndefined();
    expect(state.scenario?.orders[0].matrixIndex).toBeUndefined();
  });

  it('each routed solve brings its own matrices with its first plan, even after a solve that never settled', () => {
    const { scenario } = setup(stub.url);
    const [state, scenarioActions] = scenario;
    const bestSoFar = makeBestSoFar(scenario);
    const matrices = (s: number) => ({ van: { durationsS: [[0, s, s], [s, 0, s], [s, s, 0]] } });
    // Solve A shows a plan and is superseded (neither settled nor restored); solve B then shows its own.
    const snapshotA = scenarioActions.snapshot()!;
    bestSoFar.show(snapshotA, withTravelMatrices(snapshotA, matrices(5)), { source: 'routing' }, makeMiniSolution());
    expect(state.scenario?.travelMatrices).toEqual(matrices(5));
    const snapshotB = scenarioActions.snapshot()!;
    const planB = makeMiniSolution();
    bestSoFar.show(snapshotB, withTravelMatrices(snapshotB, matrices(9)), { source: 'routing' }, planB);
    expect(state.scenario?.plan?.solution).toBe(planB);
    expect(state.scenario?.travelMatrices).toEqual(matrices(9));
    // B fails: what was there before B comes back (A's preview, on A's matrices).
    bestSoFar.restore();
    expect(state.scenario?.travelMatrices).toEqual(matrices(5));
  });

  it('stops at once when Cancel is pressed while the matrix is fetched', async () => {
    const { fake, run: [run, actions] } = setup(stub.url);
    const pending = actions.optimize();
    await until(() => run.routing !== null);
    actions.cancel();
    await pending;
    expect(run.status).toBe('idle');
    expect(run.error).toBeNull();
    expect(fake.calls).toHaveLength(0);
  });
});
