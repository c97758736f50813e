// Lists whose items are rebuilt as new objects on every change (Day mode's
// prediction is re-derived on each clock tick, event and risk estimate) but
// stand for the same things: render them by key, so that a route or stop keeps
// its component, and what the dispatcher opened in it (a POD, a composer),
// while its figures change.
import { createMemo, type Accessor } from 'solid-js';

/** The keys of `list` in order (a new array only when they change) and the current item of a key. */
export interface Keyed<T> {
  keys: Accessor<string[]>;
  item(key: string): T | undefined;
}

const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((k, i) => k === b[i]);

/** Keys `list` by `keyOf` (keys are assumed unique; a repeated key keeps its last item). */
export function createKeyed<T>(list: Accessor<readonly T[]>, keyOf: (item: T) => string): Keyed<T> {
  const byKey = createMemo(() => new Map(list().map((item) => [keyOf(item), item] as const)));
  const keys = createMemo(() => [...byKey().keys()], [], { equals: sameKeys });
  return { keys, item: (key) => byKey().get(key) };
}
