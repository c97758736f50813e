// The worker's computeRisk: the scenario's own variability by default, the
// same figures as the JS reference, a model's routes sent from the main thread
// (Day mode), a request posted as JSON text, and bad options or scenarios as InputError;
// computeRiskReport: the same figures with the weakest promises ranked in the worker.
import { describe, expect, it } from 'vitest';
import { buildRiskModel } from '../../../web/src/domain/risk/model';
import { referenceRisk } from '../../../web/src/domain/risk/reference';
import { WEAKEST_COUNT, weakestPromises } from '../../../web/src/domain/risk/weakest';
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

  it('reports the same figures with the weakest promises ranked from the worker\'s own model, each with its median start', async () => {
    // Two promises made weak: windows closing a minute or two after the planned arrival.
    const tight = structuredClone(s);
    for (const [id, step] of [['A', plan.routes[0].steps[1]], ['C', plan.routes[0].steps[3]]] as const) {
      const arrivalMin = Math.floor(step.arrivalS / 60);
      tight.orders.find((o) => o.id === id)!.timeWindows = [{ start: arrivalMin - 1, end: arrivalMin + 2 }];
    }
    const sent = JSON.stringify({ scenario: { ...tight, plan: null }, plan, options: { samples: 1500, seed: 4 } });
    const model = buildRiskModel(tight, plan, resolveVariability(tight.settings));
    const ref = referenceRisk(model, { samples: 1500, seed: 4 });
    const report = await api.computeRiskReport(sent);
    expect(report.risk).toEqual(ref);
    expect(report.weakest).toEqual(weakestPromises(model, ref, WEAKEST_COUNT));
    // Non-trivial: this plan has promises that do not always hold, ranked weakest first.
    expect(report.weakest.length).toBeGreaterThan(1);
    const ps = report.weakest.map((w) => w.pOnTime);
    expect(ps).toEqual([...ps].sort((a, b) => a - b));
    for (const weak of report.weakest) {
      expect(weak.pOnTime).toBeLessThan(1);
      const figures = ref.stops.find((x) => x.orderId === weak.orderId && x.side === weak.side)!;
      expect([weak.pOnTime, weak.startP50S, weak.vehicleId]).toEqual([figures.pOnTime, figures.startP50S, figures.vehicleId]);
    }
    const bad = { ...tight, plan: null, orders: [{ ...tight.orders[0], serviceMinutes: -5 }, ...tight.orders.slice(1)] };
    await expect(api.computeRiskReport(JSON.stringify({ scenario: bad, plan, options: { samples: 10, seed: 1 } }))).rejects.toMatchObject({ name: INPUT_ERROR, message: expect.stringContaining('serviceMinutes') });
  });
});
