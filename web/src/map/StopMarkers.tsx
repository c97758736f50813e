// Draws the depots and every order's stop: dots (on the shared canvas) looking as stop-looks.ts says
// (by route, risk, unassigned, pickup place; faded on routes other than the active one), grey before any
// plan exists; the selected stop is enlarged with a dark ring. With a route active its dots are drawn over
// the faded ones.
// Tooltips are text nodes (tooltips.ts), since order data comes from user files.
// Stops are dots in a few canvas layers (stop-dots.ts), not a Leaflet object each: a new
// plan, a Day-mode tick or a route filter rewrites numbers and redraws the layers whose
// dots changed (issue #15). The selected stop is a circle of its own on top.
import L from 'leaflet';
import { createEffect, createMemo, onCleanup, untrack, type JSX } from 'solid-js';
import { useApp } from '../store/context';
import type { RiskLevel } from '../store/risk';
import { shownIn, type RouteView } from '../store/route-view';
import { viewQueue } from '../store/staged';
import { selectedOrderId } from '../store/ui';
import { projectDepots, type StopPoint } from './projection';
import { DotLayer, DOTS_PER_LAYER, DotStyles, type DotStyle } from './stop-dots';
import { drawOrder, lookStyle, pickupLook, pickupStyle, stopLook, stopStyle, type CircleStyle, type Look } from './stop-looks';
import { pickupTooltip, stopTooltip } from './tooltips';

const depotIcon = L.divIcon({ className: 'fmp-depot', html: '<span aria-hidden="true">D</span>', iconSize: [24, 24] });

const asDot = (c: CircleStyle): DotStyle => ({ radius: c.radius, fill: c.fillColor, fillOpacity: c.fillOpacity, stroke: c.color, weight: c.weight });

/**
 * Every dot of the stops in one set of arrays: stop i's point is owner 2i, its pickup place (drawn first, under it)
 * owner 2i + 1. Grown as needed and reused, so a new plan or a filter writes numbers into the same memory.
 */
class DotArrays {
  lat = new Float64Array(0);
  lng = new Float64Array(0);
  style = new Int32Array(0);
  owner = new Int32Array(0);
  visible = new Uint8Array(0);
  size = 0;

  reserve(count: number): void {
    if (count <= this.lat.length) return;
    const room = Math.max(count, 2 * this.lat.length);
    this.lat = new Float64Array(room);
    this.lng = new Float64Array(room);
    this.style = new Int32Array(room);
    this.owner = new Int32Array(room);
    this.visible = new Uint8Array(room);
  }

  push(at: readonly [number, number], style: number, owner: number, visible: boolean): void {
    const i = this.size++;
    this.lat[i] = at[0];
    this.lng[i] = at[1];
    this.style[i] = style;
    this.owner[i] = owner;
    this.visible[i] = visible ? 1 : 0;
  }
}

/** No stop has a risk level (an empty list: every index reads undefined). */
const NO_RISKS: readonly (RiskLevel | undefined)[] = [];

/**
 * Keeps depot markers and a dot per order (and per shipment's pickup place) on `map` in step with the plan, the selection and the route filter.
 * `risks`: the risk level of each of `stops` (same index), `undefined` for a stop without one (riskPerStop).
 */
