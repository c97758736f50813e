// The day aggregate (issue #11): the Plan/Day switch, Dispatch, the append-only
// event log (kept in the scenario's `day`, so it is saved, exported and backed up
// with it), the clock, what the domain derives from them (state, live ETAs, at
// risk, report), and the repair proposal with Accept / Discard / auto-repair.
import { batch, createEffect, createMemo, createSignal, on, untrack } from 'solid-js';
import { unwrap } from 'solid-js/store';
import type { DayRecord } from '../domain/day/day-schema';
import { dayOrderOf } from '../domain/day/day-state';
import { serializeEventsFile } from '../domain/day/events-file';
import type { DayEvent } from '../domain/day/events';
import type { Order, Scenario } from '../domain/scenario';
import { createDayClock, keepClock, type DayClock } from './day-clock';
import { deriveDayBase, makeDayKeeper, newIssues, primeDayBase, withRiskFlags, type DayDerived } from './day-derive';
import { createSlicedPrediction, type SlicedPredictionOptions } from './day-predict';
import { pauseForTask } from './next-task';
import { dispatchedPlanValue } from './plan-value';
import { copyInSlices } from './sliced-copy';
import { createDayRisk, type DayRisk } from './day-risk';
import type { ComputeModelRisk } from '../solver/risk-client';
import { dispatchBlocker, firstDeparture, importedText, lastLoggedMinutes, makeDispatch, makeEvent, readEventsImport, type DayActionEvent, type ImportRead, type NewDayEvent } from './day-log';
import { makePlayQueue, overtaken, type SimulateDay } from './day-play';
import { createDayRepair, type DayRepairState, type ProposeRepair } from './day-repair';
import type { ScenarioStore } from './scenario';

export type { DayActionEvent, NewDayEvent } from './day-log';
export type { ProposeRepair } from './day-repair';

/** Plan: the planner as before; Day: the dispatched day running. */
export type DayMode = 'plan' | 'day';

/** A message for the dispatcher about the last action. */
export interface DayMessage {
  tone: 'error' | 'info';
  text: string;
}

/** Read-only view of the day store. */
export interface DayStoreState extends DayRepairState {
  readonly mode: DayMode;
  /** The scenario's day, or null before Dispatch. */
  readonly day: DayRecord | null;
  /** Why Dispatch is not possible now, or null. */
  readonly dispatchBlocker: string | null;
  /** A large plan's Dispatch is being made (over several tasks: `STAGED_DISPATCH_ABOVE`). */
  readonly dispatching: boolean;
  /** State, prediction, at risk, report and the predicted plan; null without a day. */
  readonly derived: DayDerived | null;
  readonly message: DayMessage | null;
  /** The Monte Carlo risk of the rest of the day (null: not estimated in this app). */
  readonly risk: DayRisk | null;
  /** An order of the day (new orders and re-deliveries included) by id, from an index kept per day state. */
  orderOf(orderId: string): Order | undefined;
}

/** Verbs of the day; components never set its state directly. */
export interface DayActions {
  setMode(mode: DayMode): void;
  /**
   * Freezes the current checked plan as the dispatched plan at the clock's time; refuses (message) when stale or
   * absent. Above STAGED_DISPATCH_ABOVE orders the day starts a few tasks later (`dispatching` meanwhile).
   */
  dispatch(): boolean;
  /** Appends one event (time: the clock's, unless given); a correction is a later event. */
  addEvent(event: DayActionEvent): boolean;
  /** Checks an events or status file against the day without adding anything: its new events and media, or why not. */
  readImport(text: string): ImportRead;
  /** Reads an events file: all its new events or none (message naming the event index and field); `mediaAdded` media were stored with it. */
  importEvents(text: string, mediaAdded?: number): boolean;
  /** Shows a message about an action taken elsewhere (the status import). */
  notify(message: DayMessage): void;
  /** The log as an events file. */
  exportEvents(): string | null;
  dismissMessage(): void;
}

