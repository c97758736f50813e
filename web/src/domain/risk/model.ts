// The risk model of a plan (issue #14), flattened for the Monte Carlo: each
// route as the checker walks it (route-eval.ts) from the plan's departure,
// every leg and service with its planned mean and its lognormal parameters,
// the promised windows, the breaks. The JS reference and the WASM simulation
// both read this model, so they draw from exactly the same numbers.
import type { Scenario, Vehicle } from '../scenario';
import { isOrderStep, type StepType } from '../solution';
import { evaluateRoute, makeEvalContext, type EvalContext, type StopRef } from '../route-eval';
import type { Variability } from '../variability';
import { lognormalFactorTable } from './quantiles';

/** A lognormal time: its planned mean times a factor drawn from `model.tables[table]` (quantiles.ts); table −1: always the mean. */
export interface RiskTime {
  meanS: number;
  cv: number;
  table: number;
}

/**
 * One step of a route after the depot: an order stop, a break, or (Day mode,
 * day-model.ts) the rest of a service under way at the current time — sampled
 * like a service but, as a break, not scored (its start is already known).
 */
export interface RiskStop {
  kind: 'order' | 'break' | 'in-progress';
  /** Order id (kind order) or break id. */
  id: string;
  side?: 'pickup' | 'delivery';
  /** The leg from the previous place (a break is taken where the vehicle is: mean 0). */
  leg: RiskTime;
  /** The service (a break: its fixed minutes). */
  service: RiskTime;
  /** Probability that the attempt fails (not home); then it lasts `failedS` instead of the service. */
  notHome: number;
  failedS: number;
  /** Promised windows [open, close], seconds of the day; none = any time. */
  windows: [number, number][];
  /** The planned service start (the checker's walk) and the planned wait for the window before it. */
  plannedStartS: number;
  plannedWaitS: number;
}

/** One route of the plan. */
export interface RiskRoute {
  vehicleId: string;
  departS: number;
  /** Latest return allowed: the shift end plus the overtime allowance, seconds of the day. */
  shiftLimitS: number;
  stops: RiskStop[];
  /** The leg from the last place back to the end depot. */
  endLeg: RiskTime;
}

/** The plan's routes with at least one order stop, and one factor table per distinct CV. */
export interface RiskModel {
  routes: RiskRoute[];
  tables: Float64Array[];
}

/** A time with mean `meanS` and CV `cv` (fixed when either is not positive); its table is assigned by buildRiskModel. */
export function riskTime(meanS: number, cv: number): RiskTime {
  return { meanS: Math.max(0, meanS), cv: meanS > 0 && cv > 0 ? cv : 0, table: -1 };
}

/**
 * What the risk model reads of a plan: each route's vehicle, its first step's departure and its steps' kinds and ids
 * (the times in between are walked again from the scenario). A Solution is one; the risk client sends only these.
 */
export interface RiskPlan {
  /** The first step's `departureS` is the route's departure (needed); the others' are not read. */
  routes: { vehicleId: string; steps: { type: StepType; id: string; departureS?: number }[] }[];
}

/** The RiskPlan of `routes` as JSON text: only what the risk model reads of them (a third of their full text). */
export function riskPlanText(routes: RiskPlan['routes']): string {
  return JSON.stringify(routes.map((r) => ({
    vehicleId: r.vehicleId,
    steps: r.steps.map((s, i) => (i === 0 ? { type: s.type, id: s.id, departureS: s.departureS } : { type: s.type, id: s.id })),
  })));
}

/** Builds the risk model of `plan` under `variability` (routes without order stops are left out). */
export function buildRiskModel(scenario: Scenario, plan: RiskPlan, variability: Variability): RiskModel {
  return riskModelBuilder(scenario, variability)(plan);
}

/**
 * Builds the risk models of plans of one scenario under one variability, each route once: a route whose vehicle,
 * departure and stops (kind and id, in order) were already built is taken as it was, so a plan an edit changed
 * costs the walk of its changed routes only (the risk worker keeps one builder per scenario text; issue #15).
 * A model's routes are exactly what buildRiskModel makes.
 */
export function riskModelBuilder(scenario: Scenario, variability: Variability): (plan: RiskPlan) => RiskModel {
  const ctx = makeEvalContext(scenario);
  let built = new Map<string, RiskRoute | null>();
  return (plan) => {
    const kept = new Map<string, RiskRoute | null>();
    const routes: RiskRoute[] = [];
    for (const route of plan.routes) {
      const key = routeKey(route);
      const riskRoute = built.has(key) ? built.get(key)! : buildRoute(ctx, route, variability);
      kept.set(key, riskRoute);
      if (riskRoute) routes.push(riskRoute);
    }
    // Only the last plan's routes are kept: a builder follows one plan as it is edited.
    built = kept;
    return finishModel(routes);
  };
}

