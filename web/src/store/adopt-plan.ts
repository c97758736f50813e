// Storing a solved plan as the open scenario's plan (Optimize, and a plan chosen
// from the on-time trade-off): with a routing service the scenario keeps the road
// matrices the plan was solved with, so the checker reads the same legs.
import { withoutTravelMatrices, withTravelMatrices } from '../domain/road-matrix';
import type { Scenario, TravelSource } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import type { ScenarioActions } from './scenario';

/**
 * Stores `solution` (checked) as the plan of `snapshot`'s revision, `solved` being the scenario the solver
 * saw (its road matrices); an edit since the snapshot leaves the scenario as it is (the plan is stale anyway).
 */
export function adoptSolvedPlan(scenarioActions: ScenarioActions, snapshot: Scenario, solved: Scenario, travel: TravelSource, solution: Solution): void {
  const plan = { solvedRevision: snapshot.revision, solution, travel };
  // Without a routing service there is nothing else to store: no copy of the scenario (10,000 orders) needed.
  if (!snapshot.settings.routingUrl?.trim()) return scenarioActions.setPlan(plan);
  const current = scenarioActions.snapshot();
  if (!current || current.revision !== snapshot.revision) return scenarioActions.setPlan(plan);
  const routed = solved.travelMatrices ? withTravelMatrices(current, solved.travelMatrices) : withoutTravelMatrices(current);
  scenarioActions.replace({ ...routed, plan });
}
