// Where an order stands for its customer (plan and day), the default message kind
// by state, and the filled message with its ETA window from the live prediction.
import { describe, expect, it } from 'vitest';
import { deriveDayState } from '../../../../web/src/domain/day/day-state';
import { predictDay } from '../../../../web/src/domain/day/eta';
import type { DayEvent } from '../../../../web/src/domain/day/events';
import { composeMessage, messageValues } from '../../../../web/src/domain/messages/compose';
import { etaWindow, windowPhrase } from '../../../../web/src/domain/messages/eta-window';
import { messageSettingsOf } from '../../../../web/src/domain/messages/settings';
import { daySituation, defaultKind, planSituation, type OrderSituation } from '../../../../web/src/domain/messages/situation';
import type { Plan, Scenario } from '../../../../web/src/domain/scenario';
import type { Route, Solution, StepType } from '../../../../web/src/domain/solution';
import { smallScenario } from '../../../fixtures/small-scenario';

const H = (h: number, m = 0) => h * 3600 + m * 60;
function planned(vehicleId: string, stops: [StepType, string, number][]): Route {
  const step = (type: StepType, id: string, arrivalS: number, waitS = 0) => ({ type, id, arrivalS, waitS, serviceS: 600, departureS: arrivalS + waitS + 600, distanceM: 0, load: [0, 0] });
  return {
    vehicleId, steps: [step('start', 'hub', H(7)), ...stops.map(([t, id, at]) => step(t, id, at, id === 'B' ? 300 : 0)), step('end', 'hub', H(12))],
    distanceM: 0, durationS: 0, drivingS: 0, waitingS: 0, serviceS: 0, cost: 0,
  };
}
const ROUTE = planned('v1', [['job', 'A', H(8, 10)], ['job', 'B', H(8, 40)], ['job', 'C', H(9, 20)]]);
const PLAN: Pick<Solution, 'routes' | 'unassigned'> = { routes: [ROUTE], unassigned: [{ orderId: 'D', reason: 'capacity' }] as Solution['unassigned'] };

function scenario(): Scenario {
  const s = smallScenario();
  s.plan = { solvedRevision: 0, solution: { ...PLAN } as unknown as Solution } as Plan;
  return s;
}
let n = 0;
const ev = (e: Record<string, unknown>) => ({ id: `e${++n}`, ...e }) as unknown as DayEvent;
function day(events: DayEvent[], now: number) {
  const s = scenario();
  const state = deriveDayState(s, PLAN, events);
  return { s, state, prediction: predictDay(s, state, now) };
}
const at = (h: number, m = 0) => h * 60 + m;

describe('planSituation', () => {
  it('reads a planned order with its planned start (arrival + wait), and unassigned ones', () => {
    const s = scenario();
    expect(planSituation(s, 'A')).toMatchObject({ status: 'planned', vehicleId: 'v1', startS: H(8, 10), dispatched: false });
    expect(planSituation(s, 'B')?.startS).toBe(H(8, 45));
    expect(planSituation(s, 'D')).toMatchObject({ status: 'unassigned', vehicleId: null, startS: null });
    expect(planSituation(s, 'nope')).toBeNull();
    expect(defaultKind(planSituation(s, 'A')!)).toBe('day-before');
    expect(defaultKind(planSituation(s, 'D')!)).toBe('day-before');
  });
});

