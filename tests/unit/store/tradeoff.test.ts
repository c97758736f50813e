// The on-time trade-off store (issue #14): one solve per target in order, each
// with its target and a short time limit, one row per plan with its risk figures;
// "Use this plan" adopts that plan; an edit makes the rows stale; Cancel keeps
// the rows so far.
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../web/src/domain/check';
import type { PlanRisk } from '../../../web/src/domain/risk/risk-types';
import type { Scenario } from '../../../web/src/domain/scenario';
import type { Solution } from '../../../web/src/domain/solution';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { createTradeoffStore, TRADEOFF_TARGETS, TRADEOFF_TIME_S } from '../../../web/src/store/tradeoff';
import { makeFakeSolverClient } from '../../fixtures/fake-solver-client';
import { makeMiniPlan, makeMiniScenario, makeMiniSolution } from '../../fixtures/mini-scenario';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A risk whose on-time share grows with the plan's cost, so each row's figures are told apart. */
const fakeRisk = async (_s: Scenario, plan: Pick<Solution, 'routes'>): Promise<PlanRisk> => {
  const p = Math.min(1, (plan.routes[0]?.cost ?? 0) / 1000);
  return { stops: [{ orderId: 'o1', vehicleId: 'v1', pOnTime: p, startP10S: 0, startP50S: 0, startP90S: 0 }], routes: [], expectedLateStops: 1 - p, samples: 10, seed: 1 };
};

/** The mini plan with its route cost set to `cost` (the checker then rejects it: cost mismatch). */
function solutionCosting(scenario: Scenario, cost: number): Solution {
  const solution = makeMiniSolution(scenario);
  const routes = [{ ...solution.routes[0], cost }];
  return { ...solution, routes, summary: { ...solution.summary, cost }, check: checkSolution(scenario, { routes, unassigned: solution.unassigned }) };
}

function setup() {
  const fake = makeFakeSolverClient();
  const scenarioStore = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
  const [state, actions] = createTradeoffStore(scenarioStore, fake.client, fakeRisk, { samples: 10, seed: 1 });
  return { fake, scenarioStore, state, actions };
}

describe('on-time trade-off', () => {
  it('plans once per target, in order, with that target and a short time limit, and lists each plan', () => createRoot(async (dispose) => {
    const { fake, state, actions, scenarioStore: [scenarioState] } = setup();
    const done = actions.compare();
    for (let i = 0; i < TRADEOFF_TARGETS.length; i++) {
      await tick();
      expect(fake.calls).toHaveLength(i + 1);
      expect(state.current).toBe(TRADEOFF_TARGETS[i]);
      const call = fake.calls[i];
      expect(call.scenario.settings.onTimeTarget).toBe(TRADEOFF_TARGETS[i] || undefined);
      expect(call.options.timeLimitS).toBeLessThanOrEqual(TRADEOFF_TIME_S);
      call.resolve(i === 0 ? makeMiniSolution(call.scenario) : solutionCosting(call.scenario, 100 * (i + 2)));
    }
    await done;
    expect(state.status).toBe('done');
    expect(state.rows.map((r) => r.target)).toEqual([...TRADEOFF_TARGETS]);
    expect(state.rows[2]).toMatchObject({ cost: 400, vehicles: 1, unassigned: 1, onTimeShare: 0.4 });
    expect(state.rows[2].expectedLateStops).toBeCloseTo(0.6, 12);
    // The open scenario's own setting is left alone.
    expect(scenarioState.scenario?.settings.onTimeTarget).toBeUndefined();
    // A plan the checker rejects is not adopted; a checked one is.
    expect(state.rows[2].checkOk).toBe(false);
    expect(actions.use(90)).toBe(false);
    expect(state.rows[0].checkOk).toBe(true);
    expect(actions.use(0)).toBe(true);
    expect(scenarioState.scenario?.plan?.solution).toEqual(makeMiniSolution(fake.calls[0].scenario));
    expect(scenarioState.planStatus).toBe('valid');
    dispose();
  }));

  it('is stale after an edit: no plan is adopted then', () => createRoot(async (dispose) => {
    const { fake, state, actions, scenarioStore: [scenarioState, scenarioActions] } = setup();
    const done = actions.compare();
    for (let i = 0; i < TRADEOFF_TARGETS.length; i++) {
      await tick();
      fake.calls[i].resolve(makeMiniSolution(fake.calls[i].scenario));
    }
    await done;
    expect(actions.stale()).toBe(false);
    const before = scenarioState.scenario?.plan;
    scenarioActions.updateOrder('o1', { notes: 'Ring twice' });
    expect(actions.stale()).toBe(true);
    expect(actions.use(0)).toBe(false);
    expect(scenarioState.scenario?.plan).toEqual(before);
    expect(state.rows).toHaveLength(4);
    dispose();
  }));

  it('Cancel stops after the running solve and keeps its row', () => createRoot(async (dispose) => {
    const { fake, state, actions } = setup();
    const done = actions.compare();
    await tick();
    actions.cancel();
    expect(fake.cancels()).toBe(1);
    fake.calls[0].resolve(makeMiniSolution(fake.calls[0].scenario));
    await done;
    expect(state.status).toBe('cancelled');
    expect(state.rows.map((r) => r.target)).toEqual([0]);
    expect(fake.calls).toHaveLength(1);
    dispose();
  }));
});
