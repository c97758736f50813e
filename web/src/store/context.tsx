// Wires the stores together and provides them to the component tree. Tests
// mount fresh stores by passing their own client, database and demo loader.
import { createContext, onCleanup, useContext, type JSX } from 'solid-js';
import { simulateDayInSteps } from '../domain/day/simulate';
import type { Scenario } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import { proposeRepair } from '../plan/repair';
import { DEFAULT_DB_NAMES, hasScenarioList, makePlannerDb, type PlannerDb } from '../io/db';
import { makeSaveWorker } from '../io/save-offload';
import { downloadText, MIME } from '../io/download';
import { makePodMediaStore, type PodMediaStore } from '../io/pod-media';
import { fetchDemoScenario } from '../io/restore';
import { requestPersistentStorage } from '../io/storage-info';
import { makeSolverClient, type SolverClient } from '../solver/client';
import { readSolverWorkers } from '../io/device-prefs';
import { makeRiskClient, type ComputeModelRisk, type ComputeRisk } from '../solver/risk-client';
import { createBackupStore, type BackupStore } from './backup';
import { createDayStore, type DayDeps, type DayStore } from './day';
import { createEditStore, type EditStore } from './edit';
import { createImportStore } from './import';
import type { ImportStore } from './import-types';
import { createMapArchiveStore, type MapArchiveStore } from './map-archive';
import { createPersistence, type Persistence } from './persist';
import { createPinsStore, makePinsRecord, pinsForSolver, type PinsStore } from './pins';
import { createPodStore, type PodStore } from './pod';
import { createRiskStore, reportOnMainThread, type RiskStore } from './risk';
import { createRunStore, type RunStore } from './run';
import { createTradeoffStore, type TradeoffStore } from './tradeoff';
import { createScenarioStore, type ScenarioStore } from './scenario';
import { createScenariosStore } from './scenarios';
import type { ScenariosStore } from './scenarios-types';
import { createUiStore, type UiStore } from './ui';
import { viewQueue } from './staged';
import { pauseForTask } from './next-task';

/** Everything a component may read or call. */
export interface AppState {
  scenario: ScenarioStore;
  run: RunStore;
  ui: UiStore;
  persist: Persistence;
  /** Pinned stops and routes of the open scenario. */
  pins: PinsStore;
  /** Hand edits of the plan with their preview and undo/redo. */
  edit: EditStore;
  /** The saved scenarios around the open one (list, branch, compare). */
  scenarios: ScenariosStore;
  /** The import dialog's session. */
  importer: ImportStore;
  /** Back up every scenario to one file, restore one. */
  backup: BackupStore;
  /** The dispatched day: log, clock, live ETAs, at risk, repair. */
  day: DayStore;
  /** The offline map archive kept in this browser (for every scenario). */
  mapArchive: MapArchiveStore;
  /** Drivers' status files into the day, and their proof-of-delivery media. */
  pod: PodStore;
  /** The Monte Carlo risk of the current plan (issue #14). */
  risk: RiskStore;
  /** Plans at several on-time targets side by side (issue #14). */
  tradeoff: TradeoffStore;
}

/** Injectable collaborators; each defaults to the real one. */
export interface AppDeps {
  client?: SolverClient;
  db?: PlannerDb;
  loadDemo?: () => Promise<Scenario>;
  debounceMs?: number;
  /** The day's repair and Play simulator (default: the real ones, repairs solved in their own worker). */
  day?: DayDeps;
  mapArchive?: MapArchiveStore;
  /** Where proof-of-delivery media are kept (default: their own IndexedDB database). */
  podMedia?: PodMediaStore;
  /** The risk estimate (default: the Monte Carlo in a worker of its own). */
  computeRisk?: ComputeRisk;
  /** The risk of the rest of the day (default: the same worker; none when a test fakes `computeRisk` or `day`). */
  computeDayRisk?: ComputeModelRisk;
}

const AppContext = createContext<AppState>();

