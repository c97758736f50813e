// What the day store derives through the domain (issue #11): the day's state
// from plan + log (event sourcing), then at the clock's time the live
// prediction, what is at risk, the Day report and the predicted plan the map,
// timeline and KPI bar draw. Pure; the store memoises each step.
import { dayReport, type DayReport } from '../domain/day/day-report';
import type { DayRecord } from '../domain/day/day-schema';
import type { DayEvent } from '../domain/day/events';
import { deriveDayState, type DayState } from '../domain/day/day-state';
import { dayEvalContext, predictDay, type DayPrediction, type PredictionCache, type RiskItem } from '../domain/day/eta';
import type { EvalContext } from '../domain/route-eval';
import { DEFAULT_MIN_ON_TIME_PROBABILITY, feedRiskFlags } from '../domain/day/risk-flags';
import type { PlanRisk } from '../domain/risk/risk-types';
import type { Plan, Scenario } from '../domain/scenario';
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
 * Derives the day's state. The day runs on the scenario's current orders and
 * vehicles: a vehicle or order deleted after dispatch leaves the day (warned).
 */
export function deriveDayBase(scenario: Scenario | null): DayBase | null {
  const day = scenario?.day;
  if (!scenario || !day) return null;
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
    gone.forEach((s) => warnings.push(`order '${s.id}' was deleted after dispatch: left out of the route of '${route.vehicleId}'`));
    return [{ ...route, steps: route.steps.filter((s) => !gone.includes(s)) }];
  });
  const plan = { ...day.dispatchedPlan.solution, routes };
  const state = deriveDayState(scenario, plan as Parameters<typeof deriveDayState>[1], day.events);
  return { scenario, day, plan, state, warnings };
}

/**
 * What each day state keeps between clock steps (the clock's every step predicts the same state): the walk's
 * context, its orders resolved once, and the routes the clock has not caught up with.
 */
const kepts = new WeakMap<DayState, { ctx: EvalContext; routes: PredictionCache }>();

/** The day at `nowMinutes`: prediction, at risk, report and the predicted plan. */
export function predictDayAt(base: DayBase | null, nowMinutes: number): DayDerived | null {
  if (!base) return null;
  let kept = kepts.get(base.state);
  if (!kept) kepts.set(base.state, (kept = { ctx: dayEvalContext(base.scenario, base.state), routes: new WeakMap() }));
  const prediction = predictDay(base.scenario, base.state, nowMinutes, base.day.settings, kept.ctx, kept.routes);
  return {
    ...base, nowMinutes, prediction, atRisk: prediction.atRisk,
    report: dayReport(base.scenario, base.plan as Parameters<typeof dayReport>[1], base.state, prediction),
    view: dayViewScenario(base.scenario, base.state, prediction, base.plan),
  };
}

/** The day with the stops the Monte Carlo finds unlikely to start on time flagged at risk too (risk-flags.ts). */
export function withRiskFlags(derived: DayDerived | null, risk: PlanRisk | null): DayDerived | null {
  if (!derived || !risk) return derived;
  const minOnTime = derived.day.settings?.minOnTimeProbability ?? DEFAULT_MIN_ON_TIME_PROBABILITY;
  const prediction = feedRiskFlags(derived.prediction, derived.state.orders, risk, minOnTime);
  return prediction === derived.prediction ? derived : { ...derived, prediction, atRisk: prediction.atRisk };
}

/** Both steps at once (tests, one-off checks). */
export function deriveDay(scenario: Scenario | null, nowMinutes: number): DayDerived | null {
  return predictDayAt(deriveDayBase(scenario), nowMinutes);
}

/** What the day would report anew if these events were appended (the first such problem), or null. */
export function newIssues(scenario: Scenario, day: DayRecord, events: DayEvent[], now: number): string | null {
  const before = deriveDay({ ...scenario, day }, now)?.state.issues.length ?? 0;
  const after = deriveDay({ ...scenario, day: { ...day, events: [...day.events, ...events] } }, now)?.state.issues ?? [];
  const issue = after[before];
  return issue ? `event '${issue.eventId}': ${issue.message}` : null;
}