/** Collaborators of the day store. */
export interface DayDeps {
  /** Proposes a repair (plan/repair.ts with the worker's solve); absent: Repair says it is unavailable. */
  propose?: ProposeRepair;
  /** Builds the Play events of a dispatched day from a time on (sorted by time). */
  simulate?: SimulateDay;
  clock?: Parameters<typeof createDayClock>[1];
  /** Estimates the risk of the rest of the day (a worker); absent: Day mode shows no risk figures. */
  computeRisk?: ComputeModelRisk;
  /** Minimum time between two risk estimates of the day (default DAY_RISK_THROTTLE_MS). */
  riskThrottleMs?: number;
  /** How the prediction is sliced over tasks on a large day (day-predict.ts; tests). */
  predict?: SlicedPredictionOptions;
  /** Awaited between a repair's long steps, and a large Dispatch's (default: a later task). */
  pause?: () => Promise<void>;
  /** Above this many orders Dispatch is made over several tasks (default STAGED_DISPATCH_ABOVE; tests). */
  stagedDispatchAbove?: number;
}

/**
 * Above this many orders (as for the sliced prediction, day-predict.ts) Dispatch copies the scenario for the day a
 * slice per task and derives the day's first state a step per task before the day starts: at 10,000 orders all of
 * it in the click was a ~95 ms task.
 */
export const STAGED_DISPATCH_ABOVE = 1000;

/** What the day's copy of the scenario was taken from: the store's scenario object at its revision and data changes. */
interface CopyKey {
  raw: Scenario;
  id: string;
  revision: number;
  /** The store's data changes but the day's own (an event appended changes the day alone). */
  otherChanges: number;
}

const sameCopyKey = (a: CopyKey, b: CopyKey) => a.raw === b.raw && a.id === b.id && a.revision === b.revision && a.otherChanges === b.otherChanges;

/** All of the scenario but its day and its plan: what the day's copy holds. */
function withoutDayAndPlan(raw: Scenario): Omit<Scenario, 'day' | 'plan'> {
  const { day: _day, plan: _plan, ...rest } = raw;
  return rest;
}

/** The day store: state, actions and the clock. */
export type DayStore = [state: DayStoreState, actions: DayActions & ReturnType<typeof createDayRepair>['actions'], clock: DayClock];

