// What the day store derives through the domain (issue #11): the day's state
// from plan + log (event sourcing), then at the clock's time the live
// prediction, what is at risk, the Day report and the predicted plan the map,
// timeline and KPI bar draw. Pure; the store memoises each step.
import { dayReport, type DayReport } from '../domain/day/day-report';
import type { DayRecord } from '../domain/day/day-schema';
import type { DayEvent } from '../domain/day/events';
import { deriveDayState, deriveDayStateKept, deriveDayStateKeptPaused, issuesAfterKept, makeDayStateKeeper, stateAfterKept, type DayState, type DayStateKeeper } from '../domain/day/day-state';
import { dayEvalContext, predictDayInSteps, type DayPrediction, type PredictionCache, type RiskItem, type RouteKeeper } from '../domain/day/eta';
import type { EvalContext } from '../domain/route-eval';
import { DEFAULT_MIN_ON_TIME_PROBABILITY, feedRiskFlags, type EstimateBasis } from '../domain/day/risk-flags';
import type { PlanRisk } from '../domain/risk/risk-types';
import type { Order, Plan, Scenario } from '../domain/scenario';
import { dayViewScenario } from '../plan/day-view';

/** The day's state and what had to be left out of it. */
export interface DayBase {
  scenario: Scenario;
  day: DayRecord;
  /** The dispatched plan as the day runs it (routes of deleted vehicles, stops of deleted orders left out). */
  plan: DayRecord['dispatchedPlan']['solution'];
  state: DayState;
  /** Scenario edits after dispatch the day could not follow. */
  warnings: string[];
}

/** Everything shown in Day mode at one clock time. */
export interface DayDerived extends DayBase {
  nowMinutes: number;
  prediction: DayPrediction;
  atRisk: RiskItem[];
  report: DayReport;
  /** The scenario as the day sees it, with the predicted plan. */
  view: Scenario & { plan: Plan };
}

/**
 * What a caller that derives one day again and again keeps between derivations (the page: after every event,
 * and at every clock step): the state the log had so far (day-state.ts DayStateKeeper) and each vehicle's
 * last predicted route (eta.ts RouteKeeper). Both hold for one scenario's data: a scenario whose data are
 * other objects (an edit, another scenario) starts them anew. The scenario's objects are taken as never
 * changed in place (the store hands the day a copy it keeps to itself).
 */
export interface DayKeeper {
  data: Scenario | null;
  state: DayStateKeeper;
  routes: RouteKeeper;
  /** The dispatched plan as the day runs it, while its dispatched plan and what had to be left out are the same. */
  plan: { dispatched: object; warnings: string; plan: DayBase['plan'] } | null;
}

/** An empty keeper. */
export const makeDayKeeper = (): DayKeeper => ({ data: null, state: makeDayStateKeeper(), routes: new Map(), plan: null });

/** True when every field of the two scenarios but the day is the same value (the same objects). */
function sameData(a: Scenario, b: Scenario): boolean {
  const keys = Object.keys(a).filter((k) => k !== 'day');
  return keys.length === Object.keys(b).filter((k) => k !== 'day').length
    && keys.every((k) => (a as unknown as Record<string, unknown>)[k] === (b as unknown as Record<string, unknown>)[k]);
}

/**
 * Derives the day's state. The day runs on the scenario's current orders and
 * vehicles: a vehicle or order deleted after dispatch leaves the day (warned).
 * With a keeper, only the events appended since its last derivation are applied.
 */
export function deriveDayBase(scenario: Scenario | null, keeper?: DayKeeper): DayBase | null {
  const run = dayRun(scenario, keeper);
  if (!run) return null;
  const { day, plan, warnings } = run;
  const dispatched = plan as Parameters<typeof deriveDayState>[1];
  const state = keeper ? deriveDayStateKept(keeper.state, run.scenario, dispatched, day.events) : deriveDayState(run.scenario, dispatched, day.events);
  return { ...run, state, warnings };
}

/**
 * deriveDayBase for its keeper alone, its long steps in tasks of their own (`pause` between them): a large
 * Dispatch derives the day's first state so before the day is stored, and the store's derivation takes it as kept.
 */
