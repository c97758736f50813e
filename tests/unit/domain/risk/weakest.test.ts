// The Risk panel's weakest promises: lowest P(on time) first, each with why.
import { describe, expect, it } from 'vitest';
import { buildRiskModel } from '../../../../web/src/domain/risk/model';
import { referenceRisk } from '../../../../web/src/domain/risk/reference';
import { listedRoutes, weakestPromises } from '../../../../web/src/domain/risk/weakest';
import { DEFAULT_VARIABILITY } from '../../../../web/src/domain/variability';
import { smallScenario } from '../../../fixtures/small-scenario';
import { buildRoute } from '../../../helpers/build-route';

describe('weakestPromises', () => {
  it('a single leg into a window closing just after the planned start is weak for its long leg', () => {
    const s = smallScenario();
    const route = buildRoute(s, 'v1', ['A']);
    s.orders.find((o) => o.id === 'A')!.timeWindows = [{ start: 0, end: Math.ceil(route.steps[1].arrivalS / 60) + 1 }];
    const model = buildRiskModel(s, { routes: [route] }, DEFAULT_VARIABILITY);
    const [weak] = weakestPromises(model, referenceRisk(model, { samples: 4000, seed: 1 }));
    expect(weak).toMatchObject({ orderId: 'A', vehicleId: 'v1', reason: 'long-leg' });
    expect(weak.pOnTime).toBeLessThan(0.7);
    expect(weak.why).toMatch(/^long leg: \d+ min from the previous stop/);
  });

  it('a window narrower than the arrival\'s spread is a tight window; the list is sorted, capped, and leaves out sure stops', () => {
    const s = smallScenario();
    const plan = { routes: [buildRoute(s, 'v1', ['A', 'B', 'C']), buildRoute(s, 'v2', ['D', 'E'])] };
    const c = plan.routes[0].steps[3];
    const arrivalMin = Math.floor(c.arrivalS / 60);
    s.orders.find((o) => o.id === 'C')!.timeWindows = [{ start: arrivalMin - 1, end: arrivalMin + 2 }];
    const model = buildRiskModel(s, plan, { ...DEFAULT_VARIABILITY, travelCv: 0.4 });
    const risk = referenceRisk(model, { samples: 4000, seed: 2 });
    const list = weakestPromises(model, risk, 3);
    expect(list.length).toBeLessThanOrEqual(3);
    list.slice(1).forEach((w, i) => expect(w.pOnTime).toBeGreaterThanOrEqual(list[i].pOnTime));
    expect(list[0]).toMatchObject({ orderId: 'C', reason: 'tight-window' });
    expect(list[0].why).toMatch(/^tight window: 3 min \(/);
    for (const w of list) expect(w.pOnTime).toBe(risk.stops.find((x) => x.orderId === w.orderId)!.pOnTime);
    const sure = risk.stops.filter((x) => x.pOnTime === 1).map((x) => x.orderId);
    expect(weakestPromises(model, risk, 10).some((w) => sure.includes(w.orderId))).toBe(false);
  });
});

describe('listedRoutes', () => {
  const route = (vehicleId: string, pAllOnTime: number) => ({ vehicleId, pAllOnTime, pShiftOk: 1 });
  it('lists every route in fleet order up to the limit', () => {
    const routes = [route('a', 0.9), route('b', 0.5), route('c', 0.7)];
    expect(listedRoutes(routes, 3)).toEqual({ listed: routes, rest: null });
  });

  it('past the limit lists the weakest first (ties in fleet order) and sums up the rest with their lowest chance', () => {
    const routes = [route('a', 0.9), route('b', 0.5), route('c', 0.7), route('d', 0.5), route('e', 0.95), route('f', 0.8)];
    const { listed, rest } = listedRoutes(routes, 3);
    expect(listed.map((r) => r.vehicleId)).toEqual(['b', 'd', 'c']);
    expect(rest).toEqual({ count: 3, pAllOnTimeAtLeast: 0.8 });
  });
});
