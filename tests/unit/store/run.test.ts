// The run store: one solve at a time; the checked result becomes the scenario's
// plan for the revision it was solved from; cancel keeps the best plan so far;
// failures are visible and leave the previous plan alone.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { formatCost, formatPlanCost } from '../../../web/src/domain/format';
import { computeKpis } from '../../../web/src/plan/kpis';
import { solverInput } from '../../../web/src/solver/client';
import { createRunStore, type RunStore } from '../../../web/src/store/run';
import { describeRunError } from '../../../web/src/store/run-report';
import { createScenarioStore, SLICED_TEXT_ORDERS, type ScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniPlan, makeMiniScenario, makeMiniSolution } from '../../fixtures/mini-scenario';
import { makeFakeSolverClient, namedError, type FakeSolverClient } from '../../fixtures/fake-solver-client';

let disposeRoot: () => void = () => {};
afterEach(() => disposeRoot());

function setup(hardAbortAfterMs = 50, problem = makeMiniScenario()): { fake: FakeSolverClient; scenario: ScenarioStore; run: RunStore } {
  return createRoot((dispose) => {
    disposeRoot = dispose;
    const fake = makeFakeSolverClient();
    const scenario = createScenarioStore(problem);
    const run = createRunStore(fake.client, scenario, { hardAbortAfterMs });
    return { fake, scenario, run };
  });
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('run store', () => {
  it('stores the checked solution as the plan for the revision it was solved from', async () => {
    const { fake, scenario: [scenarioState], run: [run, actions] } = setup();
    const pending = actions.optimize();
    expect(run.status).toBe('running');
    expect(fake.calls[0].options).toEqual({ timeLimitS: 2, seed: 1 });
    fake.calls[0].resolve(makeMiniSolution());
    await pending;
    expect(run.status).toBe('done');
    expect(run.stopReason).toBe('time-limit');
    expect(scenarioState.scenario?.plan?.solvedRevision).toBe(3);
    expect(scenarioState.scenario?.plan?.solution.routes).toHaveLength(1);
    expect(scenarioState.planStatus).toBe('valid');
  });

  it('stores the solution in the task after the one that received it, not in that task', async () => {
    const { fake, scenario: [scenarioState], run: [run, actions] } = setup();
    const before = scenarioState.scenario?.plan;
    const pending = actions.optimize();
    fake.calls[0].resolve(makeMiniSolution());
    // Every microtask of the receiving task has run: the plan is not stored yet, the run not over.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(scenarioState.scenario?.plan).toBe(before);
    expect(run.status).toBe('running');
    // Two timers: the event loop polls in between, where Node runs the store's MessageChannel task.
    await tick();
    await tick();
    expect(scenarioState.scenario?.plan?.solution.routes).toHaveLength(1);
    expect(run.status).toBe('done');
    await pending;
  });

  it('says what a scenario without vehicles needs instead of solving it, and drops the message once the scenario changes', async () => {
    const { fake, scenario: [, scenarioActions], run: [run, actions] } = setup();
    const vehicles = scenarioActions.snapshot()!.vehicles;
    scenarioActions.removeVehicles(vehicles.map((v) => v.id));
    await actions.optimize();
    expect(fake.calls).toHaveLength(0);
    expect(run.status).toBe('error');
    expect(run.error).toMatch(/^Nothing to plan yet: add a vehicle first/);
    scenarioActions.addVehicle(vehicles[0]);
    await tick();
    expect(run.status).toBe('idle');
    expect(run.error).toBeNull();
  });

  it('sends the solver a plain snapshot, not the store proxy', async () => {
    const { fake, run: [, actions] } = setup();
    void actions.optimize();
    expect(() => structuredClone(fake.calls[0].scenario)).not.toThrow();
  });

  it('passes the snapshot\'s JSON text along, the solver input of that very snapshot', async () => {
    const { fake, scenario: [, scenarioActions], run: [, actions] } = setup();
    scenarioActions.setPlan(makeMiniPlan(makeMiniScenario()));
    void actions.optimize();
    const call = fake.calls[0];
    expect(call.input).toBe(solverInput(call.scenario));
    // The snapshot keeps the current plan; the text, like any solver input, leaves it out.
    expect(call.scenario.plan).not.toBeNull();
    expect(JSON.parse(call.input!).plan).toBeNull();
  });

  it('shows progress while running', () => {
    const { fake, run: [run, actions] } = setup();
    void actions.optimize();
    fake.calls[0].onProgress?.({ runId: 1, phase: 'searching', objective: 0, iteration: 120, routeCost: 456.7, unassigned: 1, penalty: 200_000, distanceM: 12_345, elapsedMs: 300 });
    expect(run.progress).toEqual({ runId: 1, phase: 'searching', objective: 0, iteration: 120, routeCost: 456.7, unassigned: 1, penalty: 200_000, distanceM: 12_345, elapsedMs: 300 });
  });

  it('charts the route cost with unassigned orders apart, one point per change of the best plan', () => {
    const { fake, run: [run, actions] } = setup();
    void actions.optimize();
    const report = (elapsedMs: number, routeCost: number, unassigned: number) =>
      fake.calls[0].onProgress?.({ runId: 1, phase: 'searching', objective: 0, iteration: elapsedMs, routeCost, unassigned, penalty: unassigned * 100_000, distanceM: routeCost * 10, elapsedMs });
    report(100, 300, 2);
    report(200, 300, 2);
    // An order gets in: the route cost rises while the objective falls.
    report(300, 340, 1);
    report(400, 320, 1);
    expect(run.costHistory).toEqual([
      { elapsedMs: 100, cost: 300, unassigned: 2, penalty: 200_000, distanceM: 3000 },
      { elapsedMs: 300, cost: 340, unassigned: 1, penalty: 100_000, distanceM: 3400 },
      { elapsedMs: 400, cost: 320, unassigned: 1, penalty: 100_000, distanceM: 3200 },
    ]);
  });

  it('follows the km of a fleet that drives for free: a point per change of the best plan even at the same cost', () => {
    const priced = setup();
    void priced.run[1].optimize();
    expect(priced.run[0].measure).toBe('cost');
    disposeRoot();
    const free = makeMiniScenario();
    for (const v of free.vehicles) v.costs = { fixed: 0, perKm: 0, perHour: 0 };
    const { fake, run: [run, actions] } = setup(50, free);
    void actions.optimize();
    expect(run.measure).toBe('km');
    const report = (elapsedMs: number, distanceM: number) =>
      fake.calls[0].onProgress?.({ runId: 1, phase: 'searching', objective: distanceM / 1000, iteration: elapsedMs, routeCost: 0, unassigned: 0, penalty: 0, distanceM, elapsedMs });
    report(100, 52_000);
    report(200, 52_000);
    report(300, 48_500);
    expect(run.costHistory.map((p) => [p.elapsedMs, p.cost, p.distanceM])).toEqual([[100, 0, 52_000], [300, 0, 48_500]]);
  });

  it('ends the chart on the plan\'s own figures: the run panel\'s cost is the KPI bar\'s', async () => {
    const { fake, scenario: [scenarioState], run: [run, actions] } = setup();
    const pending = actions.optimize();
    // The solver's last report may differ from the decoded plan (it prices lateness in steps).
    fake.calls[0].onProgress?.({ runId: 1, phase: 'searching', objective: 0, iteration: 9, routeCost: 999, unassigned: 3, penalty: 300_000, distanceM: 9_990, elapsedMs: 100 });
    fake.calls[0].resolve(makeMiniSolution());
    await pending;
    const plan = scenarioState.scenario!.plan!;
    const kpis = computeKpis(scenarioState.scenario!, plan.solution);
    const last = run.costHistory[run.costHistory.length - 1];
    expect(last).toEqual({ elapsedMs: 120, cost: kpis.cost, unassigned: 1, penalty: kpis.unassignedPenalty, distanceM: kpis.distanceM });
    // o4 (priority 1) is left out: base + perPriority, apart from the cost.
    expect(kpis.unassignedPenalty).toBe(200_000);
    expect(kpis.cost).toBeCloseTo(plan.solution.routes[0].cost, 9);
    expect(formatPlanCost(last)).toBe(`${formatCost(kpis.cost)} · 1 unassigned (penalty 200,000)`);
  });

  it('ignores Optimize while a solve is running', () => {
    const { fake, run: [, actions] } = setup();
    void actions.optimize();
    void actions.optimize();
    expect(fake.calls).toHaveLength(1);
  });

  it('keeps the best plan so far when cancelled', async () => {
    const { fake, scenario: [scenarioState], run: [run, actions] } = setup();
    const pending = actions.optimize();
    actions.cancel();
    expect(run.cancelling).toBe(true);
    expect(fake.cancels()).toBe(1);
    fake.calls[0].resolve({ ...makeMiniSolution(), stopReason: 'cancelled' });
    await pending;
    expect(run.status).toBe('done');
    expect(run.stopReason).toBe('cancelled');
    expect(run.cancelling).toBe(false);
    expect(scenarioState.scenario?.plan?.solution.stopReason).toBe('cancelled');
  });

  it('aborts a solve that does not stop after Cancel, with a visible error', async () => {
    const { fake, run: [run, actions] } = setup(10);
    const pending = actions.optimize();
    actions.cancel();
    await pending;
    expect(fake.calls[0].signal?.aborted).toBe(true);
    expect(run.status).toBe('error');
    expect(run.error).toMatch(/did not stop in time/);
  });

  it('shows a solver failure, keeps the previous plan and can optimize again', async () => {
    const { fake, scenario: [scenarioState, scenarioActions], run: [run, actions] } = setup();
    const previous = makeMiniPlan();
    scenarioActions.setPlan(previous);
    const failing = actions.optimize();
    fake.calls[0].reject(namedError('SolverError', 'unreachable code (solver-as/assembly/search.ts:88)'));
    await failing;
    expect(run.status).toBe('error');
    expect(run.error).toContain('The solver failed: unreachable code');
    expect(scenarioState.scenario?.plan).toEqual(previous);
    actions.dismissError();
    expect(run.status).toBe('idle');
    const again = actions.optimize();
    fake.calls[1].resolve(makeMiniSolution());
    await again;
    expect(run.status).toBe('done');
  });

  it('shows the checked best plan so far during the solve; the result replaces it', async () => {
    const { fake, scenario: [scenarioState], run: [run, actions] } = setup();
    const pending = actions.optimize();
    const best = { ...makeMiniSolution(), stopReason: 'cancelled' as const };
    fake.calls[0].onProgress?.({ runId: 1, phase: 'searching', objective: 1, iteration: 5, routeCost: 1, unassigned: 1, penalty: 0, distanceM: 1000, elapsedMs: 1000, plan: best });
    expect(run.status).toBe('running');
    expect(scenarioState.scenario?.plan?.solution).toEqual(best);
    expect(scenarioState.scenario?.plan?.solvedRevision).toBe(3);
    // The plan rides on the scenario, not on the progress figures.
    expect(run.progress && 'plan' in run.progress).toBe(false);
    const final = makeMiniSolution();
    fake.calls[0].resolve(final);
    await pending;
    expect(scenarioState.scenario?.plan?.solution).toEqual(final);
  });

  it('takes the best-so-far plan back when the solve fails: the plan before it returns', async () => {
    const { fake, scenario: [scenarioState, scenarioActions], run: [run, actions] } = setup();
    const previous = makeMiniPlan();
    scenarioActions.setPlan(previous);
    const failing = actions.optimize();
    fake.calls[0].onProgress?.({ runId: 1, phase: 'searching', objective: 1, iteration: 5, routeCost: 1, unassigned: 1, penalty: 0, distanceM: 1000, elapsedMs: 1000, plan: { ...makeMiniSolution(), stopReason: 'cancelled' } });
    expect(scenarioState.scenario?.plan?.solution.stopReason).toBe('cancelled');
    fake.calls[0].reject(namedError('SolverError', 'out of memory'));
    await failing;
    expect(run.status).toBe('error');
    expect(scenarioState.scenario?.plan).toEqual(previous);
  });

  it('names input errors as a problem with the scenario', () => {
    expect(describeRunError(namedError('InputError', "orders[2].lat: latitude must be ≤ 90"))).toBe(
      'The scenario cannot be solved: orders[2].lat: latitude must be ≤ 90',
    );
  });

  it('ignores a run superseded by a newer one', async () => {
    const { fake, run: [run, actions] } = setup();
    const pending = actions.optimize();
    fake.calls[0].reject(namedError('StaleRunError', 'run 1 superseded'));
    await pending;
    expect(run.status).toBe('running');
    expect(run.error).toBeNull();
  });

  it('marks the new plan stale when the scenario was edited during the solve', async () => {
    const { fake, scenario: [scenarioState, scenarioActions], run: [, actions] } = setup();
    const pending = actions.optimize();
    scenarioActions.updateOrder('o2', { serviceMinutes: 20 });
    fake.calls[0].resolve(makeMiniSolution());
    await pending;
    expect(scenarioState.scenario?.plan?.solvedRevision).toBe(3);
    expect(scenarioState.planStatus).toBe('stale');
  });

  it('drops the result when another scenario was opened during the solve', async () => {
    const { fake, scenario: [scenarioState, scenarioActions], run: [run, actions] } = setup();
    const pending = actions.optimize();
    scenarioActions.replace(makeMiniScenario({ id: 'another' }));
    fake.calls[0].resolve(makeMiniSolution());
    await pending;
    expect(scenarioState.scenario?.plan).toBeNull();
    expect(run.status).toBe('idle');
  });

  it('stores a plan that failed the check so it can be shown as invalid, never as valid', async () => {
    const { fake, scenario: [scenarioState], run: [, actions] } = setup();
    const pending = actions.optimize();
    const bad = makeMiniSolution();
    bad.check = { ...bad.check, ok: false, violations: [{ rule: 'time-window', orderId: 'o1', message: 'late' }] };
    fake.calls[0].resolve(bad);
    await pending;
    expect(scenarioState.planStatus).toBe('invalid');
  });

  it('aborts a running solve when disposed', async () => {
    const { fake, run: [, actions] } = setup();
    void actions.optimize();
    actions.dispose();
    await tick();
    expect(fake.calls[0].signal?.aborted).toBe(true);
  });

  describe('a large scenario (its text written a slice per task after the click)', () => {
    function setupLarge(): { fake: FakeSolverClient; scenario: ScenarioStore; run: RunStore } {
      return createRoot((dispose) => {
        disposeRoot = dispose;
        const fake = makeFakeSolverClient();
        const mini = makeMiniScenario();
        const orders = Array.from({ length: SLICED_TEXT_ORDERS + 100 }, (_, i) => ({ ...structuredClone(mini.orders[i % 3]), id: `o${i}` }));
        const scenario = createScenarioStore({ ...mini, orders });
        return { fake, scenario, run: createRunStore(fake.client, scenario, { hardAbortAfterMs: 50 }) };
      });
    }

    it('is running from the click and solves the scenario as it is once its text is written', async () => {
      const { fake, scenario: [, scenarioActions], run: [run, actions] } = setupLarge();
      const pending = actions.optimize();
      expect(run.status).toBe('running');
      expect(fake.calls).toHaveLength(0);
      // An edit while the text is written: the solve reads it.
      scenarioActions.updateOrder('o1', { customerName: 'Edited before the solve' });
      while (fake.calls.length === 0) await tick();
      const call = fake.calls[0];
      expect(call.input).toBe(solverInput(call.scenario));
      expect(JSON.parse(call.input!).orders[1].customerName).toBe('Edited before the solve');
      // The pieces the text was written in, passed on as they are (joined, 10,000 orders' text was a long task).
      expect(Array.isArray(call.inputAsPassed) && call.inputAsPassed.length).toBeGreaterThan(1);
      call.resolve(makeMiniSolution());
      await pending;
      expect(run.status).toBe('done');
    });

    it('ends the run with its error when writing the text fails, not left running', async () => {
      const { fake, scenario: [, scenarioActions], run: [run, actions] } = setupLarge();
      scenarioActions.snapshotWithTextSoon = () => Promise.reject(new Error('the text could not be written'));
      await actions.optimize();
      expect(fake.calls).toHaveLength(0);
      expect(run.status).toBe('error');
      expect(run.error).toMatch(/the text could not be written/);
    });

    it('starts nothing when cancelled while its text is written', async () => {
      const { fake, run: [run, actions] } = setupLarge();
      const pending = actions.optimize();
      actions.cancel();
      await pending;
      expect(fake.calls).toHaveLength(0);
      expect(run.status).toBe('idle');
      expect(run.cancelling).toBe(false);
    });
  });
});
