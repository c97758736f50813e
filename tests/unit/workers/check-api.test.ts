// The checker worker's API (issue #15) is the independent checker, unchanged: for a clean plan and
// for a broken one it returns exactly checkSolution's verdict, and it never judges a plan against
// a scenario other than the one loaded under the caller's key.
import { describe, expect, it } from 'vitest';
import { createCheckApi } from '../../../workers/check-api';
import { toPlanText } from '../../../web/src/domain/plan-text';
import { checkSolution } from '../../../web/src/domain/check';
import { makeMiniScenario, makeMiniSolution } from '../../fixtures/mini-scenario';

/** The mini plan with its route's distance misreported (the checker must flag it). */
function brokenSolution() {
  const solution = makeMiniSolution();
  return { ...solution, routes: solution.routes.map((r) => ({ ...r, distanceM: r.distanceM + 1000 })) };
}

describe('check worker API', () => {
  it('returns the same verdict as check.ts for a clean plan and for a broken one', () => {
    const scenario = makeMiniScenario();
    const api = createCheckApi();
    api.load(1, scenario);
    const clean = makeMiniSolution();
    const broken = brokenSolution();
    const cleanVerdict = api.check(1, { routes: clean.routes, unassigned: clean.unassigned });
    const brokenVerdict = api.check(1, { routes: broken.routes, unassigned: broken.unassigned });
    expect(cleanVerdict.ok).toBe(true);
    expect(cleanVerdict).toEqual(checkSolution(scenario, clean));
    expect(brokenVerdict.ok).toBe(false);
    expect(brokenVerdict.violations.map((v) => v.rule)).toContain('distance-mismatch');
    expect(brokenVerdict).toEqual(checkSolution(scenario, broken));
    // The same plans as text, the way a solver worker sends them (domain/plan-text.ts): the same verdicts.
    expect(api.check(1, toPlanText(clean))).toEqual(cleanVerdict);
    expect(api.check(1, toPlanText(broken))).toEqual(brokenVerdict);
  });

  it('checks against the scenario loaded last, and refuses a key that is not loaded', () => {
    const api = createCheckApi();
    const solution = makeMiniSolution();
    expect(() => api.check(1, solution)).toThrow(/no scenario loaded/);
    api.load(1, makeMiniScenario());
    // The same plan against a scenario where its vehicle is gone: the verdict follows the new scenario.
    const noVehicle = { ...makeMiniScenario(), vehicles: makeMiniScenario().vehicles.filter((v) => v.id !== 'v1') };
    api.load(2, JSON.stringify(noVehicle)); // as JSON text, the way the main thread posts it
    expect(() => api.check(1, solution)).toThrow(expect.objectContaining({ name: 'InputError' }));
    const verdict = api.check(2, solution);
    expect(verdict.ok).toBe(false);
    expect(verdict).toEqual(checkSolution(noVehicle, solution));
  });
});
