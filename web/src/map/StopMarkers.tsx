// Draws the depots and every order's stop: circles coloured by route, unassigned
// stops as hollow red rings (see the legend), grey before any plan exists.
// Tooltips are built from text nodes, since order data comes from user files.
import L from 'leaflet';
import { createEffect, createMemo, onCleanup, type JSX } from 'solid-js';
import { formatClock } from '../components/ui/format';
import { useApp } from '../store/context';
import { projectDepots, projectStops, UNASSIGNED_COLOR, type StopPoint } from './projection';

/** Own pane above the route lines (markers such as the depot sit higher still). */
const STOPS_PANE = 'fmp-stops';
const STOPS_PANE_Z = '420';

const STATUS_TEXT: Record<StopPoint['status'], string> = {
  planned: 'on route',
  unassigned: 'unassigned',
  unplanned: 'not planned yet',
};

function stopStyle(stop: StopPoint): L.CircleMarkerOptions {
  if (stop.status === 'unassigned') {
    return { pane: STOPS_PANE, radius: 7, color: UNASSIGNED_COLOR, weight: 3, fillColor: '#ffffff', fillOpacity: 1, className: 'fmp-stop fmp-stop--unassigned' };
  }
  return { pane: STOPS_PANE, radius: 6, color: '#ffffff', weight: 1.5, fillColor: stop.color, fillOpacity: 0.95, className: `fmp-stop fmp-stop--${stop.status}` };
}

function tooltipFor(stop: StopPoint, vehicleName: string | null): HTMLElement {
  const box = document.createElement('div');
  const line = (text: string, strong = false) => {
    const el = document.createElement(strong ? 'strong' : 'div');
    el.textContent = text;
    box.append(el);
  };
  line(`${stop.sequence ? `#${stop.sequence} · ` : ''}${stop.customerName || stop.orderId}`, true);
  line(stop.address);
  line(stop.serviceStartS === null ? STATUS_TEXT[stop.status] : `${vehicleName ?? ''}, service at ${formatClock(stop.serviceStartS)}`);
  return box;
}

const depotIcon = L.divIcon({ className: 'fmp-depot', html: '<span aria-hidden="true">D</span>', iconSize: [24, 24] });

/** Keeps depot markers and one circle per order on `map` in step with the plan. */
export function StopMarkers(props: { map: L.Map }): JSX.Element {
  const { scenario: [state], ui: [, uiActions] } = useApp();
  if (!props.map.getPane(STOPS_PANE)) props.map.createPane(STOPS_PANE).style.zIndex = STOPS_PANE_Z;
  const group = L.layerGroup().addTo(props.map);
  onCleanup(() => group.remove());
  const stops = createMemo(() => (state.scenario ? projectStops(state.scenario, state.scenario.plan) : []));
  const vehicleName = (id: string | null) => (id ? state.scenario?.vehicles.find((v) => v.id === id)?.name ?? id : null);
  const depots = createMemo(() => (state.scenario ? projectDepots(state.scenario) : []));

  createEffect(() => {
    group.clearLayers();
    for (const stop of stops()) {
      L.circleMarker(stop.at, stopStyle(stop))
        .bindTooltip(() => tooltipFor(stop, vehicleName(stop.vehicleId)))
        .on('click', () => (stop.vehicleId ? uiActions.toggleRoute(stop.vehicleId) : uiActions.selectOrder(stop.orderId)))
        .addTo(group);
    }
    // Depots last, so they sit above the stops around them.
    for (const depot of depots()) {
      L.marker(depot.at, { icon: depotIcon, title: `Depot: ${depot.name}`, alt: `Depot ${depot.name}`, zIndexOffset: 1000 }).addTo(group);
    }
  });
  return null;
}
