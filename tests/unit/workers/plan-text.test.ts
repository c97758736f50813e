// Plans crossing the solver worker's boundary as text (issue #15, domain/plan-text.ts): a solve through the
// worker's wrapped API gives exactly the plan of the plain API, as text in parts of whole routes; the main
// thread's reader parses one part per pause; the checker's verdict on the text is its verdict on the plan;
// an explanation request may carry the plan as text.
import { describe, expect, it, vi } from 'vitest';
import { checkSolution } from '../../../web/src/domain/check';
import type { Route } from '../../../web/src/domain/solution';
import { validateScenario } from '../../../web/src/domain/validate';
import { readChecked } from '../../../web/src/solver/checked-progress';
import { createCheckApi } from '../../../workers/check-api';
import { fromPlanText, isPlanText, PART_STEPS, readPlanText, routesPieces, toPlanText, type PlanText } from '../../../web/src/domain/plan-text';
import { knownPieces } from '../../../web/src/domain/known-text';
import { writeJsonInSlices } from '../../../web/src/io/json-slices';
import type { UncheckedSolution, WireProgress } from '../../../workers/protocol';
import { createSolverApi } from '../../../workers/solver-api';
import { wireSolverApi } from '../../../workers/solver-wire';
import { generateRichScenario } from '../../bench/rich-generate';
import { loadSolverModule } from '../../helpers/load-solver';

/** A rich generated day (breaks, pickups, skills, windows), big enough for several parts. */
function richDay() {
  const valid = validateScenario(JSON.parse(JSON.stringify(generateRichScenario({ orders: 1200, seed: 3 }))));
  if (!valid.ok) throw new Error('generated scenario invalid');
  return valid.scenario;
}

const stepsIn = (part: string) => (JSON.parse(part) as Route[]).reduce((n, r) => n + r.steps.length, 0);

