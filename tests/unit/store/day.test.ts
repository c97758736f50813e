// The day store (issue #11): Dispatch freezes a current checked plan, the log is
// append-only (corrections are later events, undo never rewrites it), events
// files are all-or-nothing and idempotent, the clock plays simulated events,
// and a repair proposal is logged on Accept, dropped on Discard, or applied by auto-repair.
import { createComputed, createRoot } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { describe, expect, it, vi } from 'vitest';
import { serializeEventsFile } from '../../../web/src/domain/day/events-file';
import type { DayEvent } from '../../../web/src/domain/day/events';
import type { Scenario } from '../../../web/src/domain/scenario';
import { createDayStore, type DayDeps } from '../../../web/src/store/day';
import { deriveDay } from '../../../web/src/store/day-derive';
import type { KnownDay, RepairProposal } from '../../../web/src/plan/repair';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

/** A manual clock: ticks run only when the test calls `tick()`. */
function manualTimers() {
  let fn: (() => void) | null = null;
  return {
    deps: { setInterval: (f: () => void) => { fn = f; return 1; }, clearInterval: () => { fn = null; } },
    tick: () => fn?.(),
  };
}

function setup(scenario: Scenario | null = makeMiniScenario({ plan: makeMiniPlan() }), deps: DayDeps = {}) {
  let dispose = () => {};
  const stores = createRoot((d) => {
    dispose = d;
    const scenarioStore = createScenarioStore(scenario);
    return { scenario: scenarioStore, day: createDayStore(scenarioStore, deps) };
  });
  return { ...stores, dispose };
}

const eventsFile = (events: unknown[]) => JSON.stringify({ type: 'fmp-events', version: 1, events });

