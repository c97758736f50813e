// A deep copy of plain data made over several tasks (issue #15): a 10,000-order scenario copied in one go was
// ~50 ms of the Dispatch click. Its long arrays (orders, vehicles) are copied a run of items at a time, with a
// pause whenever a slice's time is up; everything else is copied whole, as structuredClone copies it.

/** How a sliced copy spreads its work. */
export interface SliceOptions {
  /** Awaited when a slice's time is up (a later task). */
  pause: () => Promise<void>;
  /** Work per slice before a pause (default 8 ms). */
  sliceMs?: number;
  /** Items of a long array copied in one go (default 500). */
  run?: number;
  now?: () => number;
}

/** A deep copy of `value`'s fields (plain data), its long arrays copied a run at a time, pausing between slices. */
export async function copyInSlices<T extends object>(value: T, options: SliceOptions): Promise<T> {
  const { pause, sliceMs = 8, run = 500, now = () => performance.now() } = options;
  const out: Record<string, unknown> = {};
  // The copy as pieces of work: a field whole, or a run of a long array's items.
  const pieces: (() => void)[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (Array.isArray(field) && field.length > run) {
      const copy: unknown[] = [];
      out[key] = copy;
      for (let i = 0; i < field.length; i += run) {
        pieces.push(() => { for (const item of structuredClone(field.slice(i, i + run))) copy.push(item); });
      }
    } else {
      out[key] = undefined; // its place among the fields kept
      pieces.push(() => { out[key] = structuredClone(field); });
    }
  }
  let started = now();
  for (let i = 0; i < pieces.length; i++) {
    pieces[i]();
    if (i + 1 < pieces.length && now() - started >= sliceMs) {
      await pause();
      started = now();
    }
  }
  return out as T;
}
