// The plain object behind a Solid store proxy, for pure passes over large data
// (issue #15): reading 10,000 orders through the proxy costs a proxy and a
// tracked signal per read. The caller tracks what should re-run it (a revision).
import { $RAW } from 'solid-js/store';

/**
 * The object behind a store proxy, or the value itself. Shallow on purpose: Solid's `unwrap` walks plain
 * data all the way down and copies frozen objects it meets on its way (a whole frozen plan).
 */
export function rawOf<T>(value: T): T {
  return (value as { [$RAW]?: T } | null | undefined)?.[$RAW] ?? value;
}

/**
 * The position of each item of a store array by id, read over the raw array: no proxy made or tracked per
 * item (at 10,000 orders a walk through the store was a long task the first time, issue #15). Pure: the
 * caller tracks what should re-run it (the scenario's revision and edit count), then reads the one item it
 * needs through the store (`items[position]`), which tracks that item's fields.
 */
export function positionsById(items: readonly { id: string }[]): Map<string, number> {
  const positions = new Map<string, number>();
  rawOf(items).forEach((item, at) => positions.set(item.id, at));
  return positions;
}
