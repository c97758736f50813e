// One objective for every repair candidate, computed outside the solver: the
// candidate applied as a 'repair-applied' event, the day walked by the checker's
// walk (eta.ts predictDay → route-eval with a DayWalk), then route cost + lateness
// + unassigned penalty + stability. Rules the past already broke are facts, not faults.
import type { DayRecord } from '../domain/day/day-schema';
import { dayOrders, deriveDayState, stopKey, type DayState } from '../domain/day/day-state';
import { predictDay, predictDayInSteps, type DayPrediction, type DaySettings } from '../domain/day/eta';
import type { AcceptedRoute, DayEvent, RepairAppliedEvent, RouteStopRef } from '../domain/day/events';
import { unassignedToday } from '../domain/day/repair-problem';
import type { RepairStart } from '../domain/day/repair-start';
import type { Scenario } from '../domain/scenario';
import { resolveOrder, unassignedPenalty } from '../domain/service-types';
import { isOrderStep, type Solution } from '../domain/solution';
import type { Violation } from '../domain/violations';

/** Everything a repair judges candidates against (repair.ts repairContext). */
export interface RepairContext {
  scenario: Scenario;
  day: DayRecord;
  plan: Pick<Solution, 'routes' | 'unassigned'>;
  settings: DaySettings;
  nowS: number;
  /** The day as it stands. */
  state: DayState;
  prediction: DayPrediction;
  starts: RepairStart[];
  stability: { movedCost: number; resequencedCost: number };
  exclude: string[];
  /** The caller's kept derivation of this log with more events appended, or null (RepairOptions.known.stateWith). */
  stateWith?: (events: readonly DayEvent[], more: readonly DayEvent[]) => DayState | null;
  /** Violations of the frozen prefixes alone, per vehicle (computed once, on first use). */
  facts?: Map<string, Violation[]>;
}

/** A candidate walked as a day and scored. */
export interface ScoredCandidate {
  routes: AcceptedRoute[];
  state: DayState;
  prediction: DayPrediction;
  /** Orders of today served by no route (stranded stops of an unavailable vehicle included). */
  unassigned: string[];
  /** Violations the rest of the day causes (the past's are facts and left out). */
  violations: Violation[];
  routeCost: number;
  /** Soft lateness is in routeCost; this prices broken windows and other broken rules. */
  lateness: number;
  penalty: number;
  moved: number;
  resequenced: number;
  objective: number;
}

/** A broken hard window costs the order's unassigned penalty plus this per minute late. */
export const LATE_MINUTE_COST = 100;

/** The repair event of a candidate (re-deliveries in `exclude` are kept for later). */
export function repairEvent(ctx: RepairContext, routes: AcceptedRoute[], id = 'repair-proposal'): RepairAppliedEvent {
  const keep = ctx.exclude.filter((x) => ctx.state.redeliveries.some((r) => r.orderId === x));
  const taken = new Set(ctx.day.events.map((e) => e.id));
  let unique = id;
  for (let n = 2; taken.has(unique); n += 1) unique = `${id}#${n}`;
  return { type: 'repair-applied', id: unique, at: ctx.nowS / 60, routes, ...(keep.length ? { keepForLater: keep } : {}) };
}

/** The day after accepting `routes`: state and prediction now. */
export function dayAfter(ctx: RepairContext, routes: AcceptedRoute[]): DayAfter {
  const state = stateAfter(ctx, routes);
  return { state, prediction: predictAfter(ctx, state) };
}

/** A candidate's day: its state and its prediction now. */
export interface DayAfter {
  state: DayState;
  prediction: DayPrediction;
}

/** The day's state after accepting `routes` (dayAfter's first half). */
export function stateAfter(ctx: RepairContext, routes: AcceptedRoute[]): DayState {
  const more = [repairEvent(ctx, routes)];
  // From the page's kept derivation of this log when it still holds it: the whole log derived afresh per
  // candidate was 35-60 ms at 10,000 orders (issue #15). The same state either way (day-state.ts).
  return ctx.stateWith?.(ctx.day.events, more) ?? deriveDayState(ctx.scenario, ctx.plan, [...ctx.day.events, ...more]);
}