describe('day store: dispatch', () => {
  it('refuses to dispatch without a plan, and says why', () => {
    const { day: [state, actions], dispose } = setup(makeMiniScenario());
    expect(actions.dispatch()).toBe(false);
    expect(state.message?.text).toMatch(/no plan yet/);
    expect(state.day).toBeNull();
    dispose();
  });

  it('refuses to dispatch a stale plan', () => {
    const { scenario: [, scenarioActions], day: [state, actions], dispose } = setup();
    scenarioActions.updateOrder('o1', { serviceMinutes: 20 });
    expect(actions.dispatch()).toBe(false);
    expect(state.message?.text).toMatch(/out of date/);
    dispose();
  });

  it('freezes the checked plan at the clock time and switches to Day mode', () => {
    const { scenario: [scenarioState], day: [state, actions, clock], dispose } = setup();
    clock.set(7 * 60 + 45);
    expect(actions.dispatch()).toBe(true);
    expect(state.mode).toBe('day');
    expect(state.day?.dispatchedAt).toBe(465);
    expect(state.day?.dispatchedPlan.solution.routes.map((r) => r.vehicleId)).toEqual(['v1']);
    expect(state.day?.events).toEqual([]);
    expect(scenarioState.changes).toBe(1);
    // The dispatched plan shares the plan value's frozen routes (nothing may change them) and keeps them when the
    // scenario gets another plan.
    const planRoutes = unwrap(scenarioState.scenario!).plan!.solution.routes;
    expect(Object.isFrozen(planRoutes[0].steps[1])).toBe(true);
    expect(unwrap(state.day!).dispatchedPlan.solution.routes).toBe(planRoutes);
    expect(Object.isFrozen(unwrap(state.day!).dispatchedPlan)).toBe(true);
    expect(state.day?.dispatchedPlan.solution.routes[0].steps[1].id).toBe('o1');
    expect(actions.dispatch()).toBe(false);
    dispose();
  });

  it('keeps its own copy of a day whose routes are not a frozen plan\'s, and the dispatched plan across a new plan', () => {
    const { scenario: [scenarioState, scenarioActions], day: [state], dispose } = setup();
    const record = { dispatchedAt: 480, dispatchedPlan: structuredClone(makeMiniPlan()), events: [], settings: { riskMarginMinutes: 15 } } as const;
    scenarioActions.setDay(structuredClone(record) as never);
    const given = record.dispatchedPlan.solution.routes;
    expect(unwrap(state.day!).dispatchedPlan.solution.routes).not.toBe(given);
    expect(unwrap(state.day!).dispatchedPlan.solution.routes).toEqual(given);
    const stored = unwrap(state.day!).dispatchedPlan.solution.routes;
    const next = makeMiniPlan();
    scenarioActions.setPlan({ ...next, solution: { ...next.solution, routes: [] } });
    expect(unwrap(scenarioState.scenario!).plan!.solution.routes).toEqual([]);
    expect(unwrap(state.day!).dispatchedPlan.solution.routes).toBe(stored);
    dispose();
  });

  it('before Dispatch the simulated clock stands at the plan\'s first departure, and follows a new plan', () => {
    const earlier = (plan: ReturnType<typeof makeMiniPlan>, seconds: number) => {
      const moved = structuredClone(plan);
      for (const route of moved.solution.routes) for (const step of route.steps) { step.arrivalS -= seconds; step.departureS -= seconds; }
      return moved;
    };
    // The mini plan's van leaves at 08:00, the fresh clock's own time: this one leaves 37 minutes earlier.
    const plan = earlier(makeMiniPlan(), 37 * 60);
    const departures = plan.solution.routes.filter((r) => r.steps.some((s) => s.type === 'job')).map((r) => r.steps[0].departureS / 60);
    expect(departures.length).toBeGreaterThan(0);
    const { scenario: [scenarioState, scenarioActions], day: [state, actions, clock], dispose } = setup(makeMiniScenario({ plan }));
    // Not the fixed 08:00 of a fresh clock: the day starts when the first van leaves.
    expect(clock.minutes()).toBe(Math.min(...departures));
    expect(clock.minutes()).not.toBe(8 * 60);
    // A new plan whose van leaves an hour earlier still: the clock goes with it.
    scenarioActions.setPlan(earlier(scenarioState.scenario!.plan!, 3600));
    expect(clock.minutes()).toBe(Math.min(...departures) - 60);
    expect(actions.dispatch()).toBe(true);
    expect(state.day?.dispatchedAt).toBe(Math.min(...departures) - 60);
    // Once dispatched, the clock is the dispatcher's: a later plan change does not move it.
    clock.set(10 * 60);
    scenarioActions.setPlan(structuredClone(plan));
    expect(clock.minutes()).toBe(600);
    dispose();
  });

  it('a real-time clock stays on the real time before Dispatch', () => {
    const { day: [, , clock], dispose } = setup(makeMiniScenario({ plan: makeMiniPlan() }), { clock: { now: () => new Date(2026, 11, 7, 9, 41) } });
    clock.useRealTime();
    expect(clock.real()).toBe(true);
    expect(clock.minutes()).toBeCloseTo(9 * 60 + 41, 5);
    dispose();
  });
});

describe('day store: the log', () => {
  it('appends an event at the clock time, and the derived state follows it', () => {
    const { day: [state, actions, clock], dispose } = setup();
    clock.set(480);
    actions.dispatch();
    clock.set(8 * 60 + 20);
    expect(actions.addEvent({ type: 'done', order: 'o1' })).toBe(true);
    expect(state.day?.events).toEqual([{ type: 'done', order: 'o1', id: 'done:o1@08:20', at: 500 }]);
    expect(state.derived?.state.stops.o1.status).toBe('done');
    expect(state.derived?.state.stops.o2.status).toBe('en-route');
    dispose();
  });

  it('rejects an event naming an unknown order, logging nothing', () => {
    const { day: [state, actions], dispose } = setup();
    actions.dispatch();
    expect(actions.addEvent({ type: 'done', order: 'nope' })).toBe(false);
    expect(state.message?.text).toBe("Not logged: unknown order 'nope'.");
    expect(state.day?.events).toEqual([]);
    dispose();
  });

  it('a 60-minute delay makes the route late and puts stops at risk, with the reason', () => {
    const { day: [state, actions, clock], dispose } = setup();
    clock.set(480);
    actions.dispatch();
    const before = state.derived!.prediction.routes[0].endS;
    // Waiting for a window absorbs part of a delay.
    const waitS = state.derived!.prediction.routes[0].steps.reduce((s, x) => s + x.waitS, 0);
    actions.addEvent({ type: 'delay', vehicle: 'v1', minutes: 600 });
    expect(state.derived!.prediction.routes[0].endS).toBe(before + 600 * 60 - waitS);
    expect(state.derived!.atRisk.some((r) => r.orderId === 'o1' && /after its window/.test(r.reason))).toBe(true);
    dispose();
  });

  it('undo of a data edit after dispatch keeps the log as it is', () => {
    const { scenario: [scenarioState, scenarioActions], day: [state, actions], dispose } = setup();
    actions.dispatch();
    const before = scenarioActions.textSnapshot()!;
    actions.addEvent({ type: 'done', order: 'o1' });
    // What the edit store's undo does: put an earlier snapshot (the scenario's text and plan) back.
    scenarioActions.restore({ ...before, text: JSON.stringify({ ...JSON.parse(before.text), name: 'Earlier name' }) });
    expect(scenarioState.scenario?.name).toBe('Earlier name');
    expect(state.day?.events.map((e) => e.id)).toEqual(['done:o1@08:00']);
    dispose();
  });
});

