// The scenario aggregate: the open scenario (orders, vehicles, depots, settings,
// accepted plan) and the verbs that edit it. Every edit bumps `changes`, which
// persistence watches to save and which tells a late storage read it lost the race.
import { batch, untrack } from 'solid-js';
import { $RAW, createStore, reconcile, unwrap } from 'solid-js/store';
import type { DayRecord } from '../domain/day/day-schema';
import type { MessageLogEntry } from '../domain/messages/message-schema';
import type { Order, Plan, Scenario, Settings } from '../domain/scenario';
import { isIdentity, problemSettings, remapUnits, sameData, sameDisplay, type UnitSources } from '../domain/settings-change';
import { statusOf, type PlanStatus } from '../plan/plan-status';
import { rawOf } from './raw';
import { piecesInSlices } from '../io/json-slices';
import { copyScenario, dispatchedPlanValue, planValue, scenarioText, snapshotOfText, withPlanValue, type ScenarioText, type TextSnapshot } from './plan-value';
import { makeEntityActions, type EntityActions } from './scenario-edits';

/** Read-only view of the scenario store; derived values are getters. */
export interface ScenarioState {
  /** The open scenario, or null while it is still being restored. */
  readonly scenario: Scenario | null;
  /** Edits since this store was created; `hydrate` does not count. */
  readonly changes: number;
  /**
   * Changes to anything but the plan: every edit except `setPlan` and `clearPlan`, and every `hydrate` (a
   * restored copy of the open scenario is reconciled in place). What a view of the plan keys on besides the
   * plan itself, so that a new plan value holding the same routes derives nothing again (issue #15).
   */
  readonly dataChanges: number;
  /**
   * Of `dataChanges`, those of the day's record (`setDay`: Dispatch, an event appended): while the difference
   * stands, nothing but the day changed (the day's derivation keeps its copy of the rest, store/day.ts).
   */
  readonly dayChanges: number;
  /** A plan exists but was solved for an older revision of the scenario. */
  readonly isPlanStale: boolean;
  /** `invalid` (failed the independent check) wins over `stale`. */
  readonly planStatus: PlanStatus;
}

/** Verbs that edit the scenario; components never call `setStore`. */
export interface ScenarioActions extends EntityActions {
  /** Puts a restored scenario in place; not an edit, so it does not trigger a save. */
  hydrate(scenario: Scenario): void;
  /** Opens another scenario (import, new, demo reset); an edit. */
  replace(scenario: Scenario): void;
  /** Stores a checked plan whole; never deep-edits the previous one. */
  setPlan(plan: Plan): void;
  clearPlan(): void;
  /**
   * Replaces the day (dispatch, a longer event log) whole, or removes it; an
   * edit (saved) that leaves the revision alone: the day is not the problem.
   */
  setDay(day: DayRecord | undefined): void;
  /**
   * Keeps the day's clock with the day (saved, exported) without a data change: the day is not derived again
   * and the views stay as drawn (at 10,000 orders a clock step was a whole new derivation, issue #15).
   */
  setDayClock(clock: NonNullable<DayRecord['clock']>): void;
  /** Appends a customer message to the log (issue #13); an edit (saved) that leaves the revision alone. */
  logMessage(entry: MessageLogEntry): void;
  rename(name: string): void;
  /** Solver options do not change the problem, so the plan stays current. */
  setSolverOptions(options: Partial<Settings['solver']>): void;
  /** Edits an order's data; the problem changes, so the plan becomes stale. */
  updateOrder(orderId: string, patch: Partial<Omit<Order, 'id'>>): void;
  /**
   * Replaces the settings whole (already validated by the caller). The travel model,
   * units or catalogue may change the problem, so the plan becomes stale; a change
   * of map tiles alone does not, and an unchanged copy is not an edit.
   * `unitSources` (see `remapUnits`) says where each new capacity unit comes from
   * when units were added, removed or reordered; absent = same units, same order.
   */
  updateSettings(settings: Settings, unitSources?: UnitSources): void;
  /**
   * A deep copy of the open scenario (safe to post to a worker or IDB); its plan is the store's
   * immutable plan value, shared, not copied (plan-value.ts).
   */
  snapshot(): Scenario | null;
  /** `snapshot()` with its JSON text without the plan (plan-value.ts `copyScenarioWithText`): what a solve posts. */
  snapshotWithText(): TextSnapshot | null;
  /**
   * `snapshotWithText()` at once while its text is known or cheap to write (fewer than SLICED_TEXT_ORDERS orders).
   * Else a promise of it, its text written a slice per task (io/json-slices.ts): at 10,000 orders writing it in one
   * go was a ~40 ms task, most of the Optimize click (issue #15). The snapshot is the scenario as it is when the
   * promise settles: a change to its data while the slices are written starts them again (twice, then the text is
   * written in one go). Null when no scenario is open, or when another scenario was opened meanwhile.
   */
  snapshotWithTextSoon(): TextSnapshot | null | Promise<TextSnapshot | null>;
  /**
   * `textWithoutPlan()`, at once or as a promise under the same terms as `snapshotWithTextSoon` (whose text it is). One
   * write in slices at a time: a caller while it runs gets the same promise.
   */
  textWithoutPlanSoon(): string | null | Promise<string | null>;
  /**
   * `textWithoutPlanSoon()` as the pieces whose concatenation it is, never joined: a consumer that posts the text
   * in pieces (the risk request, a save) takes these. Joining 10,000 orders' pieces (~3.5 MB) was a 20-45 ms task
   * of its own when a plan was opened (issue #15). The same array object while the text is current.
   */
  piecesWithoutPlanSoon(): readonly string[] | null | Promise<readonly string[] | null>;
  /**
   * The open scenario's JSON text without its plan, as it is now: written again only after a change to anything
   * but the plan (`dataChanges`), so the risk request for a solve's plan takes the text the Optimize click wrote
   * (writing 10,000 orders again was a ~30 ms task when the plan landed, issue #15).
   */
  textWithoutPlan(): string | null;
  /** The scenario as it is now, as its text without the plan and its plan (an undo step; no copy is parsed). */
  textSnapshot(): ScenarioText | null;
  /**
   * The open scenario as the store holds it, NOT a copy: valid until the next store update, for a
   * consumer that copies it at once (an IndexedDB put clones its value when called). Saves a whole
   * structured clone per autosave: about 110 ms of main thread at 10,000 orders (issue #15).
   */
  current(): Scenario | null;
}

