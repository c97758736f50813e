// Calibration (issue #14): a day played from a known lognormal model (Play the
// day's simulator, seeded, many stops) gives back its CVs within the sampling
// error of the log-ratio estimator; too few samples say so; failed attempts are
// not services; and the settings patch writes only what differs.
import { describe, expect, it } from 'vitest';
import { deriveDayState } from '../../../../web/src/domain/day/day-state';
import type { DayEvent } from '../../../../web/src/domain/day/events';
import { simulateDay } from '../../../../web/src/domain/day/simulate';
import { calibrate, calibratedVariability, estimateRatios, MIN_LEGS } from '../../../../web/src/domain/risk/calibrate';
import type { Order, Scenario, Vehicle } from '../../../../web/src/domain/scenario';
import { DEFAULT_VARIABILITY, lognormal, makeRng, normal, type Variability } from '../../../../web/src/domain/variability';
import { smallScenario } from '../../../fixtures/small-scenario';
import { buildRoute } from '../../../helpers/build-route';

const VEHICLES = 8;
const STOPS = 30;

/** VEHICLES vans with STOPS orders each around Lyon, windows open all day; odd orders are room-of-choice. */
function bigDay(): { s: Scenario; plan: { routes: ReturnType<typeof buildRoute>[]; unassigned: [] } } {
  const s = smallScenario();
  const base = s.vehicles[0];
  s.vehicles = Array.from({ length: VEHICLES }, (_, v): Vehicle => ({ ...structuredClone(base), id: `v${v}`, name: `Van ${v}`, shift: { start: 420, end: 1380 } }));
  const template = s.orders[0];
  s.orders = Array.from({ length: VEHICLES * STOPS }, (_, i): Order => ({
    ...structuredClone(template), id: `O${i}`, lat: 45.70 + 0.1 * Math.sin(i * 1.7), lng: 4.80 + 0.1 * Math.cos(i * 2.3),
    serviceType: i % 2 ? 'room-of-choice' : 'curbside', serviceMinutes: 4 + (i % 5), timeWindows: [{ start: 360, end: 2700 }], amounts: [0, 0],
  }));
  const routes = s.vehicles.map((v, k) => buildRoute(s, v.id, s.orders.slice(k * STOPS, (k + 1) * STOPS).map((o) => o.id)));
  return { s, plan: { routes, unassigned: [] } };
}

/** Four standard errors of the CV estimate from n log-ratios (delta method on s², whose s.e. is σ²·√(2/(n − 1))). */
function tolerance(cv: number, n: number): number {
  const sigma2 = Math.log(1 + cv * cv);
  return 4 * ((1 + cv * cv) / (2 * cv)) * sigma2 * Math.sqrt(2 / (n - 1));
}

