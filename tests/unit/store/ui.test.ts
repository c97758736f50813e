// The ui store: one selection for the whole app, replaced (never merged) on change.
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { createUiStore, isRouteSelected } from '../../../web/src/store/ui';

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
});
