// One row per used vehicle (pin, stops, km, hours, start and end) with a totals
// row. The vehicle name selects the route everywhere; the active route (selected,
// or holding the selected stop) unfolds its stops. Rows accept dropped stops.
import { createMemo, For, Show, type JSX } from 'solid-js';
import { routeColumns } from './route-columns';
import { createKeyed } from './ui/keyed';
import { createProgressive } from './ui/progressive';
import type { Scenario } from '../domain/scenario';
import { isOrderStep, type Route } from '../domain/solution';
import { routeColor } from '../map/projection';
import { useApp } from '../store/context';
import { isRoutePinned } from '../store/pins';
import { isRouteSelected } from '../store/ui';
import { ShareRoute } from './handoff/ShareRoute';
import { PinToggle } from './PinToggle';
import { RouteStops } from './RouteStops';
import { dropTarget } from './ui/dnd';
import { formatClock, formatCount, formatHm, formatKmValue } from './ui/format';
import { createVehicleNames } from './ui/vehicle-names';

/** Number of stops on a route (the "Stops" column): a job counts one, a shipment two (pickup and delivery). */
export function stopCount(route: Route): number {
  // Counted, not filtered: the table, its totals and the route filter count every route of a new plan (10,000 steps).
  let count = 0;
  for (const step of route.steps) if (isOrderStep(step)) count++;
  return count;
}

const COLUMNS = 7;
const startOf = (route: Route) => formatClock(route.steps[0]?.departureS ?? 0);
const endOf = (route: Route) => formatClock(route.steps[route.steps.length - 1]?.arrivalS ?? 0);
/** Route rows rendered at once, then per frame (issue #15: 150 rows in one go is a long task). */
const ROWS_PER_FRAME = 20;

function RouteRow(props: { route: Route; scenario: Scenario; name: string; active: boolean; editable: boolean }): JSX.Element {
  const { ui: [uiState, uiActions], pins: [pinsState, pinsActions], edit } = useApp();
  const vehicleId = () => props.route.vehicleId;
  const selected = () => isRouteSelected(uiState, vehicleId());
  const pinned = () => isRoutePinned(pinsState, props.scenario.id, vehicleId());
  const name = () => props.name;
  const hovered = () => edit[0].preview?.vehicleId === vehicleId() ? (edit[0].preview.feasible ? ' is-drop-ok' : ' is-drop-bad') : '';
  // Dropped on the row itself: the stop goes where it costs least.
  const drop = dropTarget(edit, () => (props.editable ? { vehicleId: vehicleId() } : null));
  return (
    <tbody class={`route-group${props.active ? ' is-active' : ''}`}>
      <tr class={`${selected() ? 'is-selected' : ''}${hovered()}`} data-vehicle-id={vehicleId()} {...drop}>
        <td class="pin-cell">
          <PinToggle pinned={pinned()} label={`route ${name()}`} onToggle={() => pinsActions.toggleRoute(props.scenario.id, vehicleId())} />
        </td>
        <th scope="row">
          <button type="button" class="route-name" aria-pressed={selected()} aria-expanded={props.active} onClick={() => uiActions.toggleRoute(vehicleId())}>
            <span class="swatch" style={{ background: routeColor(props.scenario, vehicleId()) }} aria-hidden="true" />
            {name()}
          </button>
        </th>
        <td class="num">{formatCount(stopCount(props.route))}</td>
        <td class="num">{formatKmValue(props.route.distanceM)}</td>
        <td class="num">{formatHm(props.route.durationS)}</td>
        <td class="num">{startOf(props.route)}</td>
        <td class="num">{endOf(props.route)}</td>
      </tr>
      <Show when={props.active}>
        <tr class="route-stops-row">
          <td colSpan={COLUMNS}>
            <ShareRoute vehicleId={vehicleId()} />
            <RouteStops route={props.route} scenario={props.scenario} editable={props.editable} />
          </td>
        </tr>
      </Show>
    </tbody>
  );
}

/**
 * Table of the used routes; `trusted` false fades it (stale or failed plan); `editable` allows drops.
 * `isVisible` (the route filter) hides rows; the totals stay those of the whole plan.
 */
export function RouteTable(props: { routes: Route[]; scenario: Scenario; trusted: boolean; activeVehicleId: string | null; editable: boolean; isVisible?: (vehicleId: string) => boolean }): JSX.Element {
  const total = (f: (r: Route) => number) => props.routes.reduce((sum, r) => sum + f(r), 0);
  const totals = createMemo(() => ({ stops: formatCount(total(stopCount)), km: formatKmValue(total((r) => r.distanceM)), hours: formatHm(total((r) => r.durationS)) }));
  // Every row's clocks (not only the rows drawn yet), so the columns do not change width as rows appear.
  const columns = createMemo(() => routeColumns([[totals().stops], [totals().km], [totals().hours], props.routes.map(startOf), props.routes.map(endOf)]));
  const nameOf = createVehicleNames(() => props.scenario);
  const shown = createProgressive(() => (props.isVisible ? props.routes.filter((r) => props.isVisible!(r.vehicleId)) : props.routes), ROWS_PER_FRAME);
  // Rows by vehicle: a new plan of the same vehicles updates each row's figures in place instead of replacing
  // every row's elements (at 10,000 orders, ~960 rows rebuilt and laid out again in one task, issue #15).
  const rows = createKeyed(shown, (route) => route.vehicleId);
  return (
    <table class={`routes-table${props.trusted ? '' : ' routes-table--untrusted'}`} data-route-count={props.routes.length} style={{ '--route-columns': columns() }}>
      <thead>
        <tr>
          <th scope="col" class="pin-cell"><span class="visually-hidden">Pinned</span></th>
          <th scope="col">Vehicle</th>
          <th scope="col" class="num">Stops</th>
          <th scope="col" class="num">km</th>
          <th scope="col" class="num">Hours</th>
          <th scope="col" class="num">Start</th>
          <th scope="col" class="num">End</th>
        </tr>
      </thead>
      <For each={rows.keys()}>
        {(vehicleId) => <RouteRow route={rows.item(vehicleId)!} scenario={props.scenario} name={nameOf(vehicleId)} active={props.activeVehicleId === vehicleId} editable={props.editable} />}
      </For>
      <tfoot>
        <tr>
          <td />
          <th scope="row">Total</th>
          <td class="num">{totals().stops}</td>
          <td class="num">{totals().km}</td>
          <td class="num">{totals().hours}</td>
          <td colSpan={2} />
        </tr>
      </tfoot>
    </table>
  );
}
