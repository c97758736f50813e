// The plan's status against the scenario it was solved for: none, failed the
// independent check, solved for an older revision (stale), or valid.
import type { Scenario } from '../domain/scenario';

/** What the UI may say about the plan, most serious first. */
export type PlanStatus = 'none' | 'invalid' | 'stale' | 'valid';

/** The status of the scenario's plan: `invalid` (failed the independent check) wins over `stale`. */
export function statusOf(scenario: Scenario | null): PlanStatus {
  const plan = scenario?.plan;
  if (!scenario || !plan) return 'none';
  if (!plan.solution.check.ok) return 'invalid';
  return plan.solvedRevision === scenario.revision ? 'valid' : 'stale';
}
