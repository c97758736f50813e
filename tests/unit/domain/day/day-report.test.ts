import { describe, expect, it } from 'vitest';
import { dayReport, type DayReport } from '../../../../web/src/domain/day/day-report';
import { deriveDayState } from '../../../../web/src/domain/day/day-state';
import { predictDay } from '../../../../web/src/domain/day/eta';
import type { DayEvent } from '../../../../web/src/domain/day/events';
import { smallScenario } from '../../../fixtures/small-scenario';
import { buildRoute } from '../../../helpers/build-route';

let n = 0;
const ev = (e: Record<string, unknown>) => ({ id: `e${++n}`, ...e }) as unknown as DayEvent;
const at = (h: number, m = 0) => h * 60 + m;

function report(): { r: DayReport; plan: { routes: ReturnType<typeof buildRoute>[] } } {
  const s = smallScenario();
  const plan = { routes: [buildRoute(s, 'v1', ['A', 'B', 'C']), buildRoute(s, 'v2', ['D', 'E'])], unassigned: [] };
  const state = deriveDayState(s, plan, [
    ev({ type: 'arrived', order: 'A', at: at(8) }), ev({ type: 'done', order: 'A', at: at(8, 12) }),
    ev({ type: 'failed', order: 'B', at: at(8, 30), reason: 'not-home' }),
    ev({ type: 'arrived', order: 'D', at: at(10, 30) }), ev({ type: 'done', order: 'D', at: at(10, 55) }),
  ]);
  return { r: dayReport(s, plan, state, predictDay(s, state, at(11))), plan };
}

describe('dayReport', () => {
  it('counts stops done, failed and left, and first-attempt success, per route and in total', () => {
    const { r } = report();
    expect(r.routes.map((x) => [x.vehicleId, x.stops])).toEqual([
      ['v1', { planned: 3, done: 1, failed: 1, left: 1 }],
      ['v2', { planned: 2, done: 1, failed: 0, left: 1 }],
    ]);
    expect(r.total.stops).toEqual({ planned: 5, done: 2, failed: 1, left: 2 });
    expect(r.routes[0].firstAttempt).toEqual({ onTime: 1, of: 2, share: 0.5 });
    expect(r.total.firstAttempt).toEqual({ onTime: 2, of: 3, share: 2 / 3 });
  });

  it('gives on-time shares planned, predicted and actual', () => {
    const { r } = report();
    expect(r.total.onTime.planned).toEqual({ onTime: 5, of: 5, share: 1 });
    // A started 08:00 (window 08:00–12:00), D 10:30 (10:00–15:00): both on time.
    expect(r.total.onTime.actual).toEqual({ onTime: 2, of: 2, share: 1 });
    // Not yet served at 11:00: C (09:00–13:00) and E (08:00–18:00) can still start in their windows.
    expect(r.total.onTime.predicted).toEqual({ onTime: 4, of: 4, share: 1 });
  });

  it('compares service minutes per service type: planned, and measured where the arrival was reported', () => {
    const { r } = report();
    expect(r.routes[0].serviceMinutes.curbside).toEqual({ plannedStops: 3, plannedMinutes: 30, measuredStops: 1, actualMinutes: 12, plannedMinutesOfMeasured: 10 });
    expect(r.total.serviceMinutes.curbside).toEqual({ plannedStops: 5, plannedMinutes: 60, measuredStops: 2, actualMinutes: 37, plannedMinutesOfMeasured: 30 });
  });

  it('reports km and hours planned, predicted and actual', () => {
    const { r, plan } = report();
    expect(r.routes[0].km.planned).toBeCloseTo(plan.routes[0].distanceM / 1000, 9);
    expect(r.routes[0].hours.planned).toBeCloseTo(plan.routes[0].durationS / 3600, 9);
    expect(r.routes[0].hours.actual).toBeCloseTo(1.5, 9); // left 07:00 as planned, last stop left 08:30
    expect(r.total.hours.actual).toBeCloseTo(1.5 + (at(10, 55) - 420) / 60, 9);
    expect(r.routes[0].hours.predicted).toBeGreaterThan(4); // C cannot be reached before the clock (11:00)
  });
});
