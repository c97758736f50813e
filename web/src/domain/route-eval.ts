// Route evaluation shared by the checker and the explanations: walks a
// vehicle's stop sequence from its start depot to its end depot, recomputing
// times, loads at every point, distance and cost, and lists each broken rule.
import type { Break, Depot, Order, Scenario, SoftLimit, TimeWindow, Vehicle } from './scenario';
import type { Step, StepType } from './solution';
import { capabilityGap, resolveOrder, type OrderNeeds } from './service-types';
import { makeLegFn, type LegFn, type Place } from './travel';
import { formatCount, formatHmMinutes, formatMinutes } from './format';
import { clock, fail, type RuleId, type Violation } from './violations';
import { dayArrivalS, dayServiceS, type DayWalk } from './day-walk';

export type { DayWalk, Hold, StopReport } from './day-walk';

/** Lookups built once per scenario. */
export interface EvalContext {
  scenario: Scenario;
  orders: Map<string, Order>;
  /** Each order's resolved needs, resolved when first asked for (a check of two routes of a large day resolves only theirs). */
  needs: { get(orderId: string): OrderNeeds | undefined };
  depots: Map<string, Depot>;
}

/** A stop of a route before timing: its type and the order or break id. */
export interface StopRef {
  type: StepType;
  id: string;
}

/** A stop served late under its order's lateness allowance; `atPickup` at a shipment's pickup. */
export interface LateStop {
  orderId: string;
  lateS: number;
  atPickup?: boolean;
}

/** Everything the walk recomputes for one route. */
export interface RouteEvaluation {
  vehicleId: string;
  /** Recomputed steps, `start` … `end`. */
  steps: Step[];
  violations: Violation[];
  distanceM: number;
  durationS: number;
  drivingS: number;
  waitingS: number;
  serviceS: number;
  /** Order stops (a shipment counts two). */
  stops: number;
  /** Soft lateness: minutes late × the order's cost per minute, summed. */
  latenessCost: number;
  /** Stops served late under their allowance, in route order (a shipment's two legs apart). */
  lateStops: LateStop[];
  overtimeS: number;
  overtimeCost: number;
  /** fixed + per km + per hour of duration + lateness + overtime. */
  cost: number;
}

/** Amounts are compared with this slack (floating sums). */
const AMOUNT_EPS = 1e-9;

/** Builds the lookups for a scenario. */
export function makeEvalContext(scenario: Scenario): EvalContext {
  const orders = new Map(scenario.orders.map((o) => [o.id, o]));
  const resolved = new Map<string, OrderNeeds>();
  const needs = {
    get(orderId: string): OrderNeeds | undefined {
      let found = resolved.get(orderId);
      if (found === undefined) {
        const order = orders.get(orderId);
        if (!order) return undefined;
        found = resolveOrder(scenario.settings, order);
        resolved.set(orderId, found);
      }
      return found;
    },
  };
  return { scenario, orders, needs, depots: new Map(scenario.depots.map((d) => [d.id, d])) };
}

/** Earliest departure allowed by the shift and the start depot's opening. */
export function earliestDepartureS(ctx: EvalContext, vehicle: Vehicle): number {
  const depot = ctx.depots.get(vehicle.startDepotId);
  return Math.max(vehicle.shift.start, depot?.open ?? 0) * 60;
}

/** Earliest start at or after `arrivalS` inside one of the windows (none = any time), or null. */
export function windowStart(windows: TimeWindow[], arrivalS: number): number | null {
  if (windows.length === 0) return arrivalS;
  let best: number | null = null;
  for (const w of windows) {
    const start = Math.max(arrivalS, w.start * 60);
    if (start <= w.end * 60 && (best === null || start < best)) best = start;
  }
  return best;
}

/** Seconds between the latest window end before `arrivalS` and `arrivalS`. */
function lateBy(windows: TimeWindow[], arrivalS: number): number {
  const ends = windows.map((w) => w.end * 60).filter((end) => end < arrivalS);
  return ends.length ? arrivalS - Math.max(...ends) : 0;
}

