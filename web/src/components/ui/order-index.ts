// Orders found by id without walking the store (issue #15): an index over the raw orders,
// rebuilt once per edit of the data (the scenario's revision and data edit count; a new plan
// alone does not move an order), and each order then read
// through the store (`orders[at]`), which tracks that order's fields. At 10,000 orders a
// search or an index through the store made a proxy per order, a long task the first time.
import { createMemo } from 'solid-js';
import type { Order, Scenario } from '../../domain/scenario';
import { positionsById, rawOf } from '../../store/raw';

/** Lookups of the orders of `scenario()` (none while it is null); `changes` is the store's count of data edits (`dataChanges`). */
export interface OrderIndex {
  /** The order's position in the scenario's orders, if it has that order. */
  at(orderId: string): number | undefined;
  /** The order, read through the store. */
  order(orderId: string): Order | undefined;
}

/**
 * The last index made, shared by every lookup of the same orders at the same revision and edit count: each route
 * opened in the list made its own 10,000-entry index, in the click that opened it (issue #15).
 */
let last: { orders: readonly Order[]; revision: number; changes: number; positions: Map<string, number> } | null = null;

/** Needs a reactive owner. Pass `scenario` returning null while no lookup is needed: nothing is indexed then. */
export function createOrderIndex(scenario: () => Scenario | null | undefined, changes: () => number): OrderIndex {
  const positions = createMemo(() => {
    const s = scenario();
    if (!s) return new Map<string, number>();
    const key = { orders: rawOf(s.orders), revision: s.revision, changes: changes() };
    if (last && last.orders === key.orders && last.revision === key.revision && last.changes === key.changes) return last.positions;
    last = { ...key, positions: positionsById(s.orders) };
    return last.positions;
  });
  const at = (orderId: string) => positions().get(orderId);
  return {
    at,
    order(orderId) {
      const i = at(orderId);
      return i === undefined ? undefined : scenario()?.orders[i];
    },
  };
}
