// The day simulator (issue #11, "Play the day"): seeded, walked by the
// checker's walk, its draws following the variability model (issue #14), and
// every event it makes valid for the events file and the day's state.
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveDayState } from '../../../../web/src/domain/day/day-state';
import { predictDay } from '../../../../web/src/domain/day/eta';
import type { DayEvent, NewOrderEvent } from '../../../../web/src/domain/day/events';
import { parseEventsFile, serializeEventsFile } from '../../../../web/src/domain/day/events-file';
import { eventsDueBetween, simulateDay, simulateDayInSteps } from '../../../../web/src/domain/day/simulate';
import { checkSolution } from '../../../../web/src/domain/check';
import { roadDistanceM } from '../../../../web/src/domain/geo';
import { windowStart } from '../../../../web/src/domain/route-eval';
import { orderSchema, type Scenario } from '../../../../web/src/domain/scenario';
import { isOrderStep, type Route, type Solution } from '../../../../web/src/domain/solution';
import { validateScenario } from '../../../../web/src/domain/validate';
import { DEFAULT_VARIABILITY, resolveVariability, type Variability } from '../../../../web/src/domain/variability';
import { rebuildRoute } from '../../../../web/src/plan/rebuild-route';
import { createSolverApi } from '../../../../workers/solver-api';
import { makeShipmentScenario } from '../../../fixtures/mini-shipment';
import { smallScenario } from '../../../fixtures/small-scenario';
import { buildRoute } from '../../../helpers/build-route';
import { loadSolverModule } from '../../../helpers/load-solver';

type Plan = Pick<Solution, 'routes' | 'unassigned'>;

const small = (): { s: Scenario; plan: Plan } => {
  const s = smallScenario();
  return { s, plan: { routes: [buildRoute(s, 'v1', ['A', 'B', 'C']), buildRoute(s, 'v2', ['D', 'E'])], unassigned: [] } };
};

/** The variability with every spread, absence and surprise switched off except those given. */
const quiet = (over: Partial<Variability> = {}): Variability => ({
  travelCv: 0, serviceCv: { ...DEFAULT_VARIABILITY.serviceCv, curbside: 0, 'room-of-choice': 0, 'white-glove': 0, installation: 0, 'haul-away': 0, return: 0, 're-delivery': 0 },
  notHome: { ...DEFAULT_VARIABILITY.notHome }, failedAttemptMinutes: 5, urgentOrdersPerDay: 0, ...over,
});

const demo = (): Scenario => {
  const result = validateScenario(JSON.parse(readFileSync(new URL('../../../../public/demo-scenario.json', import.meta.url), 'utf8')));
  if (!result.ok) throw new Error('demo scenario invalid');
  return result.scenario;
};

const atS = (e: DayEvent) => Math.round(e.at * 60);
const orderEvents = (events: DayEvent[], id: string) => events.filter((e) => 'order' in e && e.order === id);

/** A route's events in the order they happened: departed, then per stop arrived and done/failed (a delay between them). */
function routeEvents(events: DayEvent[], route: Route): DayEvent[] {
  const ids = new Set(route.steps.filter(isOrderStep).map((s) => s.id));
  return events.filter((e) => ('vehicle' in e && e.vehicle === route.vehicleId) || ('order' in e && typeof e.order === 'string' && ids.has(e.order)));
}

