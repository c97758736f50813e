// ETA prediction against a hand-computed route. Van 1 of the small scenario
// (30 km/h, speed factor 1, circuity 1.3) drives hub → A → B → C → hub; every
// leg below is round(great-circle × 1.3) metres at 30 km/h, rounded to seconds
// (the embedded travel model of geo.ts / travel.ts), and every expected time is
// written out from those legs.
import { describe, expect, it } from 'vitest';
import { deriveDayState } from '../../../../web/src/domain/day/day-state';
import { predictDay, type PredictedRoute } from '../../../../web/src/domain/day/eta';
import type { DayEvent } from '../../../../web/src/domain/day/events';
import { roadDistanceM, travelTimeS, vehicleSpeedMps } from '../../../../web/src/domain/geo';
import type { Order, Scenario } from '../../../../web/src/domain/scenario';
import type { Route, Solution, StepType } from '../../../../web/src/domain/solution';
import { smallScenario } from '../../../fixtures/small-scenario';

const H = (h: number, m = 0, s = 0) => h * 3600 + m * 60 + s;
const X = { lat: 45.75, lng: 4.84 };

function scenario(): Scenario {
  const s = smallScenario();
  s.orders[1].timeWindows = [{ start: 480, end: 540 }]; // B: 08:00–09:00
  s.orders[2].timeWindows = [{ start: 540, end: 585 }]; // C: 09:00–09:45
  return s;
}
function legS(s: Scenario, a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  return travelTimeS(roadDistanceM(a.lng, a.lat, b.lng, b.lat, s.settings.circuityFactor), vehicleSpeedMps(s.settings.speedKmh, 'van', 1));
}
/** A dispatched route: only step types, ids and the start's departure matter to the day. */
function planned(vehicleId: string, stops: [StepType, string][], departS: number): Route {
  const step = (type: StepType, id: string) => ({ type, id, arrivalS: departS, waitS: 0, serviceS: 0, departureS: departS, distanceM: 0, load: [0, 0] });
  return { vehicleId, steps: [step('start', 'hub'), ...stops.map(([t, id]) => step(t, id)), step('end', 'hub')], distanceM: 0, durationS: 0, drivingS: 0, waitingS: 0, serviceS: 0, cost: 0 };
}
const ABC: [StepType, string][] = [['job', 'A'], ['job', 'B'], ['job', 'C']];
const plan = (stops = ABC): Pick<Solution, 'routes' | 'unassigned'> => ({ routes: [planned('v1', stops, H(7))], unassigned: [] });
let n = 0;
const ev = (e: Record<string, unknown>) => ({ id: `e${++n}`, ...e }) as unknown as DayEvent;
const at = (h: number, m = 0) => h * 60 + m;
function predict(s: Scenario, events: DayEvent[], now: number, stops = ABC): PredictedRoute {
  return predictDay(s, deriveDayState(s, plan(stops), events), now).routes[0];
}
const times = (r: PredictedRoute) => Object.fromEntries(r.stops.map((x) => [x.orderId, [x.arrivalS, x.startS, x.endS]]));

