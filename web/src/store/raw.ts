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
