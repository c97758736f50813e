// Time-sliced work (issue #15): every step runs once in order, slices respect the budget, cancel stops it.
import { describe, expect, it } from 'vitest';
import { runChunked, type ChunkEnv } from '../../../web/src/map/chunked';

/** A fake clock where each step costs `stepMs`, and a queue of scheduled slices run by hand. */
function fakeEnv(stepMs: number) {
  let clock = 0;
  const queue: (() => void)[] = [];
  const env: ChunkEnv = { now: () => clock, schedule: (next) => { queue.push(next); } };
  return { env, queue, tick: () => { clock += stepMs; }, flush: () => { let slices = 0; while (queue.length) { queue.shift()!(); slices++; } return slices; } };
}

describe('runChunked', () => {
  it('runs every step once, in order, in slices of about the budget, then calls onDone', () => {
    const fake = fakeEnv(1);
    const seen: number[] = [];
    let done = 0;
    const run = runChunked(100, (i) => { seen.push(i); fake.tick(); }, () => done++, fake.env, 8);
    // The first slice is synchronous: 8 ms of 1 ms steps.
    expect(seen).toHaveLength(8);
    expect(run.done).toBe(false);
    const slices = fake.flush();
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(slices).toBe(Math.ceil(100 / 8) - 1);
    expect(done).toBe(1);
    expect(run.done).toBe(true);
  });

  it('runs at least one step per slice even when a step is slower than the budget', () => {
    const fake = fakeEnv(50);
    const seen: number[] = [];
    runChunked(3, (i) => { seen.push(i); fake.tick(); }, undefined, fake.env, 8);
    expect(seen).toEqual([0]);
    expect(fake.flush()).toBe(2);
    expect(seen).toEqual([0, 1, 2]);
  });

  it('finishes a small job synchronously', () => {
    const fake = fakeEnv(0.1);
    let done = false;
    runChunked(20, () => fake.tick(), () => { done = true; }, fake.env, 8);
    expect(done).toBe(true);
    expect(fake.queue).toHaveLength(0);
  });

  it('stops after cancel: no further steps and no onDone', () => {
    const fake = fakeEnv(1);
    const seen: number[] = [];
    let done = false;
    const run = runChunked(50, (i) => { seen.push(i); fake.tick(); }, () => { done = true; }, fake.env, 8);
    run.cancel();
    fake.flush();
    expect(seen).toHaveLength(8);
    expect(done).toBe(false);
  });

  it('calls onDone at once for an empty job', () => {
    let done = false;
    runChunked(0, () => { throw new Error('no steps'); }, () => { done = true; }, fakeEnv(1).env);
    expect(done).toBe(true);
  });
});
