import { describe, expect, it } from 'vitest';
import { deriveDayState } from '../../../../web/src/domain/day/day-state';
import type { DayEvent } from '../../../../web/src/domain/day/events';
import type { Order, Scenario } from '../../../../web/src/domain/scenario';
import { resolveOrder } from '../../../../web/src/domain/service-types';
import type { Solution } from '../../../../web/src/domain/solution';
import { smallScenario } from '../../../fixtures/small-scenario';
import { buildRoute } from '../../../helpers/build-route';

function day(): { s: Scenario; plan: Pick<Solution, 'routes' | 'unassigned'> } {
  const s = smallScenario();
  return { s, plan: { routes: [buildRoute(s, 'v1', ['A', 'B', 'C']), buildRoute(s, 'v2', ['D', 'E'])], unassigned: [] } };
}
let n = 0;
const ev = <T extends Omit<DayEvent, 'id'>>(e: T) => ({ ...e, id: `e${++n}` }) as unknown as DayEvent;
const order = (id: string): Order => ({
  id, customerName: 'New', address: '2 Rue Neuve', lat: 45.75, lng: 4.85, serviceType: 'curbside', serviceMinutes: 5,
  amounts: [5, 1], timeWindows: [], priority: 2, notes: '', phone: '', email: '', extra: {},
});
const ids = (stops: { id: string }[]) => stops.map((x) => x.id);