describe('day store: events files', () => {
  const newOrder = { ...makeMiniScenario().orders[0], id: 'URG-1', customerName: 'Urgent' };

  it('imports every event of a good file, and the same file twice adds nothing twice', () => {
    const { day: [state, actions, clock], dispose } = setup();
    clock.set(480);
    actions.dispatch();
    const text = eventsFile([
      { type: 'done', order: 'o1', at: '08:30' },
      { type: 'new-order', at: '09:00', order: newOrder },
      { type: 'failed', order: 'o2', at: '09:10', reason: 'not-home' },
    ]);
    expect(actions.importEvents(text)).toBe(true);
    expect(state.day?.events.map((e) => e.type)).toEqual(['done', 'new-order', 'failed']);
    expect(state.derived?.state.unassigned).toEqual(expect.arrayContaining(['URG-1', 'o2-R1']));
    // The simulated clock caught up with the last reported time.
    expect(clock.minutes()).toBe(550);
    expect(actions.importEvents(text)).toBe(true);
    expect(state.day?.events).toHaveLength(3);
    expect(state.message?.text).toBe('Nothing new: all 3 events are already in the log.');
    dispose();
  });

  it('a bad event names its index and field, and nothing of the file is added', () => {
    const { day: [state, actions], dispose } = setup();
    actions.dispatch();
    const text = eventsFile([{ type: 'done', order: 'o1', at: '08:30' }, { type: 'delay', vehicle: 'v9', at: '09:00', minutes: 30 }]);
    expect(actions.importEvents(text)).toBe(false);
    expect(state.message?.text).toBe("The events file was not imported: events[1].vehicle: unknown vehicle 'v9'. Nothing was added.");
    expect(state.day?.events).toEqual([]);
    dispose();
  });

  it('exports the log as an events file that imports back to the same events', () => {
    const { day: [state, actions, clock], dispose } = setup();
    actions.dispatch();
    clock.set(510);
    actions.addEvent({ type: 'done', order: 'o1' });
    actions.addEvent({ type: 'delay', vehicle: 'v1', minutes: 15 });
    const text = actions.exportEvents()!;
    expect(text).toBe(serializeEventsFile(state.day!.events as DayEvent[]));
    const other = setup();
    other.day[1].dispatch();
    expect(other.day[1].importEvents(text)).toBe(true);
    expect(other.day[0].day?.events).toEqual(state.day?.events);
    other.dispose();
    dispose();
  });
});