describe('predictDay against a hand-computed route', () => {
  const s = scenario();
  const [hub, A, B, C] = [s.depots[0], s.orders[0], s.orders[1], s.orders[2]];
  const legs = { hubA: legS(s, hub, A), AB: legS(s, A, B), BC: legS(s, B, C), Chub: legS(s, C, hub), AX: legS(s, A, X), XB: legS(s, X, B), Bhub: legS(s, B, hub) };

  it('uses the legs of the travel model', () => {
    expect(legs).toMatchObject({ hubA: 1168, AB: 228, BC: 432, Chub: 998, XB: 477 });
  });

  it('done with an actual time, then a 45-min delay on the way to B, at 08:40', () => {
    const r = predict(s, [ev({ type: 'departed', vehicle: 'v1', at: at(7) }), ev({ type: 'done', order: 'A', at: at(8, 20) }), ev({ type: 'delay', vehicle: 'v1', at: at(8, 30), minutes: 45 })], at(8, 40));
    // A: arrived 07:00 + 1168 s = 07:19:28 (walked, before its done time), waited for 08:00, left 08:20 (actual).
    const aArr = H(7) + 1168;
    // B: leaves A 08:20, would arrive 08:23:48; the delay holds it from 08:30 for 45 min → 09:15:00 (after the clock, 08:40).
    const bArr = Math.max(H(8, 20) + 228, H(8, 30)) + 45 * 60;
    expect(bArr).toBe(H(9, 15));
    // C: 09:15 + 10 min service + 432 s = 09:32:12, inside its window (opens 09:00).
    const cArr = bArr + 600 + 432;
    expect(times(r)).toEqual({ A: [aArr, H(8), H(8, 20)], B: [bArr, bArr, bArr + 600], C: [cArr, cArr, cArr + 600] });
    expect(r.endS).toBe(cArr + 600 + 998);
    expect(r.departS).toBe(H(7));
    expect(r.stops.map((x) => x.source)).toEqual(['actual', 'predicted', 'predicted']);
    // B starts 09:15, 15 min after its window closed at 09:00: at risk, and the walk reports the broken window.
    expect(r.stops[1].lateS).toBe(15 * 60);
    expect(r.stops[1].risk).toBe('predicted start 09:15 is 15 min after its window 08:00–09:00 closes');
    expect(r.violations.filter((v) => v.rule === 'time-window').map((v) => v.orderId)).toEqual(['B']);
    // C arrives 09:32:12: on time, but 15 min later (09:47:12) would miss 09:45: at risk within the margin.
    expect(r.stops[2].lateS).toBe(0);
    expect(r.stops[2].risk).toBe('predicted arrival 09:32 is within 15 min of the end of its window 09:00–09:45');
  });

  it('a stop not yet done does not start before the clock; an unreported vehicle moves as planned', () => {
    const r = predict(s, [], at(10));
    expect(times(r).A).toEqual([H(10), H(10), H(10, 10)]);
    expect(times(r).B[0]).toBe(H(10, 10) + 228);
    const early = predict(s, [], at(6));
    expect(times(early).A).toEqual([H(7) + 1168, H(8), H(8, 10)]);
    expect(times(early).B).toEqual([H(8, 10) + 228, H(8, 10) + 228, H(8, 20) + 228]);
  });

  it('departed: the route leaves at the reported time', () => {
    const r = predict(s, [ev({ type: 'departed', vehicle: 'v1', at: at(7, 30) })], at(7, 30));
    expect(r.departS).toBe(H(7, 30));
    expect(times(r).A[0]).toBe(H(7, 30) + 1168);
  });

  it('arrived: service starts at the actual arrival and ends no earlier than the clock', () => {
    const r = predict(s, [ev({ type: 'done', order: 'A', at: at(8, 20) }), ev({ type: 'arrived', order: 'B', at: at(8, 50) })], at(9, 5));
    expect(times(r).B).toEqual([H(8, 50), H(8, 50), H(9, 5)]); // 08:50 + 10 min = 09:00 has passed: still there at 09:05
    expect(r.stops[1].source).toBe('in-progress');
    expect(r.stops[1].risk).toBeNull();
    expect(times(r).C[0]).toBe(H(9, 5) + 432);
  });

  it('failed: the vehicle leaves at the reported time and keeps the goods on board', () => {
    const r = predict(s, [ev({ type: 'done', order: 'A', at: at(8, 20) }), ev({ type: 'failed', order: 'B', at: at(8, 30), reason: 'not-home' })], at(8, 30));
    expect(times(r).B[2]).toBe(H(8, 30));
    expect(times(r).C[0]).toBe(H(8, 30) + 432);
    const [, , afterB, afterC] = r.steps.map((x) => x.load[0]);
    expect(afterB).toBe(40 + 20); // B's 40 kg stay on board with C's 20
    expect(afterC).toBe(40);
  });

  it('delay while at a stop: service ends that much later', () => {
    const r = predict(s, [ev({ type: 'done', order: 'A', at: at(8, 20) }), ev({ type: 'arrived', order: 'B', at: at(8, 50) }), ev({ type: 'delay', vehicle: 'v1', at: at(8, 55), minutes: 10 })], at(8, 55));
    expect(times(r).B[2]).toBe(Math.max(H(8, 50) + 600, H(8, 55)) + 600);
  });

  it('service-overran: the planned service plus the overrun', () => {
    const r = predict(s, [ev({ type: 'done', order: 'A', at: at(8, 20) }), ev({ type: 'arrived', order: 'B', at: at(8, 50) }), ev({ type: 'service-overran', order: 'B', at: at(8, 55), minutes: 20 })], at(8, 55));
    expect(times(r).B[2]).toBe(H(8, 50) + 600 + 1200);
  });

  it('position: the leg to the next stop is driven from where the vehicle was seen, when it was seen', () => {
    const r = predict(s, [ev({ type: 'done', order: 'A', at: at(8, 20) }), ev({ type: 'position', vehicle: 'v1', at: at(8, 30), lat: X.lat, lng: X.lng })], at(8, 30));
    expect(times(r).B[0]).toBe(H(8, 30) + legs.XB);
    const viaX = roadDistanceM(A.lng, A.lat, X.lng, X.lat, 1.3) + roadDistanceM(X.lng, X.lat, B.lng, B.lat, 1.3);
    expect(r.steps[2].distanceM - r.steps[1].distanceM).toBe(viaX);
  });

  it('unavailable: the stops not reached are stranded and at risk, with the reason', () => {
    const r = predict(s, [ev({ type: 'done', order: 'A', at: at(8, 20) }), ev({ type: 'unavailable', vehicle: 'v1', at: at(8, 30), lat: X.lat, lng: X.lng, reason: 'breakdown' })], at(8, 30));
    expect(r.unavailable).toBe(true);
    expect(r.risk).toBe("'Van 1' is unavailable since 08:30 (breakdown)");
    expect(r.stops.map((x) => [x.orderId, x.source, x.arrivalS])).toEqual([['A', 'actual', H(7) + 1168], ['B', 'stranded', null], ['C', 'stranded', null]]);
    const day = predictDay(s, deriveDayState(s, plan(), [ev({ type: 'unavailable', vehicle: 'v1', at: at(8, 30), lat: X.lat, lng: X.lng, reason: 'breakdown' })]), at(8, 30));
    expect(day.atRisk.map((x) => x.orderId)).toEqual([null, 'A', 'B', 'C']);
  });

  it('order-cancelled: the route drives past it', () => {
    const r = predict(s, [ev({ type: 'done', order: 'A', at: at(8, 20) }), ev({ type: 'order-cancelled', order: 'C', at: at(8, 25) })], at(8, 25));
    expect(r.stops.map((x) => x.orderId)).toEqual(['A', 'B']);
    // B would be reached at 08:23:48, but it is 08:25 and B has not been reached: 08:25 + 10 min, then back.
    expect(r.endS).toBe(H(8, 25) + 600 + legs.Bhub);
  });

  it('new-order is unassigned until a repair places it; repair-applied re-sequences the rest', () => {
    const urgent: Order = { ...s.orders[3], id: 'N1', lat: X.lat, lng: X.lng, timeWindows: [], serviceMinutes: 5 };
    const events = [ev({ type: 'done', order: 'A', at: at(8, 20) }), ev({ type: 'new-order', order: urgent, at: at(8, 20) })];
    const state = deriveDayState(s, plan(), events);
    expect(state.unassigned).toEqual(['D', 'E', 'N1']); // D and E are on no route of this one-vehicle plan
    expect(predictDay(s, state, at(8, 20)).routes[0].stops.map((x) => x.orderId)).toEqual(['A', 'B', 'C']);
    const repaired = [...events, ev({ type: 'repair-applied', at: at(8, 21), routes: [{ vehicle: 'v1', stops: [{ type: 'job', id: 'A' }, { type: 'job', id: 'N1' }, { type: 'job', id: 'B' }, { type: 'job', id: 'C' }] }] })];
    const r = predict(s, repaired, at(8, 21));
    const nArr = H(8, 20) + legs.AX; // left A at 08:20; 08:24:08 is after the clock (08:21)
    expect(times(r).N1).toEqual([nArr, nArr, nArr + 300]);
    expect(times(r).B[0]).toBe(nArr + 300 + legs.XB);
  });

  it('breaks are predicted where the route takes them; a route near its shift end is at risk', () => {
    const t = scenario();
    t.vehicles[0].breaks = [{ id: 'lunch', timeWindows: [{ start: 600, end: 660 }], minutes: 30 }];
    t.vehicles[0].shift.end = 600 + 50; // 10:50
    const stops: [StepType, string][] = [['job', 'A'], ['job', 'B'], ['break', 'lunch'], ['job', 'C']];
    const r = predict(t, [ev({ type: 'done', order: 'A', at: at(8, 20) })], at(8, 20), stops);
    // B: 08:23:48 → 08:33:48; lunch waits for 10:00, lasts 30 min; C at 10:30 + 432 s = 10:37:12,
    // leaves 10:47:12, back + 998 s = 11:03:50: 13 min 50 s after the shift end.
    expect(r.breaks).toEqual([{ id: 'lunch', startS: H(10), endS: H(10, 30) }]);
    expect(times(r).C[0]).toBe(H(10, 30) + 432);
    expect(r.endS).toBe(H(10, 30) + 432 + 600 + 998);
    expect(r.risk).toBe("'Van 1' is predicted back at 11:03, 14 min after its shift ends at 10:50");
    expect(r.overtimeS).toBe(H(10, 30) + 432 + 600 + 998 - H(10, 50));
  });
});

