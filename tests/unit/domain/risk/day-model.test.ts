// The risk model of a running day (issue #14, Day mode): finished stops left
// out, the rest of each route starting where and when the vehicle is now (the
// times predictDay gives), a service under way sampled but not scored; and the
// WASM estimate of such a model equals the JS reference for the same seed.
import { describe, expect, it } from 'vitest';
import { deriveDayState, type DayState } from '../../../../web/src/domain/day/day-state';
import { predictDay, type DayPrediction } from '../../../../web/src/domain/day/eta';
import type { DayEvent } from '../../../../web/src/domain/day/events';
import { buildDayRiskModel, dayRiskModelInSlices } from '../../../../web/src/domain/risk/day-model';
import { referenceRisk } from '../../../../web/src/domain/risk/reference';
import type { Scenario } from '../../../../web/src/domain/scenario';
import { DEFAULT_VARIABILITY } from '../../../../web/src/domain/variability';
import { wasmRisk } from '../../../../workers/risk-wasm';
import { smallScenario } from '../../../fixtures/small-scenario';
import { buildRoute } from '../../../helpers/build-route';
import { loadSolverModule } from '../../../helpers/load-solver';
import { expectSameRisk } from '../../../helpers/same-risk';

let n = 0;
const ev = (e: Record<string, unknown>) => ({ id: `e${++n}`, ...e }) as unknown as DayEvent;

function day(events: DayEvent[], nowMinutes: number): { s: Scenario; state: DayState; prediction: DayPrediction } {
  const s = smallScenario();
  const plan = { routes: [buildRoute(s, 'v1', ['A', 'B', 'C'], 7 * 3600), buildRoute(s, 'v2', ['D', 'E'], 7 * 3600)], unassigned: [] };
  const state = deriveDayState(s, plan, events);
  return { s, state, prediction: predictDay(s, state, nowMinutes) };
}
const stepOf = (p: DayPrediction, vehicleId: string, id: string) => p.routes.find((r) => r.vehicleId === vehicleId)!.steps.find((x) => x.id === id)!;

