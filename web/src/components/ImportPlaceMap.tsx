// A small map in the import review with a pin per placed row (its row number):
// dragging a pin moves that row's place, so a geocoded match that is a few
// doors off, or a click that missed, is corrected before the import.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { createEffect, onCleanup, onMount, type JSX } from 'solid-js';
import { admissionNow } from '../csp-boot';
import { useApp } from '../store/context';

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** One pin of the map: the place's key (`placeKey`), its row's spreadsheet number, whether it is a fleet row's end, and its place. */
export interface PlacedPin { key: string; rowNumber: number; end: boolean; lat: number; lng: number }

/** Pins with a number, and "e" for a fleet row's end (text only: the icon carries no user text). */
function pinIcon(rowNumber: number, end: boolean): L.DivIcon {
  return L.divIcon({ className: 'import-pin', html: `<span>${Number(rowNumber)}${end ? 'e' : ''}</span>`, iconSize: [26, 26] });
}

/** The draggable pins of `pins`, framed with the scenario's depots. */
export function ImportPlaceMap(props: { pins: PlacedPin[] }): JSX.Element {
  const { importer: [, actions], scenario: [scenario] } = useApp();
  let container!: HTMLDivElement;
  onMount(() => {
    const map = L.map(container, { zoomSnap: 0.5, attributionControl: false });
    const url = scenario.scenario?.settings.tileUrl;
    if (url && admissionNow(url) === 'now') L.tileLayer(url, { maxZoom: 19 }).addTo(map);
    const layer = L.layerGroup().addTo(map);
    let framed = false;
    createEffect(() => {
      layer.clearLayers();
      const points: L.LatLngTuple[] = (scenario.scenario?.depots ?? []).map((d): L.LatLngTuple => [d.lat, d.lng]);
      for (const pin of props.pins) {
        points.push([pin.lat, pin.lng]);
        const what = pin.end ? `the end of row ${pin.rowNumber}` : `row ${pin.rowNumber}`;
        const marker = L.marker([pin.lat, pin.lng], { draggable: true, icon: pinIcon(pin.rowNumber, pin.end), title: pin.end ? `Row ${pin.rowNumber} (end)` : `Row ${pin.rowNumber}`, alt: `Pin of ${what}` });
        marker.on('dragend', () => {
          const at = marker.getLatLng();
          actions.placeRow(pin.key, round6(at.lat), round6(at.lng));
        });
        marker.addTo(layer);
      }
      if (!framed && points.length > 0) {
        map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 15 });
        framed = true;
      }
    });
    onCleanup(() => map.remove());
  });
  return <div class="import-place-map" role="region" aria-label="Placed rows map" ref={container} />;
}
