// The edit store: a feasible move applies at once, an infeasible one waits for
// an explicit yes; every plan change (edits and solves) can be undone and redone
// as whole-plan snapshots; opening another scenario starts a fresh history.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { routeOrderIds } from '../../../web/src/plan/rebuild-route';
import { createEditStore, type EditStore } from '../../../web/src/store/edit';
import { createPinsStore, type PinsStore } from '../../../web/src/store/pins';
import { makeBestSoFar } from '../../../web/src/store/provisional';
import { createScenarioStore, type ScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

let dispose: () => void = () => {};
afterEach(() => dispose());

function setup(): { scenario: ScenarioStore; pins: PinsStore; edit: EditStore } {
  return createRoot((d) => {
    dispose = d;
    const scenario = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
    const pins = createPinsStore();
    return { scenario, pins, edit: createEditStore(scenario, pins) };
  });
}

const stopsOf = (s: ScenarioStore, vehicleId: string) => {
  const route = s[0].scenario?.plan?.solution.routes.find((r) => r.vehicleId === vehicleId);
  return route ? routeOrderIds(route) : [];
};

describe('edit store', () => {
  it('applies a feasible move at once and undoes/redoes it as whole plans', () => {
    const { scenario, edit: [state, actions] } = setup();
    const original = scenario[1].snapshot()!.plan;
    expect(actions.requestMove('o3', { vehicleId: 'v2' })).toBe('applied');
    expect(stopsOf(scenario, 'v2')).toEqual(['o3']);
    expect(scenario[0].planStatus).toBe('valid');
    expect(state.undoCount).toBe(1);
    const edited = scenario[1].snapshot()!.plan;

    actions.undo();
    expect(scenario[1].snapshot()!.plan).toEqual(original);
    expect([state.undoCount, state.redoCount]).toEqual([0, 1]);
    actions.redo();
    expect(scenario[1].snapshot()!.plan).toEqual(edited);
    expect([state.undoCount, state.redoCount]).toEqual([1, 0]);
  });

  it('keeps where the plan\'s travel times came from through a hand move and the undo of a solve', () => {
    const { scenario: [state, scenarioActions], edit: [, actions] } = setup();
    const fallback = { source: 'embedded' as const, fallback: 'the routing service did not answer' };
    const before = scenarioActions.snapshot()!;
    scenarioActions.setPlan({ ...makeMiniPlan(before), travel: fallback });
    expect(actions.requestMove('o3', { vehicleId: 'v2' })).toBe('applied');
    // The moved plan still runs on the embedded model's times: the warning must not go away.
    expect(state.scenario?.plan?.travel).toEqual(fallback);
    scenarioActions.setPlan({ ...makeMiniPlan(scenarioActions.snapshot()!), travel: { source: 'routing' } });
    actions.undo();
    expect(stopsOf([state, scenarioActions] as ScenarioStore, 'v2')).toEqual(['o3']);
    expect(state.scenario?.plan?.travel).toEqual(fallback);
  });

  it('keeps an infeasible move pending until confirmed, and drops it on cancel', () => {
    const { scenario, edit: [state, actions] } = setup();
    expect(actions.requestMove('o4', { vehicleId: 'v2' })).toBe('confirm');
    expect(state.pending?.problems[0]).toMatch(/capacity 100/);
    expect(stopsOf(scenario, 'v2')).toEqual([]);
    actions.cancelPending();
    expect(state.pending).toBeNull();
    expect(state.undoCount).toBe(0);

    actions.requestMove('o4', { vehicleId: 'v2' });
    actions.confirmPending();
    expect(stopsOf(scenario, 'v2')).toEqual(['o4']);
    // Never shown as valid: the plan now fails the check.
    expect(scenario[0].planStatus).toBe('invalid');
    actions.undo();
    expect(scenario[0].planStatus).toBe('valid');
  });

  it('previews the drop under the pointer while dragging and applies it on drop', () => {
    const { scenario, edit: [state, actions] } = setup();
    actions.startDrag('o1');
    actions.hover({ vehicleId: 'v2', position: 0 });
    expect(state.preview).toMatchObject({ orderId: 'o1', vehicleId: 'v2', feasible: true, problems: [] });
    expect(state.preview!.costDelta).toBeGreaterThan(0);
    actions.hover(null);
    expect(state.preview).toBeNull();
    actions.hover({ vehicleId: 'v2', position: 0 });
    actions.drop();
    expect([state.dragging, state.preview]).toEqual([null, null]);
    expect(stopsOf(scenario, 'v2')).toEqual(['o1']);
  });

  it('records a plan replaced from outside (a solve) so it can be undone too, and clears redo', () => {
    const { scenario, edit: [state, actions] } = setup();
    actions.requestMove('o3', { vehicleId: 'v2' });
    actions.undo();
    expect(state.redoCount).toBe(1);
    const solved = makeMiniPlan();
    solved.solution.stats.iterations = 999;
    scenario[1].setPlan(solved);
    expect([state.undoCount, state.redoCount]).toEqual([1, 0]);
    actions.undo();
    expect(scenario[0].scenario?.plan?.solution.stats.iterations).toBe(42);
  });

  it('keeps one step per solve: the best-so-far plans shown during it are not steps of their own', () => {
    const { scenario, edit: [state, actions] } = setup();
    const bestSoFar = makeBestSoFar(scenario);
    const snapshot = scenario[1].snapshot()!;
    for (const iterations of [100, 200]) {
      const shown = makeMiniPlan().solution;
      shown.stats.iterations = iterations;
      bestSoFar.show(snapshot, snapshot, { source: 'embedded' }, shown);
    }
    expect(scenario[0].scenario?.plan?.solution.stats.iterations).toBe(200);
    const solved = makeMiniPlan();
    solved.solution.stats.iterations = 999;
    scenario[1].setPlan(solved);
    expect(state.undoCount).toBe(1);
    actions.undo();
    expect(scenario[0].scenario?.plan?.solution.stats.iterations).toBe(42);
  });

  it('starts a fresh history when another scenario is opened', () => {
    const { scenario, edit: [state, actions] } = setup();
    actions.requestMove('o3', { vehicleId: 'v2' });
    scenario[1].replace(makeMiniScenario({ id: 'other', plan: makeMiniPlan() }));
    expect([state.undoCount, state.redoCount]).toEqual([0, 0]);
    actions.undo();
    expect(scenario[0].scenario?.id).toBe('other');
  });

  it('lets a pinned stop’s pin follow it when it is moved by hand', () => {
    const { pins: [pinsState, pinsActions], edit: [, actions] } = setup();
    pinsActions.toggleOrder('mini', 'o3', 'v1');
    actions.requestMove('o3', { vehicleId: 'v2' });
    expect(pinsState.orders).toEqual({ o3: 'v2' });
    actions.requestMove('o3', { vehicleId: null });
    expect(pinsState.orders).toEqual({});
  });
});
