// A Leaflet map on an 800 × 600 box in happy-dom whose canvases draw on a fake 2D context, for the
// canvas renderer tests: each test file passes the context that logs what it needs.
import L from 'leaflet';
import { afterEach, beforeEach, vi } from 'vitest';

/** Leaflet asks for its own redraws on the next animation frame. */
export const leafletFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Registers hooks that mount a map at `view` before each test (canvases get `context()`) and remove it after;
 * read the map and its container through the returned getters.
 */
export function useFakeCanvasMap(context: () => CanvasRenderingContext2D, view: { center: L.LatLngTuple; zoom: number }) {
  let container: HTMLDivElement;
  let map: L.Map;
  beforeEach(() => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => context() as never);
    container = document.createElement('div');
    Object.defineProperty(container, 'clientWidth', { value: 800 });
    Object.defineProperty(container, 'clientHeight', { value: 600 });
    document.body.append(container);
    map = L.map(container, { ...view, zoomAnimation: false, fadeAnimation: false });
  });
  afterEach(async () => {
    await leafletFrame();
    map.remove();
    container.remove();
    vi.restoreAllMocks();
  });
  return { get map() { return map; }, get container() { return container; } };
}
