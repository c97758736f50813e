// The day store's prediction at the clock's time (issue #15): on a large day it
// is made a slice per task, the day shown as it was until the new one is whole,
// so an event or a clock step is no long task; a large day's first prediction is
// made so too (nothing shown until it is whole); a small day and no day at once.
import { createComputed, createSignal, onCleanup, untrack, type Accessor } from 'solid-js';
import { predictDayAtInSteps, type DayBase, type DayDerivation, type DayDerived, type DayKeeper } from './day-derive';
import { nextTask, type Later } from './next-task';

/** Work per task of a sliced prediction, milliseconds. */
export const PREDICT_SLICE_MS = 10;
/** Days of more orders than this are predicted in slices; smaller ones at once (a few milliseconds). */
export const PREDICT_SLICED_ABOVE = 1000;

export interface SlicedPredictionOptions {
  later?: Later;
  sliceMs?: number;
  slicedAbove?: number;
}

/**
 * The day derived at `now()` from `base()`, following both. A large day's new derivation is made a slice per
 * task (`sliceMs` of work each) and replaces the one shown when whole; a newer state or time drops the one under
 * way (the routes it predicted stay in the keeper's caches for the next); a large day's first derivation (a
 * dispatched plan's, or another day's after it) shows null until it is whole. Made at once: a day of at most
 * `slicedAbove` orders, no day.
 */
export function createSlicedPrediction(base: Accessor<DayBase | null>, now: Accessor<number>, keeper: DayKeeper, options: SlicedPredictionOptions = {}): Accessor<DayDerived | null> {
  const later = options.later ?? nextTask;
  const sliceMs = options.sliceMs ?? PREDICT_SLICE_MS;
  const slicedAbove = options.slicedAbove ?? PREDICT_SLICED_ABOVE;
  const [derived, setDerived] = createSignal<DayDerived | null>(null);
  let running: DayDerivation | null = null;
  const publish = (job: DayDerivation): void => {
    if (job !== running) return;
    running = null;
    setDerived(job.result());
  };
  const pump = (job: DayDerivation): void => {
    if (job !== running) return;
    const started = performance.now();
    // The views follow the new day in a task of their own unless making it left them most of this one.
    if (job.step(started + sliceMs)) {
      if (performance.now() - started < sliceMs / 2) publish(job);
      else later(() => publish(job));
    } else {
      later(() => pump(job));
    }
  };
  createComputed(() => {
    const b = base();
    const minutes = now();
    untrack(() => {
      const job = predictDayAtInSteps(b, minutes, keeper);
      running = job;
      if (!b || b.state.orders.length <= slicedAbove) {
        running = null;
        job.step();
        setDerived(job.result());
        return;
      }
      // A large day's first prediction (just dispatched, or opened): nothing of another day stays shown meanwhile
      // (the page says it is predicting the day). Made at once it was a task of ~100 ms at 10,000 orders.
      const shown = derived();
      if (shown && (shown.scenario.id !== b.scenario.id || shown.day.dispatchedPlan !== b.day.dispatchedPlan)) setDerived(null);
      // Not in this task: it derived the day's state already, and the views follow that.
      later(() => pump(job));
    });
  });
  onCleanup(() => { running = null; });
  return derived;
}
