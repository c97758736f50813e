// The route on a small Leaflet map: a line from the start through the stops to
// the end, numbered stop dots. Tiles come from the default tile setting when the
// page's policy admits it; without network the map keeps a neutral background.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { onCleanup, onMount, type JSX } from 'solid-js';
import { admissionNow } from '../../csp-boot';
import { defaultSettings, localIsoDate } from '../../domain/blank';
import type { DriverRoute } from '../../domain/handoff/driver-route';
import { escapeHtml, textBox } from '../../map/tooltips';

const ROUTE_COLOUR = '#1f5ea8';

/** Adds the default tile background if the page's security policy admits its host now. */
function addTiles(map: L.Map): void {
  const settings = defaultSettings(localIsoDate());
  if (!settings.tileUrl || admissionNow(settings.tileUrl) !== 'now') return;
  L.tileLayer(settings.tileUrl, { attribution: escapeHtml(settings.tileAttribution ?? ''), maxZoom: 19 }).addTo(map);
}

/** Draws the route's line and stops on `map` and frames them. */
function drawRoute(map: L.Map, route: DriverRoute): void {
  const points: L.LatLngTuple[] = [
    [route.start.lat, route.start.lng], ...route.stops.map((s): L.LatLngTuple => [s.lat, s.lng]), [route.end.lat, route.end.lng],
  ];
  L.polyline(points, { color: ROUTE_COLOUR, weight: 3, opacity: 0.8 }).addTo(map);
  L.circleMarker(points[0], { radius: 7, color: '#333', fillColor: '#fff', fillOpacity: 1 }).bindTooltip(textBox([{ text: route.start.name, strong: true }])).addTo(map);
  route.stops.forEach((stop, i) => {
    L.circleMarker([stop.lat, stop.lng], { radius: 6, color: ROUTE_COLOUR, fillColor: ROUTE_COLOUR, fillOpacity: 0.9 })
      .bindTooltip(textBox([{ text: `${i + 1}. ${stop.customerName}`, strong: true }, { text: stop.address }])).addTo(map);
  });
  map.fitBounds(L.latLngBounds(points), { padding: [20, 20], maxZoom: 15 });
}

/** The route map (region "Route map"). */
export function DriverMap(props: { route: DriverRoute }): JSX.Element {
  let container!: HTMLDivElement;
  onMount(() => {
    const map = L.map(container, { zoomSnap: 0.5, preferCanvas: true, attributionControl: true });
    addTiles(map);
    drawRoute(map, props.route);
    onCleanup(() => map.remove());
  });
  return (
    <section class="driver-map-region" role="region" aria-label="Route map" data-stop-count={props.route.stops.length}>
      <div class="driver-map" ref={container} />
    </section>
  );
}
