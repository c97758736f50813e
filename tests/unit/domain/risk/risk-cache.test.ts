// A route's risk figures depend on that route alone (issue #15): each route samples from a stream seeded by
// the run's seed and what the route samples, so a worker's RiskCache can hand back the counts of every
// route an earlier estimate sampled alike, and after an edit only the routes it changed are sampled again,
// with the very figures a fresh estimate would give.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../../web/src/domain/scenario';
import type { Solution } from '../../../../web/src/domain/solution';
import { buildRiskModel, finishModel, type RiskModel } from '../../../../web/src/domain/risk/model';
import type { PlanRisk } from '../../../../web/src/domain/risk/risk-types';
import { referenceRisk, samplingKey } from '../../../../web/src/domain/risk/reference';
import { DEFAULT_VARIABILITY } from '../../../../web/src/domain/variability';
import { RiskCache, wasmRisk } from '../../../../workers/risk-wasm';
import { smallScenario } from '../../../fixtures/small-scenario';
import { buildRoute } from '../../../helpers/build-route';
import { loadSolverModule } from '../../../helpers/load-solver';
import { expectSameRisk } from '../../../helpers/same-risk';

const variability = { ...DEFAULT_VARIABILITY, travelCv: 0.5, notHome: { ...DEFAULT_VARIABILITY.notHome, curbside: 0.2 } };
const modelOf = (s: Scenario, routes: [string, string[]][]): RiskModel => {
  const plan: Pick<Solution, 'routes'> = { routes: routes.map(([vehicle, orders]) => buildRoute(s, vehicle, orders)) };
  return buildRiskModel(s, plan, variability);
};
const options = { samples: 1500, seed: 7 };

describe('risk: one stream per route', () => {
  it('a route keeps its figures when another route changes or goes (JS reference and WASM)', async () => {
    const s = smallScenario();
    const both = modelOf(s, [['v1', ['A', 'B', 'C']], ['v2', ['D', 'E']]]);
    const moved = modelOf(s, [['v1', ['A', 'B']], ['v2', ['D', 'C', 'E']]]);
    const alone = modelOf(s, [['v1', ['A', 'B', 'C']]]);
    const figures = (m: RiskModel, vehicle: string, run: typeof referenceRisk) => {
      const risk = run(m, options);
      return { stops: risk.stops.filter((x) => x.vehicleId === vehicle), route: risk.routes.find((r) => r.vehicleId === vehicle) };
    };
    expect(figures(alone, 'v1', referenceRisk)).toEqual(figures(both, 'v1', referenceRisk));
    expect(figures(moved, 'v2', referenceRisk)).not.toEqual(figures(both, 'v2', referenceRisk));
    const module = await loadSolverModule('release');
    expect((await wasmRisk(module, alone, options)).stops).toEqual(figures(both, 'v1', referenceRisk).stops);
  });
});

describe('risk: a route\'s stream and the order of the tables', () => {
  it('a route keeps its figures when another route now meets a CV first and the tables are numbered anew (JS and WASM)', async () => {
    const s = smallScenario();
    const [v1, v2] = modelOf(s, [['v1', ['A', 'B', 'C']], ['v2', ['D', 'E']]]).routes;
    // v2 with travel times of another CV: a table of its own.
    const v2Other = structuredClone(v2);
    for (const stop of v2Other.stops) if (stop.leg.cv > 0) stop.leg.cv = 0.9;
    const first = finishModel([structuredClone(v1), structuredClone(v2Other)]);
    const before = finishModel([structuredClone(v2Other), structuredClone(v1)]);
    // The same CVs, numbered in another order: v1's times point at other indices.
    expect(first.tables.length).toBe(before.tables.length);
    expect(first.routes[0].stops[0].leg.table).not.toBe(before.routes[1].stops[0].leg.table);
    const v1Of = (risk: PlanRisk) => ({ stops: risk.stops.filter((x) => x.vehicleId === 'v1'), route: risk.routes.find((r) => r.vehicleId === 'v1') });
    expect(v1Of(referenceRisk(before, options))).toEqual(v1Of(referenceRisk(first, options)));
    const module = await loadSolverModule('release');
    expect(v1Of(await wasmRisk(module, before, options))).toEqual(v1Of(referenceRisk(first, options)));
    // A worker's cache hands v1 back across the renumbering, with the same figures.
    const cache = new RiskCache();
    await wasmRisk(module, first, options, cache);
    expect(v1Of(await wasmRisk(module, before, options, cache))).toEqual(v1Of(referenceRisk(first, options)));
    expect(cache.sampledRoutes).toBe(0);
  });
});

describe('risk: the sampling key', () => {
  it('tells apart what JSON would write alike (no shift end, an impossible one)', () => {
    const s = smallScenario();
    const [route] = modelOf(s, [['v1', ['A', 'B']]]).routes;
    const keys = [Infinity, -Infinity, NaN, 1e9].map((shiftLimitS) => samplingKey({ ...route, shiftLimitS }));
    expect(new Set(keys).size).toBe(4);
    expect(samplingKey({ ...route, vehicleId: 'other' })).toBe(samplingKey(route));
  });
});

describe('risk: the cache of a worker', () => {
  it('samples only the routes it does not hold, with the figures of a fresh estimate', async () => {
    const module = await loadSolverModule('release');
    const s = smallScenario();
    const first = modelOf(s, [['v1', ['A', 'B', 'C']], ['v2', ['D', 'E']]]);
    const cache = new RiskCache();
    expectSameRisk(referenceRisk(first, options), await wasmRisk(module, first, options, cache));
    expect(cache.sampledRoutes).toBe(2);
    // Nothing changed: nothing sampled, same figures.
    expectSameRisk(referenceRisk(first, options), await wasmRisk(module, first, options, cache));
    expect(cache.sampledRoutes).toBe(0);
    // An edit of one route: that route alone is sampled, and the whole estimate is what a fresh one gives.
    const edited = modelOf(s, [['v1', ['A', 'C', 'B']], ['v2', ['D', 'E']]]);
    const again = await wasmRisk(module, edited, options, cache);
    expect(cache.sampledRoutes).toBe(1);
    expect(again).toEqual(await wasmRisk(module, edited, options));
    expectSameRisk(referenceRisk(edited, options), again);
  });

  it('samples everything again for another seed, sample count or spread', async () => {
    const module = await loadSolverModule('release');
    const s = smallScenario();
    const model = modelOf(s, [['v1', ['A', 'B', 'C']], ['v2', ['D', 'E']]]);
    const cache = new RiskCache();
    await wasmRisk(module, model, options, cache);
    for (const [m, o] of [[model, { ...options, seed: 8 }], [model, { ...options, samples: 1000 }]] as const) {
      const risk = await wasmRisk(module, m, o, cache);
      expect(cache.sampledRoutes).toBe(2);
      expect(risk).toEqual(await wasmRisk(module, m, o));
    }
    // Wider travel spread: the same routes read other factor tables.
    const wider = buildRiskModel(s, { routes: [buildRoute(s, 'v1', ['A', 'B', 'C']), buildRoute(s, 'v2', ['D', 'E'])] }, { ...variability, travelCv: 0.8 });
    await wasmRisk(module, model, options, cache);
    const risk = await wasmRisk(module, wider, options, cache);
    expect(cache.sampledRoutes).toBe(2);
    expect(risk).toEqual(await wasmRisk(module, wider, options));
  });
});