describe('day store: clock and Play', () => {
  it('Play advances the simulated clock and logs each simulated event when its time comes', () => {
    const timers = manualTimers();
    const simulated: DayEvent[] = [
      { id: 'sim-1', type: 'done', order: 'o1', at: 485 },
      { id: 'sim-2', type: 'done', order: 'o2', at: 500 },
    ];
    const { day: [state, actions, clock], dispose } = setup(undefined, { clock: timers.deps, simulate: () => simulated });
    clock.set(480);
    actions.dispatch();
    clock.setSpeed(1440);
    clock.play();
    expect(clock.playing()).toBe(true);
    timers.tick();
    // 1440 simulated s per real s, ticks of 250 ms: 6 minutes a tick.
    expect(clock.minutes()).toBe(486);
    expect(state.day?.events.map((e) => e.id)).toEqual(['sim-1']);
    timers.tick();
    timers.tick();
    expect(clock.minutes()).toBe(498);
    expect(state.day?.events.map((e) => e.id)).toEqual(['sim-1']);
    timers.tick();
    expect(state.day?.events.map((e) => e.id)).toEqual(['sim-1', 'sim-2']);
    clock.pause();
    expect(clock.playing()).toBe(false);
    dispose();
  });
  it('a Play tick updates the day once: at its new time, with the events it logged', () => {
    const timers = manualTimers();
    const simulated: DayEvent[] = [{ id: 'sim-1', type: 'done', order: 'o1', at: 485 }];
    const { day: [state, actions, clock], dispose } = setup(undefined, { clock: timers.deps, simulate: () => simulated });
    clock.set(480);
    actions.dispatch();
    clock.setSpeed(1440);
    const seen: { now: number; events: number }[] = [];
    createRoot((d) => {
      createComputed(() => {
        const derived = state.derived;
        if (derived) seen.push({ now: derived.nowMinutes, events: derived.day.events.length });
      });
      return d;
    });
    seen.length = 0;
    clock.play();
    timers.tick();
    // Not once at 486 without sim-1 and again with it: the step and what it logs are one update.
    expect(seen).toEqual([{ now: 486, events: 1 }]);
    clock.pause();
    dispose();
  });
});

describe('day store: a large plan\'s Dispatch over several tasks', () => {
  /** Pauses the test releases one at a time. */
  function heldPauses() {
    const held: (() => void)[] = [];
    return {
      pause: () => new Promise<void>((resolve) => { held.push(resolve); }),
      release: async () => { held.shift()?.(); for (let i = 0; i < 20; i++) await Promise.resolve(); },
      get count() { return held.length; },
    };
  }
  /** Copies made of all of a scenario (the day's copy taken in one go). */
  const wholeCopies = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.filter(([v]) => !!v && typeof v === 'object' && 'orders' in (v as object) && 'vehicles' in (v as object)).length;

  it('copies the scenario a slice per task, derives the first state in a task of its own, then starts the same day as at once', async () => {
    const pauses = heldPauses();
    const { day: [state, actions, clock], dispose } = setup(undefined, { pause: pauses.pause, stagedDispatchAbove: 0 });
    clock.set(7 * 60 + 45);
    // The copy pauses whenever its slice's time is up: at a slice of 0 ms, after every field.
    const perf = vi.spyOn(performance, 'now');
    let t = 0;
    perf.mockImplementation(() => (t += 10));
    const copies = vi.spyOn(globalThis, 'structuredClone');
    expect(actions.dispatch()).toBe(true);
    expect(state.dispatching).toBe(true);
    expect(state.mode).toBe('plan');
    expect(state.day).toBeNull();
    // A second press while it is made starts nothing.
    expect(actions.dispatch()).toBe(false);
    let steps = 0;
    while (state.dispatching && steps < 100) { expect(state.day).toBeNull(); await pauses.release(); steps += 1; }
    perf.mockRestore();
    expect(steps).toBeGreaterThan(3);
    expect(state.mode).toBe('day');
    expect(state.day?.dispatchedAt).toBe(465);
    // The store's derivation took the copy made in slices: the scenario was never copied whole.
    expect(wholeCopies(copies)).toBe(0);
    copies.mockRestore();
    const sync = setup();
    sync.day[2].set(7 * 60 + 45);
    expect(sync.day[1].dispatch()).toBe(true);
    expect(state.derived?.state).toEqual(sync.day[0].derived?.state);
    expect(state.derived?.prediction).toEqual(sync.day[0].derived?.prediction);
    expect(unwrap(state.day!)).toEqual(unwrap(sync.day[0].day!));
    sync.dispose();
    dispose();
  });

  it('decides again as the scenario stands when it changed meanwhile', async () => {
    const pauses = heldPauses();
    const { scenario: [, scenarioActions], day: [state, actions], dispose } = setup(undefined, { pause: pauses.pause, stagedDispatchAbove: 0 });
    const perf = vi.spyOn(performance, 'now');
    let t = 0;
    perf.mockImplementation(() => (t += 10));
    expect(actions.dispatch()).toBe(true);
    await pauses.release();
    scenarioActions.updateOrder('o1', { serviceMinutes: 20 });
    while (state.dispatching) await pauses.release();
    perf.mockRestore();
    expect(state.day).toBeNull();
    expect(state.mode).toBe('plan');
    expect(state.message?.text).toMatch(/Cannot dispatch: the plan is out of date/);
    dispose();
  });

  it('dispatches nothing when another scenario was opened meanwhile', async () => {
    const pauses = heldPauses();
    const { scenario: [scenarioState, scenarioActions], day: [state, actions], dispose } = setup(undefined, { pause: pauses.pause, stagedDispatchAbove: 0 });
    const perf = vi.spyOn(performance, 'now');
    let t = 0;
    perf.mockImplementation(() => (t += 10));
    expect(actions.dispatch()).toBe(true);
    await pauses.release();
    scenarioActions.replace(makeMiniScenario({ id: 'other', plan: makeMiniPlan() }));
    while (state.dispatching) await pauses.release();
    perf.mockRestore();
    expect(scenarioState.scenario?.id).toBe('other');
    expect(state.day).toBeNull();
    expect(state.mode).toBe('plan');
    expect(state.message).toBeNull();
    dispose();
  });
});

