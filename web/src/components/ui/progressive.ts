// Long lists that appear over a few frames (issue #15): the first `batch` items
// render at once, then `batch` more per frame, so 150 route rows never make one
// long task; a list that grows by more than a batch (a filter cleared) grows the same way.
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { afterFrame } from '../../map/chunked';

/**
 * The first items of `source()` to render now: all of them within a few frames. `first` items render at once
 * (a batch by default; 0 when many lists mount together, like a screenful of timeline rows).
 */
export function createProgressive<T>(source: Accessor<readonly T[]>, batch: number, first = batch): Accessor<readonly T[]> {
  // Read once per frame while the list grows, and by every render of it: a memo computes the list (often a filter of
  // hundreds of routes, a tracked read each) once per change of its sources, not at each of those reads.
  const items = createMemo(source);
  const [limit, setLimit] = createSignal(first);
  let pending = false;
  let disposed = false;
  const grow = () => {
    pending = false;
    if (disposed || limit() >= items().length) return;
    setLimit(limit() + batch);
    pending = true;
    afterFrame(grow);
  };
  createEffect(on(() => items().length, (length, previous) => {
    // A list that shrank keeps a limit near its new size: views render before this effect runs, so a limit
    // left at the full length would render a list that grows back (a filter cleared) whole, in one task.
    if (length < limit()) setLimit(Math.max(batch, length));
    if (previous !== undefined && length > previous + batch) setLimit(batch);
    if (length > limit() && !pending) { pending = true; afterFrame(grow); }
  }));
  onCleanup(() => { disposed = true; });
  return () => { const all = items(); return all.length <= limit() ? all : all.slice(0, limit()); };
}
