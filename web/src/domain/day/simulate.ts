// "Play the day" (issue #11): a seeded simulator that drives the dispatched plan
// with the scenario's variability and returns the events a day would log —
// departures, arrivals, done and failed (not home) stops, an occasional delay,
// urgent new orders. Routes are walked by the checker's own walk (route-eval.ts).
import type { Order, Scenario } from '../scenario';
import { isOrderStep, type Route, type Solution } from '../solution';
import { evaluateRoute, makeEvalContext, windowStart, type EvalContext, type StopRef, type StopReport } from '../route-eval';
import { suggestServiceMinutes } from '../service-types';
import { lognormal, makeRng, normal, playVariability, streamSeed, type Rng, type Variability } from '../variability';
import type { DayEvent } from './events';

/** How a day is simulated. */
export interface SimulateOptions {
  /** Same seed, same events. */
  seed: number;
  /** Default: playVariability(scenario.settings) — the scenario's settings, with a small not-home probability where it sets none. */
  variability?: Variability;
  /** Keep only events at or after this time (seconds of the day). */
  fromS?: number;
  /** Keep only events before this time (seconds of the day). */
  untilS?: number;
  /** Chance that a route reports one traffic delay (10–40 min) on one of its legs; default DEFAULT_DELAY_CHANCE. */
  delayChance?: number;
  /** Order ids already in use (e.g. new orders of the day's log): urgent orders get other ids. */
  takenOrderIds?: Iterable<string>;
}

/** Default chance per route of one reported delay. */
export const DEFAULT_DELAY_CHANCE = 0.2;

/** An event before it gets its id, with its time in whole seconds. */
type Draft = { atS: number; event: DayEvent extends infer E ? (E extends DayEvent ? Omit<E, 'id' | 'at'> : never) : never };

/**
 * Simulates the day of a dispatched plan: every route in its order, leaving at
 * its planned departure; each leg lognormal (mean = the planned leg, CV
 * `travelCv`), each service lognormal (mean = planned, CV per service type);
 * a job or delivery is a failed attempt (not home) with its type's `notHome`
 * probability, lasting `failedAttemptMinutes`; `urgentOrdersPerDay` new orders. Events are sorted
 * by time (ties in the order they happened), with ids `sim<seed>-<n>` that do
 * not depend on fromS/untilS, so playing a day in pieces logs each event once.
 */
export function simulateDay(scenario: Scenario, plan: Pick<Solution, 'routes'>, options: SimulateOptions): DayEvent[] {
  const steps = simulateDayInSteps(scenario, plan, options);
  steps.step();
  return steps.result();
}

/** A simulation made a few routes at a time (the page's Play, on a day of hundreds of routes). */
export interface DaySimulation {
  /** Simulates routes until `deadline` (a `performance.now()` time; default: all of them); true once the day is simulated. */
  step(deadline?: number): boolean;
  /** The events, once `step` returned true. */
  result(): DayEvent[];
}

/** simulateDay a slice at a time: the same events (each route draws from its own stream, in the same order). */
export function simulateDayInSteps(scenario: Scenario, plan: Pick<Solution, 'routes'>, options: SimulateOptions): DaySimulation {
  const variability = options.variability ?? playVariability(scenario.settings);
  const ctx = makeEvalContext(scenario);
  const drafts: Draft[] = [];
  let next = 0;
  let events: DayEvent[] | null = null;
  return {
    step(deadline = Infinity) {
      if (events) return true;
      while (next < plan.routes.length) {
        const route = plan.routes[next++];
        const rng = makeRng(streamSeed(options.seed, `route:${route.vehicleId}`));
        for (const draft of simulateRoute(ctx, route, variability, rng, options.delayChance ?? DEFAULT_DELAY_CHANCE)) drafts.push(draft);
        if (performance.now() >= deadline) return false;
      }
      const taken = new Set([...scenario.orders.map((o) => o.id), ...(options.takenOrderIds ?? [])]);
      drafts.push(...urgentOrders(scenario, plan.routes, variability.urgentOrdersPerDay, makeRng(streamSeed(options.seed, 'new-orders')), taken));
      drafts.sort((a, b) => a.atS - b.atS); // stable: ties keep the order they happened in
      const all = drafts.map((d, n) => ({ ...d.event, id: `sim${options.seed}-${n + 1}`, at: d.atS / 60 }) as DayEvent);
      events = eventsDueBetween(all, options.fromS ?? -Infinity, options.untilS ?? Infinity);
      return true;
    },
    result() {
      if (!events) throw new Error('the day is not simulated yet: step until it is');
      return events;
    },
  };
}

