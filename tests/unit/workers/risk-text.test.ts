// The risk worker keeps the last scenario it was sent with its text's length and an id (risk-client.ts leads the
// request with them): an edit of the plan names that scenario by its id (or sends the same text again), and the
// worker neither parses nor validates it again, and walks only the routes the edit changed (domain/risk/model.ts
// riskModelBuilder). The figures are those of a fresh estimate.
import { describe, expect, it, vi } from 'vitest';
import { buildRiskModel, riskModelBuilder } from '../../../web/src/domain/risk/model';
import { referenceRisk } from '../../../web/src/domain/risk/reference';
import { resolveVariability } from '../../../web/src/domain/variability';
import { INPUT_ERROR, SCENARIO_GONE } from '../../../workers/protocol';
import { createSolverApi } from '../../../workers/solver-api';
import { smallScenario } from '../../fixtures/small-scenario';
import { buildRoute } from '../../helpers/build-route';
import { loadSolverModule } from '../../helpers/load-solver';

const validations = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../web/src/domain/validate', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../web/src/domain/validate')>();
  return { ...real, validateScenario: (...args: Parameters<typeof real.validateScenario>) => { validations.count++; return real.validateScenario(...args); } };
});

/** The request text as the client writes it: led by the scenario text's length and the id the client gives it. */
const requestText = (scenarioText: string, plan: unknown, options: unknown, id = 1) =>
  `{"scenarioChars":${scenarioText.length},"scenarioId":${id},"scenario":${scenarioText},"plan":${JSON.stringify(plan)},"options":${JSON.stringify(options)}}`;
/** A request for the scenario the worker was sent last under `id`, by that id. */
const refText = (id: number, plan: unknown, options: unknown) => `{"scenarioRef":${id},"plan":${JSON.stringify(plan)},"options":${JSON.stringify(options)}}`;

