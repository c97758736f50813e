// The repair's starting point, on the hand-computed route of eta.test.ts (hub → A → B → C, legs 1168, 228, 432 s).
import { describe, expect, it } from 'vitest';
import { deriveDayState } from '../../../../web/src/domain/day/day-state';
import { predictDay } from '../../../../web/src/domain/day/eta';
import type { DayEvent } from '../../../../web/src/domain/day/events';
import { repairStarts } from '../../../../web/src/domain/day/repair-start';
import type { Route } from '../../../../web/src/domain/solution';
import { smallScenario } from '../../../fixtures/small-scenario';

const H = (h: number, m = 0, s = 0) => h * 3600 + m * 60 + s;
const at = (h: number, m = 0) => h * 60 + m;
const step = (type: Route['steps'][number]['type'], id: string) => ({ type, id, arrivalS: H(7), waitS: 0, serviceS: 0, departureS: H(7), distanceM: 0, load: [0, 0] });
const plan = { routes: [{ vehicleId: 'v1', steps: [step('start', 'hub'), step('job', 'A'), step('job', 'B'), step('job', 'C'), step('end', 'hub')], distanceM: 0, durationS: 0, drivingS: 0, waitingS: 0, serviceS: 0, cost: 0 }], unassigned: [] };
let n = 0;
const ev = (e: Record<string, unknown>) => ({ id: `e${++n}`, ...e }) as unknown as DayEvent;
function starts(events: DayEvent[], now: number) {
  const s = smallScenario();
  const state = deriveDayState(s, plan, events);
  return { s, v1: repairStarts(s, state, predictDay(s, state, now))[0], all: repairStarts(s, state, predictDay(s, state, now)) };
}
const ids = (stops: { id: string }[]) => stops.map((x) => x.id);

describe('repairStarts', () => {
  it('freezes the stops left and the one being driven to; the vehicle is free after it, with what is still on board', () => {
    const { s, v1 } = starts([ev({ type: 'done', order: 'A', at: at(8, 20) }), ev({ type: 'delay', vehicle: 'v1', at: at(8, 30), minutes: 45 })], at(8, 40));
    expect([ids(v1.frozen), ids(v1.tail)]).toEqual([['A', 'B'], ['C']]);
    // B: left A 08:20, +228 s, held 08:30–09:15 → arrives 09:15, served 10 min.
    expect(v1.from).toEqual({ lat: s.orders[1].lat, lng: s.orders[1].lng, matrixIndex: undefined, timeS: H(9, 25), load: [20, 1] });
    expect(v1.deliveriesOnBoard).toEqual(['C']);
    expect(v1.available).toBe(true);
  });

  it('a return on the route has nothing on board: it is no delivery on board, so another vehicle may take it', () => {
    const s = smallScenario();
    const c = s.orders.find((o) => o.id === 'C')!;
    c.serviceType = 'return';
    const state = deriveDayState(s, plan, [ev({ type: 'done', order: 'A', at: at(8, 20) })]);
    expect(repairStarts(s, state, predictDay(s, state, at(8, 40)))[0].deliveriesOnBoard).toEqual([]);
  });

  it('a vehicle that has not left and is not due yet: nothing frozen, free at its depot from its shift start, nothing loaded', () => {
    const { s, v1 } = starts([], at(6));
    expect([ids(v1.frozen), ids(v1.tail)]).toEqual([[], ['A', 'B', 'C']]);
    expect(v1.from).toEqual({ lat: s.depots[0].lat, lng: s.depots[0].lng, matrixIndex: undefined, timeS: H(7), load: [0, 0] });
    expect(v1.deliveriesOnBoard).toEqual([]);
  });

  it('a vehicle past its departure that has not reported is driving to its first stop, as planned', () => {
    const { v1 } = starts([], at(7, 30));
    expect(ids(v1.frozen)).toEqual(['A']);
    // A: 07:19:28 walked, but not before the clock (07:30); waits for 08:00; 10 min.
    expect(v1.from.timeS).toBe(H(8, 10));
    expect(v1.deliveriesOnBoard).toEqual(['B', 'C']);
  });

  it('a delay reported before departure freezes the stop it holds: the repair starts after it, delay included', () => {
    const { v1 } = starts([ev({ type: 'delay', vehicle: 'v1', at: at(6, 30), minutes: 45 })], at(6, 40));
    expect([ids(v1.frozen), ids(v1.tail)]).toEqual([['A'], ['B', 'C']]);
    // A: leaves 07:00, +1168 s = 07:19:28, held 45 min → 08:04:28 (window open), 10 min.
    expect(v1.from.timeS).toBe(H(8, 14, 28));
  });

  it('an unavailable vehicle keeps what it reached and hands over the rest', () => {
    const { v1 } = starts([ev({ type: 'done', order: 'A', at: at(8, 20) }), ev({ type: 'unavailable', vehicle: 'v1', at: at(8, 30), lat: 45.75, lng: 4.84, reason: 'driver-ill' })], at(8, 40));
    expect([v1.available, ids(v1.frozen), ids(v1.tail)]).toEqual([false, ['A'], ['B', 'C']]);
  });

  it('a stop served out of order: the stops it skipped are in the tail, to be re-sequenced, not frozen behind it', () => {
    const { v1 } = starts([ev({ type: 'departed', vehicle: 'v1', at: at(7) }), ev({ type: 'done', order: 'C', at: at(8, 20) })], at(8, 20));
    expect([ids(v1.frozen), ids(v1.tail)]).toEqual([['C', 'A'], ['B']]);
    expect(v1.deliveriesOnBoard).toEqual(['B']);
  });

  it('a failed pickup freezes nothing up to its delivery: that delivery, closed with it, follows it', () => {
    const s = smallScenario();
    s.orders[0] = { ...s.orders[0], pickup: { lat: 45.75, lng: 4.85, address: 'Shop', timeWindows: [], serviceMinutes: 5 } };
    const route = { ...plan.routes[0], steps: [step('start', 'hub'), step('pickup', 'A'), step('job', 'B'), step('job', 'C'), step('delivery', 'A'), step('end', 'hub')] };
    const state = deriveDayState(s, { routes: [route], unassigned: [] }, [ev({ type: 'departed', vehicle: 'v1', at: at(7) }), ev({ type: 'failed', order: 'A', at: at(7, 30), reason: 'no-access' })]);
    const v1 = repairStarts(s, state, predictDay(s, state, at(7, 30)))[0];
    // Frozen: the pickup, its delivery, and B (the vehicle is driving to it).
    expect([v1.frozen.map((x) => `${x.type}:${x.id}`), ids(v1.tail)]).toEqual([['pickup:A', 'delivery:A', 'job:B'], ['C']]);
  });

  it('leaves failed stops out of the tail and lists unused vehicles free at their depot', () => {
    const { all } = starts([ev({ type: 'done', order: 'A', at: at(8, 20) }), ev({ type: 'arrived', order: 'B', at: at(8, 25) }), ev({ type: 'failed', order: 'C', at: at(8, 26), reason: 'refused' })], at(8, 40));
    expect([ids(all[0].frozen), ids(all[0].tail)]).toEqual([['A', 'B', 'C'], []]);
    expect(all[1]).toMatchObject({ vehicleId: 'v2', available: true, frozen: [], tail: [], deliveriesOnBoard: [] });
    expect(all[1].from.timeS).toBe(H(8, 40));
  });
});