/** That state predicted now (dayAfter's second half). */
export function predictAfter(ctx: RepairContext, state: DayState): DayPrediction {
  return predictDay(ctx.scenario, state, ctx.nowS / 60, ctx.settings);
}

/** Work between two pauses of a paused walk's prediction, milliseconds. */
export const PAUSED_SLICE_MS = 10;

/**
 * dayAfter with `pause` awaited before it, after the state and after each `sliceMs` of the prediction (the page:
 * each in a task of its own; a whole prediction at 10,000 orders was a task of 40-70 ms, issue #15). The same day.
 */
export async function dayAfterPaused(ctx: RepairContext, routes: AcceptedRoute[], pause: () => Promise<void>, sliceMs = PAUSED_SLICE_MS): Promise<DayAfter> {
  await pause();
  const state = stateAfter(ctx, routes);
  await pause();
  const steps = predictDayInSteps(ctx.scenario, state, ctx.nowS / 60, ctx.settings);
  while (!steps.step(performance.now() + sliceMs)) await pause();
  await pause();
  return { state, prediction: steps.result() };
}

/** Walks and scores a candidate (whole routes) against the day as it stands; `after`: its day, when walked already (dayAfter). */
export function scoreCandidate(ctx: RepairContext, routes: AcceptedRoute[], after: DayAfter = dayAfter(ctx, routes)): ScoredCandidate {
  const { state, prediction } = after;
  const violations = tailViolations(ctx, prediction);
  const unassigned = unservedOrders(ctx, state, prediction);
  const orders = dayOrders(state);
  const penaltyOf = (id: string | undefined) => unassignedPenalty(ctx.scenario.settings, id && orders.has(id) ? resolveOrder(ctx.scenario.settings, orders.get(id)!).priority : 10);
  const penalty = unassigned.reduce((sum, id) => sum + penaltyOf(id), 0);
  const lateness = violations.reduce((sum, v) => sum + (v.rule === 'time-window' ? penaltyOf(v.orderId) + ((v.amount ?? 0) / 60) * LATE_MINUTE_COST : penaltyOf(undefined)), 0);
  const routeCost = predictedCost(state, prediction);
  const changes = stabilityChanges(ctx.state, state);
  const moved = changes.moved.length;
  const resequenced = changes.resequenced.length;
  const objective = routeCost + lateness + penalty + moved * ctx.stability.movedCost + resequenced * ctx.stability.resequencedCost;
  return { routes, state, prediction, unassigned, violations, routeCost, lateness, penalty, moved, resequenced, objective };
}

/** Sum of the predicted costs of the routes that serve at least one stop (done stops count). */
export function predictedCost(state: DayState, prediction: DayPrediction): number {
  return usedRoutes(state, prediction).reduce((sum, r) => sum + r.cost, 0);
}

/** Metres of the same routes. */
export function predictedDistanceM(state: DayState, prediction: DayPrediction): number {
  return usedRoutes(state, prediction).reduce((sum, r) => sum + r.distanceM, 0);
}

function usedRoutes(state: DayState, prediction: DayPrediction): DayPrediction['routes'] {
  const used = new Set(state.routes.filter((r) => r.stops.some(isOrderStep)).map((r) => r.vehicleId));
  return prediction.routes.filter((r) => used.has(r.vehicleId));
}

/**
 * Orders with a stop still to make today on no route (those a repair cannot place included: goods
 * collected by a vehicle now unavailable, a stop reported arrived while on no route), and those
 * stranded on an unavailable vehicle; excluded ones left out.
 */
export function unservedOrders(ctx: RepairContext, state: DayState, prediction: DayPrediction): string[] {
  const stranded = prediction.routes.flatMap((r) => r.stops.filter((s) => s.source === 'stranded').map((s) => s.orderId));
  return [...new Set([...unassignedToday(state, ctx.exclude), ...stranded])];
}

