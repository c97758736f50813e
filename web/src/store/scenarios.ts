// The scenario catalogue aggregate: every stored scenario (list, new, branch,
// rename, delete with undo, open) around the one open in the scenario store.
// The open scenario keeps autosaving through persistence; this store only
// switches it, after flushing, so no edit is lost, and puts the pins of the
// scenario it opens in place (a branch keeps its base's pins). Failures land in `error`.
import { createStore, unwrap } from 'solid-js/store';
import { localIsoDate, makeBlankScenario } from '../domain/blank';
import type { Scenario } from '../domain/scenario';
import { readScenarioRecord } from '../io/restore';
import type { PinSet } from '../plan/pins';
import { entriesOf } from '../io/record-list';
import { uniqueName } from './scenarios-list';
import type { NewScenarioOptions, ScenariosActions, ScenariosDeps, ScenariosFields, ScenariosStore } from './scenarios-types';
import { messageOf } from './storage-error';

/** Creates the catalogue store; needs a reactive owner. */
export function createScenariosStore(deps: ScenariosDeps): ScenariosStore {
  const [open, openActions] = deps.scenario;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const [state, setState] = createStore<ScenariosFields>({ entries: [], unreadable: [], busy: false, error: null, deleted: null });

  /** Runs a step with `busy` set; any failure becomes the visible `error`. */
  async function step(what: string, work: () => Promise<void>): Promise<void> {
    setState({ busy: true, error: null });
    try {
      await deps.flush();
      await readList();
      await work();
      await readList();
    } catch (error) {
      setState('error', `${what} failed: ${messageOf(error)}`);
    } finally {
      setState('busy', false);
    }
  }

  /** The list's lines, worked out where the records are read (the save worker, when the database has one). */
  async function readList(): Promise<void> {
    const { entries, unreadable } = deps.db.listEntries ? await deps.db.listEntries() : entriesOf(await deps.db.listScenarios());
    setState({ entries, unreadable });
  }

  async function load(id: string): Promise<Scenario> {
    return (await loadWithPins(id)).scenario;
  }

  /** A stored scenario with the pins kept in its record (the open one's from memory). */
  async function loadWithPins(id: string): Promise<{ scenario: Scenario; pins: PinSet }> {
    const current = openActions.snapshot();
    if (current?.id === id) return { scenario: current, pins: pinsOf(id) };
    // The record's pins are part of its schema: validated with the scenario (in the save worker when the
    // database reads there, then the version read is adopted as this tab's).
    const stored = deps.db.readRecord ? await deps.db.readRecord(id) : await readHere(id);
    if (!stored) throw new Error(`scenario '${id}' is not stored`);
    if (deps.db.readRecord) deps.db.adopt?.(id, stored.stamp);
    const { read } = stored;
    if (!read.ok) throw new Error(`scenario '${id}' cannot be opened: ${read.message}`);
    return { scenario: read.scenario, pins: read.pins };
  }

  /** The record `id` read on the page (getScenario adopts its version). */
  async function readHere(id: string) {
    const data = await deps.db.getScenario(id);
    return data === undefined ? undefined : { read: readScenarioRecord(data), stamp: undefined };
  }

  const pinsOf = (id: string): PinSet => deps.pins?.[1].snapshot(id) ?? { orders: {}, routes: [] };
  const NO_PINS: PinSet = { orders: {}, routes: [] };

  /** Opens a scenario with its pins in place first, so the autosave stores them with it. */
  function replaceWith(scenario: Scenario, pins: PinSet): void {
    deps.pins?.[1].hydrate(scenario.id, pins);
    openActions.replace(scenario);
  }

  /** Stores and opens a scenario; the autosave then marks it as the open one. */
  async function show(scenario: Scenario, pins: PinSet = NO_PINS): Promise<void> {
    await deps.db.putScenario(scenario);
    replaceWith(scenario, pins);
    await deps.flush();
  }

  const taken = () => state.entries.map((e) => e.name);
  /** The deletion waiting for Undo becomes final: its scenario's media go (a failure only leaves them for the next start's cleanup). */
  const forget = () => {
    const gone = state.deleted?.scenario.id;
    if (gone === undefined || gone === open.scenario?.id || state.entries.some((e) => e.id === gone)) return;
    void deps.media?.removeScenario(gone).catch(() => {});
  };
  const blankFrom = (base: Scenario): Scenario => ({ ...base, id: newId(), name: uniqueName('New scenario', taken()), revision: 0, orders: [], plan: null });

  /** The scenario "New scenario" opens (see NewScenarioOptions). */
  async function newScenario(options: NewScenarioOptions): Promise<Scenario> {
    const open = openActions.snapshot();
    const name = options.name?.trim() || uniqueName('New scenario', taken());
    const date = options.date ?? open?.settings.date ?? localIsoDate();
    if (!options.copyFleetOf) return makeBlankScenario(newId(), name, date, open?.settings);
    const base = await load(options.copyFleetOf);
    // A supplied travel matrix covers the old orders only: the copy uses the embedded travel model.
    const depots = base.depots.map(({ matrixIndex: _m, ...depot }) => depot);
    return { ...makeBlankScenario(newId(), name, date, base.settings), depots, vehicles: base.vehicles };
  }

  const actions: ScenariosActions = {
    refresh: () => step('Reading the scenario list', async () => {}),
    open: (id) => step('Opening the scenario', async () => {
      if (open.scenario?.id === id) return;
      const { scenario, pins } = await loadWithPins(id);
      replaceWith(scenario, pins);
    }),
    create: (options = {}) => step('Creating a scenario', async () => {
      await show(await newScenario(options));
    }),
    duplicate: () => step('Duplicating the scenario', async () => {
      const base = openActions.snapshot();
      if (!base) throw new Error('no scenario is open');
      const id = newId();
      if (base.day) await deps.media?.copy(base.id, id);
      await show({ ...base, id, name: uniqueName(`${base.name} (branch)`, taken()) }, pinsOf(base.id));
    }),
    rename: (id, name) => step('Renaming the scenario', async () => {
      const trimmed = name.trim();
      if (!trimmed) throw new Error('a scenario needs a name');
      if (open.scenario?.id === id) return openActions.rename(trimmed);
      const { scenario, pins } = await loadWithPins(id);
      await deps.db.putScenario({ ...scenario, name: trimmed, pins });
    }),
    remove: (id) => step('Deleting the scenario', async () => {
      const { scenario, pins } = await loadWithPins(id);
      const wasOpen = open.scenario?.id === id;
      await deps.db.deleteScenario(id);
      forget();
      setState('deleted', { scenario, pins, wasOpen });
      if (!wasOpen) return;
      const next = state.entries.find((e) => e.id !== id);
      if (next) {
        const other = await loadWithPins(next.id);
        replaceWith(other.scenario, other.pins);
      } else await show(blankFrom(scenario));
    }),
    undoRemove: () => step('Restoring the scenario', async () => {
      // A plain copy: IndexedDB cannot clone the store's proxy.
      const deleted = state.deleted ? structuredClone(unwrap(state.deleted)) : null;
      if (!deleted) return;
      await deps.db.putScenario({ ...deleted.scenario, pins: deleted.pins });
      setState('deleted', null);
      if (deleted.wasOpen) replaceWith(deleted.scenario, deleted.pins);
    }),
    dismissUndo: () => {
      forget();
      setState('deleted', null);
    },
    add: (scenario, pins = NO_PINS) => step('Opening the imported scenario', async () => {
      const ids = new Set(state.entries.map((e) => e.id));
      await show(ids.has(scenario.id) || open.scenario?.id === scenario.id ? { ...scenario, id: newId() } : scenario, pins);
    }),
    load,
    dismissError: () => setState('error', null),
    async pruneMedia() {
      if (!deps.media) return;
      try {
        // The store's keys when it lists them: reading every record only for its id was a long task at startup.
        const ids = new Set(deps.db.listScenarioIds ? await deps.db.listScenarioIds() : (await deps.db.listScenarios()).flatMap((r) => (typeof (r as { id?: unknown } | null)?.id === 'string' ? [(r as { id: string }).id] : [])));
        for (const id of [open.scenario?.id, state.deleted?.scenario.id]) if (id !== undefined) ids.add(id);
        await deps.media.keepOnly(ids);
      } catch {
        // Kept for the next start.
      }
    },
  };
  return [state, actions];
}