describe('simulateDay: seeds and shape', () => {
  it('made a route per step (the page\'s Play on a large day) gives the same events as in one go', () => {
    const { s, plan } = small();
    for (let seed = 1; seed <= 20; seed++) {
      const options = { seed, fromS: seed % 2 ? 8 * 3600 : undefined, delayChance: 0.7, variability: quiet({ travelCv: 0.3, urgentOrdersPerDay: 3 }) };
      const steps = simulateDayInSteps(s, plan, options);
      expect(() => steps.result()).toThrow(/not simulated yet/);
      let n = 1;
      while (!steps.step(-Infinity)) n += 1;
      expect(n, 'a step per route and one more').toBe(plan.routes.length + 1);
      expect(steps.result(), `seed ${seed}`).toEqual(simulateDay(s, plan, options));
    }
  });

  it('gives the same events for the same seed and different ones for another seed', () => {
    const { s, plan } = small();
    const a = simulateDay(s, plan, { seed: 11 });
    expect(simulateDay(s, plan, { seed: 11 })).toEqual(a);
    const b = simulateDay(s, plan, { seed: 12 });
    expect(b.map((e) => e.at)).not.toEqual(a.map((e) => e.at));
  });

  it('is sorted by time, and each vehicle departs, then arrives at and leaves each stop in its route order', () => {
    const { s, plan } = small();
    for (let seed = 1; seed <= 50; seed++) {
      const events = simulateDay(s, plan, { seed });
      events.slice(1).forEach((e, i) => expect(e.at).toBeGreaterThanOrEqual(events[i].at));
      for (const route of plan.routes) {
        const mine = routeEvents(events, route).filter((e) => e.type !== 'new-order');
        const expected = ['departed:' + route.vehicleId, ...route.steps.filter(isOrderStep).flatMap((x) => [`arrived:${x.id}`, `left:${x.id}`])];
        const seen = mine.filter((e) => e.type !== 'delay').map((e) => `${e.type === 'done' || e.type === 'failed' ? 'left' : e.type}:${'order' in e ? e.order : route.vehicleId}`);
        expect(seen).toEqual(expected);
        mine.slice(1).forEach((e, i) => expect(atS(e)).toBeGreaterThanOrEqual(atS(mine[i])));
      }
    }
  });

  it('gives unique event ids that do not depend on the window asked for, so a day played in pieces logs each event once', () => {
    const { s, plan } = small();
    const all = simulateDay(s, plan, { seed: 5 });
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    const cuts = [0, 9 * 3600, 9 * 3600 + 1, 11 * 3600, 24 * 3600];
    const pieces = cuts.slice(1).flatMap((to, i) => simulateDay(s, plan, { seed: 5, fromS: cuts[i], untilS: to }));
    expect(pieces).toEqual(all);
    const due = cuts.slice(1).flatMap((to, i) => eventsDueBetween(all, cuts[i], to));
    expect(due).toEqual(all);
    expect(eventsDueBetween(all, atS(all[3]), atS(all[3]) + 1)).toContainEqual(all[3]);
    expect(eventsDueBetween(all, atS(all[3]) + 1, Infinity)).not.toContainEqual(all[3]);
  });

  it('draws the same legs whatever the not-home and delay chances: only which stops fail, and the delayed leg, change', () => {
    const { s, plan } = small();
    const base = resolveVariability(s.settings);
    const legsOf = (events: DayEvent[], route: Route) => {
      const mine = routeEvents(events, route).filter((e) => e.type !== 'delay');
      return mine.filter((e) => e.type === 'arrived').map((e, k) => atS(e) - atS(mine[2 * k]));
    };
    const calm = simulateDay(s, plan, { seed: 31, variability: base, delayChance: 0 });
    const absent = simulateDay(s, plan, { seed: 31, variability: { ...base, notHome: { ...base.notHome, curbside: 1 } }, delayChance: 0 });
    const delayed = simulateDay(s, plan, { seed: 31, variability: base, delayChance: 1 });
    for (const route of plan.routes) {
      expect(legsOf(absent, route)).toEqual(legsOf(calm, route));
      const lost = (delayed.find((e) => e.type === 'delay' && e.vehicle === route.vehicleId) as { minutes: number }).minutes * 60;
      const diff = legsOf(delayed, route).map((x, k) => x - legsOf(calm, route)[k]);
      expect(diff.filter((d) => d !== 0)).toEqual([lost]);
    }
  });

  it('with no spread, no absence and no surprise, replays the plan exactly', () => {
    const { s, plan } = small();
    const events = simulateDay(s, plan, { seed: 3, variability: quiet(), delayChance: 0 });
    for (const route of plan.routes) {
      const times = route.steps.filter(isOrderStep).flatMap((x) => [x.arrivalS, x.departureS]);
      const mine = routeEvents(events, route);
      expect(mine.map(atS)).toEqual([route.steps[0].departureS, ...times]);
    }
  });
});

