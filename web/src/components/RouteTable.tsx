// One row per used vehicle (stops, km, hours, start and end) with a totals row.
// The vehicle name is a toggle button: it selects the route on the map too.
import { For, type JSX } from 'solid-js';
import type { Scenario } from '../domain/scenario';
import type { Route } from '../domain/solution';
import { routeColor } from '../map/projection';
import { useApp } from '../store/context';
import { isRouteSelected } from '../store/ui';
import { formatClock, formatHm } from './ui/format';

/** Number of orders a route serves. */
export const jobCount = (route: Route): number => route.steps.filter((s) => s.type === 'job').length;

function RouteRow(props: { route: Route; scenario: Scenario }): JSX.Element {
  const { ui: [uiState, uiActions] } = useApp();
  const selected = () => isRouteSelected(uiState, props.route.vehicleId);
  const name = () => props.scenario.vehicles.find((v) => v.id === props.route.vehicleId)?.name ?? props.route.vehicleId;
  const steps = () => props.route.steps;
  return (
    <tr class={selected() ? 'is-selected' : undefined} data-vehicle-id={props.route.vehicleId}>
      <th scope="row">
        <button type="button" class="route-name" aria-pressed={selected()} onClick={() => uiActions.toggleRoute(props.route.vehicleId)}>
          <span class="swatch" style={{ background: routeColor(props.scenario, props.route.vehicleId) }} aria-hidden="true" />
          {name()}
        </button>
      </th>
      <td class="num">{jobCount(props.route)}</td>
      <td class="num">{(props.route.distanceM / 1000).toFixed(1)}</td>
      <td class="num">{formatHm(props.route.durationS)}</td>
      <td class="num">{formatClock(steps()[0]?.departureS ?? 0)}</td>
      <td class="num">{formatClock(steps()[steps().length - 1]?.arrivalS ?? 0)}</td>
    </tr>
  );
}

/** Table of the used routes; `trusted` false fades it (stale or failed plan). */
export function RouteTable(props: { routes: Route[]; scenario: Scenario; trusted: boolean }): JSX.Element {
  const total = (f: (r: Route) => number) => props.routes.reduce((sum, r) => sum + f(r), 0);
  return (
    <table class={`routes-table${props.trusted ? '' : ' routes-table--untrusted'}`}>
      <thead>
        <tr>
          <th scope="col">Vehicle</th>
          <th scope="col" class="num">Stops</th>
          <th scope="col" class="num">km</th>
          <th scope="col" class="num">Hours</th>
          <th scope="col" class="num">Start</th>
          <th scope="col" class="num">End</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.routes}>{(route) => <RouteRow route={route} scenario={props.scenario} />}</For>
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td class="num">{total(jobCount)}</td>
          <td class="num">{(total((r) => r.distanceM) / 1000).toFixed(1)}</td>
          <td class="num">{formatHm(total((r) => r.durationS))}</td>
          <td colSpan={2} />
        </tr>
      </tfoot>
    </table>
  );
}