interface Walk {
  ctx: EvalContext;
  vehicle: Vehicle;
  leg: LegFn;
  time: number;
  place: Place;
  load: number[];
  /** Per unit: largest excess over capacity and the stop where it happens. */
  peak: { excess: number; at: string }[];
  ev: RouteEvaluation;
  picked: Set<string>;
  delivered: Set<string>;
  /** Shipments delivered before their pickup was seen. */
  early: Set<string>;
  breaks: Set<string>;
  /** Running route: reports and clock (absent for a plan). */
  day?: DayWalk;
  /** Index in `stops` of the stop being walked (`stops.length` on the way back). */
  index: number;
}

/**
 * Walks `stops` (start/end entries are ignored) for `vehicle`, leaving at
 * `departS` (default: earliest). With `day`, the route is one being driven:
 * see DayWalk.
 */
export function evaluateRoute(ctx: EvalContext, vehicle: Vehicle, stops: StopRef[], departS?: number, day?: DayWalk): RouteEvaluation {
  const w = startWalk(ctx, vehicle, stops, departS ?? earliestDepartureS(ctx, vehicle), day);
  stops.forEach((stop, i) => {
    w.index = i;
    if (stop.type === 'break') takeBreak(w, stop.id);
    else if (stop.type === 'job' || stop.type === 'pickup' || stop.type === 'delivery') serveStop(w, stop);
  });
  w.index = stops.length;
  finishWalk(w);
  return w.ev;
}

function startWalk(ctx: EvalContext, vehicle: Vehicle, stops: StopRef[], departS: number, day: DayWalk | undefined): Walk {
  const units = ctx.scenario.settings.capacityUnits;
  const start = ctx.depots.get(vehicle.startDepotId)!;
  const load = day?.startLoad ? [...day.startLoad] : units.map(() => 0);
  for (const stop of day?.startLoad ? [] : stops) {
    const needs = stop.type === 'job' ? ctx.needs.get(stop.id) : undefined;
    if (needs && !needs.shipment) needs.delivery.forEach((a, k) => { load[k] += a; });
  }
  const ev: RouteEvaluation = {
    vehicleId: vehicle.id, steps: [], violations: [], distanceM: 0, durationS: 0, drivingS: 0, waitingS: 0, serviceS: 0,
    stops: 0, latenessCost: 0, lateStops: [], overtimeS: 0, overtimeCost: 0, cost: 0,
  };
  const w: Walk = {
    ctx, vehicle, leg: makeLegFn(ctx.scenario, vehicle), time: departS, place: start, load,
    peak: units.map(() => ({ excess: 0, at: start.id })), ev, picked: new Set(), delivered: new Set(), early: new Set(), breaks: new Set(), day, index: 0,
  };
  checkDeparture(w, start, departS);
  pushStep(w, { type: 'start', id: start.id }, departS, 0, 0);
  return w;
}

function checkDeparture(w: Walk, start: Depot, departS: number): void {
  const { vehicle, ev } = w;
  if (departS < vehicle.shift.start * 60) {
    fail(ev.violations, 'shift', vehicle, `'${vehicle.name}' leaves depot at ${clock(departS)}, before its shift starts at ${clock(vehicle.shift.start * 60)}`, { amount: vehicle.shift.start * 60 - departS });
  }
  if (departS < start.open * 60) {
    fail(ev.violations, 'depot-hours', vehicle, `'${vehicle.name}' leaves depot '${start.name || start.id}' at ${clock(departS)}, before it opens at ${clock(start.open * 60)}`, { amount: start.open * 60 - departS, depotId: start.id });
  }
}