describe('day store: the clock is kept with the day', () => {
  it('a set or paused simulated clock is stored, and a store opened on the stored scenario resumes from it', () => {
    const timers = manualTimers();
    const { scenario: [scenarioState], day: [state, actions, clock], dispose } = setup(undefined, { clock: timers.deps, simulate: () => [] });
    clock.set(480);
    actions.dispatch();
    clock.set(11 * 60 + 30);
    expect(state.day?.clock).toEqual({ minutes: 690, real: false });
    clock.play();
    timers.tick();
    // Not stored on every tick of a playing clock, only when it stops.
    expect(state.day?.clock).toEqual({ minutes: 690, real: false });
    clock.pause();
    expect(state.day?.clock).toEqual({ minutes: 696, real: false });
    const stored = JSON.parse(JSON.stringify(scenarioState.scenario));
    dispose();
    // After a reload: later than the last logged event (dispatch at 08:00), the clock is where it was left.
    const again = setup(stored, { clock: manualTimers().deps });
    expect(again.day[2].minutes()).toBe(696);
    expect(again.day[2].real()).toBe(false);
    // Opening stores nothing new.
    expect(again.scenario[0].changes).toBe(0);
    again.dispose();
  });

  it('the real time of day is stored as such and resumed after a reload', () => {
    const now = () => new Date(2026, 10, 21, 13, 15);
    const { scenario: [scenarioState], day: [state, actions, clock], dispose } = setup(undefined, { clock: { ...manualTimers().deps, now } });
    clock.set(480);
    actions.dispatch();
    clock.useRealTime();
    expect(state.day?.clock).toEqual({ minutes: 0, real: true });
    const stored = JSON.parse(JSON.stringify(scenarioState.scenario));
    dispose();
    const again = setup(stored, { clock: { ...manualTimers().deps, now } });
    expect(again.day[2].real()).toBe(true);
    expect(again.day[2].minutes()).toBe(795);
    again.dispose();
  });
});

describe('day store: a clock step is no data change', () => {
  it('the clock is saved with the day and written into its text, but the day is not derived again and the views keep their data', () => {
    const { scenario: [scenarioState, scenarioActions], day: [state, actions, clock], dispose } = setup();
    clock.set(480);
    actions.dispatch();
    const derivedState = state.derived!.state;
    const { changes, dataChanges } = scenarioState;
    expect(scenarioActions.textWithoutPlan()).not.toContain('"minutes":600');
    clock.set(600);
    // Saved (an edit to store) and in the text a save or an export writes...
    expect(state.day?.clock).toEqual({ minutes: 600, real: false });
    expect(scenarioState.changes).toBe(changes + 1);
    expect(JSON.parse(scenarioActions.textWithoutPlan()!).day.clock).toEqual({ minutes: 600, real: false });
    // ...but not a data change: the day's state is the one derived before, predicted again at the new time.
    expect(scenarioState.dataChanges).toBe(dataChanges);
    expect(state.derived!.state).toBe(derivedState);
    expect(state.derived!.nowMinutes).toBe(600);
    // An event is a data change: derived again.
    expect(actions.addEvent({ type: 'departed', vehicle: 'v1' })).toBe(true);
    expect(scenarioState.dataChanges).toBe(dataChanges + 1);
    expect(state.derived!.state).not.toBe(derivedState);
    expect(state.derived!.state.vehicles.v1.departedAt).toBe(600);
    dispose();
  });
});