describe('plans as text across the worker boundary', () => {
  it('a solve through the wrapped API returns the plain API’s plan, as whole routes in parts of about PART_STEPS steps', async () => {
    const scenario = richDay();
    const request = { runId: 1, scenario: JSON.stringify(scenario), options: { timeLimitS: 60, seed: 4, maxMoves: 4_000 } };
    const plain = await createSolverApi(() => loadSolverModule('debug')).solve(request);
    const wired = await wireSolverApi(createSolverApi(() => loadSolverModule('debug'))).solve(request);
    expect(isPlanText(wired.solution)).toBe(true);
    expect(wired.objective).toBe(plain.objective);
    // The same plan (the time it took is the clock's).
    const timeless = (plan: UncheckedSolution) => ({ ...plan, stats: { ...plan.stats, elapsedMs: 0 } });
    expect(timeless(fromPlanText<UncheckedSolution>(wired.solution))).toEqual(timeless(plain.solution));
    // Every part holds whole routes, in order; a part is cut once it reaches PART_STEPS steps.
    const parts = wired.solution.parts;
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((part) => (JSON.parse(part) as Route[]).map((r) => r.vehicleId))).toEqual(plain.solution.routes.map((r) => r.vehicleId));
    for (const part of parts.slice(0, -1)) {
      const routes = JSON.parse(part) as Route[];
      expect(stepsIn(part)).toBeGreaterThanOrEqual(PART_STEPS);
      expect(stepsIn(part) - routes[routes.length - 1].steps.length).toBeLessThan(PART_STEPS);
    }
  }, 120_000);

  it('a best-so-far plan travels as text; figures without a plan pass as they are', async () => {
    const { solution } = await createSolverApi(() => loadSolverModule('debug')).solve({ runId: 1, scenario: richDay(), options: { timeLimitS: 60, seed: 2, maxMoves: 200, explain: false } });
    const figures = { runId: 7, phase: 'searching' as const, iteration: 3, elapsedMs: 100, routeCost: 1, unassigned: 0, penalty: 0, distanceM: 1000, objective: 1 };
    // An API whose solve reports figures, then figures with a plan, then returns that plan.
    const api = createSolverApi(() => loadSolverModule('debug'));
    api.solve = async (request, onProgress) => {
      onProgress?.(figures);
      onProgress?.({ ...figures, elapsedMs: 200, plan: solution });
      return { runId: request.runId, solution, stopReason: 'completed', objective: 1 };
    };
    const seen: WireProgress[] = [];
    const result = await wireSolverApi(api).solve({ runId: 7, scenario: '{}', options: { timeLimitS: 1, seed: 1 } }, (p) => seen.push(p));
    expect(seen[0]).toEqual({ ...figures, plan: undefined });
    expect(isPlanText(seen[1].plan)).toBe(true);
    expect(fromPlanText(seen[1].plan!)).toEqual(solution);
    expect({ ...seen[1], plan: undefined }).toEqual({ ...figures, elapsedMs: 200, plan: undefined });
    expect(fromPlanText(result.solution)).toEqual(solution);
  }, 120_000);

  it('the main thread parses a part per pause; the checker judges the same text; the result is the plan with its verdict', async () => {
    const scenario = richDay();
    const { solution } = await createSolverApi(() => loadSolverModule('debug')).solve({ runId: 1, scenario, options: { timeLimitS: 60, seed: 2, maxMoves: 2_000 } });
    const wire = toPlanText(solution);
    expect(wire.parts.length).toBeGreaterThan(1);
    // A reader that counts its pauses and, at each, how many objects had been frozen: a part is frozen in
    // the task that parses it, so the count grows from pause to pause and the last part adds only its share.
    let pauses = 0;
    const frozenAtPause: number[] = [];
    const freeze = vi.spyOn(Object, 'freeze');
    const parsed = await readPlanText<UncheckedSolution>(wire, async () => { frozenAtPause.push(freeze.mock.calls.length); pauses++; });
    const frozenInAll = freeze.mock.calls.length;
    freeze.mockRestore();
    expect(pauses).toBe(wire.parts.length);
    expect(parsed).toEqual(solution);
    expect(frozenAtPause[0]).toBeGreaterThan(0); // the head's fields, before the first part
    for (let k = 1; k < frozenAtPause.length; k++) expect(frozenAtPause[k]).toBeGreaterThan(frozenAtPause[k - 1]);
    expect(frozenInAll - frozenAtPause[frozenAtPause.length - 1]).toBeLessThan(frozenInAll / 2);
    // Immutable all the way down, as the store keeps a plan (store/plan-value.ts): routes, steps, loads, the head's fields.
    const step = parsed.routes[0].steps[1];
    expect([parsed.routes[0], parsed.routes[0].steps, step, step.load, parsed.unassigned, parsed.stats].every((v) => Object.isFrozen(v))).toBe(true);
    expect(() => { (parsed.routes[0].steps as unknown[]).push({}); }).toThrow(TypeError);
    // The plan object stays open (the caller adds the verdict to a copy). Its list of routes is frozen too and keeps
    // the text it was read from: saving the plan or sending it on writes that text, not ~2 MB of JSON again.
    expect(Object.isFrozen(parsed)).toBe(false);
    expect(Object.isFrozen(parsed.routes)).toBe(true);
    const pieces = knownPieces(parsed.routes);
    expect(pieces?.join('')).toBe(JSON.stringify(solution.routes));
    expect(pieces!.filter((p) => p.length > 1)).toEqual(wire.parts.map((part) => part.slice(1, -1)));
    const written: string[] = [];
    await writeJsonInSlices({ plan: { routes: parsed.routes } }, { write: (text) => written.push(text), pause: async () => {} });
    expect(written.join('')).toBe(JSON.stringify({ plan: { routes: solution.routes } }));
    expect(written.filter((p) => p.length > 1 && wire.parts.some((part) => part.slice(1, -1) === p))).toHaveLength(wire.parts.length);

    const api = createCheckApi();
    api.load(1, JSON.stringify(scenario));
    const posted: unknown[] = [];
    const checkPlan = async (plan: Parameters<typeof api.check>[1]) => { posted.push(plan); return api.check(1, plan); };
    const checked = await readChecked(checkPlan, wire, async () => {});
    expect(posted).toEqual([wire]); // the text itself went to the checker, not objects parsed here
    expect(checked.check).toEqual(checkSolution(scenario, solution));
    expect(checked.check.ok).toBe(true);
    expect({ ...checked, check: undefined }).toEqual({ ...solution, check: undefined });
  }, 120_000);

  it('a plan that is not text in parts is refused by the shape test; an empty plan has no parts', () => {
    const empty = toPlanText({ routes: [], unassigned: [{ orderId: 'a', reason: 'x' }] });
    expect(empty.parts).toEqual([]);
    expect(fromPlanText(empty)).toEqual({ routes: [], unassigned: [{ orderId: 'a', reason: 'x' }] });
    const bad: unknown[] = [null, {}, { head: '{}' }, { head: '{}', parts: [1] }, { head: 1, parts: [] }];
    expect(bad.map(isPlanText)).toEqual([false, false, false, false, false]);
    expect(isPlanText({ head: '{}', parts: ['[]'] } satisfies PlanText)).toBe(true);
  });

  it('the pieces of routes read from parts join to the routes’ JSON, whatever parts are empty', () => {
    const a = { vehicleId: 'a', steps: [] };
    const b = { vehicleId: 'b', steps: [{ id: 'x"y' }] };
    const cases: [string[], unknown[]][] = [[[], []], [['[]'], []], [[JSON.stringify([a])], [a]], [['[]', JSON.stringify([a, b]), '[]', JSON.stringify([b])], [a, b, b]]];
    for (const [parts, routes] of cases) expect(routesPieces(parts).join('')).toBe(JSON.stringify(routes));
  });

  it('explains a plan sent as text as it explains the plan', async () => {
    const scenario = richDay();
    const api = createSolverApi(() => loadSolverModule('debug'));
    const { solution } = await api.solve({ runId: 1, scenario, options: { timeLimitS: 60, seed: 1, maxMoves: 500, explain: false } });
    const wired = wireSolverApi(api);
    expect(await wired.explain({ scenario, solution: toPlanText(solution) })).toEqual(await api.explain({ scenario, solution }));
  }, 120_000);
});
