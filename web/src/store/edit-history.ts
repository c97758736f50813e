// The undo and redo steps of the edit store (edit.ts): what one step keeps, the bounded history,
// and how a plan step is put back with the road matrices its plan was made with.
import { withoutTravelMatrices, withTravelMatrices } from '../domain/road-matrix';
import type { Plan, Scenario, TravelMatrix } from '../domain/scenario';
import type { ScenarioText } from './plan-value';
import type { ScenarioActions } from './scenario';

type Matrices = Record<string, TravelMatrix>;

/**
 * One step back: a plan (hand edit, solve) or the whole scenario (a data edit). A solve that changed the
 * road matrices (routing service, or its fallback to the embedded model) keeps the ones its plan was made
 * with (`matrices`, null: none), so undoing it brings back the plan's own travel times, not the newer ones.
 */
export type PlanEntry = { kind: 'plan'; plan: Plan; matrices?: Matrices | null };
export type Entry = PlanEntry | { kind: 'scenario'; scenario: ScenarioText };

/** Snapshots kept for undo; older ones are dropped. */
const HISTORY_LIMIT = 50;

/** Undo (`past`) and redo (`future`) steps; plans are immutable values (plan-value.ts), kept by reference. */
export class EditHistory {
  readonly past: Entry[] = [];
  readonly future: Entry[] = [];

  /** A new step back; the redo branch is gone. */
  remember(entry: Entry): void {
    if (this.past.push(entry) > HISTORY_LIMIT) this.past.shift();
    this.future.length = 0;
  }

  clear(): void {
    this.past.length = 0;
    this.future.length = 0;
  }
}

/**
 * Puts `target`'s plan in place of `current` in the scenario and returns the step that goes back. A plain plan
 * step goes through `put`; one that kept its matrices brings them back in one replace of the scenario, a copy
 * made by `copy` only then (a copy of 10,000 orders for every undone move was a long task, issue #15).
 */
export function restorePlan(actions: ScenarioActions, copy: () => Scenario, current: Plan, target: PlanEntry, put: (plan: Plan) => void): PlanEntry {
  if (target.matrices === undefined) {
    put(target.plan);
    return { kind: 'plan', plan: current };
  }
  const scenario = copy();
  const travel = target.matrices ? withTravelMatrices(scenario, target.matrices) : withoutTravelMatrices(scenario);
  actions.replace({ ...travel, plan: target.plan });
  return { kind: 'plan', plan: current, matrices: scenario.travelMatrices ?? null };
}
