// Plans shown while a solve is still running (the best so far, re-checked like any plan): shown as
// the scenario's plan, marked so the undo history keeps one step per solve, and taken back when the
// solve fails (the plan before it returns).
import type { Plan, Scenario, TravelSource } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import type { ScenarioStore } from './scenario';

const provisional = new WeakSet<object>();

/** True for a plan shown during a solve that has since been, or will be, replaced by its result. */
export function isProvisional(solution: object): boolean {
  return provisional.has(solution);
}

/** The best-so-far display of the run store. */
export interface BestSoFar {
  /** Shows a checked plan, unless the user has edited the scenario or opened another since the solve began. */
  show(snapshot: Scenario, travel: TravelSource, solution: Solution): void;
  /** The solve returned its plan: nothing to take back. */
  settled(): void;
  /** The solve failed: the plan shown before it comes back (the best-so-far plans were only a preview). */
  restore(): void;
}

/** Makes the best-so-far display over the scenario store. */
export function makeBestSoFar([scenarioState, scenarioActions]: ScenarioStore): BestSoFar {
  let before: { id: string; plan: Plan | null } | null = null;
  return {
    show(snapshot, travel, solution) {
      const current = scenarioState.scenario;
      if (!current || current.id !== snapshot.id || current.revision !== snapshot.revision) return;
      // The store's plan is an immutable value: kept by reference.
      before ??= { id: snapshot.id, plan: current.plan ?? null };
      provisional.add(solution);
      scenarioActions.setPlan({ solvedRevision: snapshot.revision, solution, travel });
    },
    settled() {
      before = null;
    },
    restore() {
      const shown = before;
      before = null;
      if (!shown || scenarioState.scenario?.id !== shown.id) return;
      if (shown.plan) scenarioActions.setPlan(shown.plan);
      else scenarioActions.clearPlan();
    },
  };
}
