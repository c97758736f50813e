// The routes in view, shared by the map, the route table and the timeline: the
// active route (selected, or serving the selected stop) and the route filter's
// visible set (issue #15). Indexed once per plan, and only once a stop is selected.
import { createMemo } from 'solid-js';
import type { Scenario } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import { vehicleByOrder, visibleRouteIds } from '../plan/route-filter';
import { useApp } from './context';

/** Reactive reads of the active and visible routes of `shown` (the scenario on screen). */
export interface RouteView {
  /** Vehicle whose route is highlighted, or null. */
  active(): string | null;
  /** Ids of routes to show, or null for all. */
  visible(): ReadonlySet<string> | null;
  /**
   * True when the route of `vehicleId` is shown (always true with no filter). One tracked read per call: a view
   * asking for thousands of stops reads `visible()` once and asks `shownIn`.
   */
  isVisible(vehicleId: string | null): boolean;
}

/** Whether the route of `vehicleId` is among `visible` (RouteView.visible: null shows every route). */
export function shownIn(visible: ReadonlySet<string> | null, vehicleId: string | null): boolean {
  return visible === null || vehicleId === null || visible.has(vehicleId);
}

/** `vehicleByOrder` of each stored plan (frozen, so never changed in place), shared by the views of it. */
const byOrderOfPlan = new WeakMap<Solution, ReadonlyMap<string, string>>();

/**
 * Vehicle serving each order of `solution`: one pass over a stored plan's 10,000 steps for the map, the table
 * and the timeline together, and only once an order is selected (issue #15), not on every plan that lands.
 */
function routesOfOrders(solution: Solution | null | undefined): ReadonlyMap<string, string> {
  if (!solution || !Object.isFrozen(solution)) return vehicleByOrder(solution);
  let byOrder = byOrderOfPlan.get(solution);
  if (!byOrder) byOrderOfPlan.set(solution, (byOrder = vehicleByOrder(solution)));
  return byOrder;
}

/**
 * Creates the route view of `shown`; needs a reactive owner (a component). `filtered` false shows every route
 * (Day mode: its panel has no route filter, so a filter set while planning must not hide routes there).
 */
export function createRouteView(shown: () => Scenario | null | undefined, filtered: () => boolean = () => true): RouteView {
  const { ui: [uiState] } = useApp();
  const active = createMemo(() => {
    const selection = uiState.selection;
    if (selection?.kind === 'route') return selection.vehicleId;
    return selection?.kind === 'order' ? routesOfOrders(shown()?.plan?.solution).get(selection.orderId) ?? null : null;
  });
  const visible = createMemo(() => (filtered()
    ? visibleRouteIds(shown()?.vehicles ?? [], uiState.routeFilter, uiState.onlySelectedRoute ? active() : null)
    : null));
  return {
    active,
    visible,
    isVisible: (vehicleId) => shownIn(visible(), vehicleId),
  };
}