/** Events whose time is in [fromS, toS) (seconds of the day), in their order: what Play logs as the clock moves from `fromS` to `toS`. */
export function eventsDueBetween(events: readonly DayEvent[], fromS: number, toS: number): DayEvent[] {
  return events.filter((e) => {
    const atS = Math.round(e.at * 60);
    return atS >= fromS && atS < toS;
  });
}

/** A route's one traffic delay: on its `leg`-th leg, `minutes` lost (10–40), reported `fraction` of the way along. */
interface Delay {
  leg: number;
  minutes: number;
  fraction: number;
}

/** Where a route's simulation stands: its stops and what happened at them so far (reports by stop index). */
interface RouteRun {
  ctx: EvalContext;
  route: Route;
  stops: StopRef[];
  reports: StopReport[];
  variability: Variability;
  rng: Rng;
  out: Draft[];
}

/**
 * Drives one route stop by stop. Before each order stop the checker walks the
 * route with what happened so far (reported arrivals and departures, breaks
 * taken as planned from the actual times), which gives the planned leg to the
 * stop from where and when the vehicle really leaves; the leg and the service
 * are then drawn. Quadratic in the stops of a route, which stays small.
 */
function simulateRoute(ctx: EvalContext, route: Route, variability: Variability, rng: Rng, delayChance: number): Draft[] {
  const vehicle = ctx.scenario.vehicles.find((v) => v.id === route.vehicleId);
  // Only what the walk turns into a step, so that step i + 1 is stop i.
  const known = (s: StopRef) => (isOrderStep(s) ? ctx.orders.has(s.id) : s.type === 'break' && Boolean(vehicle?.breaks?.some((b) => b.id === s.id)));
  const stops: StopRef[] = route.steps.map((s) => ({ type: s.type, id: s.id })).filter(known);
  const orderStops = stops.filter(isOrderStep).length;
  if (!vehicle || orderStops === 0) return [];
  const run: RouteRun = { ctx, route, stops, reports: [], variability, rng, out: [] };
  const departS = route.steps[0].departureS;
  run.out.push({ atS: departS, event: { type: 'departed', vehicle: vehicle.id } });
  // Drawn whatever happens, so the route's other draws do not depend on delayChance.
  const delayed = rng() < delayChance;
  const delay: Delay = { leg: Math.floor(rng() * orderStops), minutes: 10 + Math.floor(rng() * 31), fraction: rng() };
  let leg = 0;
  for (let i = 0; i < run.stops.length; i++) {
    const stop = run.stops[i];
    if (!isOrderStep(stop)) continue;
    const walk = evaluateRoute(ctx, vehicle, run.stops.slice(0, i + 1), departS, { reports: run.reports, notBeforeS: 0 });
    simulateStop(run, i, walk.steps[i].departureS, walk.steps[i + 1], delayed && leg === delay.leg ? delay : null);
    leg += 1;
  }
  return run.out;
}

/**
 * One order stop: the leg from `leaveS` (drawn, plus a reported delay on the
 * way when `delay` is given), the wait for the window (the checker's windowStart; a late
 * arrival starts at once), then the service or a failed attempt.
 */