describe('buildDayRiskModel', () => {
  it('leaves out the stops done or failed and starts at the current time from the vehicle’s place', () => {
    const now = 7 * 60 + 36;
    const { s, state, prediction } = day([
      ev({ type: 'departed', vehicle: 'v1', at: 7 * 60 }), ev({ type: 'arrived', order: 'A', at: 7 * 60 + 20 }), ev({ type: 'done', order: 'A', at: 7 * 60 + 35 }),
    ], now);
    const model = buildDayRiskModel(s, state, prediction, DEFAULT_VARIABILITY);
    const v1 = model.routes.find((r) => r.vehicleId === 'v1')!;
    expect(v1.stops.map((x) => [x.kind, x.id])).toEqual([['order', 'B'], ['order', 'C']]);
    // A was left at 07:35; it is 07:36 now, B not reached: the rest starts now, the leg to B keeps its predicted remainder.
    expect(v1.departS).toBe(now * 60);
    const b = stepOf(prediction, 'v1', 'B');
    const c = stepOf(prediction, 'v1', 'C');
    expect(b.arrivalS).toBeGreaterThan(now * 60);
    expect(v1.departS + v1.stops[0].leg.meanS).toBe(b.arrivalS);
    expect(v1.stops[0].leg.cv).toBe(DEFAULT_VARIABILITY.travelCv);
    expect(v1.stops[1].leg.meanS).toBe(c.arrivalS - b.departureS);
    expect(v1.stops[1].plannedStartS).toBe(c.arrivalS + c.waitS);
    // v2 has not left yet and its departure is past: it starts now too, with all its stops.
    const v2 = model.routes.find((r) => r.vehicleId === 'v2')!;
    expect(v2.stops.map((x) => x.id)).toEqual(['D', 'E']);
    expect(v2.departS).toBe(now * 60);
    expect(v2.departS + v2.stops[0].leg.meanS).toBe(stepOf(prediction, 'v2', 'D').arrivalS);
  });

  it('built a few routes at a time, the model is the one built in one go', () => {
    const { s, state, prediction } = day([ev({ type: 'departed', vehicle: 'v1', at: 7 * 60 }), ev({ type: 'done', order: 'A', at: 7 * 60 + 35 })], 7 * 60 + 40);
    // A clock that passes the slice's time at every read: one route a step.
    let t = 0;
    const sliced = dayRiskModelInSlices(s, state, prediction, DEFAULT_VARIABILITY, 5, () => (t += 10));
    expect(() => sliced.result()).toThrow(/not built/);
    expect(sliced.step()).toBe(false);
    // Both routes built: the factor tables are the next step's.
    expect(sliced.step()).toBe(false);
    expect(() => sliced.result()).toThrow(/not built/);
    expect(sliced.step()).toBe(true);
    expect(sliced.step()).toBe(true);
    expect(sliced.result()).toEqual(buildDayRiskModel(s, state, prediction, DEFAULT_VARIABILITY));
  });

  it('before the departure, a route starts at its planned departure', () => {
    const { s, state, prediction } = day([], 6 * 60);
    const model = buildDayRiskModel(s, state, prediction, DEFAULT_VARIABILITY);
    expect(model.routes.map((r) => [r.vehicleId, r.departS, r.stops.length])).toEqual([['v1', 7 * 3600, 3], ['v2', 7 * 3600, 2]]);
  });

  it('samples the rest of a service under way without scoring it, and drops finished routes and unavailable vehicles', () => {
    const now = 9 * 60;
    const { s, state, prediction } = day([
      ev({ type: 'departed', vehicle: 'v1', at: 7 * 60 }), ev({ type: 'done', order: 'A', at: 7 * 60 + 40 }), ev({ type: 'arrived', order: 'B', at: 8 * 60 + 55 }),
      ev({ type: 'done', order: 'D', at: 7 * 60 + 30 }), ev({ type: 'done', order: 'E', at: 8 * 60 }),
    ], now);
    const model = buildDayRiskModel(s, state, prediction, DEFAULT_VARIABILITY);
    expect(model.routes.map((r) => r.vehicleId)).toEqual(['v1']);
    const [b, c] = model.routes[0].stops;
    expect([b.kind, b.id, b.leg.meanS, b.notHome]).toEqual(['in-progress', 'B', 0, 0]);
    expect(model.routes[0].departS).toBe(now * 60);
    expect(b.service.meanS).toBe(stepOf(prediction, 'v1', 'B').departureS - now * 60);
    expect(b.service.cv).toBe(DEFAULT_VARIABILITY.serviceCv[s.orders.find((o) => o.id === 'B')!.serviceType]);
    expect(c.kind).toBe('order');
    const risk = referenceRisk(model, { samples: 200, seed: 3 });
    expect(risk.stops.map((x) => x.orderId)).toEqual(['C']);

    const gone = day([ev({ type: 'unavailable', vehicle: 'v1', at: 8 * 60, reason: 'breakdown', lat: 45.7, lng: 4.85 })], now);
    expect(buildDayRiskModel(gone.s, gone.state, gone.prediction, DEFAULT_VARIABILITY).routes.map((r) => r.vehicleId)).toEqual(['v2']);
  });

  it('the WASM estimate of a day model equals the JS reference for the same seed', async () => {
    const module = await loadSolverModule('release');
    const { s, state, prediction } = day([
      ev({ type: 'departed', vehicle: 'v1', at: 7 * 60 }), ev({ type: 'done', order: 'A', at: 7 * 60 + 40 }), ev({ type: 'arrived', order: 'B', at: 8 * 60 + 55 }),
      ev({ type: 'delay', vehicle: 'v2', at: 7 * 60 + 10, minutes: 25 }),
    ], 9 * 60);
    const variability = { ...DEFAULT_VARIABILITY, travelCv: 0.5, notHome: { ...DEFAULT_VARIABILITY.notHome, curbside: 0.2 } };
    const model = buildDayRiskModel(s, state, prediction, variability);
    for (const seed of [1, 77]) {
      const js = referenceRisk(model, { samples: 2500, seed });
      expect(js.stops.length).toBeGreaterThan(1);
      expectSameRisk(js, await wasmRisk(module, model, { samples: 2500, seed }));
    }
  });
});
