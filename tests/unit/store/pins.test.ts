// Pins: toggled per stop and per route for the open scenario only; turned into
// the solver's pin list; passed to the solver by the run store; stored with the
// scenario's record and restored after a reload.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { makePlannerDb } from '../../../web/src/io/db';
import { readPins, solverPins } from '../../../web/src/plan/pins';
import { createPersistence } from '../../../web/src/store/persist';
import { createPinsStore, isOrderPinned, isRoutePinned, makePinsRecord, pinsForSolver } from '../../../web/src/store/pins';
import { createRunStore } from '../../../web/src/store/run';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeFakeSolverClient } from '../../fixtures/fake-solver-client';
import { makeMiniPlan, makeMiniScenario, makeMiniSolution } from '../../fixtures/mini-scenario';

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((d) => d()));
const inRoot = <T,>(fn: () => T): T => createRoot((d) => { disposers.push(d); return fn(); });

describe('pins store', () => {
  it('toggles stop and route pins and counts each edit', () => inRoot(() => {
    const [state, actions] = createPinsStore();
    actions.toggleOrder('mini', 'o1', 'v1');
    actions.toggleRoute('mini', 'v2');
    expect(isOrderPinned(state, 'mini', 'o1')).toBe(true);
    expect(isRoutePinned(state, 'mini', 'v2')).toBe(true);
    actions.toggleOrder('mini', 'o1', 'v1');
    expect(isOrderPinned(state, 'mini', 'o1')).toBe(false);
    expect(state.changes).toBe(3);
  }));

  it('never applies the pins of one scenario to another', () => inRoot(() => {
    const [state, actions] = createPinsStore();
    actions.toggleOrder('a', 'o1', 'v1');
    expect(isOrderPinned(state, 'b', 'o1')).toBe(false);
    expect(actions.snapshot('b')).toEqual({ orders: {}, routes: [] });
    actions.toggleRoute('b', 'v1');
    expect(actions.snapshot('a')).toEqual({ orders: {}, routes: [] });
    expect(actions.snapshot('b')).toEqual({ orders: {}, routes: ['v1'] });
  }));
});

describe('solver pins', () => {
  it('gives every stop of a pinned route with its position, and pinned stops with their vehicle', () => {
    const solution = makeMiniSolution();
    const pins = solverPins({ orders: { o4: 'v2', o1: 'v2' }, routes: ['v1'] }, solution, ['v1', 'v2'], ['o1', 'o2', 'o3', 'o4']);
    expect(pins).toEqual([
      { orderId: 'o1', vehicleId: 'v1', position: 0 },
      { orderId: 'o2', vehicleId: 'v1', position: 1 },
      { orderId: 'o3', vehicleId: 'v1', position: 2 },
      { orderId: 'o4', vehicleId: 'v2' },
    ]);
  });

  it('drops pins of vehicles or orders that no longer exist, and reads only well-formed stored pins', () => {
    expect(solverPins({ orders: { o1: 'gone', gone: 'v1' }, routes: [] }, null, ['v1'], ['o1'])).toEqual([]);
    expect(readPins({ orders: { o1: 'v1', o2: 3 }, routes: ['v1', null] })).toEqual({ orders: { o1: 'v1' }, routes: ['v1'] });
    expect(readPins(undefined)).toEqual({ orders: {}, routes: [] });
  });

  it('are passed to the solver by the run store, which also records best cost over time', async () => {
    const { fake, run } = inRoot(() => {
      const fake = makeFakeSolverClient();
      const scenario = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
      const pins = createPinsStore();
      pins[1].toggleOrder('mini', 'o2', 'v2');
      return { fake, run: createRunStore(fake.client, scenario, { pins: () => pinsForSolver(scenario[0], pins) }) };
    });
    const solving = run[1].optimize();
    expect(fake.calls[0].options.pins).toEqual([{ orderId: 'o2', vehicleId: 'v2' }]);
    expect(() => structuredClone(fake.calls[0].options)).not.toThrow();
    for (const [elapsedMs, routeCost] of [[100, 500], [200, 500], [300, 420]]) fake.calls[0].onProgress?.({ runId: 1, phase: 'searching', objective: 0, iteration: elapsedMs, routeCost, unassigned: 0, penalty: 0, distanceM: routeCost * 10, elapsedMs });
    expect(run[0].costHistory).toEqual([{ elapsedMs: 100, cost: 500, unassigned: 0, penalty: 0, distanceM: 5000 }, { elapsedMs: 300, cost: 420, unassigned: 0, penalty: 0, distanceM: 4200 }]);
    fake.calls[0].resolve(makeMiniSolution());
    await solving;
  });
});

describe('pins persistence', () => {
  it('stores pins in the scenario record and restores them after a reload', async () => {
    const db = makePlannerDb({ scenarios: 'pins-s', session: 'pins-p' });
    const first = inRoot(() => {
      const scenario = createScenarioStore();
      const pins = createPinsStore();
      const persist = createPersistence(scenario, { db, loadDemo: async () => makeMiniScenario(), debounceMs: 5, pins: makePinsRecord(pins) });
      return { pins, persist };
    });
    await first.persist.restore();
    first.pins[1].toggleRoute('mini', 'v1');
    first.pins[1].toggleOrder('mini', 'o4', 'v2');
    await first.persist.flush();
    expect(first.persist.saveStatus()).toBe('saved');

    const second = inRoot(() => {
      const scenario = createScenarioStore();
      const pins = createPinsStore();
      const persist = createPersistence(scenario, { db, loadDemo: async () => makeMiniScenario(), debounceMs: 5, pins: makePinsRecord(pins) });
      return { scenario, pins, persist };
    });
    await second.persist.restore();
    expect(second.scenario[0].scenario?.id).toBe('mini');
    expect(second.pins[1].snapshot('mini')).toEqual({ orders: { o4: 'v2' }, routes: ['v1'] });
    expect(second.pins[0].changes).toBe(0);
  });
});
