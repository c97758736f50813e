// The shapes of the scenario catalogue store (scenarios.ts): what New scenario starts from,
// a deletion kept for Undo, the store's state and verbs, and its collaborators. Types only.
import type { Scenario } from '../domain/scenario';
import type { PlannerDb, ScenarioListDb } from '../io/db';
import type { PodMediaStore } from '../io/pod-media';
import type { PinSet } from '../plan/pins';
import type { PinsStore } from './pins';
import type { ScenarioStore } from './scenario';
import type { ScenarioEntry } from './scenarios-list';

/** What "New scenario" starts from. */
export interface NewScenarioOptions {
  name?: string;
  /** YYYY-MM-DD; default: the open scenario's date. */
  date?: string;
  /** Id of a scenario whose depots, fleet and settings to copy; absent = blank. */
  copyFleetOf?: string;
}

/** A deleted scenario, kept in memory so Undo can put it back. */
export interface DeletedScenario {
  scenario: Scenario;
  /** Its pins, restored with it. */
  pins: PinSet;
  wasOpen: boolean;
}

/** The catalogue store's fields. */
export interface ScenariosFields {
  entries: ScenarioEntry[];
  /** Stored records that are not valid scenarios (shown, never hidden). */
  unreadable: string[];
  busy: boolean;
  error: string | null;
  deleted: DeletedScenario | null;
}

/** Read-only view for components. */
export type ScenariosState = Readonly<ScenariosFields>;

/** Verbs of the scenario list. */
export interface ScenariosActions {
  /** Re-reads the list from storage (after saving the open scenario). */
  refresh(): Promise<void>;
  open(id: string): Promise<void>;
  /**
   * A new scenario named `name` for `date`, opened at once: blank (no depots, fleet or orders; the
   * open scenario's settings), or with the depots, fleet and settings of scenario `copyFleetOf`.
   */
  create(options?: NewScenarioOptions): Promise<void>;
  /** A branch: a full copy of the open scenario (plan included) under a new name, opened at once. */
  duplicate(): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  /** Deletes; the open scenario is replaced by another (or a new one). Undo with `undoRemove`. */
  remove(id: string): Promise<void>;
  undoRemove(): Promise<void>;
  dismissUndo(): void;
  /** Stores an imported scenario (under a new id if the id is taken) and opens it, with the pins its file carried. */
  add(scenario: Scenario, pins?: PinSet): Promise<void>;
  /** Reads one scenario (the open one from memory) for comparison. */
  load(id: string): Promise<Scenario>;
  dismissError(): void;
  /**
   * Deletes the media of scenarios no longer stored (a deletion whose page closed before its Undo
   * expired); at start, after the open scenario is restored. Never fails: a failure leaves them for the next start.
   */
  pruneMedia(): Promise<void>;
}

/** The catalogue store as `[state, actions]`. */
export type ScenariosStore = [state: ScenariosState, actions: ScenariosActions];

/** Collaborators: storage, the open scenario, and the autosave flush. */
export interface ScenariosDeps {
  db: PlannerDb & ScenarioListDb;
  scenario: ScenarioStore;
  flush: () => Promise<void>;
  newId?: () => string;
  /** The pins store: pins follow the scenario that is open (stored inside its record). */
  pins?: PinsStore;
  /**
   * The proof-of-delivery media store: a branch gets the media of the day it copies; a deleted scenario's
   * media go once its deletion can no longer be undone (customers' signatures and photos are not kept longer).
   */
  media?: Pick<PodMediaStore, 'copy' | 'removeScenario' | 'keepOnly'>;
}