describe('deriveDayState', () => {
  it('starts from the dispatched plan: every stop planned, loads still at the depot', () => {
    const { s, plan } = day();
    const state = deriveDayState(s, plan, []);
    expect(state.routes.map((r) => [r.vehicleId, ids(r.stops)])).toEqual([['v1', ['A', 'B', 'C']], ['v2', ['D', 'E']]]);
    expect(Object.values(state.stops).every((x) => x.status === 'planned')).toBe(true);
    expect(state.vehicles.v1).toMatchObject({ started: false, currentStopIndex: 0, onBoard: [90, 4] });
    expect(state.routes[0].plannedDepartS).toBe(plan.routes[0].steps[0].departureS);
    expect(state.unassigned).toEqual([]);
  });

  it('records actual times and statuses, the current stop and what is still on board', () => {
    const { s, plan } = day();
    const state = deriveDayState(s, plan, [
      ev({ type: 'departed', vehicle: 'v1', at: 425 }), ev({ type: 'arrived', order: 'A', at: 480 }), ev({ type: 'done', order: 'A', at: 490 }),
    ]);
    expect(state.stops.A).toMatchObject({ status: 'done', arrivedAt: 480, leftAt: 490, vehicleId: 'v1' });
    expect(state.stops.B.status).toBe('en-route');
    expect(state.stops.C.status).toBe('planned');
    expect(state.stops.D.status).toBe('planned'); // v2 has not reported: not en route
    expect(state.vehicles.v1).toMatchObject({ departedAt: 425, started: true, currentStopIndex: 1, onBoard: [60, 3] });
  });

  it('creates a re-delivery for a failed attempt; its goods stay on board; a later done withdraws it', () => {
    const { s, plan } = day();
    s.orders[1] = { ...s.orders[1], serviceType: 'white-glove', priority: 4, serviceMinutes: 30 };
    const failed = [ev({ type: 'failed', order: 'B', at: 520, reason: 'not-home' })];
    const state = deriveDayState(s, plan, failed);
    expect(state.stops.B).toMatchObject({ status: 'failed', leftAt: 520, failReason: 'not-home' });
    expect(state.redeliveries).toEqual([{ orderId: 'B-R1', failedOrderId: 'B', failedAt: 520, forToday: true, withdrawn: false }]);
    const r = state.orders.find((o) => o.id === 'B-R1')!;
    expect(r).toMatchObject({ serviceType: 're-delivery', failedOrderId: 'B', serviceMinutes: 30, crewSize: 2, skills: ['white-glove'], timeWindows: s.orders[1].timeWindows });
    expect(resolveOrder(s.settings, r).priority).toBe(4 + 3); // raised by the catalogue's re-delivery boost
    expect(state.unassigned).toEqual(['B-R1']);
    expect(state.vehicles.v1.onBoard).toEqual([90, 4]); // nothing delivered yet: A planned, B failed, C planned
    const corrected = deriveDayState(s, plan, [...failed, ev({ type: 'done', order: 'B', at: 521 })]);
    expect(corrected.stops.B).toMatchObject({ status: 'done', failReason: null });
    expect(corrected.redeliveries[0].withdrawn).toBe(true);
    expect(corrected.stops['B-R1'].status).toBe('cancelled');
    expect(corrected.unassigned).toEqual([]);
    expect(corrected.vehicles.v1.onBoard).toEqual([50, 2]);
  });

  it('a second failure of the same order does not create a second re-delivery; a failed re-delivery gets the next id', () => {
    const { s, plan } = day();
    const state = deriveDayState(s, plan, [
      ev({ type: 'failed', order: 'B', at: 520, reason: 'not-home' }), ev({ type: 'failed', order: 'B', at: 521, reason: 'refused' }),
      ev({ type: 'repair-applied', at: 530, routes: [{ vehicle: 'v1', stops: [{ type: 'job', id: 'A' }, { type: 'job', id: 'B' }, { type: 'job', id: 'B-R1' }, { type: 'job', id: 'C' }] }] }),
      ev({ type: 'failed', order: 'B-R1', at: 600, reason: 'no-access' }),
    ]);
    expect(state.redeliveries.map((r) => [r.orderId, r.failedOrderId])).toEqual([['B-R1', 'B'], ['B-R2', 'B-R1']]);
    expect(state.stops.B.failReason).toBe('refused');
  });

  it('anchors delays and positions to the stop the vehicle is driving to or at', () => {
    const { s, plan } = day();
    const state = deriveDayState(s, plan, [
      ev({ type: 'delay', vehicle: 'v2', at: 500, minutes: 20 }),
      ev({ type: 'arrived', order: 'D', at: 610 }), ev({ type: 'delay', vehicle: 'v2', at: 615, minutes: 10 }),
      ev({ type: 'done', order: 'D', at: 640 }), ev({ type: 'position', vehicle: 'v2', at: 650, lat: 45.74, lng: 4.85 }),
    ]);
    expect(state.vehicles.v2.delays).toEqual([
      { at: 500, stopKey: 'D', atStop: false, minutes: 20 },
      { at: 615, stopKey: 'D', atStop: true, minutes: 10 },
    ]);
    expect(state.vehicles.v2.delayMinutes).toBe(30);
    expect(state.vehicles.v2.position).toEqual({ at: 650, stopKey: 'E', atStop: false, lat: 45.74, lng: 4.85 });
  });

  it('new orders start unassigned; cancelled orders leave their route; a later event reinstates a cancelled stop', () => {
    const { s, plan } = day();
    const base = [ev({ type: 'new-order', at: 600, order: order('N1') }), ev({ type: 'order-cancelled', order: 'C', at: 610 })];
    const state = deriveDayState(s, plan, base);
    expect(state.unassigned).toEqual(['N1']);
    expect(ids(state.routes[0].stops)).toEqual(['A', 'B']);
    expect(state.stops.C.status).toBe('cancelled');
    const back = deriveDayState(s, plan, [...base, ev({ type: 'done', order: 'C', at: 620 })]);
    // Back on the route; done before A and B were reached, so driven first.
    expect(ids(back.routes[0].stops)).toEqual(['C', 'A', 'B']);
  });

  it('a cancelled delivery loaded before the cancellation stays on board', () => {
    const { s, plan } = day();
    const state = deriveDayState(s, plan, [ev({ type: 'departed', vehicle: 'v1', at: 425 }), ev({ type: 'order-cancelled', order: 'C', at: 430 })]);
    expect(state.vehicles.v1.onBoard).toEqual([90, 4]);
    const before = deriveDayState(s, plan, [ev({ type: 'order-cancelled', order: 'C', at: 400 })]);
    expect(before.vehicles.v1.onBoard).toEqual([70, 3]);
  });

  it('counts goods collected at a done haul-away as on board', () => {
    const { s, plan } = day();
    s.orders[4] = { ...s.orders[4], serviceType: 'haul-away', pickupAmounts: [35, 1] };
    const state = deriveDayState(s, plan, [ev({ type: 'done', order: 'D', at: 620 }), ev({ type: 'done', order: 'E', at: 700 })]);
    expect(state.vehicles.v2.onBoard).toEqual([35, 1]);
    expect(state.vehicles.v2.currentStopIndex).toBe(2);
  });

  it('applies an accepted repair: moved orders leave their old route, kept re-deliveries are flagged', () => {
    const { s, plan } = day();
    const state = deriveDayState(s, plan, [
      ev({ type: 'done', order: 'A', at: 490 }),
      ev({ type: 'failed', order: 'B', at: 520, reason: 'not-home' }),
      ev({ type: 'new-order', at: 600, order: order('N1') }),
      ev({ type: 'repair-applied', at: 610, keepForLater: ['B-R1'], routes: [{ vehicle: 'v2', stops: [{ type: 'job', id: 'D' }, { type: 'job', id: 'C' }, { type: 'job', id: 'N1' }, { type: 'job', id: 'E' }] }] }),
    ]);
    expect(state.routes.map((r) => [r.vehicleId, ids(r.stops)])).toEqual([['v1', ['A', 'B']], ['v2', ['D', 'C', 'N1', 'E']]]);
    expect(state.stops.C.vehicleId).toBe('v2');
    expect(state.unassigned).toEqual(['B-R1']);
    expect(state.redeliveries[0].forToday).toBe(false);
    expect(state.issues).toEqual([]);
  });

  it('reports events it cannot apply instead of throwing', () => {
    const { s, plan } = day();
    const state = deriveDayState(s, plan, [
      ev({ type: 'done', order: 'ZZ', at: 500 }), ev({ type: 'delay', vehicle: 'v9', at: 500, minutes: 5 }),
      ev({ type: 'new-order', at: 600, order: order('N1') }), ev({ type: 'done', order: 'N1', at: 610 }),
    ]);
    expect(state.issues.map((i) => i.message)).toEqual(["unknown order 'ZZ'", "unknown vehicle 'v9'", "order 'N1' is done but is on no route"]);
    expect(state.stops.N1.status).toBe('done');
  });

  it('is pure and deterministic: the same inputs give the same state, inputs untouched', () => {
    const { s, plan } = day();
    const log = [ev({ type: 'done', order: 'A', at: 490 }), ev({ type: 'failed', order: 'D', at: 620, reason: 'refused' }), ev({ type: 'delay', vehicle: 'v1', at: 500, minutes: 15 })];
    const before = JSON.stringify({ s, plan, log });
    const a = deriveDayState(s, plan, log);
    const b = deriveDayState(s, plan, log);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify({ s, plan, log })).toBe(before);
  });
});

