// The checker's walk with a DayWalk (route-eval.ts): the one walk the ETA uses.
import { describe, expect, it } from 'vitest';
import { evaluateRoute, makeEvalContext, type StopReport } from '../../../../web/src/domain/route-eval';
import { smallScenario } from '../../../fixtures/small-scenario';
import { buildRoute } from '../../../helpers/build-route';

describe('evaluateRoute with a day walk', () => {
  const s = smallScenario();
  const ctx = makeEvalContext(s);
  const vehicle = s.vehicles[0];
  const route = buildRoute(s, 'v1', ['A', 'B', 'C']);
  const stops = route.steps.slice(1, -1).map((x) => ({ type: x.type, id: x.id }));
  const departS = route.steps[0].departureS;

  it('with nothing reported and the clock at midnight, walks exactly as the plan walk', () => {
    expect(evaluateRoute(ctx, vehicle, stops, departS, { reports: [], notBeforeS: 0 })).toEqual(evaluateRoute(ctx, vehicle, stops, departS));
  });

  it('reported times equal to the plan reproduce the plan, cost included', () => {
    const reports: StopReport[] = route.steps.slice(1, -1).map((x) => ({ arrivalS: x.arrivalS, startS: x.arrivalS + x.waitS, endS: x.departureS }));
    const ev = evaluateRoute(ctx, vehicle, stops, departS, { reports, notBeforeS: route.steps[route.steps.length - 1].arrivalS });
    expect(ev.steps.map((x) => [x.arrivalS, x.waitS, x.serviceS, x.departureS])).toEqual(route.steps.map((x) => [x.arrivalS, x.waitS, x.serviceS, x.departureS]));
    expect(ev.cost).toBeCloseTo(route.cost, 9);
    expect(ev.violations).toEqual([]);
  });

  it('a reported late start is a broken window, reported not enforced', () => {
    const reports: StopReport[] = [{ arrivalS: 13 * 3600, endS: 13 * 3600 + 600 }]; // A closes 12:00
    const ev = evaluateRoute(ctx, vehicle, stops, departS, { reports, notBeforeS: 13 * 3600 + 600 });
    expect(ev.steps[1].arrivalS).toBe(13 * 3600);
    // A started an hour after 12:00; B (closes 12:00) and C (13:00) follow from 13:10: 13:10 + 228 s, then + 600 + 432 s.
    expect(ev.violations.map((v) => [v.rule, v.orderId, v.amount])).toEqual([
      ['time-window', 'A', 3600], ['time-window', 'B', 4200 + 228], ['time-window', 'C', 600 + 228 + 600 + 432],
    ]);
  });

  it('a failed attempt keeps its goods on board to the end', () => {
    const ev = evaluateRoute(ctx, vehicle, stops, departS, { reports: [undefined, { endS: 9 * 3600, failed: true }], notBeforeS: 9 * 3600 });
    expect(ev.steps.map((x) => x.load)).toEqual([[90, 4], [60, 3], [60, 3], [40, 2], [40, 2]]);
  });

  it('a start load replaces the deliveries of the route', () => {
    const ev = evaluateRoute(ctx, vehicle, stops, departS, { reports: [], notBeforeS: 0, startLoad: [95, 5] });
    expect(ev.steps[0].load).toEqual([95, 5]);
    expect(ev.steps[ev.steps.length - 1].load).toEqual([5, 1]);
  });
});

describe('evaluateRoute with contradictory reports', () => {
  it('a departure reported before the arrival: arrival, start and departure coincide, nothing negative', () => {
    const s = smallScenario();
    const route = buildRoute(s, 'v1', ['A', 'B']);
    const stops = route.steps.slice(1, -1).map((x) => ({ type: x.type, id: x.id }));
    const ev = evaluateRoute(makeEvalContext(s), s.vehicles[0], stops, route.steps[0].departureS, { reports: [{ arrivalS: 9 * 3600, endS: 8 * 3600 + 50 * 60 }], notBeforeS: 9 * 3600 });
    expect([ev.steps[1].arrivalS, ev.steps[1].waitS, ev.steps[1].serviceS, ev.steps[1].departureS]).toEqual([8 * 3600 + 50 * 60, 0, 0, 8 * 3600 + 50 * 60]);
  });
});
