// Orders found by id without walking the store (issue #15): an index over the raw orders,
// rebuilt once per edit of the data (the scenario's revision and data edit count; a new plan
// alone does not move an order), and each order then read
// through the store (`orders[at]`), which tracks that order's fields. At 10,000 orders a
// search or an index through the store made a proxy per order, a long task the first time.
import { createMemo } from 'solid-js';
import type { Order, Scenario } from '../../domain/scenario';
import { positionsById } from '../../store/raw';

/** Lookups of the orders of `scenario()` (none while it is null); `changes` is the store's count of data edits (`dataChanges`). */
export interface OrderIndex {
  /** The order's position in the scenario's orders, if it has that order. */
  at(orderId: string): number | undefined;
  /** The order, read through the store. */
  order(orderId: string): Order | undefined;
}

/** Needs a reactive owner. Pass `scenario` returning null while no lookup is needed: nothing is indexed then. */
export function createOrderIndex(scenario: () => Scenario | null | undefined, changes: () => number): OrderIndex {
  const positions = createMemo(() => {
    const s = scenario();
    if (!s) return new Map<string, number>();
    void s.revision;
    void changes();
    return positionsById(s.orders);
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