/** The scenario store as `[state, actions]`. */
export type ScenarioStore = [state: ScenarioState, actions: ScenarioActions];

/** A scenario's text without its plan as last written: its pieces, and the whole text once asked for. */
interface Written {
  /** The store's text version it was written at (see `textVersion`). */
  version: number;
  pieces: readonly string[];
  text: string | null;
}

/**
 * A copy of `day` to store, sharing with the `stored` day what it holds unchanged: its dispatched plan and the
 * events logged before (the log is append-only; a stored event or plan is never changed). An appended event
 * copied the whole log and the dispatched plan again: at 10,000 orders and 20,000 events, ~100 ms per event.
 * A new day's dispatched routes are shared too when they are a frozen plan's (Dispatch: makeDispatch takes the
 * plan value's routes, which nothing may change): copying them was ~27 ms of a 10,000-stop Dispatch click.
 */
function dayToStore(day: DayRecord, stored: DayRecord | undefined): DayRecord {
  const keeps = stored !== undefined && day.dispatchedPlan === stored.dispatchedPlan && stored.events.length <= day.events.length
    && stored.events.every((e, i) => day.events[i] === e);
  const { dispatchedPlan, events, ...rest } = day;
  if (!keeps) {
    const shared = dispatchedPlanValue(dispatchedPlan);
    return shared ? { ...structuredClone(rest), dispatchedPlan: shared, events: structuredClone(events) } : structuredClone(day);
  }
  return { ...structuredClone(rest), dispatchedPlan, events: [...stored!.events, ...structuredClone(events.slice(stored!.events.length))] };
}


/** From this many orders on, a scenario's text not yet written is written in slices (`snapshotWithTextSoon`). */
export const SLICED_TEXT_ORDERS = 2000;