describe('the risk worker and the scenario text it was sent last', () => {
  const s = smallScenario();
  s.settings.variability = { travelCv: 0.45 };
  const scenarioText = JSON.stringify({ ...s, plan: null });
  const options = { samples: 1200, seed: 6 };
  const before = { routes: [buildRoute(s, 'v1', ['A', 'B', 'C']), buildRoute(s, 'v2', ['D', 'E'])] };
  // C moved from v1 to v2.
  const after = { routes: [buildRoute(s, 'v1', ['A', 'B']), buildRoute(s, 'v2', ['D', 'C', 'E'])] };
  const fresh = (plan: typeof before) => referenceRisk(buildRiskModel(s, plan, resolveVariability(s.settings)), options);

  it('validates the same scenario text once, and gives each plan the figures of a fresh estimate', async () => {
    const api = createSolverApi(() => loadSolverModule('release'));
    const start = validations.count;
    expect(await api.computeRisk(requestText(scenarioText, before, options))).toEqual(fresh(before));
    expect(await api.computeRisk(requestText(scenarioText, after, options))).toEqual(fresh(after));
    const report = await api.computeRiskReport(requestText(scenarioText, before, options));
    expect(report.risk).toEqual(fresh(before));
    expect(validations.count - start).toBe(1);
    // Another scenario text is read and validated: a changed order's service time changes the figures.
    const changed = { ...s, orders: s.orders.map((o) => (o.id === 'A' ? { ...o, serviceMinutes: o.serviceMinutes + 20 } : o)) };
    const changedText = JSON.stringify({ ...changed, plan: null });
    const risk = await api.computeRisk(requestText(changedText, before, options));
    expect(validations.count - start).toBe(2);
    expect(risk).toEqual(referenceRisk(buildRiskModel(changed, before, resolveVariability(changed.settings)), options));
    expect(risk).not.toEqual(fresh(before));
  });

  it('refuses a request whose scenario is not as long as it says, and one whose scenario text is invalid', async () => {
    const api = createSolverApi(() => loadSolverModule('release'));
    const wrong = `{"scenarioChars":${scenarioText.length - 1},"scenarioId":1,"scenario":${scenarioText},"plan":${JSON.stringify(before)},"options":${JSON.stringify(options)}}`;
    await expect(api.computeRisk(wrong)).rejects.toMatchObject({ name: INPUT_ERROR, message: expect.stringContaining('not as long as it says') });
    const bad = JSON.stringify({ ...s, plan: null, orders: [{ ...s.orders[0], serviceMinutes: -5 }, ...s.orders.slice(1)] });
    await expect(api.computeRisk(requestText(bad, before, options))).rejects.toMatchObject({ name: INPUT_ERROR, message: expect.stringContaining('serviceMinutes') });
  });

  it('takes a request by reference to the scenario it holds: no text, no validation, a fresh estimate\'s figures', async () => {
    const api = createSolverApi(() => loadSolverModule('release'));
    expect(await api.computeRisk(requestText(scenarioText, before, options, 7))).toEqual(fresh(before));
    const start = validations.count;
    expect(await api.computeRisk(refText(7, after, options))).toEqual(fresh(after));
    expect((await api.computeRiskReport(refText(7, before, options))).risk).toEqual(fresh(before));
    expect(validations.count).toBe(start);
    // The same text sent whole under a new id: held under that id, not parsed again.
    expect(await api.computeRisk(requestText(scenarioText, after, options, 8))).toEqual(fresh(after));
    expect(validations.count).toBe(start);
    expect(await api.computeRisk(refText(8, before, options))).toEqual(fresh(before));
  });

  it('estimates a plan sent as only what the risk model reads of it (the client\'s form) as the whole plan', async () => {
    const api = createSolverApi(() => loadSolverModule('release'));
    const read = (plan: typeof before) => ({ routes: plan.routes.map((r) => ({ vehicleId: r.vehicleId, steps: r.steps.map((st, i) => (i === 0 ? { type: st.type, id: st.id, departureS: st.departureS } : { type: st.type, id: st.id })) })) });
    expect(await api.computeRisk(requestText(scenarioText, read(after), options, 21))).toEqual(fresh(after));
    expect(await api.computeRisk(refText(21, read(before), options))).toEqual(fresh(before));
    // A route without its departure cannot be walked: the estimate fails, it does not guess.
    const undated = read(before);
    delete (undated.routes[0].steps[0] as { departureS?: number }).departureS;
    await expect(api.computeRisk(refText(21, undated, options))).rejects.toThrow('gives no departure time');
  });

  it('answers a reference to a scenario it no longer holds (another sent since, or none) with ScenarioGone', async () => {
    const api = createSolverApi(() => loadSolverModule('release'));
    await api.computeRisk(requestText(scenarioText, before, options, 11));
    const other = JSON.stringify({ ...s, name: 'Another day', plan: null });
    await api.computeRisk(requestText(other, before, options, 12));
    await expect(api.computeRisk(refText(11, before, options))).rejects.toMatchObject({ name: SCENARIO_GONE, message: 'the risk worker no longer holds scenario 11' });
    await expect(api.computeRisk(refText(99, before, options))).rejects.toMatchObject({ name: SCENARIO_GONE });
    expect(await api.computeRisk(refText(12, before, options))).toEqual(fresh(before));
  });

  it('builds a plan\'s model from the routes it built before where they did not change: the same model as from scratch', () => {
    const variability = resolveVariability(s.settings);
    const build = riskModelBuilder(s, variability);
    const first = build(before);
    const second = build(after);
    expect(second).toEqual(buildRiskModel(s, after, variability));
    expect(build(after)).toEqual(second);
    // v1 and v2 both changed; a plan that keeps v2 as it was takes v2's route from the last plan.
    const third = build({ routes: [buildRoute(s, 'v1', ['A', 'C', 'B']), after.routes[1]] });
    expect(third.routes[1]).toBe(second.routes[1]);
    expect(third.routes[0]).not.toBe(second.routes[0]);
    expect(third).toEqual(buildRiskModel(s, { routes: [buildRoute(s, 'v1', ['A', 'C', 'B']), after.routes[1]] }, variability));
    expect(first.routes[0]).not.toBe(second.routes[0]);
  });
});