describe('daySituation and defaultKind', () => {
  it('before departure: planned, day-before confirmation', () => {
    const { state, prediction } = day([], at(6));
    const a = daySituation(state, prediction, 'A')!;
    expect(a).toMatchObject({ status: 'planned', dispatched: true, vehicleStarted: false, risk: null });
    expect(defaultKind(a)).toBe('day-before');
  });

  it('after departure: the next stop is en route, later ones planned on a started vehicle; both "on the way"', () => {
    const { state, prediction } = day([ev({ type: 'departed', vehicle: 'v1', at: at(7) })], at(7, 5));
    const a = daySituation(state, prediction, 'A')!;
    const b = daySituation(state, prediction, 'B')!;
    expect(a.status).toBe('en route');
    expect(b).toMatchObject({ status: 'planned', vehicleStarted: true });
    expect(defaultKind(a)).toBe('on-the-way');
    expect(defaultKind(b)).toBe('on-the-way');
    const predictedA = prediction.routes[0].stops.find((x) => x.orderId === 'A')!;
    expect(a.startS).toBe(predictedA.startS);
  });

  it('done → no message, failed → failed attempt, at risk → delay notice, unassigned → day-before, re-delivery → its confirmation', () => {
    const events = [
      ev({ type: 'departed', vehicle: 'v1', at: at(7) }), ev({ type: 'done', order: 'A', at: at(8, 20) }),
      ev({ type: 'failed', order: 'B', at: at(8, 50), reason: 'not-home' }), ev({ type: 'delay', vehicle: 'v1', at: at(9), minutes: 300 }),
    ];
    const { state, prediction } = day(events, at(9));
    const kinds = Object.fromEntries(['A', 'B', 'C', 'D'].map((id) => [id, daySituation(state, prediction, id)!]));
    expect(kinds.A).toMatchObject({ status: 'done', startS: null, leftAt: at(8, 20) });
    expect(defaultKind(kinds.A)).toBeNull();
    expect(kinds.B.status).toBe('failed');
    expect(defaultKind(kinds.B)).toBe('failed-attempt');
    expect(kinds.C.risk).toMatch(/window/);
    expect(defaultKind(kinds.C)).toBe('delay');
    expect(kinds.D.status).toBe('unassigned');
    expect(defaultKind(kinds.D)).toBe('day-before');
    const redelivery = state.redeliveries[0].orderId;
    const r = daySituation(state, prediction, redelivery)!;
    expect(r.order.failedOrderId).toBe('B');
    expect(defaultKind(r)).toBe('redelivery');
  });

  it('an at-risk stop gets a delay notice holding its new ETA window', () => {
    const events = [ev({ type: 'departed', vehicle: 'v1', at: at(7) }), ev({ type: 'delay', vehicle: 'v1', at: at(7, 30), minutes: 300 })];
    const { s, state, prediction } = day(events, at(7, 30));
    const c = daySituation(state, prediction, 'C')!;
    const message = composeMessage(s, c, defaultKind(c)!, messageSettingsOf(s.settings));
    expect(message.kind).toBe('delay');
    expect(c.startS).toBeGreaterThan(H(13));
    expect(message.body).toContain(windowPhrase(etaWindow(c.startS!)));
    expect(message.missing).toEqual([]);
  });
});

describe('composeMessage', () => {
  const s = scenario();
  const a = planSituation(s, 'A')!;
  it('fills the day-before confirmation with the promised window, date and default signature', () => {
    const m = composeMessage(s, a, 'day-before', messageSettingsOf(s.settings));
    expect(m.body).toBe('Hello Customer A, your delivery (order A) is planned for Sat, 21 Nov 2026 between 08:00 and 12:00. '
      + 'If that no longer suits you, just reply to this message. Thank you! Your delivery team');
    expect(m.subject).toBe('Your delivery on Sat, 21 Nov 2026');
  });

  it('uses edited templates, company, rebook and ETA settings; reports unknown and missing placeholders', () => {
    const settings = messageSettingsOf({ messages: {
      company: 'Acme', rebook: 'call 04 00', etaHalfWidthMinutes: 30, etaRoundMinutes: 15,
      templates: { 'on-the-way': { subject: '{custmer}', body: '{customer}: {eta_window} ({company}, {rebook})' } },
    } });
    const m = composeMessage(s, a, 'on-the-way', settings);
    expect(m.body).toBe('Customer A: between 07:45 and 08:45 (Acme, call 04 00)');
    expect(m.unknown).toEqual(['custmer']);
    const unplanned: OrderSituation = planSituation(s, 'D')!;
    expect(composeMessage(s, unplanned, 'on-the-way', settings).missing).toEqual(['eta_window']);
    expect(messageValues(s, unplanned, settings).new_window).toBeUndefined();
  });
});
