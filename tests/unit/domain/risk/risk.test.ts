// The risk of a plan (issue #14): the WASM Monte Carlo gives the same figures
// as the plain-JS reference for the same seed, and both agree with the analytic
// case (one leg, one window: P(on time) is a lognormal CDF).
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../../web/src/domain/scenario';
import type { Solution } from '../../../../web/src/domain/solution';
import { buildRiskModel } from '../../../../web/src/domain/risk/model';
import { referenceRisk } from '../../../../web/src/domain/risk/reference';
import { DEFAULT_VARIABILITY, lognormalParams, type Variability } from '../../../../web/src/domain/variability';
import { wasmRisk } from '../../../../workers/risk-wasm';
import { smallScenario } from '../../../fixtures/small-scenario';
import { buildRoute } from '../../../helpers/build-route';
import { loadSolverModule } from '../../../helpers/load-solver';
import { expectSameRisk as expectSame } from '../../../helpers/same-risk';

type Plan = Pick<Solution, 'routes'>;
const small = (): { s: Scenario; plan: Plan } => {
  const s = smallScenario();
  return { s, plan: { routes: [buildRoute(s, 'v1', ['A', 'B', 'C']), buildRoute(s, 'v2', ['D', 'E'])] } };
};
const withVar = (over: Partial<Variability>): Variability => ({ ...DEFAULT_VARIABILITY, ...over });
const noServiceSpread = withVar({ serviceCv: Object.fromEntries(Object.keys(DEFAULT_VARIABILITY.serviceCv).map((k) => [k, 0])) as Variability['serviceCv'] });

/** Standard normal CDF (Abramowitz–Stegun 26.2.17, |error| < 7.5e-8). */
function phi(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const tail = (Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI)) * poly;
  return x >= 0 ? 1 - tail : tail;
}

describe('risk: WASM against the JS reference', () => {
  it('gives the same figures for the same seed (default model, and with not-home failures and tight windows)', async () => {
    const module = await loadSolverModule('release');
    const { s, plan } = small();
    for (const variability of [DEFAULT_VARIABILITY, withVar({ travelCv: 0.6, notHome: { ...DEFAULT_VARIABILITY.notHome, curbside: 0.3 }, failedAttemptMinutes: 20 })]) {
      const model = buildRiskModel(s, plan, variability);
      for (const seed of [1, 99, 4000000000]) {
        const js = referenceRisk(model, { samples: 3000, seed });
        expectSame(js, await wasmRisk(module, model, { samples: 3000, seed }));
      }
    }
  });

  it('different seeds give different figures, and late stops add up', async () => {
    const { s, plan } = small();
    s.orders.forEach((o) => { o.timeWindows = o.timeWindows.map((w) => ({ start: w.start, end: w.start + 20 })); });
    const model = buildRiskModel(s, plan, withVar({ travelCv: 0.5 }));
    const a = await wasmRisk(await loadSolverModule('release'), model, { samples: 2000, seed: 1 });
    const b = await wasmRisk(await loadSolverModule('release'), model, { samples: 2000, seed: 2 });
    expect(b.stops.map((x) => x.pOnTime)).not.toEqual(a.stops.map((x) => x.pOnTime));
    expect(a.expectedLateStops).toBeCloseTo(a.stops.reduce((sum, x) => sum + 1 - x.pOnTime, 0), 12);
    expect(a.stops.length).toBe(5);
    for (const x of a.stops) expect(x.startP10S <= x.startP50S && x.startP50S <= x.startP90S).toBe(true);
  });
});

describe('risk: the model', () => {
  it('without any spread every planned start holds: on time, and the percentiles inside the planned start\'s 30-second bin', async () => {
    const { s, plan } = small();
    const quiet = withVar({ travelCv: 0, serviceCv: noServiceSpread.serviceCv });
    const risk = await wasmRisk(await loadSolverModule('release'), buildRiskModel(s, plan, quiet), { samples: 50, seed: 3 });
    const planned = new Map(plan.routes.flatMap((r) => r.steps.filter((x) => x.type === 'job').map((x) => [x.id, x.arrivalS + x.waitS])));
    for (const x of risk.stops) {
      expect(x.pOnTime).toBe(1);
      for (const p of [x.startP10S, x.startP50S, x.startP90S]) expect(Math.abs(p - planned.get(x.orderId)!)).toBeLessThanOrEqual(30);
    }
    expect(risk.routes.every((r) => r.pAllOnTime === 1 && r.pShiftOk === 1)).toBe(true);
  });

  it('one leg, one window: P(on time) and the median start match the lognormal within sampling error, in WASM and JS', async () => {
    const s = smallScenario();
    const route = buildRoute(s, 'v1', ['A']);
    const departS = route.steps[0].departureS;
    const legS = route.steps[1].arrivalS - departS;
    const a = s.orders.find((o) => o.id === 'A')!;
    a.timeWindows = [{ start: 0, end: (departS + legS * 1.1) / 60 }];
    const model = buildRiskModel(s, { routes: [route] }, noServiceSpread);
    const { mu, sigma } = lognormalParams(legS, DEFAULT_VARIABILITY.travelCv);
    const expected = phi((Math.log(legS * 1.1) - mu) / sigma);
    const n = 40000;
    const tolerance = 4 * Math.sqrt((expected * (1 - expected)) / n);
    for (const risk of [referenceRisk(model, { samples: n, seed: 5 }), await wasmRisk(await loadSolverModule('release'), model, { samples: n, seed: 5 })]) {
      expect(Math.abs(risk.stops[0].pOnTime - expected)).toBeLessThan(tolerance);
      // Median start: departure + e^μ (lognormal median), within the histogram's 30-second bins.
      expect(Math.abs(risk.stops[0].startP50S - (departS + Math.exp(mu)))).toBeLessThan(30);
    }
    expect(expected).toBeGreaterThan(0.5);
    expect(expected).toBeLessThan(0.9);
  });

  it('a failed attempt keeps the crew failedAttemptMinutes instead of the service (same starts as a 2-minute service)', async () => {
    const quiet = { travelCv: 0, serviceCv: noServiceSpread.serviceCv };
    const { s, plan } = small();
    const open = (sc: Scenario) => sc.orders.forEach((o) => { o.timeWindows = [{ start: 0, end: 1439 }]; });
    open(s);
    const failing = buildRiskModel(s, plan, withVar({ ...quiet, notHome: { ...DEFAULT_VARIABILITY.notHome, curbside: 1 }, failedAttemptMinutes: 2 }));
    const short = smallScenario();
    open(short);
    short.orders.forEach((o) => { o.serviceMinutes = 2; });
    const shortModel = buildRiskModel(short, plan, withVar(quiet));
    const module = await loadSolverModule('release');
    const a = await wasmRisk(module, failing, { samples: 20, seed: 1 });
    const b = await wasmRisk(module, shortModel, { samples: 20, seed: 1 });
    expect(a.stops).toEqual(b.stops);
    const normal = await wasmRisk(module, buildRiskModel(s, plan, withVar(quiet)), { samples: 20, seed: 1 });
    expect(normal.stops.find((x) => x.orderId === 'C')!.startP50S).toBeGreaterThan(a.stops.find((x) => x.orderId === 'C')!.startP50S);
  });
});
