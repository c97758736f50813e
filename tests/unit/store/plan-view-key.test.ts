// What the map and the timeline derive a plan's view from (store/plan-view-key.ts, issue #15): a new plan
// value that holds the routes and unassigned orders already shown (a solve's result that is its best so far)
// is the same view; new routes, a new revision, a data edit or another scenario are not.
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { planViewKey, samePlanView } from '../../../web/src/store/plan-view-key';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

describe('plan view key', () => {
  it('is the same for a new plan value sharing the routes and unassigned orders, and only then', () => createRoot((dispose) => {
    const [state, actions] = createScenarioStore();
    const key = () => planViewKey(state.scenario, () => state.dataChanges);
    actions.hydrate(makeMiniScenario());
    expect(samePlanView(key(), key())).toBe(true);
    const noPlan = key();
    expect(noPlan?.routes).toBeNull();
    const plan = makeMiniPlan();
    actions.setPlan(plan);
    const shown = key();
    expect(samePlanView(noPlan, shown)).toBe(false);
    // The result of the solve: another plan value and solution, the same routes and unassigned orders.
    const { solution } = state.scenario!.plan!;
    actions.setPlan({ ...plan, solution: { ...solution, stopReason: 'time-limit', stats: { ...solution.stats, iterations: 99 } } });
    expect(state.scenario!.plan!.solution).not.toBe(solution);
    expect(samePlanView(shown, key())).toBe(true);
    // The same routes read again (other objects): a new view.
    actions.setPlan({ ...plan, solution: JSON.parse(JSON.stringify(solution)) });
    expect(samePlanView(shown, key())).toBe(false);
    const again = key();
    actions.updateOrder('o1', { customerName: 'Renamed' });
    expect(samePlanView(again, key())).toBe(false);
    const renamed = key();
    actions.rename('Another name');
    expect(samePlanView(renamed, key())).toBe(false);
    expect(samePlanView(key(), planViewKey(JSON.parse(JSON.stringify(state.scenario)), () => state.dataChanges))).toBe(false);
    expect(samePlanView(null, null)).toBe(true);
    expect(samePlanView(null, key())).toBe(false);
    dispose();
  }));
});