export async function primeDayBase(scenario: Scenario, keeper: DayKeeper, pause: () => Promise<void>): Promise<void> {
  const run = dayRun(scenario, keeper);
  if (run) await deriveDayStateKeptPaused(keeper.state, run.scenario, run.plan as Parameters<typeof deriveDayState>[1], run.day.events, pause);
}

/** The day's plan as it runs (what was deleted after dispatch left out, warned), the keeper made ready for this scenario. */
function dayRun(scenario: Scenario | null, keeper?: DayKeeper): Omit<DayBase, 'state'> | null {
  const day = scenario?.day;
  if (!scenario || !day) {
    // No day: nothing to keep (a closed day's state is let go).
    if (keeper?.data) Object.assign(keeper, makeDayKeeper());
    return null;
  }
  if (keeper && (!keeper.data || !sameData(keeper.data, scenario))) Object.assign(keeper, makeDayKeeper(), { data: scenario });
  const vehicles = new Set(scenario.vehicles.map((v) => v.id));
  const orders = new Set(scenario.orders.map((o) => o.id));
  for (const e of day.events) if (e.type === 'new-order') orders.add(e.order.id);
  const warnings: string[] = [];
  const routes = day.dispatchedPlan.solution.routes.flatMap((route) => {
    if (!vehicles.has(route.vehicleId)) {
      warnings.push(`vehicle '${route.vehicleId}' was deleted after dispatch: its route is left out of the day`);
      return [];
    }
    const gone = route.steps.filter((s) => (s.type === 'job' || s.type === 'pickup' || s.type === 'delivery') && !orders.has(s.id));
    if (gone.length === 0) return [route];
    gone.forEach((s) => warnings.push(`order '${s.id}' was deleted after dispatch: left out of the route of '${route.vehicleId}'`));
    return [{ ...route, steps: route.steps.filter((s) => !gone.includes(s)) }];
  });
  // The same plan object while nothing else was left out: the kept state and the routes' figures follow it.
  const kept = keeper?.plan;
  const plan = kept && kept.dispatched === day.dispatchedPlan && kept.warnings === warnings.join('\n') ? kept.plan : { ...day.dispatchedPlan.solution, routes };
  if (keeper) keeper.plan = { dispatched: day.dispatchedPlan, warnings: warnings.join('\n'), plan };
  return { scenario, day, plan, warnings };
}

/**
 * What each day state keeps between clock steps (the clock's every step predicts the same state): the walk's
 * context, its orders resolved once, and the routes the clock has not caught up with.
 */
const kepts = new WeakMap<DayState, { ctx: EvalContext; routes: PredictionCache }>();
/**
 * The walk's context per list of the day's orders (with the scenario it was made for): the day's states share
 * one while no order was added (day-state.ts keeps the list), so its orders' needs are resolved once, not per event.
 */
const contexts = new WeakMap<readonly Order[], { scenario: Scenario; ctx: EvalContext }>();

function contextOf(scenario: Scenario, state: DayState): EvalContext {
  const kept = contexts.get(state.orders);
  if (kept && sameData(kept.scenario, scenario)) return kept.ctx;
  const ctx = dayEvalContext(scenario, state);
  contexts.set(state.orders, { scenario, ctx });
  return ctx;
}

/**
 * The day at `nowMinutes`: prediction, at risk, report and the predicted plan. With the keeper `base` was
 * derived with, a route predicted for an earlier state is taken again when nothing its walk reads changed.
 */
export function predictDayAt(base: DayBase | null, nowMinutes: number, keeper?: DayKeeper): DayDerived | null {
  const job = predictDayAtInSteps(base, nowMinutes, keeper);
  job.step();
  return job.result();
}

/** predictDayAt made a slice at a time: `step` until it returns true, then `result`. */
export interface DayDerivation {
  /** Works until `deadline` (a `performance.now()` time; default: to the end); true once the day is derived. */
  step(deadline?: number): boolean;
  result(): DayDerived | null;
}

/**
 * predictDayAt in slices (the page's, on a day of hundreds of routes: one task predicted them all, 60–100 ms at
 * 10,000 orders): the routes a few at a time (eta.ts predictDayInSteps), then at risk, the report and the
 * predicted plan in a step of their own. The same result as predictDayAt, whatever the slices.
 */
