// The day's unassigned orders as the Day view lists them ("Unassigned today"), each with why.
import { describe, expect, it } from 'vitest';
import { deriveDayState } from '../../../web/src/domain/day/day-state';
import { predictDay } from '../../../web/src/domain/day/eta';
import type { DayEvent } from '../../../web/src/domain/day/events';
import type { Order } from '../../../web/src/domain/scenario';
import { dayViewScenario } from '../../../web/src/plan/day-view';
import { smallScenario } from '../../fixtures/small-scenario';
import { buildRoute } from '../../helpers/build-route';

let n = 0;
const ev = (e: Record<string, unknown>) => ({ id: `e${++n}`, ...e }) as unknown as DayEvent;
const fresh = (id: string): Order => ({
  id, customerName: 'New', address: '', lat: 45.75, lng: 4.85, serviceType: 'curbside', serviceMinutes: 5,
  amounts: [5, 1], timeWindows: [], priority: 2, notes: '', phone: '', email: '', extra: {},
});

describe('dayViewScenario: why each order of the day is on no route', () => {
  it('names the dispatched plan’s reason, a new order, a re-delivery, an order a repair took off, a shipment stranded on a broken-down van', () => {
    const s = smallScenario();
    s.orders[0] = { ...s.orders[0], pickup: { lat: 45.75, lng: 4.85, address: 'Shop', timeWindows: [], serviceMinutes: 5 } };
    const v1 = buildRoute(s, 'v1', ['B', 'C']);
    // v1 collects A, then B, delivers A; v2 serves D; E is left out by the plan.
    const steps = [v1.steps[0], { ...v1.steps[1], type: 'pickup' as const, id: 'A' }, v1.steps[1], { ...v1.steps[1], type: 'delivery' as const, id: 'A' }, v1.steps[3]];
    const plan = { routes: [{ ...v1, steps }, buildRoute(s, 'v2', ['C', 'D'])], unassigned: [{ orderId: 'E', reason: 'no vehicle has a crew of 3' }] };
    const events = [
      ev({ type: 'done', order: 'A', stop: 'pickup', at: 450 }),
      ev({ type: 'unavailable', vehicle: 'v1', at: 460, lat: 45.75, lng: 4.85, reason: 'breakdown' }),
      ev({ type: 'failed', order: 'C', at: 470, reason: 'not-home' }),
      ev({ type: 'new-order', at: 480, order: fresh('N1') }),
      // A repair gives v2 only D: B (handed over from v1) is left out, the collected A stays off every route.
      ev({ type: 'repair-applied', at: 490, routes: [{ vehicle: 'v1', stops: [{ type: 'pickup', id: 'A' }] }, { vehicle: 'v2', stops: [{ type: 'job', id: 'C' }, { type: 'job', id: 'D' }] }] }),
    ];
    const state = deriveDayState(s, plan, events);
    const view = dayViewScenario(s, state, predictDay(s, state, 495), plan);
    expect(Object.fromEntries(view.plan.solution.unassigned.map((u) => [u.orderId, u.reason]))).toEqual({
      A: "picked up by 'Van 1', which is unavailable: its goods are on board, no other vehicle can deliver it",
      B: 'taken off its route by a repair: not served today',
      E: 'not in the dispatched plan: no vehicle has a crew of 3',
      N1: 'new order of the day, on no route yet',
      'C-R1': "re-delivery of 'C'",
    });
    expect(view.plan.solution.summary.unassigned).toBe(5);
  });
});