/** Creates all stores and their wiring; needs a reactive owner. Does not start the restore. */
export function createAppState(deps: AppDeps = {}): AppState {
  // Optimize runs as many workers as this device's "Solver workers" preference says (read at each solve). A worker
  // that sent a best-so-far plan waits until the views have drawn it (staged.ts's queue idle) before it goes on.
  const client = deps.client ?? makeSolverClient(undefined, readSolverWorkers, undefined, () => viewQueue.idle());
  const scenario = createScenarioStore();
  const pins = createPinsStore();
  const run = createRunStore(client, scenario, { pins: () => pinsForSolver(scenario[0], pins) });
  // The autosave's writes run in the save worker: at 10,000 orders a put on this thread was a long task (issue #15).
  // The save worker writes the autosave and reads records as they are opened (validation, plan re-check).
  const db = deps.db ?? (() => {
    const saveWorker = makeSaveWorker();
    return makePlannerDb(DEFAULT_DB_NAMES, { writer: saveWorker.write, reader: saveWorker.read, lister: saveWorker.list });
  })();
  const persist = createPersistence(scenario, {
    db,
    loadDemo: deps.loadDemo ?? (() => fetchDemoScenario()),
    debounceMs: deps.debounceMs,
    pins: makePinsRecord(pins),
  });
  const edit = createEditStore(scenario, pins);
  const podMedia = deps.podMedia ?? makePodMediaStore();
  // A test double without the catalogue's functions gets the real database for the list.
  const scenarios = createScenariosStore({ db: hasScenarioList(db) ? db : makePlannerDb(), scenario, flush: persist.flush, pins, media: podMedia });
  const ui = createUiStore();
  const importer = createImportStore({
    scenario,
    onImported: () => ui[1].requestFit(),
    openScenario: async (opened, pins) => {
      await scenarios[1].add(opened, pins);
      if (scenarios[0].error) throw new Error(scenarios[0].error);
    },
  });
  const backup = createBackupStore({
    db: hasScenarioList(db) ? db : makePlannerDb(),
    media: podMedia,
    flush: persist.flush,
    restored: async (replacedIds) => {
      if (scenario[0].scenario && replacedIds.includes(scenario[0].scenario.id)) await persist.reloadOpen();
      await scenarios[1].refresh();
    },
    download: (fileName, text) => downloadText(fileName, MIME.json, text),
  });
  const riskClient = makeRiskClient(); // spawns its worker on the first estimate
  onCleanup(() => riskClient.dispose());
  const dayRisk = deps.computeDayRisk ?? (deps.computeRisk || deps.day ? undefined : riskClient.computeModelRisk);
  const day = createDayStore(scenario, { ...(deps.day ?? defaultDayDeps(onCleanup)), ...(dayRisk ? { computeRisk: dayRisk } : {}) });
  const pod = createPodStore(scenario, day, podMedia);
  onCleanup(() => {
    run[1].dispose();
    client.dispose();
  });
  const mapArchive = deps.mapArchive ?? createMapArchiveStore();
  const computeRisk = deps.computeRisk ?? riskClient.computeRisk;
  // A faked estimator is ranked here; the worker's report comes ranked (no per-stop work on this thread).
  const risk = createRiskStore(scenario, deps.computeRisk ? reportOnMainThread(deps.computeRisk) : riskClient.computeRiskReport);
  const tradeoff = createTradeoffStore(scenario, client, computeRisk);
  return { scenario, run, ui, persist, pins, edit, scenarios, importer, backup, mapArchive, day, pod, risk, tradeoff };
}

/** The day's collaborators: repairs are solved in a worker of their own, so Optimize and Repair never cancel each other. */
function defaultDayDeps(cleanup: (fn: () => void) => void): DayDeps {
  const repairClient = makeSolverClient();
  cleanup(() => repairClient.dispose());
  return {
    propose: (scenario, day, level, nowS, known) => proposeRepair(scenario, day, {
      level, nowS, seed: scenario.settings.solver.seed, timeLimitS: Math.min(REPAIR_TIME_LIMIT_S, scenario.settings.solver.timeLimitS),
      known, pause: pauseForTask,
    }, (problem, options) => repairClient.solve(problem, options)),
    simulate: (scenario, day, fromMinutes) => simulateDayInSteps(scenario, day.dispatchedPlan.solution as unknown as Pick<Solution, 'routes'>, {
      seed: scenario.settings.solver.seed, fromS: Math.round(fromMinutes * 60),
      takenOrderIds: day.events.flatMap((e) => (e.type === 'new-order' ? [e.order.id] : [])),
    }),
  };
}

/** A repair answers within this many seconds (less when the scenario's solver limit is lower). */
const REPAIR_TIME_LIMIT_S = 3;

/** Provides fresh stores to its children and opens the saved scenario (or the demo). */
export function AppProvider(props: AppDeps & { children: JSX.Element }): JSX.Element {
  const state = createAppState(props);
  // Then proof-of-delivery media of scenarios deleted for good go (customers' signatures and photos).
  void state.persist.restore().then(() => state.scenarios[1].pruneMedia());
  void state.mapArchive[1].restore();
  // Saved scenarios must not be evicted when the disk runs low.
  void requestPersistentStorage();
  return <AppContext.Provider value={state}>{props.children}</AppContext.Provider>;
}

/** Reads the stores; only inside `AppProvider`. */
export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp() must be called inside <AppProvider>');
  return state;
}
