// Day mode: a dashed red ring around every stop at risk, drawn on the plan's
// canvas above the stops (not clickable: the stop under it keeps its click).
import L from 'leaflet';
import { createEffect, onCleanup, type JSX } from 'solid-js';
import type { StopPoint } from './projection';

const RING: L.CircleMarkerOptions = { radius: 11, color: '#c62828', weight: 2.5, dashArray: '4 3', fill: false, interactive: false };

/** Rings the given stops on `map`. */
export function AtRiskRings(props: { map: L.Map; renderer: L.Renderer; stops: StopPoint[] }): JSX.Element {
  const group = L.layerGroup().addTo(props.map);
  onCleanup(() => group.remove());
  createEffect(() => {
    group.clearLayers();
    for (const stop of props.stops) L.circleMarker(stop.at, { ...RING, renderer: props.renderer }).addTo(group);
  });
  return null;
}
