// What a view of a scenario's plan (the map's stops and lines, the timeline's rows) derives from: the scenario,
// its plan's routes and unassigned orders, its revision and its data edits. A solve's result that is the plan
// already shown (its best so far) shares that plan's routes (solver/shown-plan.ts), so these views keep what
// they drew instead of deriving 10,000 stops again (issue #15).
import type { Scenario } from '../domain/scenario';
import type { Route, UnassignedOrder } from '../domain/solution';
import type { SameSource } from './staged';

export interface PlanViewKey {
  /** The scenario the view shows (the store's, or a Day-mode view of it). */
  scenario: Scenario;
  /** The plan's routes and unassigned orders (shared by a plan value that holds the same plan); null without a plan. */
  routes: readonly Route[] | null;
  unassigned: readonly UnassignedOrder[] | null;
  revision: number;
  /** The store's `dataChanges`: edits of anything but the plan. */
  dataChanges: number;
}

/** The key of `scenario` (tracked reads of its plan and revision, and of `dataChanges`), or null. */
export function planViewKey(scenario: Scenario | null | undefined, dataChanges: () => number): PlanViewKey | null {
  if (!scenario) return null;
  const solution = scenario.plan?.solution;
  return { scenario, routes: solution?.routes ?? null, unassigned: solution?.unassigned ?? null, revision: scenario.revision, dataChanges: dataChanges() };
}

/** Whether two keys give the same view. */
export const samePlanView: SameSource<PlanViewKey | null> = (last, next) => last === next || (last !== null && next !== null
  && last.scenario === next.scenario && last.routes === next.routes && last.unassigned === next.unassigned
  && last.revision === next.revision && last.dataChanges === next.dataChanges);

/**
 * The data edits a view of a plan keys on: the store's `dataChanges` but the day's (`dayChanges`). The day's
 * events change no order, vehicle or setting (Day mode's view of the plan is a new plan per event, over the same
 * data), so the map and timeline keep what they drew of the routes an event left as they were.
 */
export const viewDataChanges = (state: { readonly dataChanges: number; readonly dayChanges: number }): number => state.dataChanges - state.dayChanges;
