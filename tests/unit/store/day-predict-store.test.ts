// The day store's prediction on a large day (day-predict.ts, issue #15) is made a slice per task: the day stays
// shown as it was until the new one is whole — never a half-made one — a newer time or state drops the one under
// way, a large day's first prediction shows nothing until it is whole, and a small day and no day are made at
// once. Slices of one
// route each (a deadline already past) on a two-route day, the later tasks run by hand: none runs in the task
// that changed the day or the clock.
import { createComputed, createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { DayEvent } from '../../../web/src/domain/day/events';
import type { Scenario } from '../../../web/src/domain/scenario';
import { deriveDay, deriveDayBase, makeDayKeeper, type DayBase, type DayDerived } from '../../../web/src/store/day-derive';
import { createSlicedPrediction } from '../../../web/src/store/day-predict';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

const shown = (d: DayDerived | null) => d && {
  nowMinutes: d.nowMinutes, state: d.state, prediction: d.prediction, atRisk: d.atRisk, report: d.report, plan: d.view.plan.solution, orders: d.view.orders,
};

const base = makeMiniScenario();
const plan = makeMiniPlan(base, { v1: ['o1', 'o2'], v2: ['o3'] });
const dayWith = (events: DayEvent[]): Scenario => ({ ...base, plan, day: { dispatchedAt: 420, dispatchedPlan: plan as never, events } });
const logged: DayEvent[] = [
  { id: 'd1', type: 'departed', vehicle: 'v1', at: 470 },
  { id: 'e1', type: 'done', order: 'o1', at: 500 },
  { id: 'l1', type: 'delay', vehicle: 'v2', at: 505, minutes: 40 },
] as DayEvent[];

/** The sliced prediction over signals, made in a root (updates inside a root's own run wait for its end). */
function sliced(scenario: Scenario | null, minutes: number, slicedAbove: number) {
  const keeper = makeDayKeeper();
  const tasks: (() => void)[] = [];
  const seen: (number | null)[] = [];
  let dispose = () => {};
  const handles = createRoot((d) => {
    dispose = d;
    const [current, setScenario] = createSignal<Scenario | null>(scenario);
    const [now, setNow] = createSignal(minutes);
    const dayBase = (): DayBase | null => deriveDayBase(current(), keeper);
    const derived = createSlicedPrediction(dayBase, now, keeper, { later: (fn) => tasks.push(fn), sliceMs: -1, slicedAbove });
    createComputed(() => seen.push(derived()?.nowMinutes ?? null));
    return { derived, setScenario, setNow };
  });
  const drain = () => { let n = 0; while (tasks.length) { tasks.shift()!(); n += 1; } return n; };
  return { ...handles, tasks, seen, drain, dispose };
}

describe("the day store's sliced prediction", () => {
  it('shows the day as it was until the new one is whole, and drops one a later time or state overtook', () => {
    const { derived, setScenario, setNow, tasks, seen, drain, dispose } = sliced(dayWith(logged.slice(0, 1)), 480, 0);
    // The first prediction of a dispatched plan is made a slice per task too, nothing shown until it is whole.
    expect(derived()).toBeNull();
    expect(tasks).toHaveLength(1);
    tasks.shift()!();
    expect(derived()).toBeNull();
    expect(drain()).toBe(4);
    expect(shown(derived())).toEqual(shown(deriveDay(dayWith(logged.slice(0, 1)), 480)));
    // A clock step: the day at 08:00 stays shown while the one at 08:30 is made, a route a task.
    setNow(510);
    expect(derived()!.nowMinutes).toBe(480);
    expect(tasks).toHaveLength(1);
    tasks.shift()!();
    expect(derived()!.nowMinutes).toBe(480);
    // The second route, then the report, then at risk and the plan, then the views: a task each.
    expect(drain()).toBe(4);
    expect(shown(derived())).toEqual(shown(deriveDay(dayWith(logged.slice(0, 1)), 510)));
    // Events appended, then the clock stepped before the day with them was whole: only the last is shown.
    setScenario(dayWith(logged));
    tasks.shift()!();
    setNow(515);
    drain();
    expect(shown(derived())).toEqual(shown(deriveDay(dayWith(logged), 515)));
    expect(seen).toEqual([null, 480, 510, 515]);
    // No day: at once.
    setScenario(null);
    expect(derived()).toBeNull();
    expect(drain()).toBe(0);
    // A day dispatched again: its first prediction a slice per task, nothing shown meanwhile.
    setScenario(dayWith([]));
    expect(derived()).toBeNull();
    expect(drain()).toBe(5);
    expect(shown(derived())).toEqual(shown(deriveDay(dayWith([]), 515)));
    // Another dispatch while a day is shown: that day is not shown while the new one is made.
    const again = { ...dayWith(logged.slice(0, 2)), day: { dispatchedAt: 430, dispatchedPlan: { ...plan } as never, events: logged.slice(0, 2) } };
    setScenario(again);
    expect(derived()).toBeNull();
    drain();
    expect(shown(derived())).toEqual(shown(deriveDay(again, 515)));
    dispose();
  });

  it('a day of no more orders than the threshold is predicted at once', () => {
    const { derived, setNow, tasks, dispose } = sliced(dayWith(logged), 480, base.orders.length);
    setNow(540);
    expect(tasks).toHaveLength(0);
    expect(shown(derived())).toEqual(shown(deriveDay(dayWith(logged), 540)));
    dispose();
  });

  it('a continuation after the owner is disposed does nothing', () => {
    const { derived, setNow, tasks, drain, dispose } = sliced(dayWith(logged), 480, 0);
    drain();
    setNow(540);
    dispose();
    while (tasks.length) tasks.shift()!();
    expect(derived()!.nowMinutes).toBe(480);
  });
});