/**
 * Stop keys that changed vehicle (from a vehicle: new orders placed are not
 * moves; to null: left unassigned) and stop keys whose predecessor changed on the same vehicle.
 */
export function stabilityChanges(before: DayState, after: DayState): { moved: string[]; resequenced: string[] } {
  const open = (key: string) => ['planned', 'en-route'].includes(before.stops[key]?.status ?? '');
  const keys = Object.keys(before.stops).filter((k) => open(k) && before.stops[k].vehicleId !== null);
  const moved = keys.filter((k) => (after.stops[k]?.vehicleId ?? null) !== before.stops[k].vehicleId);
  const prevBefore = predecessors(before);
  const prevAfter = predecessors(after);
  const resequenced = keys.filter((k) => after.stops[k]?.vehicleId === before.stops[k].vehicleId && prevAfter.get(k) !== prevBefore.get(k));
  return { moved, resequenced };
}

/** Stop key → the order stop before it on its route ('^' first), breaks ignored. */
export function predecessors(state: DayState): Map<string, string> {
  const out = new Map<string, string>();
  for (const route of state.routes) {
    let prev = '^';
    for (const s of route.stops) {
      if (!isOrderStep(s)) continue;
      const key = stopKey(s.id, s.type);
      out.set(key, prev);
      prev = key;
    }
  }
  return out;
}

/**
 * Violations of the walked day that the rest of the day causes: a violation
 * also found, at least as large, when each vehicle drives only its frozen
 * prefix (then its breaks still possible, then back) is a fact of the past;
 * so is a break whose every window closed before the vehicle is free (a van
 * idle at the depot all morning given work after its lunch window is not the
 * repair's doing, with or without a stop it is already driving to).
 */
export function tailViolations(ctx: RepairContext, prediction: DayPrediction): Violation[] {
  const facts = factsOf(ctx);
  return prediction.routes.flatMap((route) => {
    const pool = [...(facts.get(route.vehicleId) ?? [])];
    const start = ctx.starts.find((s) => s.vehicleId === route.vehicleId);
    const possible = start ? new Set(breaksStillPossible(ctx, start).map((b) => b.id)) : undefined;
    return route.violations.filter((v) => {
      if (v.rule === 'break-missing' && possible && v.breakId !== undefined && !possible.has(v.breakId)) return false;
      const i = pool.findIndex((f) => f.rule === v.rule && f.orderId === v.orderId && f.breakId === v.breakId && (f.amount ?? 0) >= (v.amount ?? 0) - 1e-6);
      if (i < 0) return true;
      pool.splice(i, 1);
      return false;
    });
  });
}

/** The frozen prefixes walked alone (memoised on the context). */
function factsOf(ctx: RepairContext): Map<string, Violation[]> {
  if (ctx.facts) return ctx.facts;
  const routes: AcceptedRoute[] = ctx.starts.filter((s) => ctx.state.routes.some((r) => r.vehicleId === s.vehicleId)).map((start) => {
    const breaks = start.frozen.some(isOrderStep) ? breaksStillPossible(ctx, start) : [];
    return { vehicle: start.vehicleId, stops: [...start.frozen, ...breaks] as RouteStopRef[] };
  });
  const { prediction } = dayAfter({ ...ctx, exclude: [] }, routes);
  ctx.facts = new Map(prediction.routes.map((r) => [r.vehicleId, r.violations]));
  return ctx.facts;
}

/** Breaks of the vehicle not taken in its frozen prefix whose window has not closed when it is free. */
export function breaksStillPossible(ctx: RepairContext, start: RepairStart): RouteStopRef[] {
  const vehicle = ctx.scenario.vehicles.find((v) => v.id === start.vehicleId)!;
  const taken = new Set(start.frozen.filter((s) => s.type === 'break').map((s) => s.id));
  const freeS = Math.max(start.from.timeS, ctx.nowS);
  return (vehicle.breaks ?? []).filter((b) => !taken.has(b.id) && b.timeWindows.some((w) => w.end * 60 >= freeS)).map((b) => ({ type: 'break', id: b.id }));
}
