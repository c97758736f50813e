// Plans shown while a solve is still running (the best so far, re-checked like any plan): shown as
// the scenario's plan, marked so the undo history keeps one step per solve, and taken back when the
// solve fails (the plan before it returns). With a routing service the first one shown also brings the
// solve's road matrices into the scenario, as the result would (adopt-plan.ts), so the views read the
// travel times the plan was made with; a failed solve takes them back too.
import { withoutTravelMatrices, withTravelMatrices } from '../domain/road-matrix';
import type { Plan, Scenario, TravelMatrix, TravelSource } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import { adoptSolvedPlan, type ScenarioHead } from './adopt-plan';
import type { ScenarioStore } from './scenario';

const provisional = new WeakSet<object>();

/** True for a plan shown during a solve that has since been, or will be, replaced by its result. */
export function isProvisional(solution: object): boolean {
  return provisional.has(solution);
}

/** The best-so-far display of the run store. */
export interface BestSoFar {
  /**
   * Shows a checked plan, unless the user has edited the scenario or opened another since the solve began.
   * `solved` is the scenario the solver saw (with a routing service: its road matrices, or none after a fallback).
   */
  show(snapshot: ScenarioHead, solved: Pick<Scenario, 'travelMatrices'>, travel: TravelSource, solution: Solution): void;
  /** The solve returned its plan: nothing to take back. */
  settled(): void;
  /** The solve failed: the plan shown before it comes back (the best-so-far plans were only a preview). */
  restore(): void;
}

/** Makes the best-so-far display over the scenario store. */
export function makeBestSoFar([scenarioState, scenarioActions]: ScenarioStore): BestSoFar {
  /**
   * What a failed solve puts back: the plan, and with a routing service the matrices (null: none) it had; `run`
   * is the solve's snapshot (one object per solve), so a solve that never settled leaves nothing to the next.
   */
  let before: { run: ScenarioHead; id: string; plan: Plan | null; matrices?: Record<string, TravelMatrix> | null } | null = null;
  return {
    show(snapshot, solved, travel, solution) {
      const current = scenarioState.scenario;
      if (!current || current.id !== snapshot.id || current.revision !== snapshot.revision) return;
      provisional.add(solution);
      const plan = { solvedRevision: snapshot.revision, solution, travel };
      if (before?.run !== snapshot) {
        // The store's plan is an immutable value: kept by reference. Matrices are data the store reconciles
        // in place, so they are kept as a copy.
        const routed = !!snapshot.settings.routingUrl?.trim();
        before = { run: snapshot, id: snapshot.id, plan: current.plan ?? null, ...(routed ? { matrices: scenarioActions.snapshot()?.travelMatrices ?? null } : {}) };
        // The first plan of a solve on road matrices brings them (once: later plans share them).
        if (routed) return adoptSolvedPlan(scenarioActions, snapshot, solved, travel, solution);
      }
      scenarioActions.setPlan(plan);
    },
    settled() {
      before = null;
    },
    restore() {
      const shown = before;
      before = null;
      if (!shown || scenarioState.scenario?.id !== shown.id) return;
      if (shown.matrices !== undefined) {
        const current = scenarioActions.snapshot();
        if (!current) return;
        const travel = shown.matrices ? withTravelMatrices(current, shown.matrices) : withoutTravelMatrices(current);
        return scenarioActions.replace({ ...travel, plan: shown.plan });
      }
      if (shown.plan) scenarioActions.setPlan(shown.plan);
      else scenarioActions.clearPlan();
    },
  };
}
