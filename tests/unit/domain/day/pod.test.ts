// Proof of delivery on the dispatcher's side: the distance of the recorded
// position from the stop's address (great circle, flagged beyond 100 m), which
// event's POD a stop shows (the last one that left it), and the report's stops.
import { describe, expect, it } from 'vitest';
import { deriveDayState } from '../../../../web/src/domain/day/day-state';
import type { DayEvent } from '../../../../web/src/domain/day/events';
import { describePodDistance, POD_FAR_M, podDistanceM, podEntry, podMediaIds, podOfEvent, podReportKeys, stopPlace } from '../../../../web/src/domain/day/pod';
import { EARTH_RADIUS_M } from '../../../../web/src/domain/geo';
import type { Scenario } from '../../../../web/src/domain/scenario';
import type { Solution } from '../../../../web/src/domain/solution';
import { smallScenario } from '../../../fixtures/small-scenario';
import { buildRoute } from '../../../helpers/build-route';

/** Degrees of latitude for `metres` north (exact on the sphere the code uses). */
const northDeg = (metres: number) => (metres / EARTH_RADIUS_M) * (180 / Math.PI);

function day(): { s: Scenario; plan: Pick<Solution, 'routes' | 'unassigned'> } {
  const s = smallScenario();
  return { s, plan: { routes: [buildRoute(s, 'v1', ['A', 'B', 'C']), buildRoute(s, 'v2', ['D', 'E'])], unassigned: [] } };
}

describe('POD distance', () => {
  it('measures the great-circle metres from the address to the recorded position', () => {
    const place = { lat: 45.764, lng: 4.8357 };
    expect(podDistanceM({ lat: place.lat + northDeg(240), lng: place.lng }, place)).toBeCloseTo(240, 6);
    expect(podDistanceM({ lat: place.lat, lng: place.lng }, place)).toBe(0);
    expect(podDistanceM({ recipient: 'No position' }, place)).toBeNull();
    expect(podDistanceM({ lat: place.lat }, place)).toBeNull();
  });

  it('says the distance in 10 m steps, in km from 1 km on', () => {
    expect(describePodDistance(240.4)).toBe('recorded 240 m from the address');
    expect(describePodDistance(236)).toBe('recorded 240 m from the address');
    expect(describePodDistance(4)).toBe('recorded 0 m from the address');
    expect(describePodDistance(1549)).toBe('recorded 1.5 km from the address');
  });

  it('flags a position more than 100 m away, not one at 100 m or nearer', () => {
    const { s, plan } = day();
    const A = s.orders.find((o) => o.id === 'A')!;
    const at = (metres: number, id: string): DayEvent => ({ id, type: 'done', order: 'A', at: 490, pod: { lat: A.lat + northDeg(metres), lng: A.lng } });
    for (const [metres, far] of [[POD_FAR_M - 1, false], [POD_FAR_M + 1, true], [240, true], [0, false]] as const) {
      const events = [at(metres, `e${metres}`)];
      const entry = podEntry(deriveDayState(s, plan, events), events, 'A')!;
      expect(entry.distanceM).toBeCloseTo(metres, 6);
      expect(entry.far).toBe(far);
    }
  });

  it("measures a shipment's pickup stop from its pickup place", () => {
    const { s } = day();
    const order = { ...s.orders[0], pickup: { lat: 45.7, lng: 4.8, address: 'Store', timeWindows: [], serviceMinutes: 5 } };
    expect(stopPlace(order, 'pickup')).toBe(order.pickup);
    expect(stopPlace(order, 'delivery')).toBe(order);
  });
});

describe('POD entries', () => {
  const done = (id: string, order: string, at: number, pod?: object): DayEvent => ({ id, type: 'done', order, at, ...(pod ? { pod } : {}) }) as DayEvent;

  it('a stop shows the POD of the last event that left it; a corrected one is still reachable from its event', () => {
    const { s, plan } = day();
    const events: DayEvent[] = [
      { id: 'f1', type: 'failed', order: 'A', at: 480, reason: 'not-home', pod: { note: 'nobody', photos: ['p1'] } },
      done('d1', 'A', 495, { recipient: 'Zoé', signature: 's1', photos: ['p2', 'p3'] }),
    ];
    const state = deriveDayState(s, plan, events);
    const entry = podEntry(state, events, 'A')!;
    expect(entry.event.id).toBe('d1');
    expect(entry.pod.recipient).toBe('Zoé');
    expect(entry.redeliveryId).toBeNull();
    expect(podMediaIds(entry.pod)).toEqual(['s1', 'p2', 'p3']);
    const earlier = podOfEvent(state, events, 'f1')!;
    expect(earlier.event.type).toBe('failed');
    expect(earlier.stop.key).toBe('A');
    expect(podOfEvent(state, events, 'nope')).toBeNull();
  });

  it('a growing log finds each event in the log asked about: a later log its new events, an earlier one only its own', () => {
    const { s, plan } = day();
    const first: DayEvent[] = [done('d1', 'A', 480, { recipient: 'Ana' })];
    const second = [...first, done('d2', 'B', 490, { recipient: 'Bea' })];
    const third = [...second, done('d3', 'C', 500, { recipient: 'Cris' })];
    const other: DayEvent[] = [done('d3', 'D', 470, { recipient: 'Dora' })];
    const found = (events: DayEvent[], id: string) => podOfEvent(deriveDayState(s, plan, events), events, id)?.pod.recipient ?? null;
    expect(found(first, 'd1')).toBe('Ana');
    expect(found(third, 'd3')).toBe('Cris');
    expect(found(second, 'd2')).toBe('Bea');
    // An earlier log than the one indexed last: not the events appended after it.
    expect(found(second, 'd3')).toBeNull();
    expect(found(first, 'd2')).toBeNull();
    // Another log (no extension of the last): its own events, under the same ids.
    expect(found(other, 'd3')).toBe('Dora');
    expect(found(other, 'd1')).toBeNull();
    expect(found(third, 'd3')).toBe('Cris');
    expect(found([...third, done('d4', 'E', 510, { recipient: 'Eva' })], 'd4')).toBe('Eva');
  });

  it('a failed stop names the re-delivery order it created; an open stop has no POD', () => {
    const { s, plan } = day();
    const events: DayEvent[] = [{ id: 'f1', type: 'failed', order: 'B', at: 500, reason: 'refused' }];
    const state = deriveDayState(s, plan, events);
    expect(podEntry(state, events, 'B')).toMatchObject({ redeliveryId: 'B-R1', distanceM: null, far: false, pod: {} });
    expect(podEntry(state, events, 'C')).toBeNull();
  });

  it('a report lists a route in driving order, or the stops of one order', () => {
    const { s, plan } = day();
    const state = deriveDayState(s, plan, []);
    expect(podReportKeys(state, { vehicleId: 'v2' })).toEqual(['D', 'E']);
    expect(podReportKeys(state, { orderId: 'C' })).toEqual(['C']);
    expect(podReportKeys(state, { vehicleId: 'nobody' })).toEqual([]);
  });
});