/** Appends a step and tracks the load peak after it. */
function pushStep(w: Walk, stop: StopRef, arrivalS: number, waitS: number, serviceS: number): void {
  w.time = arrivalS + waitS + serviceS;
  w.ev.steps.push({ type: stop.type, id: stop.id, arrivalS, waitS, serviceS, departureS: w.time, distanceM: w.ev.distanceM, load: [...w.load] });
  w.load.forEach((l, k) => {
    const limit = w.vehicle.capacity[k];
    if (limit === null || limit === undefined) return;
    const excess = l - limit;
    if (excess > w.peak[k].excess + AMOUNT_EPS) w.peak[k] = { excess, at: stop.id };
  });
}

/** Drives to the place, then starts service inside a window, late under an allowance, or too late. */
function arrive(w: Walk, place: Place, windows: TimeWindow[], lateness: SoftLimit | undefined, orderId: string, atPickup: boolean): { arrivalS: number; startS: number } {
  const arrivalS = driveTo(w, place);
  const report = w.day?.reports[w.index];
  const from = Math.min(Math.max(report?.startS ?? arrivalS, arrivalS), report?.endS ?? Infinity);
  const inside = windowStart(windows, from);
  if (inside !== null) return { arrivalS, startS: report?.startS !== undefined ? from : Math.min(inside, report?.endS ?? Infinity) };
  const lateS = lateBy(windows, from);
  const allowedS = (lateness?.maxMinutes ?? 0) * 60;
  if (lateness && lateS <= allowedS) {
    w.ev.latenessCost += (lateS / 60) * lateness.costPerMinute;
    w.ev.lateStops.push(atPickup ? { orderId, lateS, atPickup } : { orderId, lateS });
  } else {
    const text = windows.map((tw) => `${clock(tw.start * 60)}–${clock(tw.end * 60)}`).join(', ');
    const allowance = lateness ? ` plus ${formatMinutes(lateness.maxMinutes * 60)} allowed lateness` : '';
    const detail = atPickup ? { orderId, amount: lateS - allowedS, atPickup } : { orderId, amount: lateS - allowedS };
    fail(w.ev.violations, 'time-window', w.vehicle, `order '${orderId}' cannot be served inside its window${atPickup ? ' (pickup)' : ''}: arrival ${clock(from)}, window ${text}${allowance}`, detail);
  }
  return { arrivalS, startS: from };
}

/**
 * Drives from where the vehicle is (or was last seen) to `place` and returns
 * the arrival: reported, else walked plus reported delays, capped at a
 * reported departure, and never before the clock for what has not happened.
 */
function driveTo(w: Walk, place: Place): number {
  const report = w.day?.reports[w.index];
  // A sighting from before the vehicle left its last stop is not on this leg (a stale report).
  const seen = report?.seenAt && report.seenAt.atS >= w.time ? report.seenAt : undefined;
  const legs = seen ? [w.leg(w.place, seen.place), w.leg(seen.place, place)] : [w.leg(w.place, place)];
  for (const leg of legs) {
    w.ev.distanceM += leg.distanceM;
    w.ev.drivingS += leg.durationS;
  }
  w.place = place;
  return dayArrivalS(w.day, report, (seen ? seen.atS : w.time) + legs[legs.length - 1].durationS);
}

function serveStop(w: Walk, stop: StopRef): void {
  const order = w.ctx.orders.get(stop.id);
  const needs = w.ctx.needs.get(stop.id);
  if (!order || !needs) return;
  const isShipment = Boolean(order.pickup);
  if (isShipment === (stop.type === 'job')) {
    const expected = isShipment ? 'pickup and delivery steps' : 'a job step';
    fail(w.ev.violations, 'stop-type', w.vehicle, `order '${order.id}' needs ${expected}, not a ${stop.type} step`, { orderId: order.id });
    // Keep the step (at the customer, no load change) so later steps stay aligned with the plan.
    const { arrivalS, startS } = arrive(w, order, needs.timeWindows, order.lateness, order.id, false);
    return pushStep(w, stop, arrivalS, startS - arrivalS, needs.serviceS);
  }
  w.ev.stops += 1;
  if (stop.type !== 'delivery') checkCapability(w, needs);
  const atPickup = stop.type === 'pickup';
  const place: Place = atPickup ? order.pickup! : order;
  const windows = atPickup ? needs.shipment!.timeWindows : needs.timeWindows;
  const { arrivalS, startS } = arrive(w, place, windows, order.lateness, order.id, atPickup);
  changeLoad(w, stop.type, order.id, needs, w.day?.reports[w.index]?.failed ? 0 : 1);
  const serviceS = dayServiceS(w.day, w.day?.reports[w.index], startS, atPickup ? needs.shipment!.serviceS : needs.serviceS);
  w.ev.waitingS += startS - arrivalS;
  w.ev.serviceS += serviceS;
  pushStep(w, stop, arrivalS, startS - arrivalS, serviceS);
}

