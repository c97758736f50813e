// Staged views (store/staged.ts): a derived value that catches up with its source in a task of its own,
// so a 10,000-stop plan is re-derived by each view in a separate task, never all in the one that stored it.
import { createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { bothInSlices, createStaged, createStagedSlices, makeTaskQueue, mapInSlices } from '../../../web/src/store/staged';

/** A queue whose tasks run only when the test says so (one per `step`). */
function manualQueue() {
  const tasks: (() => void)[] = [];
  const queue = makeTaskQueue((run) => tasks.push(run));
  return { queue, step: () => tasks.shift()?.(), get waiting() { return tasks.length; } };
}

describe('createStaged', () => {
  it('computes at once when created, then only in a later task after its source changes', () => {
    const { queue, step } = manualQueue();
    const [source, setSource] = createSignal(2);
    const calls: number[] = [];
    const staged = createRoot(() => createStaged(source, (n) => { calls.push(n); return n * 10; }, queue));
    expect(staged()).toBe(20);
    expect(staged.pending()).toBe(false);
    setSource(3);
    // Stored, not derived yet: the view still shows the previous value and says it is catching up.
    expect(staged()).toBe(20);
    expect(staged.pending()).toBe(true);
    step();
    expect(staged()).toBe(30);
    expect(staged.pending()).toBe(false);
    expect(calls).toEqual([2, 3]);
  });

  it('with a deferred first value, starts at the initial value, pending, and computes in a later task', () => {
    const { queue, step } = manualQueue();
    const [source, setSource] = createSignal(5000);
    const calls: number[] = [];
    const first = { initial: -1, defer: (n: number) => n > 1000 };
    const staged = createRoot(() => createStaged(source, (n) => { calls.push(n); return n * 10; }, queue, first));
    expect(staged()).toBe(-1);
    expect(staged.pending()).toBe(true);
    expect(calls).toEqual([]);
    step();
    expect(staged()).toBe(50000);
    expect(staged.pending()).toBe(false);
    setSource(6000);
    step();
    expect(staged()).toBe(60000);
    // A small source is computed at once, as without the option.
    const small = createRoot(() => createStaged(() => 7, (n) => n * 10, queue, first));
    expect(small()).toBe(70);
    expect(small.pending()).toBe(false);
    expect(calls).toEqual([5000, 6000]);
  });

  it('keeps its value, and any derivation under way, when `same` finds the new source the same as the last', () => {
    const { queue, step, waiting } = manualQueue();
    // Sources as keys, a new object each time: the same `id` derives the same value.
    const [source, setSource] = createSignal({ id: 1, note: 'a' });
    const calls: number[] = [];
    const staged = createRoot(() => createStaged(source, (s) => { calls.push(s.id); return s.id * 10; }, queue, undefined, (last, next) => last.id === next.id));
    setSource({ id: 1, note: 'b' });
    expect(staged.pending()).toBe(false);
    expect(waiting).toBe(0);
    setSource({ id: 2, note: 'c' });
    expect(staged.pending()).toBe(true);
    // The same as the one being derived: that derivation goes on, and is not started over.
    setSource({ id: 2, note: 'd' });
    step();
    expect(staged()).toBe(20);
    expect(staged.pending()).toBe(false);
    expect(calls).toEqual([1, 2]);
    // Compared with the last source taken, not with the first.
    setSource({ id: 1, note: 'e' });
    step();
    expect(staged()).toBe(10);
    expect(calls).toEqual([1, 2, 1]);
  });

  it('derives once from the latest source after several changes before its task', () => {
    const { queue, step, } = manualQueue();
    const [source, setSource] = createSignal(1);
    const calls: number[] = [];
    const staged = createRoot(() => createStaged(source, (n) => { calls.push(n); return n; }, queue));
    setSource(2);
    setSource(3);
    setSource(4);
    step();
    expect(staged()).toBe(4);
    expect(calls).toEqual([1, 4]);
  });

  it('gives each view its own task, in the order their sources changed', () => {
    const q = manualQueue();
    const [source, setSource] = createSignal(0);
    const order: string[] = [];
    const [a, b] = createRoot(() => [
      createStaged(source, (n) => { order.push(`a${n}`); return n; }, q.queue),
      createStaged(source, (n) => { order.push(`b${n}`); return n; }, q.queue),
    ]);
    order.length = 0;
    setSource(1);
    expect(q.waiting).toBe(1);
    q.step();
    expect(order).toEqual(['a1']);
    expect([a(), b()]).toEqual([1, 0]);
    expect(b.pending()).toBe(true);
    q.step();
    expect(order).toEqual(['a1', 'b1']);
    expect([a(), b()]).toEqual([1, 1]);
    expect(q.waiting).toBe(0);
  });

  it('computes nothing for a view disposed before its task ran', () => {
    const { queue, step } = manualQueue();
    const [source, setSource] = createSignal(1);
    const calls: number[] = [];
    const dispose = createRoot((d) => { createStaged(source, (n) => { calls.push(n); return n; }, queue); return d; });
    setSource(2);
    dispose();
    step();
    expect(calls).toEqual([1]);
  });

  it('tracks its source only, not what the computation reads', () => {
    const { queue, step } = manualQueue();
    const [source, setSource] = createSignal(1);
    const [other, setOther] = createSignal(100);
    const staged = createRoot(() => createStaged(source, (n) => n + other(), queue));
    setOther(200);
    expect(staged.pending()).toBe(false);
    setSource(2);
    step();
    expect(staged()).toBe(202);
  });
});

describe('makeTaskQueue', () => {
  it('runs queued jobs one per task, first in first out, including jobs queued by a running job', () => {
    const tasks: (() => void)[] = [];
    const queue = makeTaskQueue((run) => tasks.push(run));
    const ran: string[] = [];
    queue.push(() => { ran.push('a'); queue.push(() => ran.push('c')); });
    queue.push(() => ran.push('b'));
    expect(tasks).toHaveLength(1);
    tasks.shift()!();
    expect(ran).toEqual(['a']);
    tasks.shift()!();
    expect(ran).toEqual(['a', 'b']);
    tasks.shift()!();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(tasks).toHaveLength(0);
  });

  it('says when it is idle: at once when empty, else a task after the last job, jobs queued meanwhile included', async () => {
    const tasks: (() => void)[] = [];
    const queue = makeTaskQueue((run) => tasks.push(run));
    let idle = 0;
    const watch = () => void queue.idle().then(() => { idle += 1; });
    watch();
    await Promise.resolve();
    expect(idle).toBe(1);
    queue.push(() => {});
    watch();
    tasks.shift()!();
    await Promise.resolve();
    expect(idle).toBe(1); // the job ran, the wake-up is a task later
    queue.push(() => {}); // queued before the wake-up runs: it is waited for too
    tasks.shift()!(); // the wake-up: a job is queued, so not idle
    await Promise.resolve();
    expect(idle).toBe(1);
    tasks.shift()!(); // the job
    tasks.shift()!(); // the wake-up
    await Promise.resolve();
    expect(idle).toBe(2);
    expect(tasks).toHaveLength(0);
  });

  it('runs jobs in real macrotasks by default (after pending microtasks)', async () => {
    const queue = makeTaskQueue();
    const ran: string[] = [];
    queue.push(() => ran.push('task'));
    await Promise.resolve();
    ran.push('microtask');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toEqual(['microtask', 'task']);
  });
});

describe('createStagedSlices', () => {
  const double = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('maps a list a slice at a time, every item once and in order', () => {
    const seen: number[] = [];
    const slices = mapInSlices([1, 2, 3, 4, 5], (n) => { seen.push(n); return n * 2; }, 2);
    expect(slices.step()).toBe(false);
    expect(seen).toEqual([1, 2]);
    expect(slices.step()).toBe(false);
    expect(slices.step()).toBe(true);
    expect(slices.result()).toEqual([2, 4, 6, 8, 10]);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(mapInSlices([], (n: number) => n, 2).step()).toBe(true);
  });

  it('ends a slice once its time budget is spent, after at least one item, and never does more than the count', () => {
    // A clock that moves 5 ms per item projected.
    let clock = 0;
    const seen: number[] = [];
    const slices = mapInSlices([1, 2, 3, 4, 5, 6, 7], (n) => { seen.push(n); clock += 5; return n; }, 4, { ms: 12, now: () => clock });
    expect(slices.step()).toBe(false);
    expect(seen).toEqual([1, 2, 3]);
    // A budget smaller than one item still makes progress.
    const one = mapInSlices([1, 2], (n) => { clock += 50; return n; }, 4, { ms: 1, now: () => clock });
    expect(one.step()).toBe(false);
    expect(one.step()).toBe(true);
    expect(one.result()).toEqual([1, 2]);
    // The count still bounds a fast slice.
    const fast = mapInSlices([1, 2, 3, 4, 5, 6, 7], (n) => n, 4, { ms: 12, now: () => clock });
    expect(fast.step()).toBe(false);
    expect(fast.step()).toBe(true);
    expect(slices.step()).toBe(false);
    expect(slices.step()).toBe(true);
    expect(slices.result()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('is complete at once when created, then shows a new value only once its last slice is done', () => {
    const q = manualQueue();
    const [size, setSize] = createSignal(5);
    const staged = createRoot(() => createStagedSlices(size, (n) => mapInSlices(double(n), (i) => i * 10, 2), q.queue));
    expect(staged()).toEqual([0, 10, 20, 30, 40]);
    setSize(6);
    // Three slices of two: the view keeps the whole previous list, never a part of the new one.
    q.step();
    expect(staged()).toEqual([0, 10, 20, 30, 40]);
    expect(staged.pending()).toBe(true);
    q.step();
    expect(staged()).toEqual([0, 10, 20, 30, 40]);
    q.step();
    expect(staged()).toEqual([0, 10, 20, 30, 40, 50]);
    expect(staged.pending()).toBe(false);
    expect(q.waiting).toBe(0);
  });

  it('lets the other views run between its slices', () => {
    const q = manualQueue();
    const [source, setSource] = createSignal(0);
    const order: string[] = [];
    createRoot(() => [
      createStagedSlices(source, (n) => mapInSlices([1, 2, 3], (i) => { order.push(`long${n}.${i}`); return i; }, 1), q.queue),
      createStaged(source, (n) => { order.push(`short${n}`); return n; }, q.queue),
    ]);
    order.length = 0;
    setSource(1);
    while (q.waiting > 0) q.step();
    expect(order).toEqual(['long1.1', 'short1', 'long1.2', 'long1.3']);
  });

  it('starts over from the newest source when it changes between slices', () => {
    const q = manualQueue();
    const [size, setSize] = createSignal(1);
    const started: number[] = [];
    const staged = createRoot(() => createStagedSlices(size, (n) => { started.push(n); return mapInSlices(double(n), (i) => i, 2); }, q.queue));
    setSize(4);
    q.step();
    expect(started).toEqual([1, 4]);
    setSize(3);
    while (q.waiting > 0) q.step();
    expect(started).toEqual([1, 4, 3]);
    expect(staged()).toEqual([0, 1, 2]);
    expect(staged.pending()).toBe(false);
  });
});

describe('bothInSlices', () => {
  it('changes both values in the same task, only once the second derivation is done too', () => {
    const { queue, step } = manualQueue();
    const [source, setSource] = createSignal([1, 2, 3]);
    const staged = createRoot(() => createStagedSlices(source, (items) => bothInSlices(mapInSlices(items, (n) => n * 10, 2), mapInSlices(items, (n) => -n, 1)), queue));
    expect(staged()).toEqual({ first: [10, 20, 30], second: [-1, -2, -3] });
    setSource([4, 5, 6]);
    const seen: { first: number[]; second: number[] }[] = [];
    let tasks = 0;
    while (staged.pending()) {
      step();
      tasks += 1;
      seen.push(staged());
    }
    // 2 slices of the first and 3 of the second, a task each: both keep the old values until the last.
    expect(tasks).toBe(5);
    expect(seen.slice(0, -1).every((v) => v.first[0] === 10 && v.second[0] === -1)).toBe(true);
    expect(staged()).toEqual({ first: [40, 50, 60], second: [-4, -5, -6] });
  });
});
