// Draws one polyline per route of the plan, coloured by vehicle. A plan that is
// stale or failed the independent check is drawn dashed and faint, never like a
// good plan. Clicking a line selects its route everywhere.
import L from 'leaflet';
import { createEffect, createMemo, onCleanup, type JSX } from 'solid-js';
import type { PlanStatus } from '../store/scenario';
import { useApp } from '../store/context';
import type { Selection } from '../store/ui';
import { projectRoutes, type RouteLine } from './projection';

function lineStyle(line: RouteLine, status: PlanStatus, selection: Selection): L.PolylineOptions {
  const trusted = status === 'valid';
  const selected = selection?.kind === 'route' && selection.vehicleId === line.vehicleId;
  const dimmed = selection?.kind === 'route' && !selected;
  return {
    color: line.color,
    weight: selected ? 7 : 4,
    opacity: dimmed ? 0.2 : trusted ? 0.85 : 0.5,
    dashArray: trusted ? undefined : '8 8',
    lineJoin: 'round',
    pane: ROUTES_PANE,
    className: `fmp-route${trusted ? '' : ` fmp-route--${status}`}`,
  };
}

/** Own pane below the stops' pane, so redrawn lines never cover the stops. */
const ROUTES_PANE = 'fmp-routes';
const ROUTES_PANE_Z = '410';

/** Keeps one polyline per route on `map` in step with the plan and the selection. */
export function RouteLayer(props: { map: L.Map }): JSX.Element {
  const { scenario: [state], ui: [uiState, uiActions] } = useApp();
  if (!props.map.getPane(ROUTES_PANE)) props.map.createPane(ROUTES_PANE).style.zIndex = ROUTES_PANE_Z;
  const group = L.layerGroup().addTo(props.map);
  onCleanup(() => group.remove());
  const lines = createMemo(() => (state.scenario ? projectRoutes(state.scenario, state.scenario.plan) : []));
  const vehicleName = (id: string) => state.scenario?.vehicles.find((v) => v.id === id)?.name ?? id;

  createEffect(() => {
    const status = state.planStatus;
    const selection = uiState.selection;
    group.clearLayers();
    for (const line of lines()) {
      L.polyline(line.points, lineStyle(line, status, selection))
        .bindTooltip(() => vehicleName(line.vehicleId), { sticky: true })
        .on('click', () => uiActions.toggleRoute(line.vehicleId))
        .addTo(group);
    }
  });
  return null;
}