describe('simulateDay: the variability model', () => {
  const SEEDS = 4000;
  const { s, plan } = small();
  /** Per leg (vehicle, stop index): the simulated durations, from leaving the previous place to arriving. */
  const legs = new Map<string, number[]>();
  /** Per order: the simulated service times (served stops only). */
  const services = new Map<string, number[]>();
  let stops = 0;
  let failed = 0;
  beforeAll(() => {
    const variability = { ...resolveVariability(s.settings), notHome: { ...DEFAULT_VARIABILITY.notHome, curbside: 0.2 }, urgentOrdersPerDay: 0 };
    for (let seed = 1; seed <= SEEDS; seed++) {
      const events = simulateDay(s, plan, { seed, variability, delayChance: 0 });
      for (const route of plan.routes) {
        const mine = routeEvents(events, route);
        for (let i = 1; i < mine.length; i += 2) {
          const key = `${route.vehicleId}:${(i - 1) / 2}`;
          legs.set(key, [...(legs.get(key) ?? []), atS(mine[i]) - atS(mine[i - 1])]);
          stops += 1;
          if (mine[i + 1].type === 'failed') failed += 1;
          else {
            const order = s.orders.find((o) => o.id === (mine[i] as { order: string }).order)!;
            const startS = windowStart(order.timeWindows, atS(mine[i])) ?? atS(mine[i]);
            services.set(order.id, [...(services.get(order.id) ?? []), atS(mine[i + 1]) - startS]);
          }
        }
      }
    }
  });

  // Standard error of a mean of N lognormal draws with CV c is c·m/√N (0.4 % of m here);
  // 4 standard errors is a test that fails for a biased mean (e.g. exp(μ) without −σ²/2 is 3 % off) and not by chance.
  it('draws legs whose mean is the planned leg and whose spread is travelCv', () => {
    for (const route of plan.routes) {
      const planned = route.steps.filter(isOrderStep).map((x, i) => x.arrivalS - route.steps[i].departureS);
      planned.forEach((m, i) => {
        const xs = legs.get(`${route.vehicleId}:${i}`)!;
        expect(xs).toHaveLength(SEEDS);
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
        expect(Math.abs(mean / m - 1)).toBeLessThan((4 * 0.25) / Math.sqrt(SEEDS));
        // The sample CV's standard error is ≈ 1.4 % here (lognormal kurtosis ≈ 4.1): 5 % is over 3.5 of them.
        expect(Math.abs(sd / mean - 0.25)).toBeLessThan(0.25 * 0.05);
      });
    }
  });

  it('draws service times whose mean is the planned service, after waiting for the window', () => {
    for (const order of s.orders) {
      const xs = services.get(order.id)!;
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      // About 3,200 served stops per order, CV 0.3 (curbside): 4 standard errors are 2.1 %.
      expect(Math.abs(mean / (order.serviceMinutes * 60) - 1)).toBeLessThan((4 * 0.3) / Math.sqrt(xs.length));
    }
  });

  it('makes a share of failed attempts equal to the not-home probability', () => {
    // Binomial standard error √(p(1−p)/n) = 0.28 % for n = 20,000 stops: 4 of them is 1.1 %.
    expect(stops).toBe(SEEDS * 5);
    expect(Math.abs(failed / stops - 0.2)).toBeLessThan(4 * Math.sqrt(0.2 * 0.8 / stops));
  });
});

