// Draws one polyline per route of the plan on the shared canvas, coloured by
// vehicle. A plan that is stale or failed the independent check is drawn dashed
// and faint, never like a good plan. Clicking a line selects its route everywhere;
// the route of the selected route or stop is drawn bold, the others faded.
import L from 'leaflet';
import { createEffect, onCleanup, type JSX } from 'solid-js';
import type { PlanStatus } from '../store/scenario';
import { useApp } from '../store/context';
import type { Selection } from '../store/ui';
import type { RouteLine, StopPoint } from './projection';
import { routeTooltip } from './tooltips';

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

/** Vehicle whose route is highlighted: the selected route, or the route of the selected stop. */
export function activeVehicle(selection: Selection, stops: readonly StopPoint[]): string | null {
  if (selection?.kind === 'route') return selection.vehicleId;
  if (selection?.kind === 'order') return stops.find((s) => s.orderId === selection.orderId)?.vehicleId ?? null;
  return null;
}

/** Keeps one polyline per route on `map` in step with the plan and the selection. */
export function RouteLayer(props: { map: L.Map; renderer: L.Renderer; lines: RouteLine[]; stops: StopPoint[] }): JSX.Element {
  const { scenario: [state], ui: [uiState, uiActions] } = useApp();
  const group = L.layerGroup().addTo(props.map);
  onCleanup(() => group.remove());
  const vehicleName = (id: string) => state.scenario?.vehicles.find((v) => v.id === id)?.name ?? id;

  createEffect(() => {
    const status = state.planStatus;
    const active = activeVehicle(uiState.selection, props.stops);
    group.clearLayers();
    for (const line of props.lines) {
      const polyline = L.polyline(line.points, { ...lineStyle(line, status, active), renderer: props.renderer })
        .bindTooltip(() => routeTooltip(vehicleName(line.vehicleId)), { sticky: true })
        .on('click', () => uiActions.toggleRoute(line.vehicleId))
        .addTo(group);
      // Lines share the stops' canvas: keep them underneath.
      polyline.bringToBack();
    }
  });
  return null;
}