export function predictDayAtInSteps(base: DayBase | null, nowMinutes: number, keeper?: DayKeeper): DayDerivation {
  if (!base) return { step: () => true, result: () => null };
  let kept = kepts.get(base.state);
  if (!kept) kepts.set(base.state, (kept = { ctx: contextOf(base.scenario, base.state), routes: new WeakMap() }));
  const across = keeper && keeper.data && sameData(keeper.data, base.scenario) ? keeper.routes : undefined;
  const routes = predictDayInSteps(base.scenario, base.state, nowMinutes, base.day.settings, kept.ctx, kept.routes, across);
  let derived: DayDerived | null = null;
  let predicted = false;
  let report: DayReport | null = null;
  return {
    step(deadline = Infinity) {
      if (derived) return true;
      if (!predicted) {
        if (!routes.step(deadline)) return false;
        predicted = true;
        // The routes' last slice used the time up: what is made of them comes in the next step.
        if (performance.now() >= deadline) return false;
      }
      const prediction = routes.result();
      if (!report) {
        // The report of a day predicted afresh (every route's figures: ~20 ms at 10,000 stops), then the view.
        report = dayReport(base.scenario, base.plan as Parameters<typeof dayReport>[1], base.state, prediction);
        if (performance.now() >= deadline) return false;
      }
      derived = { ...base, nowMinutes, prediction, atRisk: prediction.atRisk, report, view: dayViewScenario(base.scenario, base.state, prediction, base.plan) };
      return true;
    },
    result() {
      if (!derived) throw new Error('the day is not derived yet: step until it is');
      return derived;
    },
  };
}

/**
 * The day with the stops the Monte Carlo finds unlikely to start on time flagged at risk too (risk-flags.ts); with
 * the estimate's basis, only on the routes as they were estimated.
 */
export function withRiskFlags(derived: DayDerived | null, risk: PlanRisk | null, basis?: EstimateBasis): DayDerived | null {
  if (!derived || !risk) return derived;
  const minOnTime = derived.day.settings?.minOnTimeProbability ?? DEFAULT_MIN_ON_TIME_PROBABILITY;
  const prediction = feedRiskFlags(derived.prediction, derived.state.orders, risk, minOnTime, basis);
  return prediction === derived.prediction ? derived : { ...derived, prediction, atRisk: prediction.atRisk };
}

/** Both steps at once (tests, one-off checks). */
export function deriveDay(scenario: Scenario | null, nowMinutes: number): DayDerived | null {
  return predictDayAt(deriveDayBase(scenario), nowMinutes);
}

/**
 * What the day would report anew if these events were appended (the first such problem), or null; `before` is
 * the day's state now when the caller has it (the page does). States only: no prediction is needed for this.
 */
export function newIssues(scenario: Scenario, day: DayRecord, events: DayEvent[], before?: DayState, keeper?: DayKeeper): string | null {
  const count = (before ?? deriveDayBase({ ...scenario, day })?.state)?.issues.length ?? 0;
  // With the keeper that derived this very day: the events applied to a copy of its working state (at 10,000
  // orders the whole log derived afresh was ~100 ms per events file read).
  const kept = keeper?.data && keeper.plan && keeper.plan.dispatched === day.dispatchedPlan && sameData(keeper.data, scenario)
    ? issuesAfterKept(keeper.state, scenario, keeper.plan.plan as Parameters<typeof deriveDayState>[1], day.events, events) : null;
  const after = kept ?? deriveDayBase({ ...scenario, day: { ...day, events: [...day.events, ...events] } })?.state.issues ?? [];
  const issue = after[count];
  return issue ? `event '${issue.eventId}': ${issue.message}` : null;
}

/**
 * The state of `scenario`'s day with `more` appended to `events` (its log), from the keeper that derived this very
 * day (its working state copied, day-state.ts stateAfterKept), or null when the keeper holds another day or log.
 */
export function stateWithKept(scenario: Scenario, day: DayRecord, events: readonly DayEvent[], more: readonly DayEvent[], keeper: DayKeeper): DayState | null {
  const holds = keeper.data && keeper.plan && keeper.plan.dispatched === day.dispatchedPlan && sameData(keeper.data, scenario);
  return holds ? stateAfterKept(keeper.state, scenario, keeper.plan!.plan as Parameters<typeof deriveDayState>[1], events, more) : null;
}