/** Creates the scenario store, optionally with a scenario already open. */
export function createScenarioStore(initial: Scenario | null = null): ScenarioStore {
  const [state, setState] = createStore({
    scenario: (initial && withPlanValue(initial)) as Scenario | null,
    changes: 0,
    dataChanges: 0,
    dayChanges: 0,
    get isPlanStale(): boolean {
      const plan = this.scenario?.plan;
      return !!plan && plan.solvedRevision !== this.scenario?.revision;
    },
    get planStatus(): PlanStatus {
      return statusOf(this.scenario);
    },
  });

  /**
   * The last text without the plan of each scenario object, with the text version then (weak: a closed scenario is not
   * kept): its pieces, and the text whole once something asked for it.
   */
  const written = new WeakMap<Scenario, Written>();
  /**
   * Bumped by every change of what the text holds: a data change (with `dataChanges`), and the day's clock, which
   * is saved with the day but is no data change (the views and the day's derivation stay as they are).
   */
  let textVersion = 0;
  /** The text being written in slices (`piecesWithoutPlanSoon`), shared by every caller meanwhile: the Optimize click, a save. */
  let writing: { raw: Scenario; pieces: Promise<readonly string[] | null>; text?: Promise<string | null> } | null = null;
  /** The text whole of `pieces`, joined once per written text. */
  const wholeText = (pieces: readonly string[]): string => {
    const entry = state.scenario ? written.get(rawOf(state.scenario)) : undefined;
    if (entry?.pieces !== pieces) return pieces.join('');
    return (entry.text ??= pieces.join(''));
  };
  /** The open scenario's written text, written now when its data changed since (null without a scenario). */
  const writtenNow = (): Written | null => {
    if (!state.scenario) return null;
    const raw = rawOf(state.scenario);
    const version = textVersion;
    const last = written.get(raw);
    if (last?.version === version) return last;
    const text = scenarioText(state.scenario);
    const entry = { version, pieces: [text], text };
    written.set(raw, entry);
    return entry;
  };
  const touch = () => batch(() => {
    setState('changes', (n) => n + 1);
    bumpData();
  });
  /** A change of the data (anything but the plan): the views derive again, the text is written again. */
  const bumpData = () => {
    textVersion += 1;
    setState('dataChanges', (n) => n + 1);
  };
  /** An edit of the plan alone. */
  const touchPlan = () => setState('changes', (n) => n + 1);
  const bumpRevision = () => setState('scenario', 'revision', (r) => r + 1);
  /**
   * Puts `scenario` in the store. The same scenario again (a reload, another tab's save) is reconciled, so
   * the views keep what did not change. Another scenario (or the first) replaces the old one whole, and
   * without Solid's `unwrap` pass: every setter first walks its value through `unwrap` (a Set entry and
   * the property descriptors of every object, to strip store proxies), ~100 ms of the one task that opened
   * a 10,000-order scenario (issue #15). `unwrap` takes an object that names its raw value under `$RAW` as
   * that raw value without walking it, so the new root is handed over that way. Callers pass plain data
   * (read from storage or a file, or a copy such as `snapshot()`): nothing in it is a proxy of this store.
   */
  const putScenario = (scenario: Scenario) => {
    const next = withPlanValue(scenario);
    // The same scenario is reconciled from its raw value too (reconcile unwraps what it is given: ~80 ms of
    // walking the 10,000 orders an import had just added, issue #15).
    if (state.scenario && state.scenario.id === next.id) return void setState('scenario', reconcile({ [$RAW]: next } as unknown as Scenario));
    setState({ [$RAW]: { scenario: next } } as unknown as { scenario: Scenario });
  };

  const actions: ScenarioActions = {
    ...makeEntityActions({
      get: () => state.scenario,
      // An edit's result is a fresh copy (scenario-edits.ts: JSON round trip), never a proxy: handed to reconcile
      // under $RAW, so Solid's unwrap does not walk it first (see putScenario). 10,000 orders: ~380 -> ~300 ms per edit.
      put: (next) => setState('scenario', reconcile({ [$RAW]: withPlanValue(next, state.scenario?.plan) } as unknown as Scenario)),
      touch,
      snapshot: () => actions.textSnapshot(),
    }),
    hydrate(scenario) {
      batch(() => {
        putScenario(scenario);
        bumpData();
      });
    },
    replace(scenario) {
      putScenario(scenario);
      touch();
    },
    // One update for the plan and the edit count: views that read both (the map, the timeline) re-derive
    // a 10,000-stop plan once, not twice (issue #15).
    setPlan(plan) {
      if (!state.scenario) return;
      const value = planValue(plan);
      batch(() => {
        setState('scenario', 'plan', value);
        touchPlan();
      });
    },
    clearPlan() {
      if (!state.scenario?.plan) return;
      batch(() => {
        setState('scenario', 'plan', null);
        touchPlan();
      });
    },
    setDay(day) {
      if (!state.scenario || (!day && !state.scenario.day)) return;
      // One update: the day's log and the edit counts together (apart, a 10,000-order day was derived twice per event).
      batch(() => {
        // dayToStore's value is plain data (a copy, and the stored log's own events): handed over under $RAW so
        // Solid's unwrap does not walk it first (see putScenario; a 10,000-stop dispatched plan per event).
        const stored = day ? dayToStore(day, rawOf(state.scenario!).day) : undefined;
        setState('scenario', 'day', (stored && { [$RAW]: stored }) as DayRecord | undefined);
        setState('dayChanges', (n) => n + 1);
        touch();
      });
    },
    setDayClock(clock) {
      if (!state.scenario?.day) return;
      batch(() => {
        setState('scenario', 'day', 'clock', { ...clock });
        textVersion += 1;
        setState('changes', (n) => n + 1);
      });
    },
    logMessage(entry) {
      if (!state.scenario) return;
      setState('scenario', 'messageLog', [...(unwrap(state.scenario).messageLog ?? []), structuredClone(entry)]);
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
    updateSettings(settings, unitSources) {
      const scenario = state.scenario && unwrap(state.scenario);
      if (!scenario) return;
      const current = scenario.settings;
      const remap = unitSources && !isIdentity(unitSources, current.capacityUnits.length) ? unitSources : null;
      const sameProblem = !remap && sameData(problemSettings(current), problemSettings(settings));
      if (sameProblem && sameDisplay(current, settings)) return;
      batch(() => {
        if (remap) {
          const { vehicles, orders, plan } = remapUnits(scenario, remap);
          setState('scenario', 'vehicles', reconcile(vehicles));
          setState('scenario', 'orders', reconcile(orders));
          setState('scenario', 'plan', planValue(plan));
        }
        setState('scenario', 'settings', reconcile(structuredClone(settings)));
        if (!sameProblem) bumpRevision();
        touch();
      });
    },
    snapshot() {
      return state.scenario ? copyScenario(state.scenario) : null;
    },
    snapshotWithText() {
      const text = actions.textWithoutPlan();
      return text === null ? null : snapshotOfText(text, rawOf(state.scenario!).plan);
    },
    snapshotWithTextSoon() {
      // Its pieces as written: the solve posts them as they are (joining 10,000 orders' was a 20-45 ms task).
      const soon = actions.piecesWithoutPlanSoon();
      if (soon === null || !(soon instanceof Promise)) return soon === null ? null : snapshotOfText(soon, rawOf(state.scenario!).plan);
      // Settled in the task whose slice wrote the text last, so the plan read here is the store's then.
      return soon.then((pieces) => (pieces === null ? null : snapshotOfText(pieces, rawOf(state.scenario!).plan)));
    },
    textWithoutPlanSoon() {
      const soon = actions.piecesWithoutPlanSoon();
      if (soon === null || !(soon instanceof Promise)) return soon && wholeText(soon);
      // Every caller meanwhile gets the one promise, as of the pieces.
      if (writing?.pieces === soon) return (writing.text ??= soon.then((pieces) => pieces && wholeText(pieces)));
      return soon.then((pieces) => pieces && wholeText(pieces));
    },
    piecesWithoutPlanSoon() {
      if (!state.scenario) return null;
      const raw = rawOf(state.scenario);
      if (written.get(raw)?.version === textVersion || raw.orders.length < SLICED_TEXT_ORDERS) return writtenNow()!.pieces;
      if (writing?.raw === raw) return writing.pieces;
      const id = raw.id;
      const pieces = (async (): Promise<readonly string[] | null> => {
        for (let attempt = 0; attempt < 2; attempt++) {
          if (state.scenario?.id !== id) return null;
          const now = rawOf(state.scenario);
          const version = textVersion;
          // The store's data is raw all the way down (scenarioText); what the slices read is checked unchanged below.
          const parts = await piecesInSlices({ ...now, plan: null });
          if (state.scenario?.id !== id) return null;
          if (textVersion !== version || rawOf(state.scenario) !== now) continue;
          written.set(now, { version, pieces: parts, text: null });
          return parts;
        }
        // Edits kept landing while the slices were written.
        return state.scenario?.id === id ? writtenNow()!.pieces : null;
      })();
      const entry: NonNullable<typeof writing> = { raw, pieces };
      writing = entry;
      void pieces.finally(() => { if (writing === entry) writing = null; });
      return pieces;
    },
    textWithoutPlan() {
      const entry = writtenNow();
      return entry && (entry.text ??= entry.pieces.join(''));
    },
    textSnapshot() {
      const text = actions.textWithoutPlan();
      return text === null ? null : { text, plan: rawOf(state.scenario!).plan ?? null };
    },
    current() {
      return state.scenario ? rawOf(state.scenario) : null;
    },
  };
  return [state, actions];
}
