// Play's queue (day-play.ts): the simulated day is built once, from the day store's own plain copy of the
// scenario (a store's proxy is copied first), and each event is logged when the clock passes it unless the log
// already holds its id — also an id the log gained since the last tick, or in a log that replaced it.
import { createRoot } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import { describe, expect, it } from 'vitest';
import type { DayRecord } from '../../../web/src/domain/day/day-schema';
import type { DayEvent } from '../../../web/src/domain/day/events';
import type { Scenario } from '../../../web/src/domain/scenario';
import { makePlayQueue } from '../../../web/src/store/day-play';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

const ev = (id: string, at: number): DayEvent => ({ id, type: 'delay', vehicle: 'v1', at, minutes: 1 }) as DayEvent;
const dayOf = (events: DayEvent[]): DayRecord => ({ dispatchedAt: 420, dispatchedPlan: { solvedRevision: 0, solution: makeMiniPlan().solution as never }, events });

describe('Play queue', () => {
  it('logs each simulated event once, skipping ids the log holds, as the log grows or is replaced', () => {
    let scenario: Scenario = { ...makeMiniScenario({ plan: makeMiniPlan() }), day: dayOf([ev('sim-2', 500)]) };
    const simulated = [ev('sim-1', 480), ev('sim-2', 500), ev('sim-3', 540), ev('sim-4', 560), ev('sim-5', 600), ev('sim-6', 660)];
    const seen: Scenario[] = [];
    const logged: string[] = [];
    const queue = makePlayQueue(() => scenario, (s) => { seen.push(s); return simulated; }, (events) => {
      logged.push(...events.map((e) => e.id));
      scenario = { ...scenario, day: { ...scenario.day!, events: [...scenario.day!.events, ...events] } };
    }, () => false);
    const plain = scenario;
    queue.due(470, 530);
    expect(logged).toEqual(['sim-1']);
    // The plain scenario is read as it is, not copied.
    expect(seen[0]).toBe(plain);
    // The dispatcher logged an event under a simulated one's id meanwhile (the log grew): not logged twice.
    scenario = { ...scenario, day: { ...scenario.day!, events: [...scenario.day!.events, ev('sim-3', 535)] } };
    queue.due(530, 570);
    expect(logged).toEqual(['sim-1', 'sim-4']);
    // Another log (not an extension of the last one seen), holding sim-5: its ids are read anew.
    scenario = { ...scenario, day: dayOf([ev('sim-5', 590)]) };
    queue.due(570, 700);
    expect(logged).toEqual(['sim-1', 'sim-4', 'sim-6']);
    expect(seen).toHaveLength(1);
  });

  it('a simulation made a slice per task: the ticks meanwhile log nothing, the first after it logs all that came due, once', () => {
    let scenario: Scenario = { ...makeMiniScenario({ plan: makeMiniPlan() }), day: dayOf([]) };
    const simulated = [ev('sim-1', 480), ev('sim-2', 500), ev('sim-3', 540), ev('sim-4', 600)];
    let steps = 0;
    const sliced = { step: () => (steps += 1) >= 3, result: () => simulated };
    const tasks: (() => void)[] = [];
    const logged: string[][] = [];
    const queue = makePlayQueue(() => scenario, () => sliced, (events) => {
      logged.push(events.map((e) => e.id));
      scenario = { ...scenario, day: { ...scenario.day!, events: [...scenario.day!.events, ...events] } };
    }, () => false, (fn) => tasks.push(fn));
    queue.due(470, 490);
    queue.due(490, 510);
    expect(logged).toEqual([]);
    // Two slices not done, the third done: made.
    while (tasks.length) tasks.shift()!();
    expect(steps).toBe(3);
    expect(logged).toEqual([]);
    queue.due(510, 545);
    expect(logged).toEqual([['sim-1', 'sim-2', 'sim-3']]);
    queue.due(545, 620);
    expect(logged).toEqual([['sim-1', 'sim-2', 'sim-3'], ['sim-4']]);
    // Reset while one is being made: its slices stop, the next Play makes another.
    const again = { step: () => false, result: () => [] };
    let made = 0;
    const other = makePlayQueue(() => scenario, () => { made += 1; return again; }, () => {}, () => false, (fn) => tasks.push(fn));
    other.due(620, 630);
    tasks.shift()!();
    expect(tasks).toHaveLength(1);
    other.reset();
    tasks.shift()!();
    expect(tasks).toHaveLength(0);
    other.due(630, 640);
    expect(made).toBe(2);
  });

  it("a store's proxy is copied before the simulator reads it", () => {
    createRoot((dispose) => {
      const [store] = createStore({ scenario: { ...makeMiniScenario({ plan: makeMiniPlan() }), day: dayOf([]) } as Scenario });
      let read: Scenario | null = null;
      const queue = makePlayQueue(() => store.scenario, (s) => { read = s; return []; }, () => {}, () => false);
      queue.due(420, 430);
      expect(read).not.toBeNull();
      expect(read).not.toBe(store.scenario);
      expect(read).not.toBe(unwrap(store.scenario));
      expect(read).toEqual(unwrap(store.scenario));
      dispose();
    });
  });
});
