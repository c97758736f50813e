// The scenario aggregate: the open scenario (orders, vehicles, depots, settings,
// accepted plan) and the verbs that edit it. Every edit bumps `changes`, which
// persistence watches to save and which tells a late storage read it lost the race.
import { createStore, reconcile, unwrap } from 'solid-js/store';
import type { Order, Plan, Scenario, Settings } from '../domain/scenario';

/** What the UI may say about the plan, most serious first. */
export type PlanStatus = 'none' | 'invalid' | 'stale' | 'valid';

/** Read-only view of the scenario store; derived values are getters. */
export interface ScenarioState {
  /** The open scenario, or null while it is still being restored. */
  readonly scenario: Scenario | null;
  /** Edits since this store was created; `hydrate` does not count. */
  readonly changes: number;
  /** A plan exists but was solved for an older revision of the scenario. */
  readonly isPlanStale: boolean;
  /** `invalid` (failed the independent check) wins over `stale`. */
  readonly planStatus: PlanStatus;
}

/** Verbs that edit the scenario; components never call `setStore`. */
export interface ScenarioActions {
  /** Puts a restored scenario in place; not an edit, so it does not trigger a save. */
  hydrate(scenario: Scenario): void;
  /** Opens another scenario (import, new, demo reset); an edit. */
  replace(scenario: Scenario): void;
  /** Stores a checked plan whole; never deep-edits the previous one. */
  setPlan(plan: Plan): void;
  clearPlan(): void;
  rename(name: string): void;
  /** Solver options do not change the problem, so the plan stays current. */
  setSolverOptions(options: Partial<Settings['solver']>): void;
  /** Edits an order's data; the problem changes, so the plan becomes stale. */
  updateOrder(orderId: string, patch: Partial<Omit<Order, 'id'>>): void;
  /** A plain deep copy of the open scenario (safe to post to a worker or IDB). */
  snapshot(): Scenario | null;
}

/** The scenario store as `[state, actions]`. */
export type ScenarioStore = [state: ScenarioState, actions: ScenarioActions];

function statusOf(scenario: Scenario | null): PlanStatus {
  const plan = scenario?.plan;
  if (!scenario || !plan) return 'none';
  if (!plan.solution.check.ok) return 'invalid';
  return plan.solvedRevision === scenario.revision ? 'valid' : 'stale';
}

/** Creates the scenario store, optionally with a scenario already open. */
export function createScenarioStore(initial: Scenario | null = null): ScenarioStore {
  const [state, setState] = createStore({
    scenario: initial as Scenario | null,
    changes: 0,
    get isPlanStale(): boolean {
      const plan = this.scenario?.plan;
      return !!plan && plan.solvedRevision !== this.scenario?.revision;
    },
    get planStatus(): PlanStatus {
      return statusOf(this.scenario);
    },
  });

  const touch = () => setState('changes', (n) => n + 1);
  const bumpRevision = () => setState('scenario', 'revision', (r) => r + 1);

  const actions: ScenarioActions = {
    hydrate(scenario) {
      setState('scenario', reconcile(scenario));
    },
    replace(scenario) {
      setState('scenario', reconcile(scenario));
      touch();
    },
    setPlan(plan) {
      if (!state.scenario) return;
      setState('scenario', 'plan', plan);
      touch();
    },
    clearPlan() {
      if (!state.scenario?.plan) return;
      setState('scenario', 'plan', null);
      touch();
    },
    rename(name) {
      if (!state.scenario || state.scenario.name === name) return;
      setState('scenario', 'name', name);
      touch();
    },
    setSolverOptions(options) {
      if (!state.scenario) return;
      setState('scenario', 'settings', 'solver', (solver) => ({ ...solver, ...options }));
      touch();
    },
    updateOrder(orderId, patch) {
      const index = state.scenario?.orders.findIndex((o) => o.id === orderId) ?? -1;
      if (index < 0) return;
      setState('scenario', 'orders', index, (order) => ({ ...order, ...patch }));
      bumpRevision();
      touch();
    },
    snapshot() {
      return state.scenario ? structuredClone(unwrap(state.scenario)) : null;
    },
  };
  return [state, actions];
}
