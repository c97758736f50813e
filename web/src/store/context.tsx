// Wires the stores together and provides them to the component tree. Tests
// mount fresh stores by passing their own client, database and demo loader.
import { createContext, onCleanup, useContext, type JSX } from 'solid-js';
import type { Scenario } from '../domain/scenario';
import { makePlannerDb, type PlannerDb } from '../io/db';
import { fetchDemoScenario } from '../io/restore';
import { makeSolverClient, type SolverClient } from '../solver/client';
import { createPersistence, type Persistence } from './persist';
import { createRunStore, type RunStore } from './run';
import { createScenarioStore, type ScenarioStore } from './scenario';
import { createUiStore, type UiStore } from './ui';

/** Everything a component may read or call. */
export interface AppState {
  scenario: ScenarioStore;
  run: RunStore;
  ui: UiStore;
  persist: Persistence;
}

/** Injectable collaborators; each defaults to the real one. */
export interface AppDeps {
  client?: SolverClient;
  db?: PlannerDb;
  loadDemo?: () => Promise<Scenario>;
  debounceMs?: number;
}

const AppContext = createContext<AppState>();

/** Creates all stores and their wiring; needs a reactive owner. Does not start the restore. */
export function createAppState(deps: AppDeps = {}): AppState {
  const client = deps.client ?? makeSolverClient();
  const scenario = createScenarioStore();
  const run = createRunStore(client, scenario);
  const persist = createPersistence(scenario, {
    db: deps.db ?? makePlannerDb(),
    loadDemo: deps.loadDemo ?? (() => fetchDemoScenario()),
    debounceMs: deps.debounceMs,
  });
  onCleanup(() => {
    run[1].dispose();
    client.dispose();
  });
  return { scenario, run, ui: createUiStore(), persist };
}

/** Provides fresh stores to its children and opens the saved scenario (or the demo). */
export function AppProvider(props: AppDeps & { children: JSX.Element }): JSX.Element {
  const state = createAppState(props);
  void state.persist.restore();
  return <AppContext.Provider value={state}>{props.children}</AppContext.Provider>;
}

/** Reads the stores; only inside `AppProvider`. */
export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp() must be called inside <AppProvider>');
  return state;
}
