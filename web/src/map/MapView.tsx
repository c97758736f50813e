// The Leaflet map region: owns the map instance and its tile background (which
// may be unreachable offline: the map then stays usable on a neutral background)
// and hands the instance to the layers that draw depots, stops and routes.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { createEffect, createSignal, on, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { MapLegend } from '../components/MapLegend';
import { useApp } from '../store/context';
import { scenarioBounds } from './projection';
import { RouteLayer } from './RouteLayer';
import { StopMarkers } from './StopMarkers';

/** Where the map looks before a scenario is open (France). */
const INITIAL_VIEW = { center: [46.6, 2.4] as L.LatLngTuple, zoom: 5 };

/** Adds the scenario's tile layer; tile failures only raise `onFailure`, never break the map. */
function useTileLayer(map: () => L.Map | undefined, onFailure: (failed: boolean) => void): void {
  const { scenario: [state] } = useApp();
  createEffect(() => {
    const instance = map();
    const url = state.scenario?.settings.tileUrl;
    const attribution = state.scenario?.settings.tileAttribution ?? '';
    if (!instance || !url) return;
    const layer = L.tileLayer(url, { attribution, maxZoom: 19 });
    layer.on('tileerror', () => onFailure(true));
    layer.on('tileload', () => onFailure(false));
    layer.addTo(instance);
    onCleanup(() => {
      layer.remove();
      onFailure(false);
    });
  });
}

/** The map region (labelled "Map") with tiles, route lines, stops, depots and legend. */
export function MapView(): JSX.Element {
  const { scenario: [state] } = useApp();
  const [map, setMap] = createSignal<L.Map>();
  const [tilesFailed, setTilesFailed] = createSignal(false);
  let container!: HTMLDivElement;

  onMount(() => {
    const instance = L.map(container, { ...INITIAL_VIEW, zoomSnap: 0.5 });
    // The panel beside the map can change width; Leaflet must learn its new size.
    const resize = new ResizeObserver(() => instance.invalidateSize());
    resize.observe(container);
    setMap(instance);
    onCleanup(() => {
      resize.disconnect();
      instance.remove();
    });
  });

  useTileLayer(map, setTilesFailed);

  // Frame the whole scenario when one is opened, not on every edit (that would yank the view).
  createEffect(on([map, () => state.scenario?.id], ([instance, id]) => {
    const bounds = id && state.scenario ? scenarioBounds(state.scenario) : null;
    if (instance && bounds) instance.fitBounds(bounds, { padding: [40, 40], maxZoom: 15 });
  }));

  return (
    <section class="map-region" role="region" aria-label="Map">
      <div class="map" ref={container} />
      <Show when={map()}>
        {(instance) => (
          <>
            <RouteLayer map={instance()} />
            <StopMarkers map={instance()} />
          </>
        )}
      </Show>
      <Show when={tilesFailed()}>
        <p class="map-notice" role="status">Map tiles unavailable — showing a plain background.</p>
      </Show>
      <MapLegend />
    </section>
  );
}
