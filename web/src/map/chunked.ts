// Time-sliced work for the main thread (issue #15): a long list of small steps
// (add a marker, restyle a line…) runs in slices of a few milliseconds, yielding
// to the browser between slices, so no task grows past the 50 ms a user feels.
// Clock and scheduling are injected, so the slicing is testable without a browser.

/** Clock and yield of a chunked run; the browser's by default. */
export interface ChunkEnv {
  now(): number;
  /** Runs `next` after the browser had a chance to paint and handle input. */
  schedule(next: () => void): void;
}

/** Milliseconds of work per slice: leaves room for Leaflet's redraw in the same frame. */
export const SLICE_MS = 8;

/** Runs `next` once, as a macrotask after the next frame (input and paint come first), or after 50 ms in a hidden tab. */
export function afterFrame(next: () => void): void {
  let done = false;
  const run = () => { if (!done) { done = true; next(); } };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 50);
}

const browserEnv: ChunkEnv = { now: () => performance.now(), schedule: afterFrame };

/** A running chunked job; `cancel` stops it before its next step (a step already run stays done). */
export interface ChunkedRun {
  cancel(): void;
  readonly done: boolean;
}

/**
 * Calls `step(i)` for i = 0..count-1 in slices of about `sliceMs`, then `onDone`. At least one step runs
 * per slice, so a slow step cannot stall the job. The first slice runs synchronously.
 */
export function runChunked(count: number, step: (i: number) => void, onDone: () => void = () => {}, env: ChunkEnv = browserEnv, sliceMs = SLICE_MS): ChunkedRun {
  let next = 0;
  let cancelled = false;
  let done = false;
  const slice = () => {
    if (cancelled) return;
    const started = env.now();
    do {
      if (next >= count) break;
      step(next++);
    } while (env.now() - started < sliceMs);
    if (next >= count) {
      done = true;
      onDone();
    } else env.schedule(slice);
  };
  slice();
  return {
    cancel: () => { cancelled = true; },
    get done() { return done; },
  };
}