/**
 * Load after serving a stop: a pickup loads the shipment, its delivery unloads
 * it, a job unloads and collects. `done` is 0 for a failed attempt (nothing
 * changes hands), 1 otherwise.
 */
function changeLoad(w: Walk, type: StepType, orderId: string, needs: OrderNeeds, done: 0 | 1): void {
  if (type === 'pickup') {
    w.picked.add(orderId);
    needs.delivery.forEach((a, k) => { w.load[k] += a * done; });
  } else if (type === 'delivery') {
    if (!w.picked.has(orderId)) w.early.add(orderId);
    w.delivered.add(orderId);
    needs.delivery.forEach((a, k) => { w.load[k] -= a * done; });
  } else {
    needs.delivery.forEach((a, k) => { w.load[k] += (needs.pickup[k] - a) * done; });
  }
}

function checkCapability(w: Walk, needs: OrderNeeds): void {
  const { missingSkills, crewShort } = capabilityGap(w.vehicle, needs);
  const name = w.vehicle.name;
  if (missingSkills.length) {
    fail(w.ev.violations, 'skill', w.vehicle, `order '${needs.orderId}' needs skill ${missingSkills.join(', ')}, which '${name}' does not have`, { orderId: needs.orderId, skills: missingSkills });
  }
  if (crewShort > 0) {
    fail(w.ev.violations, 'crew-size', w.vehicle, `order '${needs.orderId}' needs a crew of ${needs.crewSize}, '${name}' has ${needs.crewSize - crewShort}`, { orderId: needs.orderId, amount: crewShort });
  }
}

function takeBreak(w: Walk, breakId: string): void {
  const { vehicle, ev } = w;
  const brk: Break | undefined = vehicle.breaks?.find((b) => b.id === breakId);
  if (!brk) return void fail(ev.violations, 'break-unknown', vehicle, `'${vehicle.name}' has no break '${breakId}'`, { breakId });
  if (w.breaks.has(brk.id)) fail(ev.violations, 'break-repeated', vehicle, `break '${brk.id}' of '${vehicle.name}' is taken more than once`, { breakId });
  w.breaks.add(brk.id);
  const arrivalS = w.time;
  let startS = windowStart(brk.timeWindows, arrivalS);
  if (startS === null) {
    const lateS = lateBy(brk.timeWindows, arrivalS);
    fail(ev.violations, 'break-window', vehicle, `break '${brk.id}' of '${vehicle.name}' starts at ${clock(arrivalS)}, after its window closes`, { breakId, amount: lateS });
    startS = arrivalS;
  }
  ev.waitingS += startS - arrivalS;
  pushStep(w, { type: 'break', id: brk.id }, arrivalS, startS - arrivalS, brk.minutes * 60);
}

function finishWalk(w: Walk): void {
  const { vehicle, ev, ctx } = w;
  const end = ctx.depots.get(vehicle.endDepotId)!;
  const departS = ev.steps[0].departureS;
  const endS = driveTo(w, end);
  pushStep(w, { type: 'end', id: end.id }, endS, 0, 0);
  ev.durationS = endS - departS;
  checkReturn(w, end, endS);
  checkLoadAndPairs(w);
  checkLimits(w);
  const c = vehicle.costs;
  ev.cost = c.fixed + (c.perKm * ev.distanceM) / 1000 + (c.perHour * ev.durationS) / 3600 + ev.latenessCost + ev.overtimeCost;
}