describe('deriveDayState: stops served out of the planned order', () => {
  it('the route is the order driven: the stops reached first, by their times, then the others as planned', () => {
    const { s, plan } = day();
    // C served before A and B; then A, reported late (its time before C's); B still ahead.
    const state = deriveDayState(s, plan, [ev({ type: 'done', order: 'C', at: 500 }), ev({ type: 'done', order: 'A', at: 470 })]);
    expect(ids(state.routes[0].stops)).toEqual(['A', 'C', 'B']);
    expect(state.vehicles.v1.currentStopIndex).toBe(2);
    expect(state.stops.B.status).toBe('en-route');
    // A stop counts from its arrival when one was reported: E arrived at 470 (done 530), D done at 510.
    const v2 = deriveDayState(s, plan, [ev({ type: 'arrived', order: 'E', at: 470 }), ev({ type: 'done', order: 'E', at: 530 }), ev({ type: 'done', order: 'D', at: 510 })]);
    expect(ids(v2.routes[1].stops)).toEqual(['E', 'D']);
  });

  it('breaks keep their places; the planned order decides a tie', () => {
    const s = smallScenario();
    const route = buildRoute(s, 'v1', ['A', 'B', 'C']);
    const brk = { ...route.steps[2], type: 'break' as const, id: 'lunch' };
    const plan = { routes: [{ ...route, steps: [route.steps[0], route.steps[1], brk, ...route.steps.slice(2)] }], unassigned: [] };
    const state = deriveDayState(s, plan, [ev({ type: 'done', order: 'C', at: 600 }), ev({ type: 'done', order: 'B', at: 600 })]);
    expect(state.routes[0].stops.map((x) => x.id)).toEqual(['B', 'lunch', 'C', 'A']);
  });

  it('a break before a stop reached too early to have taken it first moves after the stops reached', () => {
    const s = smallScenario();
    s.vehicles[0].breaks = [{ id: 'lunch', timeWindows: [{ start: 720, end: 780 }], minutes: 30 }];
    const route = buildRoute(s, 'v1', ['A', 'B', 'C']);
    const brk = { ...route.steps[2], type: 'break' as const, id: 'lunch' };
    const plan = { routes: [{ ...route, steps: [route.steps[0], route.steps[1], brk, ...route.steps.slice(2)] }], unassigned: [] };
    // B at 11:00: the lunch (12:00 at the earliest, 30 min) was not taken between A and B.
    const early = deriveDayState(s, plan, [ev({ type: 'done', order: 'A', at: 600 }), ev({ type: 'done', order: 'B', at: 660 })]);
    expect(early.routes[0].stops.map((x) => x.id)).toEqual(['A', 'B', 'lunch', 'C']);
    // B at 12:40: it could have been.
    const after = deriveDayState(s, plan, [ev({ type: 'done', order: 'A', at: 600 }), ev({ type: 'done', order: 'B', at: 760 })]);
    expect(after.routes[0].stops.map((x) => x.id)).toEqual(['A', 'lunch', 'B', 'C']);
  });
});

