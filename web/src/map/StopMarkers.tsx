// Draws the depots and every order's stop: circles (on the shared canvas)
// coloured by route, unassigned stops as hollow red rings (see the legend), grey
// before any plan exists; the selected stop is enlarged with a dark ring. Once the
// plan's risk is estimated, a stop at medium risk gets an amber ring, at high risk a red one. A
// shipment's pickup place is a second, smaller white circle ringed in its colour.
// Tooltips are text nodes (tooltips.ts), since order data comes from user files.
// Circles are kept per order and reconciled in time slices (chunked.ts): a new plan,
// a Day-mode tick or a route filter changes what differs, never blocking for long (issue #15).
import L from 'leaflet';
import { createEffect, createMemo, on, onCleanup, untrack, type JSX } from 'solid-js';
import { useApp } from '../store/context';
import type { RiskLevel } from '../store/risk';
import type { RouteView } from '../store/route-view';
import { selectedOrderId } from '../store/ui';
import { runChunked, type ChunkedRun } from './chunked';
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

interface Entry { marker: L.CircleMarker; pickup: L.CircleMarker | null; stop: StopPoint; risk?: RiskLevel }

/** True when the circle of `a` can show `b` with a restyle (same place, same pickup place). */
const samePlace = (a: StopPoint, b: StopPoint) => a.at[0] === b.at[0] && a.at[1] === b.at[1]
  && (a.pickup?.at[0] ?? null) === (b.pickup?.at[0] ?? null) && (a.pickup?.at[1] ?? null) === (b.pickup?.at[1] ?? null);
/** True when nothing the circle shows differs. */
const sameLook = (a: Entry, b: StopPoint, risk?: RiskLevel) => a.risk === risk && a.stop.color === b.color && a.stop.status === b.status;

/** Keeps depot markers and one circle per order on `map` in step with the plan, the selection and the route filter. */
export function StopMarkers(props: { map: L.Map; renderer: L.Renderer; stops: StopPoint[]; view: RouteView; riskOf?: (orderId: string) => RiskLevel | undefined; onDrawn?: (count: number) => void }): JSX.Element {
  const { scenario: [state], ui: [uiState, uiActions] } = useApp();
  const stopsGroup = L.layerGroup().addTo(props.map);
  const depotsGroup = L.layerGroup().addTo(props.map);
  let job: ChunkedRun | null = null;
  onCleanup(() => {
    job?.cancel();
    stopsGroup.remove();
    depotsGroup.remove();
  });
  const vehicleName = (id: string | null) => (id ? state.scenario?.vehicles.find((v) => v.id === id)?.name ?? id : null);
  const depots = createMemo(() => (state.scenario ? projectDepots(state.scenario) : []));
  const markers = new Map<string, Entry>();
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
  const circle = (at: L.LatLngExpression, style: L.CircleMarkerOptions, tooltip: () => HTMLElement, orderId: string) =>
    L.circleMarker(at, { ...style, renderer: props.renderer }).bindTooltip(tooltip).on('click', () => uiActions.selectOrder(orderId));

  /** Brings the circles of one stop in line: made, moved, restyled, shown or hidden. */
  const reconcile = (stop: StopPoint, risk: RiskLevel | undefined, visible: boolean) => {
    let entry = markers.get(stop.orderId);
    const selected = untrack(() => selectedOrderId(uiState)) === stop.orderId;
    if (!entry || !samePlace(entry.stop, stop)) {
      if (entry) { stopsGroup.removeLayer(entry.marker); if (entry.pickup) stopsGroup.removeLayer(entry.pickup); }
      const made: Entry = { stop, risk, pickup: null, marker: null! };
      made.marker = circle(stop.at, stopStyle(stop, selected, risk), () => stopTooltip(made.stop, vehicleName(made.stop.vehicleId)), stop.orderId);
      // A shipment's pickup place: selecting it selects the order, like its delivery point.
      made.pickup = stop.pickup ? circle(stop.pickup.at, pickupStyle(stop, selected), () => pickupTooltip(made.stop, vehicleName(made.stop.vehicleId)), stop.orderId) : null;
      markers.set(stop.orderId, (entry = made));
    } else if (!sameLook(entry, stop, risk)) {
      Object.assign(entry, { stop, risk });
      entry.marker.setStyle(stopStyle(stop, selected, risk));
      entry.pickup?.setStyle(pickupStyle(stop, selected));
    } else entry.stop = stop;
    for (const layer of entry.pickup ? [entry.pickup, entry.marker] : [entry.marker]) {
      if (visible && !stopsGroup.hasLayer(layer)) stopsGroup.addLayer(layer);
      else if (!visible && stopsGroup.hasLayer(layer)) stopsGroup.removeLayer(layer);
    }
  };

  // Per plan (and risk estimate), not per filter change: a filter only changes what is visible (issue #15).
  const risksOf = createMemo(() => props.stops.map((s) => (s.status === 'planned' ? props.riskOf?.(s.orderId) : undefined)));
  const idsOf = createMemo(() => new Set(props.stops.map((s) => s.orderId)));
  createEffect(() => {
    const stops = props.stops;
    const risks = risksOf();
    const visible = stops.map((s) => props.view.isVisible(s.vehicleId));
    const keep = idsOf();
    const gone = [...markers.keys()].filter((id) => !keep.has(id));
    job?.cancel();
    props.onDrawn?.(0);
    job = runChunked(gone.length + stops.length, (i) => {
      if (i < gone.length) {
        const entry = markers.get(gone[i])!;
        stopsGroup.removeLayer(entry.marker);
        if (entry.pickup) stopsGroup.removeLayer(entry.pickup);
        markers.delete(gone[i]);
      } else {
        const k = i - gone.length;
        reconcile(stops[k], risks[k], visible[k]);
      }
    }, () => {
      restyle(untrack(() => selectedOrderId(uiState)), true);
      props.onDrawn?.(stops.length);
    });
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
