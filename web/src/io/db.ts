// IndexedDB access through idb-keyval: one database per concern, because
// idb-keyval cannot hold two object stores in one database. `scenarios` keeps
// each scenario by id; `session` remembers which scenario was open last.
import { createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import type { PinSet } from '../plan/pins';
import type { Scenario } from '../domain/scenario';

/** Database names; tests pass their own to stay isolated. */
export interface DbNames {
  scenarios: string;
  session: string;
}

/** The databases the app uses in the browser. */
export const DEFAULT_DB_NAMES: DbNames = { scenarios: 'fmp-scenarios', session: 'fmp-session' };

const CURRENT_SCENARIO_KEY = 'currentScenarioId';

/** The planner's storage. Reads return unknown data: restore.ts validates it. */
export interface PlannerDb {
  /** Id of the scenario that was open last, or undefined on a first visit. */
  getCurrentScenarioId(): Promise<string | undefined>;
  getScenario(id: string): Promise<unknown>;
  /** Writes the scenario, then marks it as the open one. */
  saveCurrentScenario(scenario: Scenario): Promise<void>;
}

/** The scenario catalogue's access to the same database (list, write any, delete). */
export interface ScenarioListDb {
  /** Every stored scenario record (unvalidated), for the scenario list. */
  listScenarios(): Promise<unknown[]>;
  /** Writes a scenario (with the pins its record keeps, if any) without making it the open one. */
  putScenario(scenario: Scenario & { pins?: PinSet }): Promise<void>;
  deleteScenario(id: string): Promise<void>;
}

/** Opens (lazily) the planner's databases. */
export function makePlannerDb(names: DbNames = DEFAULT_DB_NAMES): PlannerDb & ScenarioListDb {
  const scenarios: UseStore = createStore(names.scenarios, 'scenarios');
  const session: UseStore = createStore(names.session, 'session');
  return {
    async getCurrentScenarioId() {
      const id: unknown = await get(CURRENT_SCENARIO_KEY, session);
      return typeof id === 'string' ? id : undefined;
    },
    getScenario(id) {
      return get(id, scenarios);
    },
    async saveCurrentScenario(scenario) {
      // Scenario first: a crash in between leaves the old pointer on a valid record.
      await set(scenario.id, scenario, scenarios);
      await set(CURRENT_SCENARIO_KEY, scenario.id, session);
    },
    listScenarios() {
      return values(scenarios);
    },
    putScenario(scenario) {
      return set(scenario.id, scenario, scenarios);
    },
    deleteScenario(id) {
      return del(id, scenarios);
    },
  };
}

/** True when `db` also offers the catalogue's functions (a test double may not). */
export function hasScenarioList(db: PlannerDb): db is PlannerDb & ScenarioListDb {
  const candidate = db as Partial<ScenarioListDb>;
  return typeof candidate.listScenarios === 'function' && typeof candidate.putScenario === 'function' && typeof candidate.deleteScenario === 'function';
}

/** True for the browser's "storage is full" failure, in its several spellings. */
export function isQuotaExceeded(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}