describe('deriveDayState: repairs that name what does not exist', () => {
  it('leaves unknown stops out of the accepted route and says so', () => {
    const { s, plan } = day();
    const state = deriveDayState(s, plan, [ev({ type: 'repair-applied', at: 600, routes: [{ vehicle: 'v1', stops: [{ type: 'job', id: 'A' }, { type: 'job', id: 'Q' }] }, { vehicle: 'v7', stops: [] }] })]);
    expect(ids(state.routes[0].stops)).toEqual(['A']);
    expect(state.unassigned).toEqual(['B', 'C']);
    expect(state.issues.map((i) => i.message)).toEqual(["unknown stop 'Q': left out of the route of 'v1'", "unknown vehicle 'v7': its route is not applied"]);
  });
});

describe('deriveDayState: shipments', () => {
  function shipmentDay() {
    const s = smallScenario();
    s.orders[0] = { ...s.orders[0], pickup: { lat: 45.75, lng: 4.85, address: 'Shop', timeWindows: [], serviceMinutes: 5 } };
    const step = (type: 'start' | 'end' | 'job' | 'pickup' | 'delivery', id: string) => ({ type, id, arrivalS: 25200, waitS: 0, serviceS: 0, departureS: 25200, distanceM: 0, load: [0, 0] });
    const route = { vehicleId: 'v1', steps: [step('start', 'hub'), step('pickup', 'A'), step('job', 'B'), step('delivery', 'A'), step('end', 'hub')], distanceM: 0, durationS: 0, drivingS: 0, waitingS: 0, serviceS: 0, cost: 0 };
    return { s, plan: { routes: [route], unassigned: [] } };
  }

  it('an order event without a side means the first stop not yet left; a failed pickup fails the delivery too', () => {
    const { s, plan } = shipmentDay();
    const state = deriveDayState(s, plan, [ev({ type: 'failed', order: 'A', at: 450, reason: 'no-access' })]);
    expect(state.stops['A/pickup']).toMatchObject({ status: 'failed', failReason: 'no-access' });
    expect(state.stops['A/delivery']).toMatchObject({ status: 'failed', failReason: 'no-access' });
    expect(state.orders.find((o) => o.id === 'A-R1')?.pickup?.address).toBe('Shop'); // tried again whole
    // Closed with its pickup, the delivery follows it: B is next.
    expect(state.routes[0].stops.map((x) => `${x.type}:${x.id}`)).toEqual(['pickup:A', 'delivery:A', 'job:B']);
    expect(state.vehicles.v1.currentStopIndex).toBe(2);
    const corrected = deriveDayState(s, plan, [ev({ type: 'failed', order: 'A', at: 450, reason: 'no-access' }), ev({ type: 'done', order: 'A', stop: 'pickup', at: 455 })]);
    expect([corrected.stops['A/pickup'].status, corrected.stops['A/delivery'].status, corrected.stops['A-R1/pickup'].status]).toEqual(['done', 'planned', 'cancelled']);
  });

  it('a delivery reached before its pickup was reported: the pickup is taken as done then, and said so', () => {
    const { s, plan } = shipmentDay();
    const early = deriveDayState(s, plan, [ev({ type: 'done', order: 'A', stop: 'delivery', at: 450 })]);
    expect(early.stops['A/pickup']).toMatchObject({ status: 'done', leftAt: 450 });
    expect(early.routes[0].stops.map((x) => `${x.type}:${x.id}`)).toEqual(['pickup:A', 'delivery:A', 'job:B']);
    expect(early.issues.map((i) => i.message)).toEqual(["the pickup of 'A' was not reported before its delivery: taken as done at 07:30"]);
    // Both reported, the delivery's time before the pickup's: it sorts after its pickup, ahead of B.
    const both = deriveDayState(s, plan, [ev({ type: 'done', order: 'A', stop: 'pickup', at: 460 }), ev({ type: 'done', order: 'A', stop: 'delivery', at: 450 })]);
    expect(both.routes[0].stops.map((x) => `${x.type}:${x.id}`)).toEqual(['pickup:A', 'delivery:A', 'job:B']);
    expect(both.issues).toEqual([]);
  });

  it('unassigned: an order with a stop still to make on no route; not one reported done off any route', () => {
    const { s, plan } = shipmentDay();
    const repaired = ev({ type: 'repair-applied', at: 460, routes: [{ vehicle: 'v1', stops: [{ type: 'pickup', id: 'A' }, { type: 'job', id: 'B' }] }] });
    const state = deriveDayState(s, plan, [ev({ type: 'done', order: 'A', at: 450 }), repaired]);
    expect(state.stops['A/delivery'].vehicleId).toBeNull();
    expect(state.unassigned).toContain('A');
    const offRoute = deriveDayState(s, { routes: [], unassigned: [] }, [ev({ type: 'done', order: 'B', at: 450 })]);
    expect(offRoute.issues.map((i) => i.message)).toEqual(["order 'B' is done but is on no route"]);
    expect(offRoute.unassigned).not.toContain('B');
    expect(offRoute.unassigned).toContain('C');
  });

  it('a shipment picked up and not yet delivered is on board; one failed at its delivery is re-delivered from the depot', () => {
    const { s, plan } = shipmentDay();
    const state = deriveDayState(s, plan, [ev({ type: 'done', order: 'A', at: 450 }), ev({ type: 'done', order: 'B', at: 480 })]);
    expect(state.stops['A/pickup'].status).toBe('done');
    expect(state.stops['A/delivery'].status).toBe('en-route');
    expect(state.vehicles.v1.onBoard).toEqual([30, 1]);
    const failed = deriveDayState(s, plan, [ev({ type: 'done', order: 'A', at: 450 }), ev({ type: 'failed', order: 'A', at: 500, reason: 'refused' })]);
    expect(failed.stops['A/delivery'].status).toBe('failed');
    expect(failed.orders.find((o) => o.id === 'A-R1')?.pickup).toBeUndefined();
  });
});
