import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSolverApi } from '../../../workers/solver-api';
import { checkSolution } from '../../../web/src/domain/check';
import { validateScenario } from '../../../web/src/domain/validate';
import type { Scenario } from '../../../web/src/domain/scenario';
import type { Progress } from '../../../workers/protocol';
import { loadSolverModule } from '../../helpers/load-solver';
import { smallScenario } from '../../fixtures/small-scenario';

const demo = (): Scenario => {
  const result = validateScenario(JSON.parse(readFileSync(new URL('../../../public/demo-scenario.json', import.meta.url), 'utf8')));
  if (!result.ok) throw new Error('demo scenario invalid');
  return result.scenario;
};

describe('createSolverApi (no Worker)', () => {
  it('solves the demo scenario into a plan the independent checker accepts', async () => {
    const api = createSolverApi(() => loadSolverModule('debug'));
    const progress: Progress[] = [];
    const scenario = demo();
    const result = await api.solve({ runId: 1, scenario, options: { timeLimitS: 1, seed: 1 } }, (p) => progress.push(p));
    const check = checkSolution(scenario, result.solution);
    expect(check.violations).toEqual([]);
    // Each order served once: a job step, or a shipment's delivery step (after its pickup).
    const routed = result.solution.routes.reduce((n, r) => n + r.steps.filter((s) => s.type === 'job' || s.type === 'delivery').length, 0);
    expect(routed + result.solution.unassigned.length).toBe(scenario.orders.length);
    expect(routed).toBeGreaterThan(60);
    expect(result.solution.summary.cost).toBeCloseTo(check.cost, 6);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.runId === 1)).toBe(true);
  });

  it('is deterministic for a seed (a fixed move budget, not the clock)', async () => {
    const api = createSolverApi(() => loadSolverModule('debug'));
    const run = async () => (await api.solve({ runId: 1, scenario: smallScenario(), options: { timeLimitS: 60, seed: 5, maxMoves: 200_000 } })).solution.routes.map((r) => [r.vehicleId, r.steps.map((s) => s.id)]);
    expect(await run()).toEqual(await run());
  });

  it('takes the scenario as its JSON text (what the browser posts) to the same plan', async () => {
    const api = createSolverApi(() => loadSolverModule('debug'));
    const options = { timeLimitS: 60, seed: 5, maxMoves: 200_000 };
    const fromData = await api.solve({ runId: 1, scenario: demo(), options });
    const fromText = await api.solve({ runId: 2, scenario: JSON.stringify(demo()), options });
    expect(fromText.solution.routes).toEqual(fromData.solution.routes);
    expect(fromText.solution.explanations).toEqual(fromData.solution.explanations);
    await expect(api.solve({ runId: 3, scenario: '{"orders": [', options })).rejects.toMatchObject({
      name: 'InputError', message: expect.stringContaining('the scenario is not JSON'),
    });
    await expect(api.explain({ scenario: JSON.stringify(demo()), solution: fromData.solution })).resolves.toEqual(fromData.solution.explanations);
  });

  it('cancel resolves with the best plan so far, checked clean', async () => {
    const api = createSolverApi(() => loadSolverModule('debug'));
    const scenario = demo();
    const pending = api.solve({ runId: 7, scenario, options: { timeLimitS: 60, seed: 1 } }, () => api.cancel(7));
    const started = Date.now();
    const result = await pending;
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.stopReason).toBe('cancelled');
    expect(checkSolution(scenario, result.solution).ok).toBe(true);
  });

  it('holds its next step while the caller takes a plan it sent, then searches on until cancelled', async () => {
    const api = createSolverApi(() => loadSolverModule('debug'));
    const scenario = demo();
    const events: string[] = [];
    const answers: (() => void)[] = [];
    const result = api.solve({ runId: 8, scenario, options: { timeLimitS: 60, seed: 1 } }, (p) => {
      events.push(p.plan ? 'plan' : p.phase);
      // A plan is taken only when the test says so.
      return p.plan ? new Promise<void>((resolve) => { answers.push(() => { events.push('taken'); resolve(); }); }) : undefined;
    });
    const until = async (ok: () => boolean) => { while (!ok()) await new Promise((r) => setTimeout(r, 10)); };
    await until(() => answers.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    // Nothing after the plan while it is being taken: no progress, no search step reported.
    expect(events.at(-1)).toBe('plan');
    const before = events.length;
    answers[0]();
    await until(() => events.length >= before + 3);
    expect(events.slice(before, before + 3)).toEqual(['taken', 'searching', 'searching']);
    api.cancel(8);
    const done = await result;
    expect(done.stopReason).toBe('cancelled');
    expect(checkSolution(scenario, done.solution).ok).toBe(true);
  });

  it('rejects an invalid scenario with an InputError naming the field', async () => {
    const api = createSolverApi(() => loadSolverModule('debug'));
    const bad = smallScenario();
    bad.orders[1].lat = 200;
    await expect(api.solve({ runId: 1, scenario: bad, options: { timeLimitS: 1, seed: 1 } })).rejects.toMatchObject({
      name: 'InputError', message: expect.stringContaining("orders[1] (order 'B').lat"),
    });
  });

  it('turns a solver that cannot start into a SolverError', async () => {
    const empty = await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    const api = createSolverApi(async () => empty);
    await expect(api.solve({ runId: 1, scenario: smallScenario(), options: { timeLimitS: 1, seed: 1 } })).rejects.toMatchObject({ name: 'SolverError' });
  });
});
