// Orders by id without walking the store (issue #15): the index follows edits, reads each order
// through the store (its fields tracked), and indexes nothing while the caller needs no lookup.
import { createComputed, createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { createOrderIndex } from '../../web/src/components/ui/order-index';
import { createScenarioStore } from '../../web/src/store/scenario';
import { makeMiniScenario } from '../fixtures/mini-scenario';

describe('createOrderIndex', () => {
  it('finds orders by id, follows edits and tracks the order read', () => {
    createRoot((dispose) => {
      const [state, actions] = createScenarioStore(makeMiniScenario());
      const index = createOrderIndex(() => state.scenario, () => state.changes);
      expect(index.at('o2')).toBe(1);
      expect(index.order('absent')).toBeUndefined();
      const names: string[] = [];
      createComputed(() => names.push(index.order('o3')?.customerName ?? ''));
      actions.updateOrders(['o3'], (o) => ({ ...o, customerName: 'Renamed' }));
      expect(names.at(-1)).toBe('Renamed');
      actions.removeOrders(['o1']);
      expect(index.at('o2')).toBe(0);
      expect(index.at('o1')).toBeUndefined();
      dispose();
    });
  });

  it('indexes nothing while its scenario accessor says no lookup is needed', () => {
    createRoot((dispose) => {
      const [state] = createScenarioStore(makeMiniScenario());
      const [active, setActive] = createSignal(false);
      const index = createOrderIndex(() => (active() ? state.scenario : null), () => state.changes);
      expect(index.at('o1')).toBeUndefined();
      setActive(true);
      expect(index.at('o1')).toBe(0);
      dispose();
    });
  });

  it('shares one index between lookups of the same orders, and never between different ones', () => {
    createRoot((dispose) => {
      const [state, actions] = createScenarioStore(makeMiniScenario());
      const first = createOrderIndex(() => state.scenario, () => state.changes);
      const second = createOrderIndex(() => state.scenario, () => state.changes);
      expect([first.at('o3'), second.at('o3')]).toEqual([2, 2]);
      // Another scenario at the same revision and edit count, its orders in another order.
      const reversed = makeMiniScenario();
      reversed.orders.reverse();
      const [other] = createScenarioStore(reversed);
      const third = createOrderIndex(() => other.scenario, () => other.changes);
      expect(third.at('o3')).toBe(reversed.orders.length - 3);
      expect(first.at('o3')).toBe(2);
      actions.removeOrders(['o1']);
      expect([first.at('o3'), second.at('o3'), third.at('o3')]).toEqual([1, 1, reversed.orders.length - 3]);
      dispose();
    });
  });
});
