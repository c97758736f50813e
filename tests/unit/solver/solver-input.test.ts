// What the solver client posts to its workers (issue #15): the scenario as plain data and its JSON text,
// without the scenario's current plan (neither the solver nor the checker reads it).
import { describe, expect, it } from 'vitest';
import { solverInput } from '../../../web/src/solver/client';
import { validateScenario } from '../../../web/src/domain/validate';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

describe('solverInput', () => {
  it('copies the scenario field for field, leaving out its plan', () => {
    const scenario = makeMiniScenario();
    const withPlan = { ...scenario, plan: makeMiniPlan(scenario) };
    const { json, plain } = solverInput(withPlan);
    expect(plain.plan).toBeNull();
    expect(JSON.parse(json)).toEqual(plain);
    expect({ ...plain, plan: withPlan.plan }).toEqual(withPlan);
    // A copy: nothing shared with the caller's data, which the store may change during the solve.
    expect(plain.orders).not.toBe(withPlan.orders);
    expect(plain.orders[0]).not.toBe(withPlan.orders[0]);
    // The leftover is still a valid scenario for the workers' validation.
    expect(validateScenario(plain).ok).toBe(true);
  });

  it('leaves the caller\'s scenario as it was', () => {
    const scenario = makeMiniScenario();
    const withPlan = { ...scenario, plan: makeMiniPlan(scenario) };
    solverInput(withPlan);
    expect(withPlan.plan).not.toBeNull();
  });
});
