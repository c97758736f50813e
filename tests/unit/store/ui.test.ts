// The ui store: one selection for the whole app, replaced (never merged) on change.
import { createComputed, createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { createUiStore, isOrderSelected, isRouteSelected } from '../../../web/src/store/ui';

describe('ui store', () => {
  it('toggles a route selection and replaces it with an order selection', () => createRoot((dispose) => {
    const [state, actions] = createUiStore();
    actions.toggleRoute('v1');
    expect(isRouteSelected(state, 'v1')).toBe(true);
    actions.selectOrder('o2');
    expect(state.selection).toEqual({ kind: 'order', orderId: 'o2' });
    actions.toggleRoute('v2');
    actions.toggleRoute('v2');
    expect(state.selection).toBeNull();
    dispose();
  }));

  it('wakes only the readers of the old and the new selected stop (keyed selection, issue #15)', () => createRoot((dispose) => {
    const [state, actions] = createUiStore();
    const runs = new Map<string, number>();
    for (const id of ['o1', 'o2', 'o3', 'o4']) {
      createComputed(() => { isOrderSelected(state, id); runs.set(id, (runs.get(id) ?? 0) + 1); });
    }
    actions.selectOrder('o1');
    actions.selectOrder('o2');
    expect(Object.fromEntries(runs)).toEqual({ o1: 3, o2: 2, o3: 1, o4: 1 });
    expect(isOrderSelected(state, 'o2')).toBe(true);
    expect(isOrderSelected(state, 'o1')).toBe(false);
    actions.toggleRoute('v1');
    expect(isOrderSelected(state, 'o2')).toBe(false);
    expect(isRouteSelected(state, 'v1')).toBe(true);
    dispose();
  }));

  it('answers selection reads without an owner too (plain comparison)', () => {
    const [state, actions] = createUiStore();
    actions.selectOrder('o9');
    expect(isOrderSelected(state, 'o9')).toBe(true);
    expect(isRouteSelected(state, 'o9')).toBe(false);
  });

  it('keeps the route filter text and the "only selected route" switch', () => createRoot((dispose) => {
    const [state, actions] = createUiStore();
    expect([state.routeFilter, state.onlySelectedRoute]).toEqual(['', false]);
    actions.setRouteFilter('van 7');
    actions.setOnlySelectedRoute(true);
    expect([state.routeFilter, state.onlySelectedRoute]).toEqual(['van 7', true]);
    dispose();
  }));
});