describe('predictDay: a stop served out of the planned order', () => {
  it('the skipped stop is predicted after it, from where and when the vehicle left it', () => {
    const s = scenario();
    s.orders[1].timeWindows = [];
    // B served first (left 08:00), A skipped: A is next, then C.
    const r = predict(s, [ev({ type: 'departed', vehicle: 'v1', at: at(7, 30) }), ev({ type: 'done', order: 'B', at: at(8) })], at(8));
    expect(r.stops.map((x) => [x.orderId, x.source])).toEqual([['B', 'actual'], ['A', 'predicted'], ['C', 'predicted']]);
    const aArr = H(8) + legS(s, s.orders[1], s.orders[0]);
    const cArr = Math.max(aArr + 600 + legS(s, s.orders[0], s.orders[2]), H(9));
    expect(times(r)).toMatchObject({ A: [aArr, aArr, aArr + 600], C: [expect.any(Number), cArr, cArr + 600] });
    expect(r.endS).toBe(cArr + 600 + legS(s, s.orders[2], s.depots[0]));
  });
});

describe('predictDay: reports that the plan did not foresee never drive back in time', () => {
  const s = scenario();
  const [hub, A] = [s.depots[0], s.orders[0]];

  it('a stop reported before the planned departure: the vehicle left that much earlier', () => {
    // Planned to leave 07:00 (arrive at A 07:19:28); A reported arrived at 06:50.
    const r = predict(s, [ev({ type: 'arrived', order: 'A', at: at(6, 50) })], at(6, 55));
    expect(r.departS).toBe(H(6, 50) - legS(s, hub, A));
    expect(times(r).A[0]).toBe(H(6, 50));
    // A departure reported after it is not the first one either.
    const late = predict(s, [ev({ type: 'done', order: 'A', at: at(8, 5) }), ev({ type: 'departed', vehicle: 'v1', at: at(9) })], at(9));
    expect(late.departS).toBe(H(8, 5) - legS(s, hub, A));
    // A departure reported before it stands, even when the drive took less than the model's leg.
    const quick = predict(s, [ev({ type: 'departed', vehicle: 'v1', at: at(7, 50) }), ev({ type: 'arrived', order: 'A', at: at(8) })], at(8));
    expect([quick.departS, times(quick).A[0]]).toEqual([H(7, 50), H(8)]);
  });

  it('a stop reported arrived and never left, with the next one reached since: it was left by then', () => {
    const r = predict(s, [ev({ type: 'arrived', order: 'A', at: at(8) }), ev({ type: 'done', order: 'B', at: at(8, 30) })], at(9));
    expect(times(r).A).toEqual([H(8), H(8), H(8, 30)]);
    expect(r.steps.every((x, i) => i === 0 || x.arrivalS >= r.steps[i - 1].departureS)).toBe(true);
  });

  it('a position seen before the vehicle left its last stop is not on the next leg', () => {
    // Seen at X at 08:10 while driving to A; A done at 08:30; the sighting is stale for the leg to B.
    const r = predict(s, [ev({ type: 'position', vehicle: 'v1', at: at(8, 10), lat: X.lat, lng: X.lng }), ev({ type: 'done', order: 'A', at: at(8, 30) })], at(8, 30));
    expect(times(r).B[0]).toBe(H(8, 30) + legS(s, A, s.orders[1]));
  });
});

describe('predictDay: a shipment whose pickup failed', () => {
  it('is not driven to its delivery', () => {
    const s = scenario();
    s.orders[0] = { ...s.orders[0], pickup: { lat: X.lat, lng: X.lng, address: 'Shop', timeWindows: [], serviceMinutes: 5 } };
    const stops: [StepType, string][] = [['pickup', 'A'], ['job', 'B'], ['delivery', 'A'], ['job', 'C']];
    const r = predict(s, [ev({ type: 'failed', order: 'A', at: at(7, 30), reason: 'no-access' })], at(7, 30), stops);
    expect(r.stops.map((x) => [x.key, x.source, x.arrivalS])).toEqual([
      ['A/pickup', 'actual', H(7) + legS(s, s.depots[0], X)], ['A/delivery', 'actual', null], ['B', 'predicted', H(7, 30) + legS(s, X, s.orders[1])], ['C', 'predicted', expect.any(Number)],
    ]);
    // B (arrives 07:37:57) waits for its window at 08:00, 10 min service, then B → C directly.
    expect(r.stops[2].startS).toBe(H(8));
    expect(r.stops[3].arrivalS).toBe(H(8, 10) + legS(s, s.orders[1], s.orders[2]));
  });
});