/** What buildRoute reads of a route: its vehicle, its departure and its steps' kinds and ids. */
function routeKey(route: RiskPlan['routes'][number]): string {
  let key = `${route.vehicleId}\u0000${route.steps[0]?.departureS ?? ''}`;
  for (const s of route.steps) key += `\u0000${s.type}\u0001${s.id}`;
  return key;
}

/** The model of these routes: every varying time gets the index of its CV's table (the worker rebuilds the tables of a model sent as routes). */
export function finishModel(routes: RiskRoute[]): RiskModel {
  return { routes, tables: assignTables(routes) };
}

/** Gives every varying time the index of its CV's table and returns the tables. */
function assignTables(routes: RiskRoute[]): Float64Array[] {
  const index = new Map<number, number>();
  const tables: Float64Array[] = [];
  const assign = (t: RiskTime) => {
    if (t.cv <= 0) return void (t.table = -1);
    if (!index.has(t.cv)) {
      index.set(t.cv, tables.length);
      tables.push(lognormalFactorTable(t.cv));
    }
    t.table = index.get(t.cv)!;
  };
  for (const route of routes) {
    route.stops.forEach((s) => { assign(s.leg); assign(s.service); });
    assign(route.endLeg);
  }
  return tables;
}

function buildRoute(ctx: EvalContext, route: RiskPlan['routes'][number], variability: Variability): RiskRoute | null {
  const vehicle = ctx.scenario.vehicles.find((v) => v.id === route.vehicleId);
  if (!vehicle || route.steps.length === 0) return null;
  // Only what the walk turns into a step, so that step i + 1 is stop i.
  const known = (s: StopRef) => (isOrderStep(s) ? ctx.orders.has(s.id) : s.type === 'break' && Boolean(vehicle.breaks?.some((b) => b.id === s.id)));
  const refs: StopRef[] = route.steps.map((s) => ({ type: s.type, id: s.id })).filter(known);
  if (!refs.some(isOrderStep)) return null;
  const departS = route.steps[0].departureS;
  if (typeof departS !== 'number') throw new Error(`the route of ${vehicle.id} gives no departure time`);
  const walk = evaluateRoute(ctx, vehicle, refs, departS);
  const stops = refs.map((ref, i) => buildStop(ctx, ref, walk.steps[i], walk.steps[i + 1], variability, vehicle.breaks ?? []));
  const last = walk.steps[walk.steps.length - 2];
  const end = walk.steps[walk.steps.length - 1];
  return { vehicleId: vehicle.id, departS, shiftLimitS: shiftLimitOf(vehicle), stops, endLeg: riskTime(end.arrivalS - last.departureS, variability.travelCv) };
}

/** Latest return allowed: the shift end plus the overtime allowance, seconds of the day. */
export function shiftLimitOf(vehicle: Vehicle): number {
  return (vehicle.shift.end + (vehicle.overtime?.maxMinutes ?? 0)) * 60;
}

type WalkStep = { arrivalS: number; waitS: number; departureS: number; serviceS: number };

function buildStop(
  ctx: EvalContext, ref: StopRef, before: WalkStep, step: WalkStep, variability: Variability, breaks: { id: string; minutes: number; timeWindows: { start: number; end: number }[] }[],
): RiskStop {
  const plannedStartS = step.arrivalS + step.waitS;
  const plannedWaitS = step.waitS;
  if (ref.type === 'break') {
    const brk = breaks.find((b) => b.id === ref.id)!;
    const windows = brk.timeWindows.map((w) => [w.start * 60, w.end * 60] as [number, number]);
    return { kind: 'break', id: ref.id, leg: riskTime(0, 0), service: riskTime(brk.minutes * 60, 0), notHome: 0, failedS: 0, windows, plannedStartS, plannedWaitS };
  }
  return orderStop(ctx, ref, step.arrivalS - before.departureS, variability, plannedStartS, plannedWaitS);
}

/** An order stop reached by a leg of mean `legMeanS`, its service, windows and not-home chance as the scenario and `variability` set them. */
export function orderStop(ctx: EvalContext, ref: StopRef, legMeanS: number, variability: Variability, plannedStartS: number, plannedWaitS: number): RiskStop {
  const order = ctx.orders.get(ref.id)!;
  const needs = ctx.needs.get(ref.id)!;
  const atPickup = ref.type === 'pickup';
  const tws = atPickup ? needs.shipment!.timeWindows : needs.timeWindows;
  const type = order.serviceType;
  return {
    kind: 'order', id: ref.id, side: ref.type === 'pickup' || ref.type === 'delivery' ? ref.type : undefined,
    leg: riskTime(legMeanS, variability.travelCv),
    service: riskTime(atPickup ? needs.shipment!.serviceS : needs.serviceS, variability.serviceCv[type]),
    // A pickup is collected from a sender, not a home: only jobs and deliveries can fail (as in Play the day).
    notHome: atPickup ? 0 : variability.notHome[type],
    failedS: variability.failedAttemptMinutes * 60,
    windows: tws.map((w) => [w.start * 60, w.end * 60] as [number, number]),
    plannedStartS, plannedWaitS,
  };
}
