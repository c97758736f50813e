// The route filter above the route table (issue #15): with 150 routes, type part
// of a vehicle's name or id, or keep only the selected route, and the map, the
// route table and the timeline all show just those routes.
import { Show, type JSX } from 'solid-js';
import { useApp } from '../store/context';

/** "Filter routes" text box, "Show only selected route" switch, and how many routes are shown. */
export function RouteFilter(props: { shown: number; total: number }): JSX.Element {
  const { ui: [uiState, uiActions] } = useApp();
  return (
    <div class="route-filter">
      <label class="route-filter__text">
        <span>Filter routes</span>
        <input type="search" placeholder="Vehicle name or id" value={uiState.routeFilter} onInput={(e) => uiActions.setRouteFilter(e.currentTarget.value)} />
      </label>
      <label class="route-filter__only">
        <input type="checkbox" checked={uiState.onlySelectedRoute} onChange={(e) => uiActions.setOnlySelectedRoute(e.currentTarget.checked)} />
        <span>Show only selected route</span>
      </label>
      <Show when={props.shown !== props.total}>
        <span class="muted route-filter__count" role="status">{props.shown} of {props.total} routes shown</span>
      </Show>
    </div>
  );
}