describe('calibrate', () => {
  it('recovers the travel and service CVs and the not-home rate of a simulated day', () => {
    const { s, plan } = bigDay();
    const variability: Variability = {
      ...DEFAULT_VARIABILITY, travelCv: 0.3, urgentOrdersPerDay: 0,
      serviceCv: { ...DEFAULT_VARIABILITY.serviceCv, curbside: 0.2, 'room-of-choice': 0.5 },
      notHome: { ...DEFAULT_VARIABILITY.notHome, curbside: 0.1 },
    };
    const events = simulateDay(s, plan, { seed: 11, variability, delayChance: 0 });
    const c = calibrate(s, plan, deriveDayState(s, plan, events));
    expect(c.travel.count).toBe(VEHICLES * STOPS);
    expect(Math.abs(c.travel.cv! - 0.3)).toBeLessThan(tolerance(0.3, c.travel.count));
    expect(Math.abs(c.travel.meanRatio! - 1)).toBeLessThan(0.05);
    const curbside = c.services.find((x) => x.type === 'curbside')!;
    const room = c.services.find((x) => x.type === 'room-of-choice')!;
    // Failed attempts are attempts, never services.
    expect(curbside.attempts).toBe(VEHICLES * STOPS / 2);
    expect(curbside.notHomeCount).toBeGreaterThan(0);
    expect(curbside.count).toBe(curbside.attempts - curbside.notHomeCount);
    expect(Math.abs(curbside.cv! - 0.2)).toBeLessThan(tolerance(0.2, curbside.count));
    expect(Math.abs(room.cv! - 0.5)).toBeLessThan(tolerance(0.5, room.count));
    expect(room.notHome).toBe(0);
    // Binomial: four standard errors of the rate.
    expect(Math.abs(curbside.notHome! - 0.1)).toBeLessThan(4 * Math.sqrt(0.1 * 0.9 / curbside.attempts));
    expect(curbside.meanMinutes! / curbside.plannedMinutes!).toBeCloseTo(curbside.meanRatio!, 1);

    const patch = calibratedVariability(c, s.settings)!;
    expect(patch.travelCv).toBe(Math.round(c.travel.cv! * 100) / 100);
    expect(patch.serviceCv).toEqual({ curbside: Math.round(curbside.cv! * 100) / 100, 'room-of-choice': Math.round(room.cv! * 100) / 100 });
    expect(patch.notHome?.curbside).toBe(Math.round(curbside.notHome! * 1000) / 1000);
    // Once written, there is nothing more to apply.
    expect(calibratedVariability(c, { ...s.settings, variability: patch })).toBeNull();
  });

  it('says "not enough data" below the minimum, per estimate', () => {
    const s = smallScenario();
    s.orders.find((o) => o.id === 'D')!.serviceType = 'white-glove';
    const plan = { routes: [buildRoute(s, 'v1', ['A', 'B', 'C']), buildRoute(s, 'v2', ['D'])], unassigned: [] };
    const events = simulateDay(s, plan, { seed: 3, variability: { ...DEFAULT_VARIABILITY, urgentOrdersPerDay: 0 }, delayChance: 0 });
    const c = calibrate(s, plan, deriveDayState(s, plan, events));
    expect(c.travel).toEqual({ count: 4, cv: null, meanRatio: null });
    expect(c.travel.count).toBeLessThan(MIN_LEGS);
    expect(c.services.map((x) => [x.type, x.count, x.cv === null, x.notHome])).toEqual([['curbside', 3, false, null], ['white-glove', 1, true, null]]);
    expect(calibratedVariability(c, s.settings)?.serviceCv).toEqual({ curbside: expect.any(Number) });
  });

  it('leaves out legs with a reported delay and failed attempts however long they took', () => {
    const s = smallScenario();
    const plan = { routes: [buildRoute(s, 'v1', ['A', 'B', 'C', 'D', 'E'], 7 * 3600)], unassigned: [] };
    const legs = plan.routes[0].steps;
    let n = 0;
    const ev = (e: Record<string, unknown>) => ({ id: `e${++n}`, ...e }) as unknown as DayEvent;
    // Each leg and service exactly as planned, except: a delay on the leg to C, and D failed after an hour.
    const events: DayEvent[] = [ev({ type: 'departed', vehicle: 'v1', at: 420 })];
    legs.slice(1, -1).forEach((step) => {
      if (step.id === 'C') events.push(ev({ type: 'delay', vehicle: 'v1', at: (step.arrivalS - 60) / 60, minutes: 30 }));
      events.push(ev({ type: 'arrived', order: step.id, at: step.arrivalS / 60 }));
      events.push(step.id === 'D' ? ev({ type: 'failed', order: 'D', reason: 'not-home', at: (step.arrivalS + step.waitS) / 60 + 60 }) : ev({ type: 'done', order: step.id, at: step.departureS / 60 }));
    });
    const c = calibrate(s, plan, deriveDayState(s, plan, events));
    // Legs hub→A, A→B and C→D count; B→C had a reported delay; E was reached (as planned) before D was left, so D→E is no leg.
    expect(c.travel.count).toBe(3);
    const curbside = c.services[0];
    expect([curbside.count, curbside.attempts, curbside.notHomeCount]).toEqual([4, 5, 1]);
    expect(curbside.cv).toBeCloseTo(0, 6);
    expect(curbside.meanRatio).toBeCloseTo(1, 6);
  });

  it('the estimator on exact lognormal draws', () => {
    const rng = makeRng(5);
    const pairs = Array.from({ length: 4000 }, (_, i) => ({ planned: 100 + i, actual: lognormal(100 + i, 0.4, normal(rng)) }));
    const e = estimateRatios(pairs, 5);
    expect(Math.abs(e.cv! - 0.4)).toBeLessThan(tolerance(0.4, 4000));
    expect(Math.abs(e.meanRatio! - 1)).toBeLessThan(0.02);
  });
});
