// Draws the depots and every order's stop: circles (on the shared canvas)
// coloured by route, unassigned stops as hollow red rings (see the legend), grey
// before any plan exists; the selected stop is enlarged with a dark ring. Once the
// plan's risk is estimated, a stop at medium risk gets an amber ring, at high risk a red one. A
// shipment's pickup place is a second, smaller white circle ringed in its colour.
// Tooltips are text nodes (tooltips.ts), since order data comes from user files.
import L from 'leaflet';
import { createEffect, createMemo, on, onCleanup, untrack, type JSX } from 'solid-js';
import { useApp } from '../store/context';
import type { RiskLevel } from '../store/risk';
import { selectedOrderId } from '../store/ui';
import { projectDepots, UNASSIGNED_COLOR, type StopPoint } from './projection';
import { pickupTooltip, stopTooltip } from './tooltips';

/** The ring of a planned stop by its risk (issue #14): none when low or not estimated, amber when medium, red when high. */
const RISK_RING: Record<RiskLevel, L.CircleMarkerOptions> = {
  low: {},
  medium: { color: '#d97706', weight: 2.5 },
  high: { color: '#b91c1c', weight: 3 },
};

function stopStyle(stop: StopPoint, selected: boolean, risk?: RiskLevel): L.CircleMarkerOptions {
  if (selected) {
    return { radius: 10, color: '#111827', weight: 3, fillColor: stop.status === 'unassigned' ? '#ffffff' : stop.color, fillOpacity: 1 };
  }
  if (stop.status === 'unassigned') {
    return { radius: 7, color: UNASSIGNED_COLOR, weight: 3, fillColor: '#ffffff', fillOpacity: 1 };
  }
  return { radius: 6, color: '#ffffff', weight: 1.5, fillColor: stop.color, fillOpacity: 0.95, ...(risk ? RISK_RING[risk] : {}) };
}

function pickupStyle(stop: StopPoint, selected: boolean): L.CircleMarkerOptions {
  const ring = stop.status === 'unassigned' ? UNASSIGNED_COLOR : stop.color;
  if (selected) return { radius: 8, color: '#111827', weight: 3, fillColor: '#ffffff', fillOpacity: 1 };
  return { radius: 5, color: ring, weight: 3, fillColor: '#ffffff', fillOpacity: 1 };
}

const depotIcon = L.divIcon({ className: 'fmp-depot', html: '<span aria-hidden="true">D</span>', iconSize: [24, 24] });

/** Keeps depot markers and one circle per order on `map` in step with the plan and the selection. */
export function StopMarkers(props: { map: L.Map; renderer: L.Renderer; stops: StopPoint[]; riskOf?: (orderId: string) => RiskLevel | undefined }): JSX.Element {
  const { scenario: [state], ui: [uiState, uiActions] } = useApp();
  const stopsGroup = L.layerGroup().addTo(props.map);
  const depotsGroup = L.layerGroup().addTo(props.map);
  onCleanup(() => {
    stopsGroup.remove();
    depotsGroup.remove();
  });
  const vehicleName = (id: string | null) => (id ? state.scenario?.vehicles.find((v) => v.id === id)?.name ?? id : null);
  const depots = createMemo(() => (state.scenario ? projectDepots(state.scenario) : []));
  const markers = new Map<string, { marker: L.CircleMarker; pickup: L.CircleMarker | null; stop: StopPoint; risk?: RiskLevel }>();
  const restyle = (orderId: string | null, selected: boolean) => {
    const entry = orderId ? markers.get(orderId) : undefined;
    if (!entry) return;
    entry.marker.setStyle(stopStyle(entry.stop, selected, entry.risk));
    entry.pickup?.setStyle(pickupStyle(entry.stop, selected));
    if (selected) {
      entry.pickup?.bringToFront();
      entry.marker.bringToFront();
    }
  };

  createEffect(() => {
    stopsGroup.clearLayers();
    markers.clear();
    const selected = untrack(() => selectedOrderId(uiState));
    for (const stop of props.stops) {
      const risk = stop.status === 'planned' ? props.riskOf?.(stop.orderId) : undefined;
      const marker = L.circleMarker(stop.at, { ...stopStyle(stop, stop.orderId === selected, risk), renderer: props.renderer })
        .bindTooltip(() => stopTooltip(stop, vehicleName(stop.vehicleId)))
        .on('click', () => uiActions.selectOrder(stop.orderId))
        .addTo(stopsGroup);
      // A shipment's pickup place: selecting it selects the order, like its delivery point.
      const pickup = stop.pickup
        ? L.circleMarker(stop.pickup.at, { ...pickupStyle(stop, stop.orderId === selected), renderer: props.renderer })
          .bindTooltip(() => pickupTooltip(stop, vehicleName(stop.vehicleId)))
          .on('click', () => uiActions.selectOrder(stop.orderId))
          .addTo(stopsGroup)
        : null;
      markers.set(stop.orderId, { marker, pickup, stop, risk });
    }
    restyle(selected, true);
  });

  // Selection changes restyle two circles, not thousands.
  createEffect(on(() => selectedOrderId(uiState), (selected, previous) => {
    restyle(previous ?? null, false);
    restyle(selected, true);
  }, { defer: true }));

  createEffect(() => {
    depotsGroup.clearLayers();
    for (const depot of depots()) {
      L.marker(depot.at, { icon: depotIcon, title: `Depot: ${depot.name}`, alt: `Depot ${depot.name}`, zIndexOffset: 1000 }).addTo(depotsGroup);
    }
  });
  return null;
}