describe('day store: an event changes the day alone', () => {
  it('keeps its copy of the scenario data across events (dayChanges) and takes a new one after an edit, the day derived as afresh', () => {
    const { scenario: [scenarioState, scenarioActions], day: [state, actions, clock], dispose } = setup();
    clock.set(480);
    actions.dispatch();
    const data = state.derived!.scenario;
    const { dataChanges, dayChanges } = scenarioState;
    expect(actions.addEvent({ type: 'departed', vehicle: 'v1' })).toBe(true);
    expect(actions.addEvent({ type: 'done', order: 'o1' })).toBe(true);
    // Two data changes, both the day's: the copy of the rest is the one taken before.
    expect(scenarioState.dataChanges - dataChanges).toBe(2);
    expect(scenarioState.dayChanges - dayChanges).toBe(2);
    expect(state.derived!.scenario.orders).toBe(data.orders);
    expect(state.derived!.scenario.vehicles).toBe(data.vehicles);
    expect(state.derived!.state.stops.o1.status).toBe('done');
    expect(state.derived!.day.events.map((e) => e.type)).toEqual(['departed', 'done']);
    // The day's copy is not the store's own: an edit of the store after does not reach it.
    expect(state.derived!.scenario.orders).not.toBe(unwrap(scenarioState.scenario!).orders);
    // An edit: a new copy, with the edit in it, and the day derived on it as afresh.
    scenarioActions.updateOrder('o2', { serviceMinutes: 25 });
    expect(scenarioState.dayChanges - dayChanges).toBe(2);
    expect(state.derived!.scenario.orders).not.toBe(data.orders);
    expect(state.derived!.scenario.orders.find((o) => o.id === 'o2')!.serviceMinutes).toBe(25);
    expect(state.derived!.state).toEqual(deriveDay(structuredClone(unwrap(scenarioState.scenario!)), clock.minutes())!.state);
    expect(state.derived!.prediction).toEqual(deriveDay(structuredClone(unwrap(scenarioState.scenario!)), clock.minutes())!.prediction);
    // A data change that is no new revision (a rename) is another copy too.
    const revision = scenarioState.scenario!.revision;
    scenarioActions.rename('Tuesday');
    expect(scenarioState.scenario!.revision).toBe(revision);
    expect(state.derived!.scenario.name).toBe('Tuesday');
    dispose();
  });
});

