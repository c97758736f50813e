// The routes in view, shared by the map, the route table and the timeline: the
// active route (selected, or serving the selected stop) and the route filter's
// visible set (issue #15). The selected stop's route is looked up once per plan.
import { createMemo } from 'solid-js';
import type { Scenario } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import { vehicleServing, visibleRouteIds } from '../plan/route-filter';
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

/** The last order looked up in each stored plan (frozen, so never changed in place), shared by the views of it. */
const servingInPlan = new WeakMap<Solution, { orderId: string; vehicleId: string | null }>();

/**
 * `vehicleServing` once per stored plan and order, for the map, the table and the timeline together (a plan is
 * frozen, so never changed in place).
 */
function servingOnce(solution: Solution | null | undefined, orderId: string): string | null {
  if (!solution) return null;
  const known = servingInPlan.get(solution);
  if (known?.orderId === orderId) return known.vehicleId;
  const vehicleId = vehicleServing(solution, orderId);
  if (Object.isFrozen(solution)) servingInPlan.set(solution, { orderId, vehicleId });
  return vehicleId;
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
    return selection?.kind === 'order' ? servingOnce(shown()?.plan?.solution, selection.orderId) : null;
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
