// rebuildRoute: the steps, times, distance and cost it computes for any order
// sequence are exactly what the independent checker recomputes from the scenario.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSolution } from '../../../web/src/domain/check';
import { earliestDepartureS, evaluateRoute } from '../../../web/src/domain/route-eval';
import { makeLookup, rebuildRoute, routeOrderIds } from '../../../web/src/plan/rebuild-route';
import { makeMiniScenario, makeMiniSolution } from '../../fixtures/mini-scenario';

const SEQUENCES = [[], ['o1'], ['o3', 'o1'], ['o1', 'o2', 'o3'], ['o3', 'o2', 'o1'], ['o2', 'o4', 'o1', 'o3']];

describe('rebuildRoute', () => {
  it.each(SEQUENCES)('matches the checker for the sequence %j', (...ids) => {
    const scenario = makeMiniScenario();
    const route = rebuildRoute(scenario, 'v2', ids);
    const others = scenario.orders.filter((o) => !ids.includes(o.id)).map((o) => ({ orderId: o.id, reason: 'test' }));
    const report = checkSolution(scenario, { routes: [route], unassigned: others });
    const mismatches = report.violations.filter((v) => v.rule.endsWith('-mismatch') || v.rule === 'route-shape');
    expect(mismatches).toEqual([]);
    if (ids.length > 0) {
      expect(report.routes[0].cost).toBeCloseTo(route.cost, 6);
      expect(report.routes[0].distanceM).toBe(route.distanceM);
      expect(report.routes[0].durationS).toBe(route.durationS);
    }
    expect(routeOrderIds(route)).toEqual(ids);
  });

  it('rebuilds a plan route with the same stops, distance and return, leaving later instead of waiting', () => {
    const scenario = makeMiniScenario();
    const original = makeMiniSolution(scenario).routes[0];
    const waited = original.steps.reduce((sum, st) => sum + st.waitS, 0);
    expect(waited).toBeGreaterThan(0); // the fixture leaves first thing and waits at o3
    const rebuilt = rebuildRoute(scenario, original.vehicleId, routeOrderIds(original));
    expect(rebuilt.steps.map((s) => [s.type, s.id, s.distanceM])).toEqual(original.steps.map((s) => [s.type, s.id, s.distanceM]));
    expect(rebuilt.steps.at(-1)!.arrivalS).toBe(original.steps.at(-1)!.arrivalS);
    expect(rebuilt.steps[0].departureS - original.steps[0].departureS).toBe(waited - rebuilt.waitingS);
    expect(rebuilt.waitingS).toBe(0);
    expect(rebuilt.cost).toBeLessThan(original.cost);
    const report = checkSolution(scenario, { ...makeMiniSolution(scenario), routes: [rebuilt, ...makeMiniSolution(scenario).routes.slice(1)] });
    expect(report.violations).toEqual([]);
  });

  it('keeps a shipment as its pickup then its delivery, loaded in between', () => {
    const scenario = makeMiniScenario();
    const shop = scenario.orders[3];
    shop.pickup = { lat: scenario.orders[0].lat, lng: scenario.orders[0].lng, address: 'Shop', timeWindows: [], serviceMinutes: 5 };
    const route = rebuildRoute(scenario, 'v1', ['o1', shop.id]);
    expect(route.steps.map((s) => `${s.type}:${s.id}`)).toEqual(['start:hub', 'job:o1', `pickup:${shop.id}`, `delivery:${shop.id}`, 'end:hub']);
    expect(route.steps[2].load[0] - route.steps[1].load[0]).toBeCloseTo(shop.amounts[0], 9);
    expect(routeOrderIds(route)).toEqual(['o1', shop.id]);
  });

  it('serves an unreachable window on arrival, so the checker reports a time-window violation and no mismatch', () => {
    const scenario = makeMiniScenario();
    scenario.orders[0].timeWindows = [{ start: 480, end: 481 }];
    const route = rebuildRoute(scenario, 'v1', ['o2', 'o1']);
    const late = route.steps.find((s) => s.id === 'o1')!;
    expect(late.waitS).toBe(0);
    const rules = checkSolution(scenario, { routes: [route], unassigned: [{ orderId: 'o3', reason: '' }, { orderId: 'o4', reason: '' }] }).violations.map((v) => v.rule);
    expect(rules).toEqual(['time-window']);
  });

  it('leaves the depot at the later of shift start and depot opening', () => {
    const scenario = makeMiniScenario();
    scenario.depots[0].open = 540;
    expect(rebuildRoute(scenario, 'v1', ['o1']).steps[0].departureS).toBe(540 * 60);
  });

  it('refuses unknown ids instead of inventing a route', () => {
    expect(() => rebuildRoute(makeMiniScenario(), 'v1', ['nope'])).toThrow(/unknown order 'nope'/);
    expect(() => rebuildRoute(makeMiniScenario(), 'v9', [])).toThrow(/unknown vehicle 'v9'/);
  });

  it('fits the vehicle\'s break into a route rebuilt from order ids, inside its window', () => {
    const scenario = makeMiniScenario();
    scenario.vehicles[0].breaks = [{ id: 'coffee', timeWindows: [{ start: 500, end: 520 }], minutes: 20 }];
    const route = rebuildRoute(scenario, 'v1', ['o1', 'o2', 'o3']);
    const brk = route.steps.find((st) => st.type === 'break')!;
    expect(brk.id).toBe('coffee');
    expect(brk.arrivalS + brk.waitS).toBeGreaterThanOrEqual(500 * 60);
    expect(brk.arrivalS + brk.waitS).toBeLessThanOrEqual(520 * 60);
    const report = checkSolution(scenario, { routes: [route], unassigned: [{ orderId: 'o4', reason: '' }] });
    expect(report.violations).toEqual([]);
    // A route without stops takes no break.
    expect(rebuildRoute(scenario, 'v1', []).steps.map((st) => st.type)).toEqual(['start', 'end']);
  });

  it('moves a break an edit pushed past its window, and leaves a break that still fits where it is', () => {
    const scenario = makeMiniScenario();
    scenario.vehicles[0].breaks = [{ id: 'coffee', timeWindows: [{ start: 500, end: 520 }], minutes: 20 }];
    const late = [{ type: 'job' as const, id: 'o1' }, { type: 'job' as const, id: 'o2' }, { type: 'job' as const, id: 'o3' }, { type: 'break' as const, id: 'coffee' }];
    const moved = rebuildRoute(scenario, 'v1', late);
    expect(moved.steps.at(-2)!.type).toBe('job');
    expect(checkSolution(scenario, { routes: [moved], unassigned: [{ orderId: 'o4', reason: '' }] }).violations).toEqual([]);
    const fits = [{ type: 'break' as const, id: 'coffee' }, ...late.slice(0, 3)];
    expect(rebuildRoute(scenario, 'v1', fits).steps.map((st) => st.type)).toEqual(['start', 'break', 'job', 'job', 'job', 'end']);
  });

  it('leaves at the latest second that keeps the return and adds no violation, whether or not all the waiting can go', () => {
    // One window per stop: leaving later never returns earlier and never mends a rule, so the latest such second is
    // found by trying every second. Waiting before the first window (all of it can go) and waiting at a later stop
    // whose earlier stops close first (only part of it can) both come up.
    const windows = fc.tuple(fc.integer({ min: 420, max: 900 }), fc.integer({ min: 5, max: 240 })).map(([start, width]) => ({ start, end: start + width }));
    fc.assert(fc.property(fc.array(windows, { minLength: 4, maxLength: 4 }), fc.shuffledSubarray(['o1', 'o2', 'o3', 'o4'], { minLength: 1 }), (ws, ids) => {
      const scenario = makeMiniScenario();
      scenario.orders.forEach((o, i) => { o.timeWindows = [ws[i]]; o.amounts = [1, 1]; });
      const lookup = makeLookup(scenario);
      const vehicle = lookup.vehicles.get('v1')!;
      const stops = ids.map((id) => ({ type: 'job' as const, id }));
      const earliest = earliestDepartureS(lookup.ctx, vehicle);
      const first = evaluateRoute(lookup.ctx, vehicle, stops, earliest);
      let latest = earliest;
      for (let d = earliest + 1; d <= earliest + first.waitingS; d++) {
        const ev = evaluateRoute(lookup.ctx, vehicle, stops, d);
        if (ev.steps.at(-1)!.arrivalS === first.steps.at(-1)!.arrivalS && ev.violations.length <= first.violations.length) latest = d;
      }
      const route = rebuildRoute(scenario, 'v1', ids, lookup);
      expect(route.steps[0].departureS).toBe(latest);
      expect(route.steps.at(-1)!.arrivalS).toBe(first.steps.at(-1)!.arrivalS);
    }), { numRuns: 60, seed: 15 });
  });
});