function checkReturn(w: Walk, end: Depot, endS: number): void {
  const { vehicle, ev } = w;
  const shiftEndS = vehicle.shift.end * 60;
  ev.overtimeS = Math.max(0, endS - shiftEndS);
  const allowedS = (vehicle.overtime?.maxMinutes ?? 0) * 60;
  if (vehicle.overtime) ev.overtimeCost = (ev.overtimeS / 60) * vehicle.overtime.costPerMinute;
  if (ev.overtimeS > allowedS) {
    const extra = vehicle.overtime ? ` plus ${formatHmMinutes(vehicle.overtime.maxMinutes)} overtime` : '';
    fail(ev.violations, 'shift', vehicle, `'${vehicle.name}' is back at ${clock(endS)}, after its shift ends at ${clock(shiftEndS)}${extra}`, { amount: ev.overtimeS - allowedS });
  }
  if (endS > end.close * 60) {
    fail(ev.violations, 'depot-hours', vehicle, `'${vehicle.name}' is back at depot '${end.name || end.id}' at ${clock(endS)}, after it closes at ${clock(end.close * 60)}`, { amount: endS - end.close * 60, depotId: end.id });
  }
}

function checkLoadAndPairs(w: Walk): void {
  const { vehicle, ev } = w;
  const units = w.ctx.scenario.settings.capacityUnits;
  w.peak.forEach((p, k) => {
    if (p.excess <= AMOUNT_EPS) return;
    const load = round2((vehicle.capacity[k] ?? 0) + p.excess);
    fail(ev.violations, 'capacity', vehicle, `'${vehicle.name}' carries ${load} ${units[k]} at '${p.at}', capacity ${vehicle.capacity[k]}`, { amount: p.excess, unit: units[k] });
  });
  for (const id of new Set([...w.picked, ...w.delivered])) {
    if (w.picked.has(id) && w.early.has(id)) fail(ev.violations, 'shipment-precedence', vehicle, `order '${id}' is delivered by '${vehicle.name}' before it is picked up`, { orderId: id });
    if (w.picked.has(id) && w.delivered.has(id)) continue;
    const half = w.picked.has(id) ? 'pickup' : 'delivery';
    fail(ev.violations, 'shipment-split', vehicle, `order '${id}' must be picked up and delivered by the same vehicle; '${vehicle.name}' has only its ${half}`, { orderId: id });
  }
  if (ev.stops === 0) return;
  for (const brk of vehicle.breaks ?? []) {
    if (!w.breaks.has(brk.id)) fail(ev.violations, 'break-missing', vehicle, `'${vehicle.name}' does not take its break '${brk.id}'`, { breakId: brk.id });
  }
}

function checkLimits(w: Walk): void {
  const { vehicle, ev } = w;
  const limits = vehicle.limits;
  if (!limits) return;
  const over = (rule: RuleId, value: number, max: number | undefined, text: (v: number, m: number) => string, scale = 1) => {
    if (max !== undefined && value > max * scale) fail(ev.violations, rule, vehicle, `'${vehicle.name}' ${text(value, max)}`, { amount: value - max * scale });
  };
  over('max-stops', ev.stops, limits.maxStops, (v, m) => `has ${formatCount(v)} stops, at most ${formatCount(m)} allowed`);
  over('max-duration', ev.durationS, limits.maxDurationMinutes, (v, m) => `works ${formatHmMinutes(Math.ceil(v / 60))}, at most ${formatHmMinutes(m)} allowed`, 60);
  over('max-driving', ev.drivingS, limits.maxDrivingMinutes, (v, m) => `drives ${formatHmMinutes(Math.ceil(v / 60))}, at most ${formatHmMinutes(m)} allowed`, 60);
  over('max-distance', ev.distanceM, limits.maxDistanceKm, (v, m) => `drives ${round2(v / 1000)} km, range ${m} km`, 1000);
}

/** Rounds to cents / hundredths for messages. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
