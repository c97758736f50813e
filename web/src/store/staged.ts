// Derived views that catch up in tasks of their own (issue #15): when a plan of
// 10,000 stops lands, the map, the timeline, the key figures and the route table
// each re-derive it in a separate task instead of all in the one that stored it
// (about 300 ms of main thread together), so no single task blocks input.
import { batch, createComputed, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { nextTask } from '../io/next-task';

/** Runs queued jobs one per macrotask (io/next-task.ts by default), first in, first out. */
export interface TaskQueue {
  /** Queues `job`; it runs in a task of its own after the jobs queued before it. */
  push(job: () => void): void;
  /**
   * Resolves once no job is queued: at once when none is, else a task after the last one ran (so a job queued
   * from a microtask of that last one is waited for too).
   */
  idle(): Promise<void>;
}

/** A FIFO of jobs, one per task: `schedule` runs its callback in a later macrotask. */
export function makeTaskQueue(schedule: (run: () => void) => void = (run) => void nextTask().then(run)): TaskQueue {
  const jobs: (() => void)[] = [];
  let waiters: (() => void)[] = [];
  const wake = () => {
    if (jobs.length > 0) return;
    const waiting = waiters;
    waiters = [];
    for (const resolve of waiting) resolve();
  };
  const next = () => {
    const job = jobs.shift();
    if (jobs.length > 0) schedule(next);
    try {
      job?.();
    } finally {
      if (jobs.length === 0 && waiters.length > 0) schedule(wake);
    }
  };
  return {
    push(job) {
      jobs.push(job);
      if (jobs.length === 1) schedule(next);
    },
    idle() {
      if (jobs.length === 0) return Promise.resolve();
      return new Promise((resolve) => { waiters.push(resolve); });
    },
  };
}

/** The app's queue of view updates (one per browsing context). */
export const viewQueue: TaskQueue = makeTaskQueue();

/** A value derived in a task of its own; `pending` is true from a change of its source until it has caught up. */
export interface Staged<T> {
  (): T;
  pending: Accessor<boolean>;
}

/**
 * A derivation done a slice at a time: each `step()` does one slice and returns true once the whole is done;
 * `result()` is then the value.
 */
export interface Slices<T> {
  step(): boolean;
  result(): T;
}

/**
 * A slice's time budget: a slice ends after this many milliseconds, however many items it has done (at least
 * one). A count alone was machine- and data-dependent: 150 vehicles of a 10,000-order plan took one 50-90 ms
 * task here (issue #15).
 */
export interface SliceBudget {
  ms: number;
  now?: () => number;
}

/** `items.map(project)`, at most `perSlice` items a slice, and (with `budget`) no more than its time. */
export function mapInSlices<I, T>(items: readonly I[], project: (item: I) => T, perSlice: number, budget?: SliceBudget): Slices<T[]> {
  const out: T[] = [];
  const now = budget?.now ?? (() => performance.now());
  return {
    step() {
      const end = Math.min(items.length, out.length + Math.max(1, perSlice));
      const until = budget ? now() + budget.ms : Infinity;
      for (let i = out.length; i < end; i++) {
        out.push(project(items[i]));
        if (i + 1 < end && budget && now() >= until) break;
      }
      return out.length >= items.length;
    },
    result: () => out,
  };
}

/**
 * `first`'s slices, then `second`'s, as one derivation: its value holds both results, so views fed from it
 * change together (the map's stops and lines of one plan, never the lines of a new plan over the stops of
 * the last one).
 */
export function bothInSlices<A, B>(first: Slices<A>, second: Slices<B>): Slices<{ first: A; second: B }> {
  let firstDone = false;
  return {
    step() {
      if (!firstDone) {
        firstDone = first.step();
        return false;
      }
      return second.step();
    },
    result: () => ({ first: first.result(), second: second.result() }),
  };
}

/** Every slice of `slices` at once; its value. */
function complete<T>(slices: Slices<T>): T {
  while (!slices.step());
  return slices.result();
}

/**
 * `compute(source())`, computed at once when created (unless `first` defers it), then again in a task of its
 * own (queued on `queue`) after each change of `source`: several changes before that task runs make one computation, of the latest
 * source. `source` is tracked, `compute` is not (it reads raw data). Needs a reactive owner; a view disposed
 * before its task runs computes nothing.
 */
export function createStaged<S, T>(source: Accessor<S>, compute: (source: S) => T, queue: TaskQueue = viewQueue, first?: FirstValue<S, T>, same?: SameSource<S>): Staged<T> {
  return createStagedSlices(source, (next) => {
    let value: T;
    return { step: () => { value = compute(next); return true; }, result: () => value };
  }, queue, first, same);
}

/**
 * True when a new value of a staged view's source would derive what the last one did: the view then keeps its
 * value (or the derivation under way) instead of starting over. A solve's result that is the plan already shown
 * (its best so far) shares that plan's routes (solver/shown-plan.ts): at 10,000 stops, deriving them all again
 * was a second burst of long tasks (issue #15).
 */
export type SameSource<S> = (last: S, next: S) => boolean;

/**
 * How a staged view gets its first value when `defer(source)` is true: `initial` at once, pending, and the
 * computed value in a task of its own like any later one. For a view created by the very change that brings
 * a large plan (the key figures appear with the first plan): computing it at once lengthened that task.
 */
export interface FirstValue<S, T> {
  initial: T;
  defer(source: S): boolean;
}

/**
 * As `createStaged`, for a derivation too long for one task: after a change of `source`, `slice(source)` runs
 * one step per task (queued on `queue` behind the other views' jobs) and the value changes only once the last
 * step is done, so a view never shows part of a new plan; until then it keeps the previous value and `pending`
 * is true. A change of `source` meanwhile starts over from the newest source; a new source that `same` finds
 * the same as the last one taken changes nothing.
 */
export function createStagedSlices<S, T>(source: Accessor<S>, slice: (source: S) => Slices<T>, queue: TaskQueue = viewQueue, firstValue?: FirstValue<S, T>, same?: SameSource<S>): Staged<T> {
  let latest: S;
  let job: Slices<T> | null = null;
  let first = true;
  let queued = false;
  let disposed = false;
  const [value, setValue] = createSignal<T>(undefined as T);
  const [pending, setPending] = createSignal(false);
  const enqueue = () => {
    if (queued) return;
    queued = true;
    queue.push(run);
  };
  const run = () => {
    queued = false;
    if (disposed) return;
    job ??= slice(latest);
    if (!job.step()) return enqueue();
    const done = job;
    job = null;
    batch(() => {
      setValue(() => done.result());
      setPending(false);
    });
  };
  createComputed(on(source, (next) => {
    if (!first && same?.(latest, next)) return;
    latest = next;
    if (first) {
      first = false;
      if (!firstValue?.defer(next)) return void setValue(() => complete(slice(next)));
      setValue(() => firstValue.initial);
    }
    // Work done for an older source is dropped.
    job = null;
    setPending(true);
    enqueue();
  }));
  onCleanup(() => { disposed = true; });
  return Object.assign(() => value(), { pending });
}
