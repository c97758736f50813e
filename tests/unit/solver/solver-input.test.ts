// What the solver client posts to its workers (issue #15): the scenario's JSON text, without the scenario's
// current plan (neither the solver nor the checker reads it); the workers parse and validate it.
import { describe, expect, it } from 'vitest';
import { solverInput } from '../../../web/src/solver/client';
import { validateScenario } from '../../../web/src/domain/validate';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

describe('solverInput', () => {
  it('is the scenario field for field as JSON text, leaving out its plan', () => {
    const scenario = makeMiniScenario();
    const withPlan = { ...scenario, plan: makeMiniPlan(scenario) };
    const posted = JSON.parse(solverInput(withPlan));
    expect(posted.plan).toBeNull();
    expect({ ...posted, plan: withPlan.plan }).toEqual(withPlan);
    // What the workers parse is still a valid scenario for their validation.
    expect(validateScenario(posted).ok).toBe(true);
  });

  it("leaves the caller's scenario as it was", () => {
    const scenario = makeMiniScenario();
    const withPlan = { ...scenario, plan: makeMiniPlan(scenario) };
    solverInput(withPlan);
    expect(withPlan.plan).not.toBeNull();
  });
});
