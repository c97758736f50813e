// Lists whose items are rebuilt as new objects on every change (Day mode's
// prediction is re-derived on each clock tick, event and risk estimate) but
// stand for the same things: render them by key, so that a route or stop keeps
// its component, and what the dispatcher opened in it (a POD, a composer),
// while its figures change.
//
// Each key has a signal of its own: a change of the list notifies only the
// readers of keys whose item is a different object. With one map for the whole
// list, a list that grows a batch per frame (progressive.ts) re-ran every row
// already shown at each batch: at 10,000 orders ~960 route rows, quadratic
// work and garbage whose collection made long tasks (issue #15).
import { batch, createComputed, createSignal, type Accessor, type Setter } from 'solid-js';

/** The keys of `list` in order (a new array only when they change) and the current item of a key. */
export interface Keyed<T> {
  keys: Accessor<string[]>;
  item(key: string): T | undefined;
}

const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((k, i) => k === b[i]);

/**
 * Keys `list` by `keyOf` (keys are assumed unique; a repeated key keeps its first place and its last item).
 * Needs a reactive owner. `item(key)` is tracked per key; a key no longer listed reads undefined.
 */
export function createKeyed<T>(list: Accessor<readonly T[]>, keyOf: (item: T) => string): Keyed<T> {
  const cells = new Map<string, [Accessor<T>, Setter<T>]>();
  const [keys, setKeys] = createSignal<string[]>([], { equals: sameKeys });
  createComputed(() => {
    const current = new Map<string, T>();
    for (const item of list()) current.set(keyOf(item), item);
    batch(() => {
      for (const [key, item] of current) {
        const cell = cells.get(key);
        // A function setter: items may themselves be functions. The signal's identity check skips unchanged items.
        if (cell) cell[1](() => item);
        else cells.set(key, createSignal(item));
      }
      // A removed key's row goes with the new keys; its last item stays what its readers saw.
      for (const key of cells.keys()) if (!current.has(key)) cells.delete(key);
      setKeys([...current.keys()]);
    });
  });
  return { keys, item: (key) => cells.get(key)?.[0]() };
}
