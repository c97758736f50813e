// rawOf: the plain object behind a store proxy (for pure passes over large data),
// shallow: plain data and frozen values come back as they are, never copied.
import { createComputed, createRoot, createEffect } from 'solid-js';
import { createStore } from 'solid-js/store';
import { describe, expect, it } from 'vitest';
import { positionsById, rawOf } from '../../../web/src/store/raw';

describe('rawOf', () => {
  it('returns the very object behind a store proxy, whose reads track nothing', async () => {
    const orders = [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }];
    const data = { revision: 0, orders };
    let runs = 0;
    const [state, setState] = createRoot(() => {
      const store = createStore(data);
      createEffect(() => { runs += 1; void rawOf(store[0]).orders[0].name; });
      return store;
    });
    expect(state.orders).not.toBe(orders);
    expect(rawOf(state)).toBe(data);
    expect(rawOf(state.orders)).toBe(orders);
    setState('orders', 0, 'name', 'A2');
    await Promise.resolve();
    expect(runs).toBe(1);
  });

  it('leaves plain data, frozen data and null as they are', () => {
    const plain = { a: [1, 2] };
    const frozen = Object.freeze({ a: Object.freeze([1]) });
    expect(rawOf(plain)).toBe(plain);
    expect(rawOf(frozen)).toBe(frozen);
    expect(rawOf(null)).toBeNull();
    expect(rawOf(undefined)).toBeUndefined();
  });
});

describe('positionsById', () => {
  it('indexes a store array by id over its raw items, tracking none of them', () => {
    let runs = 0;
    const [state, setState] = createRoot(() => {
      const store = createStore({ orders: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] });
      createComputed(() => { runs += 1; void positionsById(store[0].orders); });
      return store;
    });
    expect(positionsById(state.orders)).toEqual(new Map([['a', 0], ['b', 1]]));
    setState('orders', 1, 'name', 'B2');
    expect(runs).toBe(1);
    expect(positionsById([])).toEqual(new Map());
  });
});