function simulateStop(run: RouteRun, i: number, leaveS: number, walked: { arrivalS: number; serviceS: number }, delay: Delay | null): void {
  const { ctx, rng, variability } = run;
  const stop = run.stops[i] as StopRef & { type: 'job' | 'pickup' | 'delivery' };
  const order = ctx.orders.get(stop.id)!;
  const needs = ctx.needs.get(stop.id)!;
  // Always five draws per stop (two normals, one uniform): streams stay aligned when a probability changes.
  const legS = Math.round(lognormal(walked.arrivalS - leaveS, variability.travelCv, normal(rng)));
  const serviceS = Math.round(lognormal(walked.serviceS, variability.serviceCv[order.serviceType], normal(rng)));
  // Not home is a customer's absence: a shipment's pickup (at a store or hub) never fails.
  const notHome = rng() < variability.notHome[order.serviceType] && stop.type !== 'pickup';
  let arrivalS = leaveS + legS;
  if (delay) {
    run.out.push({ atS: leaveS + Math.floor(delay.fraction * legS), event: { type: 'delay', vehicle: run.route.vehicleId, minutes: delay.minutes } });
    arrivalS += delay.minutes * 60;
  }
  const windows = stop.type === 'pickup' ? needs.shipment!.timeWindows : needs.timeWindows;
  const startS = windowStart(windows, arrivalS) ?? arrivalS;
  const endS = startS + (notHome ? variability.failedAttemptMinutes * 60 : serviceS);
  run.reports[i] = { arrivalS, endS, failed: notHome };
  const side = stop.type === 'job' ? {} : { stop: stop.type };
  run.out.push({ atS: arrivalS, event: { type: 'arrived', order: order.id, ...side } });
  run.out.push({ atS: endS, event: notHome ? { type: 'failed', order: order.id, reason: 'not-home', ...side } : { type: 'done', order: order.id, ...side } });
}

/**
 * `count` urgent orders, each arriving in the first 60 % of the planned day
 * (whole minutes), placed next to a routed order (≈ 400 m away; at the same
 * place when the scenario's matrix knows it), curbside, priority 3 above the
 * highest of the scenario (at most 10), to be served 1–3 hours after it came in.
 */
function urgentOrders(scenario: Scenario, routes: Route[], count: number, rng: Rng, taken: Set<string>): Draft[] {
  const byId = new Map(scenario.orders.map((o) => [o.id, o]));
  const near = routes.flatMap((r) => r.steps.filter((s) => s.type === 'job')).map((s) => byId.get(s.id)).filter((o): o is Order => o !== undefined);
  if (near.length === 0 || count <= 0) return [];
  const firstS = Math.min(...routes.map((r) => r.steps[0].departureS));
  const lastS = Math.max(...routes.map((r) => r.steps[r.steps.length - 1].arrivalS));
  const priority = Math.min(10, Math.max(...scenario.orders.map((o) => o.priority)) + 3);
  const drawn = Array.from({ length: count }, () => ({
    atMinute: Math.ceil((firstS + rng() * Math.max(0, lastS - firstS) * 0.6) / 60),
    base: near[Math.floor(rng() * near.length)],
    offset: [(rng() - 0.5) * 0.008, (rng() - 0.5) * 0.008] as const, // ± 0.004° ≈ ± 450 m north–south
  }));
  drawn.sort((a, b) => a.atMinute - b.atMinute); // ids follow the order they come in
  return drawn.map(({ atMinute, base, offset }) => ({
    atS: atMinute * 60,
    event: { type: 'new-order', order: urgentOrder(scenario, base, offset, nextUrgentId(taken), atMinute, priority) },
  }));
}

/** The next free id `URG-<n>` (marked taken). */
function nextUrgentId(taken: Set<string>): string {
  let n = 1;
  while (taken.has(`URG-${n}`)) n += 1;
  taken.add(`URG-${n}`);
  return `URG-${n}`;
}

/** An urgent curbside order `offset` (degrees lat, lng) from `base`, due 1–3 hours after `atMinute`. */
function urgentOrder(scenario: Scenario, base: Order, offset: readonly [number, number], id: string, atMinute: number, priority: number): Order {
  const [dLat, dLng] = offset;
  const sameSpot = base.matrixIndex !== undefined;
  const start = Math.min(atMinute + 60, 2760); // windows may run to 48:00 (scenario.ts)
  const amounts = [...base.amounts];
  const order: Order = {
    id, customerName: `Urgent customer ${id}`, address: `Near ${base.address}`,
    lat: sameSpot ? base.lat : clamp(base.lat + dLat, -90, 90), lng: sameSpot ? base.lng : clamp(base.lng + dLng, -180, 180),
    serviceType: 'curbside', serviceMinutes: suggestServiceMinutes(scenario.settings, { serviceType: 'curbside', amounts }), amounts,
    timeWindows: [{ start, end: start + 120 }], priority,
    notes: 'Urgent order (simulated)', phone: '', email: '', extra: {},
  };
  if (sameSpot) order.matrixIndex = base.matrixIndex;
  return order;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
