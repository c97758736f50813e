// Storing a solved plan as the open scenario's plan (Optimize, and a plan chosen
// from the on-time trade-off): with a routing service the scenario keeps the road
// matrices the plan was solved with, so the checker reads the same legs.
import { withoutTravelMatrices, withTravelMatrices } from '../domain/road-matrix';
import type { Scenario, TravelSource } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import { rawOf } from './raw';
import type { ScenarioActions } from './scenario';

/**
 * What a solve needs to know of the scenario it started from, to store its plans: which scenario, at which
 * revision, and its settings (whether a routing service gave the travel times). Without a routing service this is
 * all a solve keeps of it: a whole copy would be 10,000 orders parsed at the Optimize click and kept through the
 * solve for nothing (issue #15).
 */
export type ScenarioHead = Pick<Scenario, 'id' | 'revision' | 'settings'>;

/** The head of `scenario`, its settings copied (the store changes its own in place). */
export function headOf(scenario: Scenario): ScenarioHead {
  return { id: scenario.id, revision: scenario.revision, settings: structuredClone(rawOf(scenario.settings)) };
}

/**
 * Stores `solution` (checked) as the plan of `snapshot`'s revision, `solved` being the scenario the solver
 * saw (its road matrices); an edit since the snapshot leaves the scenario as it is (the plan is stale anyway).
 */
export function adoptSolvedPlan(scenarioActions: ScenarioActions, snapshot: ScenarioHead, solved: Pick<Scenario, 'travelMatrices'>, travel: TravelSource, solution: Solution): void {
  const plan = { solvedRevision: snapshot.revision, solution, travel };
  // Without a routing service there is nothing else to store: no copy of the scenario (10,000 orders) needed.
  if (!snapshot.settings.routingUrl?.trim()) return scenarioActions.setPlan(plan);
  const current = scenarioActions.snapshot();
  if (!current || current.revision !== snapshot.revision) return scenarioActions.setPlan(plan);
  const routed = solved.travelMatrices ? withTravelMatrices(current, solved.travelMatrices) : withoutTravelMatrices(current);
  scenarioActions.replace({ ...routed, plan });
}