describe('simulateDay: events the day accepts', () => {
  it('fails an attempt when nobody is home: at the window start, for failedAttemptMinutes, and a re-delivery follows', () => {
    const { s, plan } = small();
    const notHome = { ...DEFAULT_VARIABILITY.notHome, curbside: 1 };
    const events = simulateDay(s, plan, { seed: 9, variability: quiet({ notHome, failedAttemptMinutes: 7 }), delayChance: 0 });
    for (const order of s.orders) {
      const [arrived, left] = orderEvents(events, order.id);
      expect(left).toMatchObject({ type: 'failed', reason: 'not-home' });
      expect(atS(left) - (windowStart(order.timeWindows, atS(arrived)) ?? atS(arrived))).toBe(7 * 60);
    }
    const state = deriveDayState(s, plan, events);
    expect(state.issues).toEqual([]);
    expect(state.redeliveries.map((r) => r.failedOrderId).sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('reports a delay on the way to a stop and arrives at least that much later', () => {
    const { s, plan } = small();
    const events = simulateDay(s, plan, { seed: 4, variability: quiet(), delayChance: 1 });
    for (const route of plan.routes) {
      const mine = routeEvents(events, route);
      const k = mine.findIndex((e) => e.type === 'delay');
      const delay = mine[k] as Extract<DayEvent, { type: 'delay' }>;
      expect(mine.filter((e) => e.type === 'delay')).toHaveLength(1);
      expect(delay.minutes).toBeGreaterThanOrEqual(10);
      expect(delay.minutes).toBeLessThanOrEqual(40);
      expect(mine[k + 1].type).toBe('arrived');
      expect(atS(mine[k + 1]) - atS(mine[k - 1])).toBeGreaterThanOrEqual(delay.minutes * 60);
      const state = deriveDayState(s, plan, events);
      expect(state.vehicles[route.vehicleId].delays[0].stopKey).toBe((mine[k + 1] as { order: string }).order);
    }
  });

  it('brings urgent orders: valid orders with fresh ids, raised priority, a window after they come in, next to a routed order', () => {
    const { s, plan } = small();
    s.orders.push({ ...s.orders[0], id: 'URG-1' }); // already taken: the simulator must skip it
    const events = simulateDay(s, plan, { seed: 21, variability: { ...resolveVariability(s.settings), urgentOrdersPerDay: 3 }, takenOrderIds: ['URG-2'] });
    const added = events.filter((e): e is NewOrderEvent => e.type === 'new-order');
    expect(added.map((e) => e.order.id)).toEqual(['URG-3', 'URG-4', 'URG-5']);
    const firstS = Math.min(...plan.routes.map((r) => r.steps[0].departureS));
    for (const e of added) {
      expect(v.safeParse(orderSchema, e.order).success).toBe(true);
      expect(e.order.priority).toBeGreaterThan(Math.max(...s.orders.map((o) => o.priority)));
      expect(e.order.timeWindows[0].start).toBeGreaterThan(e.at);
      expect(atS(e)).toBeGreaterThanOrEqual(firstS);
      const nearest = Math.min(...s.orders.map((o) => roadDistanceM(o.lng, o.lat, e.order.lng, e.order.lat, 1)));
      expect(nearest).toBeLessThan(1000);
    }
    const state = deriveDayState(s, plan, events);
    expect(state.issues).toEqual([]);
    expect(state.unassigned).toEqual(expect.arrayContaining(['URG-3', 'URG-4', 'URG-5']));
  });

  it('drives shipments pickup first and never fails a pickup', () => {
    const s = makeShipmentScenario();
    const plan = s.plan!.solution;
    const notHome = { ...DEFAULT_VARIABILITY.notHome, curbside: 1 };
    const events = simulateDay(s, plan, { seed: 2, variability: quiet({ notHome }), delayChance: 0 });
    expect(orderEvents(events, 'o2').map((e) => [e.type, 'stop' in e ? e.stop : undefined])).toEqual([
      ['arrived', 'pickup'], ['done', 'pickup'], ['arrived', 'delivery'], ['failed', 'delivery'],
    ]);
    const state = deriveDayState(s, plan, events);
    expect(state.issues).toEqual([]);
    expect(state.stops['o2/pickup'].status).toBe('done');
    expect(state.stops['o2/delivery'].status).toBe('failed');
  });
});

describe('simulateDay on the demo (breaks, shipments, every service type)', () => {
  let s: Scenario;
  let plan: Plan;
  beforeAll(async () => {
    s = demo();
    const api = createSolverApi(() => loadSolverModule('debug'));
    ({ solution: plan } = await api.solve({ runId: 1, scenario: s, options: { timeLimitS: 600, maxMoves: 200_000, seed: 1 } }));
    expect(checkSolution(s, plan).violations).toEqual([]);
  });

  it('with no spread replays the plan exactly, breaks included', () => {
    const events = simulateDay(s, plan, { seed: 1, variability: quiet(), delayChance: 0 });
    for (const route of plan.routes.filter((r) => r.steps.some(isOrderStep))) {
      expect(routeEvents(events, route).map(atS), route.vehicleId).toEqual([route.steps[0].departureS, ...route.steps.filter(isOrderStep).flatMap((x) => [x.arrivalS, x.departureS])]);
    }
  });

  it('for many seeds: every event applies cleanly, reads back from the events file, and the whole day is then actual', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const events = simulateDay(s, plan, { seed });
      const state = deriveDayState(s, plan, events);
      expect(state.issues, `seed ${seed}`).toEqual([]);
      const read = parseEventsFile(serializeEventsFile(events), s);
      expect(read.ok, `seed ${seed}`).toBe(true);
      if (read.ok) expect(read.events.map((e) => [e.id, e.type, atS(e)])).toEqual(events.map((e) => [e.id, e.type, atS(e)]));
      const routed = plan.routes.flatMap((r) => r.steps.filter(isOrderStep));
      for (const x of routed) expect(['done', 'failed']).toContain(state.stops[x.type === 'job' ? x.id : `${x.id}/${x.type}`].status);
      const prediction = predictDay(s, state, 24 * 60 - 1);
      for (const r of prediction.routes) for (const x of r.stops) if (x.source !== 'stranded') expect(x.source).not.toBe('predicted');
    }
  });

  it('reads the day back through the checker walk exactly as it was simulated', () => {
    const events = simulateDay(s, plan, { seed: 8 });
    const state = deriveDayState(s, plan, events);
    const prediction = predictDay(s, state, 24 * 60 - 1);
    for (const r of prediction.routes) {
      for (const x of r.stops) {
        const [arrived, left] = orderEvents(events, x.orderId).filter((e) => !('stop' in e) || e.stop === undefined || e.stop === x.type);
        expect([x.arrivalS, x.endS]).toEqual([atS(arrived), atS(left)]);
      }
    }
  });

  it('uses the scenario variability when none is given: its not-home probabilities override Play\'s', () => {
    const none = { ...s, settings: { ...s.settings, variability: { notHome: Object.fromEntries(Object.keys(DEFAULT_VARIABILITY.notHome).map((t) => [t, 0])) } } };
    for (let seed = 1; seed <= 10; seed++) expect(simulateDay(none, plan, { seed }).some((e) => e.type === 'failed')).toBe(false);
    const played = Array.from({ length: 10 }, (_, i) => simulateDay(s, plan, { seed: i + 1 })).flat();
    expect(played.some((e) => e.type === 'failed')).toBe(true);
  });
});