describe('day store: repair', () => {
  const proposal = (routes: RepairProposal['routes'], atRisk: [number, number]): RepairProposal => ({
    level: 'free', atS: 540 * 60, routes, source: 'solver', objectiveBefore: 10, objectiveAfter: 5,
    diff: { moved: [], resequenced: [], etas: [], nowOnTime: [], nowLate: [], costBefore: 10, costAfter: 5, distanceBeforeM: 1000, distanceAfterM: 900, atRiskBefore: atRisk[0], atRiskAfter: atRisk[1], unassignedBefore: [], unassignedAfter: [] },
  });
  const routes = [{ vehicle: 'v1', stops: [{ type: 'job' as const, id: 'o1' }, { type: 'job' as const, id: 'o3' }] }, { vehicle: 'v2', stops: [{ type: 'job' as const, id: 'o2' }] }];

  it('a repair is handed the day as it stands when the store has it at that time, else derives it itself', async () => {
    const received: (KnownDay | undefined)[] = [];
    const { scenario: [, scenarioActions], day: [state, actions, clock], dispose } = setup(undefined, {
      propose: async (_s, _d, _l, _n, known) => { received.push(known); return proposal(routes, [1, 0]); },
    });
    clock.set(480);
    actions.dispatch();
    actions.addEvent({ type: 'delay', vehicle: 'v1', minutes: 30 });
    clock.set(540);
    await actions.proposeRepair('free');
    // The store's own state and its margin-rule prediction at 09:00 (the same objects), as derived afresh.
    expect(received[0]!.state).toBe(state.derived!.state);
    const fresh = deriveDay({ ...state.derived!.scenario, day: state.day! }, 540)!;
    expect(received[0]!.prediction).toEqual(fresh.prediction);
    expect(received[0]!.prediction.nowS).toBe(540 * 60);
    // An order deleted after dispatch is left out of its route in the store's day: the repair derives the day itself.
    scenarioActions.removeOrders(['o3']);
    expect(state.derived!.warnings).toHaveLength(1);
    await actions.proposeRepair('free');
    expect(received).toHaveLength(2);
    expect(received[1]).toBeUndefined();
    dispose();
  });

  it('Accept logs the proposal as a repair-applied event; the state follows it', async () => {
    const { day: [state, actions, clock], dispose } = setup(undefined, { propose: async () => proposal(routes, [2, 0]) });
    clock.set(480);
    actions.dispatch();
    clock.set(540);
    await actions.proposeRepair('free');
    expect(state.proposal?.routes).toEqual(routes);
    expect(actions.accept()).toBe(true);
    expect(state.proposal).toBeNull();
    const last = state.day!.events.at(-1)!;
    expect(last).toMatchObject({ type: 'repair-applied', at: 540, routes });
    expect(state.derived?.state.stops.o2.vehicleId).toBe('v2');
    // The repaired day was re-checked by the checker's day walk, and the verdict is said.
    expect(state.message?.text).toBe('Repair applied (at risk 2 → 0, 0 moved); the checker finds no broken rule in the rest of the day.');
    dispose();
  });

  it('Accept of a repair that breaks a rule is logged, and the checker says which rule', async () => {
    const overloaded = [...routes.slice(0, 1), { vehicle: 'v2', stops: [{ type: 'job' as const, id: 'o2' }, { type: 'job' as const, id: 'o4' }] }];
    const { day: [state, actions], dispose } = setup(undefined, { propose: async () => proposal(overloaded, [1, 0]) });
    actions.dispatch();
    await actions.proposeRepair('free');
    expect(actions.accept()).toBe(true);
    expect(state.message?.tone).toBe('error');
    expect(state.message?.text).toMatch(/^Repair applied \(at risk 1 → 0, 0 moved\); the checker finds \d+ broken rule\(s\) in the rest of the day: .*capacity/i);
    dispose();
  });

  it('Discard drops the proposal and logs nothing; a proposal made for an older log is refused', async () => {
    const { day: [state, actions], dispose } = setup(undefined, { propose: async () => proposal(routes, [1, 0]) });
    actions.dispatch();
    await actions.proposeRepair('keep-vehicle');
    actions.discard();
    expect(state.proposal).toBeNull();
    expect(state.day?.events).toEqual([]);
    await actions.proposeRepair('free');
    actions.addEvent({ type: 'done', order: 'o1' });
    expect(actions.accept()).toBe(false);
    expect(state.message?.text).toMatch(/out of date/);
    expect(state.day?.events.map((e) => e.type)).toEqual(['done']);
    dispose();
  });

  it('auto-repair applies a repair by itself when a stop becomes at risk, logged as automatic', async () => {
    let calls = 0;
    const { day: [state, actions, clock], dispose } = setup(undefined, { propose: async () => { calls += 1; return proposal(routes, [3, 1]); } });
    clock.set(480);
    actions.dispatch();
    actions.setAutoRepair(true);
    actions.addEvent({ type: 'delay', vehicle: 'v1', minutes: 600 });
    // Proposed, then checked in a later task, then logged.
    await vi.waitFor(() => expect(state.day!.events.at(-1)!.type).toBe('repair-applied'));
    expect(calls).toBe(1);
    const last = state.day!.events.at(-1)!;
    expect(last.type).toBe('repair-applied');
    expect(last.id.startsWith('auto:')).toBe(true);
    expect(state.message?.text).toMatch(/^Auto-repair applied \(at risk 3 → 1, 0 moved\); the checker finds/);
    dispose();
  });
});
