// The worker's computeRisk: the scenario's own variability by default, the
// same figures as the JS reference, a model's routes sent from the main thread
// (Day mode), a request posted as JSON text, and bad options or scenarios as InputError.
import { describe, expect, it } from 'vitest';
import { buildRiskModel } from '../../../web/src/domain/risk/model';
import { referenceRisk } from '../../../web/src/domain/risk/reference';
import { resolveVariability } from '../../../web/src/domain/variability';
import { INPUT_ERROR } from '../../../workers/protocol';
import { createSolverApi } from '../../../workers/solver-api';
import { smallScenario } from '../../fixtures/small-scenario';
import { buildRoute } from '../../helpers/build-route';
import { loadSolverModule } from '../../helpers/load-solver';

describe('computeRisk (worker API)', () => {
  const api = createSolverApi(() => loadSolverModule('release'));
  const s = smallScenario();
  s.settings.variability = { travelCv: 0.45 };
  const plan = { routes: [buildRoute(s, 'v1', ['A', 'B', 'C']), buildRoute(s, 'v2', ['D', 'E'])] };

  it('uses the scenario\'s variability and matches the JS reference', async () => {
    const risk = await api.computeRisk({ scenario: s, plan, options: { samples: 1500, seed: 4 } });
    const ref = referenceRisk(buildRiskModel(s, plan, resolveVariability(s.settings)), { samples: 1500, seed: 4 });
    expect(risk).toEqual(ref);
    expect(risk.stops.map((x) => x.orderId)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('gives the same figures for the request posted as JSON text, the scenario without its own plan (as the client sends it)', async () => {
    const sent = JSON.stringify({ scenario: { ...s, plan: null }, plan, options: { samples: 1500, seed: 4 } });
    const ref = referenceRisk(buildRiskModel(s, plan, resolveVariability(s.settings)), { samples: 1500, seed: 4 });
    expect(await api.computeRisk(sent)).toEqual(ref);
  });

  it('rejects bad options and an invalid scenario with an InputError naming the field', async () => {
    await expect(api.computeRisk({ scenario: s, plan, options: { samples: 0, seed: 1 } })).rejects.toMatchObject({ name: INPUT_ERROR, message: expect.stringContaining('samples must be an integer') });
    const bad = { ...s, orders: [{ ...s.orders[0], serviceMinutes: -5 }, ...s.orders.slice(1)] };
    await expect(api.computeRisk({ scenario: bad, plan, options: { samples: 10, seed: 1 } })).rejects.toMatchObject({ name: INPUT_ERROR, message: expect.stringContaining('serviceMinutes') });
  });

  it('takes the routes of a model built on the main thread (Day mode), tables rebuilt from their CVs, as sent through JSON', async () => {
    const fixedServices = { ...resolveVariability(s.settings), serviceCv: { ...resolveVariability(s.settings).serviceCv, curbside: 0 } };
    const model = buildRiskModel(s, plan, fixedServices);
    expect(model.routes[0].stops[0].service.table).toBe(-1);
    const sent = JSON.parse(JSON.stringify({ routes: model.routes, options: { samples: 1200, seed: 9 } })) as { routes: typeof model.routes; options: { samples: number; seed: number } };
    sent.routes.forEach((r) => r.stops.forEach((x) => { x.leg.table = 99; x.service.table = 99; }));
    expect(await api.computeRisk(sent)).toEqual(referenceRisk(model, { samples: 1200, seed: 9 }));
    await expect(api.computeRisk({ routes: model.routes, options: { samples: 1, seed: -1 } })).rejects.toMatchObject({ name: INPUT_ERROR, message: expect.stringContaining('seed must be an integer') });
  });
});
