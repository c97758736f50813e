// The risk worker keeps the last scenario it was sent with its text's length (risk-client.ts leads the request
// with it): an edit of the plan sends the same scenario text again, and the worker neither parses nor validates
// it again, and walks only the routes the edit changed (domain/risk/model.ts riskModelBuilder). The figures are
// those of a fresh estimate.
import { describe, expect, it, vi } from 'vitest';
import { buildRiskModel, riskModelBuilder } from '../../../web/src/domain/risk/model';
import { referenceRisk } from '../../../web/src/domain/risk/reference';
import { resolveVariability } from '../../../web/src/domain/variability';
import { INPUT_ERROR } from '../../../workers/protocol';
import { createSolverApi } from '../../../workers/solver-api';
import { smallScenario } from '../../fixtures/small-scenario';
import { buildRoute } from '../../helpers/build-route';
import { loadSolverModule } from '../../helpers/load-solver';

const validations = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../web/src/domain/validate', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../web/src/domain/validate')>();
  return { ...real, validateScenario: (...args: Parameters<typeof real.validateScenario>) => { validations.count++; return real.validateScenario(...args); } };
});

/** The request text as the client writes it: led by the scenario text's length. */
const requestText = (scenarioText: string, plan: unknown, options: unknown) =>
  `{"scenarioChars":${scenarioText.length},"scenario":${scenarioText},"plan":${JSON.stringify(plan)},"options":${JSON.stringify(options)}}`;

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
    const wrong = `{"scenarioChars":${scenarioText.length - 1},"scenario":${scenarioText},"plan":${JSON.stringify(before)},"options":${JSON.stringify(options)}}`;
    await expect(api.computeRisk(wrong)).rejects.toMatchObject({ name: INPUT_ERROR, message: expect.stringContaining('not as long as it says') });
    const bad = JSON.stringify({ ...s, plan: null, orders: [{ ...s.orders[0], serviceMinutes: -5 }, ...s.orders.slice(1)] });
    await expect(api.computeRisk(requestText(bad, before, options))).rejects.toMatchObject({ name: INPUT_ERROR, message: expect.stringContaining('serviceMinutes') });
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