export function StopMarkers(props: { map: L.Map; renderer: L.Renderer; stops: StopPoint[]; view: RouteView; risks?: () => readonly (RiskLevel | undefined)[]; onDrawn?: (count: number) => void }): JSX.Element {
  const { scenario: [state], ui: [uiState, uiActions] } = useApp();
  const depotsGroup = L.layerGroup().addTo(props.map);
  const selectedGroup = L.layerGroup().addTo(props.map);
  const styles = new DotStyles();
  const layers: DotLayer[] = [];
  const dots = new DotArrays();
  /** The stops the dots show now (owners index them). */
  let shown: StopPoint[] = [];
  // One tooltip for every dot, placed on the dot under the mouse.
  const tooltip = L.tooltip();
  let tipOwner = -1;
  const closeTip = () => {
    tipOwner = -1;
    props.map.closeTooltip(tooltip);
  };
  onCleanup(() => {
    closeTip();
    for (const layer of layers) layer.remove();
    selectedGroup.remove();
    depotsGroup.remove();
  });
  const vehicleName = (id: string | null) => (id ? state.scenario?.vehicles.find((v) => v.id === id)?.name ?? id : null);
  const depots = createMemo(() => (state.scenario ? projectDepots(state.scenario) : []));

  /** Style numbers per colour and look, so 10,000 stops do not make 10,000 style keys. */
  const looks = new Map<string, Int32Array>();
  const styleId = (stop: StopPoint, look: Look, risk?: RiskLevel): number => {
    let ids = looks.get(stop.color);
    if (!ids) looks.set(stop.color, (ids = new Int32Array(8).fill(-1)));
    if (ids[look] < 0) ids[look] = styles.id(asDot(lookStyle(stop, look, risk)));
    return ids[look];
  };

  const showTip = (layer: DotLayer) => {
    const owner = layer.hit;
    const stop = shown[owner >> 1];
    if (!stop || (owner === tipOwner && props.map.hasLayer(tooltip))) return;
    tipOwner = owner;
    const pickup = owner & 1 ? stop.pickup : null;
    tooltip.setLatLng(pickup ? pickup.at : stop.at)
      .setContent(pickup ? pickupTooltip(stop, vehicleName(stop.vehicleId)) : stopTooltip(stop, vehicleName(stop.vehicleId)));
    if (!props.map.hasLayer(tooltip)) props.map.openTooltip(tooltip);
  };
  const makeLayer = () => {
    const layer = new DotLayer(styles, { renderer: props.renderer });
    // Selecting a shipment's pickup place selects its order, as its delivery point does.
    layer.on('click', () => { const stop = shown[layer.hit >> 1]; if (stop) uiActions.selectOrder(stop.orderId); });
    layer.on('mousemove', () => showTip(layer));
    layer.on('mouseout', closeTip);
    return layer;
  };

  // Per plan, risk estimate, filter and active route: numbers into the arrays, then each layer redraws only if its dots changed.
  const risksOf = (): readonly (RiskLevel | undefined)[] => props.risks?.() ?? NO_RISKS;
  // A new plan or risk estimate is drawn at once. A route opened or filtered over the same stops is restyled in a
  // view task after the one that changed it: the click that opened a route (a route table row to unfold, a timeline
  // row to scroll to) took this 10,000-dot pass too (2–8 ms) and came near 50 ms with it (issue #15).
  let drawnRisks: unknown = null;
  let restyleQueued = false;
  let disposed = false;
  onCleanup(() => { disposed = true; });
  createEffect(() => {
    const stops = props.stops;
    const risks = risksOf();
    const active = props.view.active();
    const routes = props.view.visible();
    if (stops !== shown || risks !== drawnRisks) { draw(stops, risks, active, routes); return; }
    if (restyleQueued) return;
    restyleQueued = true;
    viewQueue.push(() => {
      restyleQueued = false;
      if (!disposed) untrack(() => draw(props.stops, risksOf(), props.view.active(), props.view.visible()));
    });
  });
  function draw(stops: StopPoint[], risks: readonly (RiskLevel | undefined)[], active: string | null, routes: ReturnType<RouteView['visible']>): void {
    if (stops !== shown) closeTip();
    shown = stops;
    drawnRisks = risks;
    dots.size = 0;
    dots.reserve(2 * stops.length);
    const order = drawOrder(stops, active);
    for (let k = 0; k < stops.length; k++) {
      const i = order ? order[k] : k;
      const stop = stops[i];
      const visible = shownIn(routes, stop.vehicleId);
      if (stop.pickup) dots.push(stop.pickup.at, styleId(stop, pickupLook(stop, active)), 2 * i + 1, visible);
      dots.push(stop.at, styleId(stop, stopLook(stop, risks[i], active), risks[i]), 2 * i, visible);
    }
    const needed = Math.ceil(dots.size / DOTS_PER_LAYER);
    for (const layer of layers.splice(needed)) layer.remove();
    let added = false;
    for (let k = 0; k < needed; k++) {
      const from = k * DOTS_PER_LAYER;
      const layer = layers[k] ?? (layers[k] = makeLayer());
      layer.set(dots, from, Math.min(DOTS_PER_LAYER, dots.size - from));
      if (!props.map.hasLayer(layer)) { layer.addTo(props.map); added = true; }
    }
    // New layers went on top: the selected stop goes back above them.
    if (added) selectedGroup.eachLayer((l) => (l as L.CircleMarker).bringToFront());
    props.onDrawn?.(stops.length);
  }

  // The selected stop: a larger circle with a dark ring over its dot (and its pickup place's), while it is shown.
  createEffect(() => {
    const orderId = selectedOrderId(uiState);
    const stops = props.stops;
    selectedGroup.clearLayers();
    if (!orderId) return;
    const at = stops.findIndex((s) => s.orderId === orderId);
    const stop = stops[at];
    if (!stop || !props.view.isVisible(stop.vehicleId)) return;
    const circle = (where: L.LatLngExpression, style: CircleStyle) =>
      L.circleMarker(where, { ...style, renderer: props.renderer, interactive: false }).addTo(selectedGroup).bringToFront();
    if (stop.pickup) circle(stop.pickup.at, pickupStyle(stop, true));
    circle(stop.at, stopStyle(stop, true));
  });

  createEffect(() => {
    depotsGroup.clearLayers();
    for (const depot of depots()) {
      L.marker(depot.at, { icon: depotIcon, title: `Depot: ${depot.name}`, alt: `Depot ${depot.name}`, zIndexOffset: 1000 }).addTo(depotsGroup);
    }
  });
  return null;
}
