// Draws one polyline per route of the plan on the shared canvas, coloured by
// vehicle. A plan that is stale or failed the independent check is drawn dashed
// and faint, never like a good plan. Clicking a line selects its route everywhere;
// the route of the selected route or stop is drawn bold, the others faded. Lines are
// made when the plan changes and only restyled or hidden on selection and filter
// changes, so opening one of 150 routes touches styles, not the layer tree; a new plan keeps the polylines of
// the lines it keeps (a hand move's untouched routes: route-lines.ts) (issue #15).
import L from 'leaflet';
import { createEffect, onCleanup, untrack, type JSX } from 'solid-js';
import type { PlanStatus } from '../plan/plan-status';
import { useApp } from '../store/context';
import { shownIn, type RouteView } from '../store/route-view';
import type { RouteLine } from './projection';
import { carryLines, type DrawnLine } from './route-lines';
import { runChunked, type ChunkedRun } from './chunked';
import { routeTooltip } from './tooltips';

/** Milliseconds of line making per slice (chunked.ts SLICE_MS is 8). */
const LINE_SLICE_MS = 4;

function lineStyle(line: RouteLine, status: PlanStatus, activeVehicleId: string | null): L.PolylineOptions {
  const trusted = status === 'valid';
  const selected = activeVehicleId === line.vehicleId;
  const dimmed = activeVehicleId !== null && !selected;
  return {
    color: line.color,
    weight: selected ? 7 : 4,
    opacity: dimmed ? 0.2 : trusted ? 0.85 : 0.5,
    dashArray: trusted ? undefined : '8 8',
    lineJoin: 'round',
  };
}

/** Keeps one polyline per route on `map` in step with the plan, the selection and the route filter. */
export function RouteLayer(props: { map: L.Map; renderer: L.Renderer; lines: RouteLine[]; view: RouteView }): JSX.Element {
  const { scenario: [state], ui: [, uiActions] } = useApp();
  const group = L.layerGroup().addTo(props.map);
  onCleanup(() => group.remove());
  const vehicleName = (id: string) => state.scenario?.vehicles.find((v) => v.id === id)?.name ?? id;
  /**
   * Each line with the style it was last given: a restyle touches only the lines whose style changes. The
   * polyline is made when the line is first shown, in the time slices of `show` (making 1,000 at once
   * was a long task of its own at 10,000 stops, issue #15).
   */
  let drawn: DrawnLine<L.Polyline>[] = [];
  const make = (entry: (typeof drawn)[number]): L.Polyline => {
    const { line } = entry;
    const style = lineStyle(line, untrack(() => state.planStatus), untrack(() => props.view.active()));
    entry.style = JSON.stringify(style);
    return (entry.polyline = L.polyline(line.points, { ...style, renderer: props.renderer })
      .bindTooltip(() => routeTooltip(vehicleName(line.vehicleId)), { sticky: true })
      .on('click', () => uiActions.toggleRoute(line.vehicleId)));
  };

  // The plan's lines: made once per plan; a line the next plan keeps (the same object) keeps its polyline.
  createEffect(() => {
    const carried = carryLines(drawn, props.lines);
    for (const polyline of carried.dropped) group.removeLayer(polyline);
    drawn = carried.drawn;
    untrack(() => show());
  });

  // Style: bold for the active route, faded for the others; dashed when untrusted. Going from one active route to
  // another restyles two lines, not 150 (each restyle makes the canvas redraw around the line: issue #15).
  createEffect(() => {
    const status = state.planStatus;
    const active = props.view.active();
    props.lines; // restyle the new lines too
    for (const entry of drawn) {
      if (!entry.polyline) continue; // made later, with the style of that time
      const style = lineStyle(entry.line, status, active);
      const key = JSON.stringify(style);
      if (key !== entry.style) {
        entry.style = key;
        entry.polyline.setStyle(style);
      }
    }
  });

  // Filter: only visible routes are on the map (hidden ones take no clicks either). Lines are added and removed in
  // time slices: clearing a filter on 300 routes adds 300 lines, each projected on adding (issue #15). The slices are
  // short: making lines allocates much (Leaflet's points), and at 10,000 stops a 30-45 ms collection pause fell in one
  // of the default 8 ms slices in about one solve in six.
  let job: ChunkedRun | null = null;
  onCleanup(() => job?.cancel());
  const show = () => {
    const lines = drawn;
    const routes = props.view.visible();
    const visible = lines.map(({ line }) => shownIn(routes, line.vehicleId));
    job?.cancel();
    job = runChunked(lines.length, (i) => {
      const entry = lines[i];
      const { polyline } = entry;
      if (visible[i] && (!polyline || !group.hasLayer(polyline))) {
        const made = polyline ?? make(entry);
        group.addLayer(made);
        // Lines share the stops' canvas: keep them underneath.
        made.bringToBack();
      } else if (!visible[i] && polyline && group.hasLayer(polyline)) group.removeLayer(polyline);
    }, undefined, undefined, LINE_SLICE_MS);
  };
  createEffect(() => { props.view.visible(); show(); });
  return null;
}
