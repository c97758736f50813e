// At risk by probability (issue #14 → issue #11's flags): a remaining stop less
// likely than the threshold to start on time is flagged with its chance; the
// margin rule's flags stay, one flag per stop; finished stops are never flagged.
import { describe, expect, it } from 'vitest';
import { deriveDayState } from '../../../../web/src/domain/day/day-state';
import { predictDay } from '../../../../web/src/domain/day/eta';
import type { DayEvent } from '../../../../web/src/domain/day/events';
import { estimatedRoutes, feedRiskFlags } from '../../../../web/src/domain/day/risk-flags';
import type { PlanRisk, StopRisk } from '../../../../web/src/domain/risk/risk-types';
import { smallScenario } from '../../../fixtures/small-scenario';
import { buildRoute } from '../../../helpers/build-route';

const H = (h: number, m = 0) => (h * 60 + m) * 60;

function scenario() {
  const s = smallScenario();
  s.orders.find((o) => o.id === 'E')!.timeWindows = [{ start: 420, end: 425 }]; // 07:00–07:05: late by the margin rule
  return s;
}
const ORDERS = scenario().orders;

function prediction() {
  const s = scenario();
  const plan = { routes: [buildRoute(s, 'v1', ['A', 'B', 'C'], H(7)), buildRoute(s, 'v2', ['D', 'E'], H(7))], unassigned: [] };
  const events = [{ id: 'e1', type: 'done', order: 'A', at: 7 * 60 + 30 }] as DayEvent[];
  return predictDay(s, deriveDayState(s, plan, events), 7 * 60 + 31);
}
const stop = (orderId: string, vehicleId: string, pOnTime: number): StopRisk => ({ orderId, vehicleId, pOnTime, startP10S: H(9), startP50S: H(9, 10), startP90S: H(9, 25) });
const risk = (stops: StopRisk[]): PlanRisk => ({ stops, routes: [], expectedLateStops: 0, samples: 100, seed: 1 });

describe('feedRiskFlags', () => {
  it('flags a remaining stop below the threshold with its chance, once, next to the margin rule', () => {
    const before = prediction();
    const marginFlags = before.atRisk.map((r) => r.orderId);
    expect(marginFlags).toEqual(['E']);
    const after = feedRiskFlags(before, ORDERS, risk([stop('B', 'v1', 0.62), stop('C', 'v1', 0.8), stop('D', 'v2', 0.95), stop('E', 'v2', 0.1)]), 0.8);
    expect(after.atRisk.map((r) => [r.vehicleId, r.orderId])).toEqual([['v1', 'B'], ['v2', 'E']]);
    expect(after.atRisk[0].reason).toBe('on time with 62 % chance: likely start 09:00–09:25 for its window 08:00–12:00');
    // E keeps the margin rule's reason (one flag per stop); the input is left as it was.
    expect(after.atRisk[1].reason).toBe(before.atRisk[0].reason);
    expect(before.routes[0].stops.find((s) => s.orderId === 'B')!.risk).toBeNull();
    expect(after.routes[0].stops.find((s) => s.orderId === 'B')!.risk).toContain('62 %');
  });

  it('never flags a finished stop, a stop of another vehicle, or anything without figures', () => {
    const before = prediction();
    const after = feedRiskFlags(before, ORDERS, risk([stop('A', 'v1', 0.1), stop('B', 'v2', 0.1)]), 0.8);
    expect(after).toBe(before);
    expect(feedRiskFlags(before, ORDERS, null, 0.8)).toBe(before);
  });

  it('an estimate flags only the routes as it estimated them, or what is left of them', () => {
    const s = scenario();
    const plan = (v1: string[], v2: string[]) => ({ routes: [buildRoute(s, 'v1', v1, H(7)), buildRoute(s, 'v2', v2, H(7))], unassigned: [] });
    const predict = (v1: string[], v2: string[], events: DayEvent[], at: number) => predictDay(s, deriveDayState(s, plan(v1, v2), events), at);
    const estimated = predict(['A', 'B', 'C'], ['D', 'E'], [], 7 * 60);
    const basis = estimatedRoutes(estimated);
    const figures = risk([stop('B', 'v1', 0.3), stop('C', 'v1', 0.3), stop('D', 'v2', 0.3)]);
    const flagged = (p: ReturnType<typeof predict>) => feedRiskFlags(p, ORDERS, figures, 0.8, basis).atRisk.filter((r) => r.reason.includes('chance')).map((r) => r.orderId);
    // As estimated: both routes' stops below the threshold.
    expect(flagged(estimated)).toEqual(['B', 'C', 'D']);
    // v1 has made its first stop since: what is left of it is as estimated.
    expect(flagged(predict(['A', 'B', 'C'], ['D', 'E'], [{ id: 'e1', type: 'done', order: 'A', at: 7 * 60 + 30 } as DayEvent], 7 * 60 + 31))).toEqual(['B', 'C', 'D']);
    // v1 now drives C before B (another route than the one estimated): none of its figures apply; v2's still do.
    expect(flagged(predict(['A', 'C', 'B'], ['D', 'E'], [], 7 * 60))).toEqual(['D']);
    // A stop moved from v1 to v2: neither route is the one estimated.
    expect(flagged(predict(['A', 'B'], ['D', 'E', 'C'], [], 7 * 60))).toEqual([]);
    // Without a basis (figures of this very state), every route.
    expect(feedRiskFlags(predict(['A', 'C', 'B'], ['D', 'E'], [], 7 * 60), ORDERS, figures, 0.8).atRisk.filter((r) => r.reason.includes('chance')).map((r) => r.orderId)).toEqual(['C', 'B', 'D']);
  });

  it('the threshold decides', () => {
    const figures = risk([stop('B', 'v1', 0.62)]);
    expect(feedRiskFlags(prediction(), ORDERS, figures, 0.6).atRisk.map((r) => r.orderId)).toEqual(['E']);
    expect(feedRiskFlags(prediction(), ORDERS, figures, 0.63).atRisk.map((r) => r.orderId)).toEqual(['B', 'E']);
  });
});
