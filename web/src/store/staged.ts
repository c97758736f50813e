// Derived views that catch up in tasks of their own (issue #15): when a plan of
// 10,000 stops lands, the map, the timeline, the key figures and the route table
// each re-derive it in a separate task instead of all in the one that stored it
// (about 300 ms of main thread together), so no single task blocks input.
import { batch, createComputed, createSignal, on, onCleanup, type Accessor } from 'solid-js';

/** Runs queued jobs one per macrotask, first in, first out. */
export interface TaskQueue {
  /** Queues `job`; it runs in a task of its own after the jobs queued before it. */
  push(job: () => void): void;
}

/**
 * A macrotask per job through a MessageChannel: unlike `setTimeout` it is not clamped or throttled in a
 * background tab, and unlike a microtask it lets the browser paint and handle input between jobs.
 */
export function makeTaskQueue(post?: (run: () => void) => void): TaskQueue {
  const jobs: (() => void)[] = [];
  let schedule = post;
  const next = () => {
    const job = jobs.shift();
    if (jobs.length > 0) schedule!(next);
    job?.();
  };
  return {
    push(job) {
      jobs.push(job);
      if (jobs.length > 1) return;
      schedule ??= messageChannelPost();
      schedule(next);
    },
  };
}

function messageChannelPost(): (run: () => void) => void {
  if (typeof MessageChannel === 'undefined') return (run) => void setTimeout(run, 0);
  const channel = new MessageChannel();
  let pending: (() => void)[] = [];
  channel.port1.onmessage = () => { const runs = pending; pending = []; runs.forEach((run) => run()); };
  // Node (unit tests): an open port would keep the process alive.
  (channel.port1 as { unref?: () => void }).unref?.();
  return (run) => { pending.push(run); channel.port2.postMessage(null); };
}

/** The app's queue of view updates (one per browsing context). */
export const viewQueue: TaskQueue = makeTaskQueue();

/** A value derived in a task of its own; `pending` is true from a change of its source until it has caught up. */
export interface Staged<T> {
  (): T;
  pending: Accessor<boolean>;
}

/**
 * `compute(source())`, computed at once when created, then again in a task of its own (queued on `queue`)
 * after each change of `source`: several changes before that task runs make one computation, of the latest
 * source. `source` is tracked, `compute` is not (it reads raw data). Needs a reactive owner; a view disposed
 * before its task runs computes nothing.
 */
export function createStaged<S, T>(source: Accessor<S>, compute: (source: S) => T, queue: TaskQueue = viewQueue): Staged<T> {
  let latest: S;
  let first = true;
  let queued = false;
  let disposed = false;
  const [value, setValue] = createSignal<T>(undefined as T);
  const [pending, setPending] = createSignal(false);
  const run = () => {
    queued = false;
    if (disposed) return;
    batch(() => {
      setValue(() => compute(latest));
      setPending(false);
    });
  };
  createComputed(on(source, (next) => {
    latest = next;
    if (first) {
      first = false;
      return void setValue(() => compute(next));
    }
    setPending(true);
    if (!queued) {
      queued = true;
      queue.push(run);
    }
  }));
  onCleanup(() => { disposed = true; });
  return Object.assign(() => value(), { pending });
}
