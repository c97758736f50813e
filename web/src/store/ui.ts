// The ui aggregate: what the dispatcher has selected. One selection for the
// whole app, so selecting a route or stop (an order's visit) anywhere selects it
// everywhere: map, route list, timeline and unassigned panel.
import { createSelector, getOwner } from 'solid-js';
import { createStore } from 'solid-js/store';

/** The one thing selected in the whole app, or nothing. */
export type Selection =
  | { kind: 'route'; vehicleId: string }
  | { kind: 'order'; orderId: string }
  | null;

/** The map waits for a click to place something ("depot", "order"…); `label` says what, for the map's hint. */
export interface MapPick {
  purpose: string;
  label: string;
}

/** Read-only view of the ui store. */
export interface UiState {
  readonly selection: Selection;
  /** A pending place-on-the-map request, or null. */
  readonly pick: MapPick | null;
  /** Bumped by `requestFit`: the map frames all depots and orders again. */
  readonly fitRequests: number;
  /** Text the routes are filtered by (vehicle name or id, any case); '' shows every route. */
  readonly routeFilter: string;
  /** Only the selected route (or the route of the selected stop) is shown on the map and in the lists. */
  readonly onlySelectedRoute: boolean;
}

/** Verbs that change the selection. */
export interface UiActions {
  /** Selects a route; selecting the selected route again clears the selection. */
  toggleRoute(vehicleId: string): void;
  selectOrder(orderId: string): void;
  clearSelection(): void;
  /** The next click on the map calls `onPick` with its place (one pick at a time; a new one replaces it). */
  startPick(pick: MapPick, onPick: (lat: number, lng: number) => void): void;
  /** Called by the map on a click while a pick is pending; ends the pick. */
  completePick(lat: number, lng: number): void;
  cancelPick(): void;
  /** Asks the map to frame the scenario's data (after an import, or a depot placed far away). */
  requestFit(): void;
  setRouteFilter(text: string): void;
  setOnlySelectedRoute(only: boolean): void;
}

/** The ui store as `[state, actions]`. */
export type UiStore = [state: UiState, actions: UiActions];

/**
 * Keyed selection reads per ui state (Solid's createSelector): a change of selection wakes only the rows of
 * the old and new key, not every row that asks (5,000 timeline stops would otherwise all re-run).
 */
const selectors = new WeakMap<UiState, { route: (id: string) => boolean; order: (id: string) => boolean }>();

/** True when the route of `vehicleId` is the current selection. */
export function isRouteSelected(state: UiState, vehicleId: string): boolean {
  const keyed = selectors.get(state);
  if (keyed) return keyed.route(vehicleId);
  return state.selection?.kind === 'route' && state.selection.vehicleId === vehicleId;
}

/** True when the stop (order) `orderId` is the current selection. */
export function isOrderSelected(state: UiState, orderId: string): boolean {
  const keyed = selectors.get(state);
  if (keyed) return keyed.order(orderId);
  return state.selection?.kind === 'order' && state.selection.orderId === orderId;
}

/** Id of the selected order (a stop on the map, list or timeline), or null. */
export function selectedOrderId(state: UiState): string | null {
  return state.selection?.kind === 'order' ? state.selection.orderId : null;
}

/** Creates the ui store with nothing selected. */
export function createUiStore(): UiStore {
  const [state, setState] = createStore<{ selection: Selection; pick: MapPick | null; fitRequests: number; routeFilter: string; onlySelectedRoute: boolean }>({
    selection: null, pick: null, fitRequests: 0, routeFilter: '', onlySelectedRoute: false,
  });
  // Selectors are computations: only made when an owner (a root or component) can dispose of them.
  if (getOwner()) {
    selectors.set(state, {
      route: createSelector<string | null, string>(() => (state.selection?.kind === 'route' ? state.selection.vehicleId : null)),
      order: createSelector<string | null, string>(() => selectedOrderId(state)),
    });
  }
  let onPick: ((lat: number, lng: number) => void) | null = null;
  const actions: UiActions = {
    startPick(pick, callback) {
      onPick = callback;
      setState({ pick: { ...pick } });
    },
    completePick(lat, lng) {
      const callback = onPick;
      actions.cancelPick();
      callback?.(lat, lng);
    },
    cancelPick() {
      onPick = null;
      setState({ pick: null });
    },
    setRouteFilter(text) {
      setState({ routeFilter: text });
    },
    setOnlySelectedRoute(only) {
      setState({ onlySelectedRoute: only });
    },
    requestFit() {
      setState('fitRequests', (n) => n + 1);
    },
    toggleRoute(vehicleId) {
      // Top-level set replaces the selection; a path set would merge the old one into it.
      setState({ selection: isRouteSelected(state, vehicleId) ? null : { kind: 'route', vehicleId } });
    },
    selectOrder(orderId) {
      setState({ selection: { kind: 'order', orderId } });
    },
    clearSelection() {
      setState({ selection: null });
    },
  };
  return [state, actions];
}