/** Creates the day store over the scenario store; needs a reactive owner. */
export function createDayStore([scenarioState, scenarioActions]: ScenarioStore, deps: DayDeps = {}): DayStore {
  const [mode, setModeSignal] = createSignal<DayMode>('plan');
  const [message, setMessage] = createSignal<DayMessage | null>(null);
  const [dispatching, setDispatching] = createSignal(false);
  // Play reads the day store's own copy of the scenario (base, below): plain data it need not copy again.
  const play = makePlayQueue(() => untrack(base), deps.simulate, (events) => append(events), (e) => overtaken(untrack(dayState), e));
  const clock = createDayClock(8 * 60, { ...deps.clock, onTick: (from, to) => { deps.clock?.onTick?.(from, to); play.due(from, to); } });
  const day = () => (scenarioState.scenario?.day ? (scenarioState.scenario.day as DayRecord) : null);
  // Track the pieces of the scenario the day reads; derive from plain copies.
  // Not the plan's edits (`changes`) nor the clock kept with the day (setDayClock): a data change only.
  const key = createMemo(() => [scenarioState.scenario?.id, scenarioState.scenario?.revision, scenarioState.dataChanges, day()?.events.length, day()?.dispatchedAt] as const);
  // The day derives from a copy of the scenario it keeps to itself (the store's objects change in place). The copy
  // of all but the day is taken again only when something else changed: an event appended changes the day alone
  // (`dayChanges`), and copying 10,000 orders per event was ~100 ms. The day's own parts are never changed in
  // place (setDay stores a new log array and keeps or replaces the dispatched plan whole): they are taken as they are.
  let copied: (CopyKey & { data: Scenario }) | null = null;
  const copyKey = (raw: Scenario): CopyKey => ({ raw, id: raw.id, revision: raw.revision, otherChanges: scenarioState.dataChanges - scenarioState.dayChanges });
  const base = createMemo(() => {
    key();
    return untrack((): Scenario | null => {
      const current = scenarioState.scenario;
      const d = day();
      if (!current || !d) return (copied = null);
      const raw = unwrap(current);
      const now = copyKey(raw);
      if (!copied || !sameCopyKey(copied, now)) {
        // Not the plan: the day runs from its dispatched plan, and its views draw the prediction in the plan's
        // place (day-view.ts). A 10,000-step plan was half of the copy Dispatch made (~50-80 ms in all, issue #15).
        copied = { ...now, data: { ...structuredClone(withoutDayAndPlan(raw)), plan: null } as Scenario };
      }
      const rawDay = unwrap(d);
      return { ...copied.data, day: { ...rawDay } };
    });
  });
  // What one derivation keeps for the next: the log's state so far, each vehicle's predicted route (day-derive.ts).
  const keeper = makeDayKeeper();
  const dayBase = createMemo(() => deriveDayBase(base(), keeper));
  // At the clock's time; a large day's is made a slice per task, the day shown as it was until it is whole.
  const predicted = createSlicedPrediction(dayBase, clock.minutes, keeper, deps.predict);
  const risk = deps.computeRisk ? createDayRisk(predicted, deps.computeRisk, deps.riskThrottleMs) : null;
  // The estimate alone (not its status): the flags are put on again when another estimate lands, not when one starts.
  const estimate = createMemo(() => (risk?.state.risk ? { risk: risk.state.risk, basis: risk.state.basis ?? undefined } : null), null, { equals: (a, b) => a?.risk === b?.risk });
  const derived = createMemo(() => withRiskFlags(predicted(), estimate()?.risk ?? null, estimate()?.basis));
  // Read by the lists per row: tracked per day state, not per clock step (dayOrders: an index per state; a
  // route list of 10,000 stops looking each one up in the order list was 10,000 scans of 10,000 orders).
  const dayState = createMemo(() => dayBase()?.state ?? null);
  const fail = (text: string): false => {
    setMessage({ tone: 'error', text });
    return false;
  };
  // The day as it stands, for a repair at `nowS`: the state and margin-rule prediction the page has, when they are
  // of this very copy of the scenario, at that time, and of the day as dispatched (nothing left out of it).
  const known = (scenario: Scenario, nowS: number) => {
    const b = untrack(dayBase);
    const d = untrack(predicted);
    if (!b || !d || b.scenario !== scenario || d.state !== b.state || b.warnings.length > 0 || Math.round(d.nowMinutes * 60) !== nowS) return undefined;
    return { state: d.state, prediction: d.prediction };
  };
  const repair = createDayRepair({
    scenario: () => untrack(base), derived, now: clock.minutes, append: (events) => append(events), say: setMessage, propose: deps.propose,
    known, pause: deps.pause ?? pauseForTask,
  });
  // Opening a scenario with a day shows the day, its clock at the last logged time.
  createMemo((previousId: string | undefined) => {
    const id = scenarioState.scenario?.id;
    if (id === previousId) return id;
    const d = untrack(day);
    setModeSignal(d ? 'day' : 'plan');
    if (d?.clock?.real) clock.useRealTime();
    else if (d) clock.set(Math.max(d.clock?.minutes ?? 0, lastLoggedMinutes(d)));
    play.reset();
    return id;
  });
  keepClock(clock, day, (next) => scenarioActions.setDayClock(next));
  // Before Dispatch the simulated clock stands at the plan's first departure, so the day is dispatched and
  // rehearsed from its start: a clock at a fixed 08:00 dispatched a plan whose vans leave at 07:00 an hour
  // late, every van predicted to leave then and its stops flagged at risk for it. The Time input shows only
  // once the day has started, so nothing the dispatcher set is overridden; a real-time clock keeps the real time.
  createEffect(on(() => (day() ? null : firstDeparture(scenarioState.scenario?.plan?.solution)), (minutes) => {
    if (minutes !== null && !clock.real() && !clock.playing()) clock.set(minutes);
  }));

  /** The day record of a dispatch now: the plan value's routes shared, frozen (setDay keeps them as they are). */
  function dispatchRecord(): DayRecord {
    const made = makeDispatch(unwrap(scenarioState.scenario!), clock.minutes());
    return { ...made, dispatchedPlan: dispatchedPlanValue(made.dispatchedPlan) ?? made.dispatchedPlan };
  }

  /** Stores the day and shows it. */
  function startDay(record: DayRecord): true {
    batch(() => {
      scenarioActions.setDay(record);
      setModeSignal('day');
      setMessage(null);
    });
    return true;
  }

  /**
   * A large plan's Dispatch over several tasks: the day's copy of the scenario a slice per task, then the day's
   * first state derived from it (the keeper holds it), then the day stored and shown, its derivation taking both
   * as they are. The scenario edited meanwhile: Dispatch is decided again as it now stands, at once. Another
   * scenario opened, or a day started elsewhere: nothing is dispatched.
   */
  async function dispatchInSteps(record: DayRecord): Promise<void> {
    const pause = deps.pause ?? pauseForTask;
    const raw = unwrap(scenarioState.scenario!);
    const key = copyKey(raw);
    const data = { ...(await copyInSlices(withoutDayAndPlan(raw), { pause })), plan: null } as Scenario;
    const unchanged = () => {
      const current = scenarioState.scenario;
      return !!current && !current.day && sameCopyKey(key, copyKey(unwrap(current)));
    };
    if (unchanged()) {
      copied = { ...key, data };
      await pause();
      await primeDayBase({ ...data, day: { ...record } }, keeper, pause);
      await pause();
    }
    if (unchanged()) return void startDay(record);
    // Another scenario opened, or a day started elsewhere (another tab): this Dispatch is over.
    const current = scenarioState.scenario;
    if (!current || unwrap(current) !== raw || current.day) return;
    const blocker = dispatchBlocker(current);
    if (blocker) return void fail(`Cannot dispatch: ${blocker}.`);
    startDay(dispatchRecord());
  }

  function append(events: DayEvent[]): void {
    const current = day();
    if (!current || events.length === 0) return;
    const before = unwrap(current);
    // setDay stores a copy of what is new (the stored plan and log are kept): nothing is copied here first.
    scenarioActions.setDay({ ...before, events: [...before.events, ...events] });
  }

  const actions: DayActions = {
    setMode(next) {
      if (next === 'day' && !day()) return void fail('Dispatch the plan first: the day starts with a dispatched plan.');
      setModeSignal(next);
    },
    dispatch() {
      if (dispatching()) return false;
      const blocker = dispatchBlocker(scenarioState.scenario);
      if (blocker) return fail(`Cannot dispatch: ${blocker}.`);
      const record = dispatchRecord();
      if (unwrap(scenarioState.scenario!).orders.length <= (deps.stagedDispatchAbove ?? STAGED_DISPATCH_ABOVE)) return startDay(record);
      batch(() => {
        setDispatching(true);
        setMessage(null);
      });
      dispatchInSteps(record)
        .catch((error: unknown) => void fail(`Cannot dispatch: ${error instanceof Error ? error.message : String(error)}.`))
        .finally(() => setDispatching(false));
      return true;
    },
    addEvent(event) {
      const current = day();
      if (!current) return false;
      // The log as plain data (through the store, each of a long log's events was read through a proxy).
      const made = makeEvent({ ...event, at: event.at ?? clock.minutes() } as NewDayEvent, unwrap(current).events, dayBase()?.state ?? null);
      if (!made.ok) return fail(`Not logged: ${made.message}.`);
      append([made.event]);
      setMessage(null);
      return true;
    },
    readImport(text) {
      const current = day();
      const scenario = base();
      if (!current || !scenario) return { ok: false, message: 'Dispatch the plan first: the day starts with a dispatched plan.' };
      const state = dayBase()?.state;
      const read = readEventsImport(text, scenario, state ?? null, unwrap(current).events);
      const problem = read.ok ? newIssues(scenario, unwrap(current), read.events, state, keeper) : null;
      return problem ? { ok: false, message: `The events file was not imported: ${problem}. Nothing was added.` } : read;
    },
    importEvents(text, mediaAdded = 0) {
      const read = actions.readImport(text);
      if (!read.ok) return fail(read.message);
      const last = read.events.reduce((t, e) => Math.max(t, e.at), 0);
      // One update: the events, and the simulated clock catching up with what was reported (the real clock is what it is).
      batch(() => {
        append(read.events);
        if (!clock.real() && last > clock.minutes()) clock.set(last);
      });
      setMessage({ tone: 'info', text: importedText(read.events.length, read.skipped, mediaAdded) });
      return true;
    },
    notify: (m) => setMessage(m),
    exportEvents: () => (day() ? serializeEventsFile(unwrap(day()!).events) : null),
    dismissMessage: () => setMessage(null),
  };

  const state: DayStoreState = {
    get mode() { return mode(); },
    get day() { return day(); },
    get dispatchBlocker() { return dispatchBlocker(scenarioState.scenario); },
    get dispatching() { return dispatching(); },
    get derived() { return derived(); },
    get message() { return message(); },
    get risk() { return risk; },
    get proposal() { return repair.state.proposal; },
    get repairing() { return repair.state.repairing; },
    get autoRepair() { return repair.state.autoRepair; },
    orderOf: (orderId) => { const st = dayState(); return st ? dayOrderOf(st, orderId) : undefined; },
  };
  return [state, { ...actions, ...repair.actions }, clock];
}
