// Draws the depots and every order's stop: circles (on the shared canvas)
// coloured by route, unassigned stops as hollow red rings (see the legend), grey
// before any plan exists; the selected stop is enlarged with a dark ring. A
// shipment's pickup place is a second, smaller white circle ringed in its colour.
// Tooltips are built from text nodes, since order data comes from user files.
import L from 'leaflet';
import { createEffect, createMemo, on, onCleanup, untrack, type JSX } from 'solid-js';
import { formatClock } from '../components/ui/format';
import { useApp } from '../store/context';
import { selectedOrderId } from '../store/ui';
import { projectDepots, UNASSIGNED_COLOR, type StopPoint } from './projection';

const STATUS_TEXT: Record<StopPoint['status'], string> = {
  planned: 'on route',
  unassigned: 'unassigned',
  unplanned: 'not planned yet',
};

function stopStyle(stop: StopPoint, selected: boolean): L.CircleMarkerOptions {
  if (selected) {
    return { radius: 10, color: '#111827', weight: 3, fillColor: stop.status === 'unassigned' ? '#ffffff' : stop.color, fillOpacity: 1 };
  }
  if (stop.status === 'unassigned') {
    return { radius: 7, color: UNASSIGNED_COLOR, weight: 3, fillColor: '#ffffff', fillOpacity: 1 };
  }
  return { radius: 6, color: '#ffffff', weight: 1.5, fillColor: stop.color, fillOpacity: 0.95 };
}

function pickupStyle(stop: StopPoint, selected: boolean): L.CircleMarkerOptions {
  const ring = stop.status === 'unassigned' ? UNASSIGNED_COLOR : stop.color;
  if (selected) return { radius: 8, color: '#111827', weight: 3, fillColor: '#ffffff', fillOpacity: 1 };
  return { radius: 5, color: ring, weight: 3, fillColor: '#ffffff', fillOpacity: 1 };
}

function pickupTooltipFor(stop: StopPoint, vehicleName: string | null): HTMLElement {
  const box = document.createElement('div');
  const line = (text: string, strong = false) => {
    const el = document.createElement(strong ? 'strong' : 'div');
    el.textContent = text;
    box.append(el);
  };
  const pickup = stop.pickup!;
  line(`${pickup.sequence ? `#${pickup.sequence} · ` : ''}Pickup for ${stop.customerName || stop.orderId}`, true);
  line(pickup.address);
  line(pickup.serviceStartS === null ? STATUS_TEXT[stop.status] : `${vehicleName ?? ''}, pickup at ${formatClock(pickup.serviceStartS)}`);
  return box;
}

function tooltipFor(stop: StopPoint, vehicleName: string | null): HTMLElement {
  const box = document.createElement('div');
  const line = (text: string, strong = false) => {
    const el = document.createElement(strong ? 'strong' : 'div');
    el.textContent = text;
    box.append(el);
  };
  line(`${stop.sequence ? `#${stop.sequence} · ` : ''}${stop.pickup ? 'Delivery: ' : ''}${stop.customerName || stop.orderId}`, true);
  line(stop.address);
  line(stop.serviceStartS === null ? STATUS_TEXT[stop.status] : `${vehicleName ?? ''}, service at ${formatClock(stop.serviceStartS)}`);
  return box;
}

const depotIcon = L.divIcon({ className: 'fmp-depot', html: '<span aria-hidden="true">D</span>', iconSize: [24, 24] });

/** Keeps depot markers and one circle per order on `map` in step with the plan and the selection. */
export function StopMarkers(props: { map: L.Map; renderer: L.Renderer; stops: StopPoint[] }): JSX.Element {
  const { scenario: [state], ui: [uiState, uiActions] } = useApp();
  const stopsGroup = L.layerGroup().addTo(props.map);
  const depotsGroup = L.layerGroup().addTo(props.map);
  onCleanup(() => {
    stopsGroup.remove();
    depotsGroup.remove();
  });
  const vehicleName = (id: string | null) => (id ? state.scenario?.vehicles.find((v) => v.id === id)?.name ?? id : null);
  const depots = createMemo(() => (state.scenario ? projectDepots(state.scenario) : []));
  const markers = new Map<string, { marker: L.CircleMarker; pickup: L.CircleMarker | null; stop: StopPoint }>();
  const restyle = (orderId: string | null, selected: boolean) => {
    const entry = orderId ? markers.get(orderId) : undefined;
    if (!entry) return;
    entry.marker.setStyle(stopStyle(entry.stop, selected));
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
      const marker = L.circleMarker(stop.at, { ...stopStyle(stop, stop.orderId === selected), renderer: props.renderer })
        .bindTooltip(() => tooltipFor(stop, vehicleName(stop.vehicleId)))
        .on('click', () => uiActions.selectOrder(stop.orderId))
        .addTo(stopsGroup);
      // A shipment's pickup place: selecting it selects the order, like its delivery point.
      const pickup = stop.pickup
        ? L.circleMarker(stop.pickup.at, { ...pickupStyle(stop, stop.orderId === selected), renderer: props.renderer })
          .bindTooltip(() => pickupTooltipFor(stop, vehicleName(stop.vehicleId)))
          .on('click', () => uiActions.selectOrder(stop.orderId))
          .addTo(stopsGroup)
        : null;
      markers.set(stop.orderId, { marker, pickup, stop });
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
