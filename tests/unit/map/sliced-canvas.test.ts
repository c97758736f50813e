// The sliced canvas renderer (issue #15): a full redraw of thousands of shapes is
// spread over frames in Leaflet's draw order, covered by the last complete picture;
// shapes added later are drawn on top without starting over; small plans draw at once.
import L from 'leaflet';
import { beforeEach, describe, expect, it } from 'vitest';
import { leafletFrame, useFakeCanvasMap } from './fake-canvas-map';
import { isSlicing, slicedCanvas } from '../../../web/src/map/sliced-canvas';

/** Every circle drawn (its centre x in layer pixels) and every full clear, in order. */
let log: string[] = [];

function fakeContext(): CanvasRenderingContext2D {
  const noop = () => {};
  return new Proxy({} as CanvasRenderingContext2D, {
    get(target, key) {
      if (key === 'arc') return (x: number) => log.push(`arc ${Math.round(x)}`);
      if (key === 'lineTo') return () => log.push('lineTo');
      if (key === 'clearRect') return (_x: number, _y: number, w: number, h: number) => log.push(`clear ${w}x${h}`);
      if (key in target) return (target as never)[key];
      return noop;
    },
    set(target, key, value) { (target as never as Record<string | symbol, unknown>)[key] = value; return true; },
  });
}

/** A manual frame clock: `frame()` runs what was scheduled for the next frame. */
function manualFrames() {
  let queue: (() => void)[] = [];
  return {
    schedule: (next: () => void) => { queue.push(next); return () => { queue = queue.filter((f) => f !== next); }; },
    frame() { const now = queue; queue = []; now.forEach((f) => f()); return now.length; },
    get pending() { return queue.length; },
  };
}

const mounted = useFakeCanvasMap(fakeContext, { center: [0, 0], zoom: 2 });
let map: L.Map;
let container: HTMLDivElement;
beforeEach(() => {
  log = [];
  ({ map, container } = mounted);
});

/** `count` circles at distinct x (their x in layer pixels is logged by the fake context when drawn). */
function circles(renderer: L.Renderer, count: number, from = 0): L.CircleMarker[] {
  return Array.from({ length: count }, (_, i) => L.circleMarker(map.containerPointToLatLng([10 + ((from + i) % 700), 300]), { renderer, radius: 3 }));
}
const arcs = () => log.filter((l) => l.startsWith('arc')).length;

describe('slicedCanvas', () => {
  it('draws a large full redraw a slice per frame, in draw order, under a cover of the last picture', async () => {
    const frames = manualFrames();
    const renderer = slicedCanvas({ perFrame: 100, schedule: frames.schedule });
    const group = L.layerGroup(circles(renderer, 250)).addTo(map);
    // Adding 250 shapes: the first pass draws them 100 per frame.
    await leafletFrame();
    expect(arcs()).toBe(100);
    while (frames.frame() > 0 || isSlicing(renderer)) { /* drain */ }
    expect(arcs()).toBe(250);
    const expected = log.filter((l) => l.startsWith('arc'));

    log = [];
    map.fire('moveend'); // a pan: the canvas is re-anchored, cleared and drawn again
    expect(arcs()).toBe(100);
    expect(isSlicing(renderer)).toBe(true);
    expect(container.querySelectorAll('canvas.fmp-canvas-cover')).toHaveLength(1);
    // The canvas being drawn is unseen under the cover: the cover is transparent between its shapes.
    const canvas = container.querySelector('canvas:not(.fmp-canvas-cover)') as HTMLCanvasElement;
    expect(canvas.style.opacity).toBe('0');
    expect(frames.frame()).toBe(1);
    expect(arcs()).toBe(200);
    frames.frame();
    expect(arcs()).toBe(250);
    expect(isSlicing(renderer)).toBe(false);
    expect(frames.pending).toBe(0);
    // The cover leaves the page: the map holds a single canvas again, seen again.
    expect(container.querySelectorAll('canvas')).toHaveLength(1);
    expect(canvas.style.opacity).toBe('');
    // Same shapes in the same order as the first complete drawing.
    expect(log.filter((l) => l.startsWith('arc'))).toEqual(expected);
    group.remove();
  });

  it('draws shapes added after a pass on top, without clearing or drawing the others again', async () => {
    const frames = manualFrames();
    const renderer = slicedCanvas({ perFrame: 100, schedule: frames.schedule });
    L.layerGroup(circles(renderer, 150)).addTo(map);
    await leafletFrame();
    while (frames.frame() > 0) { /* drain */ }
    log = [];
    const group = L.layerGroup(circles(renderer, 30, 400)).addTo(map);
    frames.frame();
    await leafletFrame();
    expect(log.some((l) => l.startsWith('clear'))).toBe(false);
    expect(arcs()).toBe(30);
    const first = group.getLayers()[0] as L.CircleMarker;
    expect(log[0]).toBe(`arc ${Math.round(map.latLngToLayerPoint(first.getLatLng()).x)}`);
  });

  it('starts over (cleared) when a drawn shape changes during a pass, and ends with every shape drawn once after the clear', async () => {
    const frames = manualFrames();
    const renderer = slicedCanvas({ perFrame: 100, schedule: frames.schedule });
    const shapes = circles(renderer, 300);
    L.layerGroup(shapes).addTo(map);
    await leafletFrame();
    while (frames.frame() > 0) { /* drain */ }
    log = [];
    map.fire('moveend');
    expect(arcs()).toBe(100);
    // Restyle every shape (a filter, a highlighted route): Leaflet asks for a redraw of the union of their bounds.
    for (const s of shapes) s.setStyle({ color: '#123456' });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    while (frames.frame() > 0) { /* drain */ }
    const lastClear = log.map((l) => l.startsWith('clear')).lastIndexOf(true);
    expect(lastClear).toBeGreaterThan(0);
    expect(log.slice(lastClear + 1).filter((l) => l.startsWith('arc'))).toHaveLength(300);
  });

  it('draws a plan of at most one slice at once, as Leaflet does', async () => {
    const frames = manualFrames();
    const renderer = slicedCanvas({ perFrame: 100, schedule: frames.schedule });
    L.layerGroup(circles(renderer, 80)).addTo(map);
    await leafletFrame();
    expect(arcs()).toBe(80);
    log = [];
    map.fire('moveend');
    expect(arcs()).toBe(80);
    expect(frames.pending).toBe(0);
    expect(container.querySelector('canvas.fmp-canvas-cover')).toBeNull();
  });

  it('counts shapes as they come and go: a plan filtered down to one slice draws at once again', async () => {
    const frames = manualFrames();
    const renderer = slicedCanvas({ perFrame: 100, schedule: frames.schedule });
    const shapes = circles(renderer, 150);
    const group = L.layerGroup(shapes).addTo(map);
    await leafletFrame();
    while (frames.frame() > 0) { /* drain */ }
    for (const s of shapes.slice(0, 100)) group.removeLayer(s);
    await leafletFrame();
    while (frames.frame() > 0) { /* drain */ }
    log = [];
    map.fire('moveend');
    expect(arcs()).toBe(50);
    expect(frames.pending).toBe(0);
  });

  it('weighs a line by its length: a slice holds fewer long lines than short ones', async () => {
    const frames = manualFrames();
    const renderer = slicedCanvas({ perFrame: 100, schedule: frames.schedule });
    // 150 short lines (20 px: one circle each) and 40 long ones (a 640 px leg of weight 4: about 5 circles each).
    const line = (x: number, y: number, dx: number) => L.polyline([map.containerPointToLatLng([x, y]), map.containerPointToLatLng([x + dx, y])], { renderer, weight: 4 });
    const short = Array.from({ length: 150 }, (_, i) => line(10 + (i % 30) * 25, 20 + Math.floor(i / 30) * 10, 20));
    const long = Array.from({ length: 40 }, (_, i) => line(20, 100 + i * 10, 640));
    L.layerGroup([...short, ...long]).addTo(map);
    await leafletFrame();
    while (frames.frame() > 0) { /* drain */ }
    log = [];
    map.fire('moveend');
    const perFrame = [log.filter((l) => l === 'lineTo').length];
    while (frames.pending) {
      const before = log.filter((l) => l === 'lineTo').length;
      frames.frame();
      perFrame.push(log.filter((l) => l === 'lineTo').length - before);
    }
    // Short lines: 100 in the first slice; the second ends them and takes the long ones (4.9 each) that still fit
    // in 100 (10); then 20 long lines a slice (98), and the rest. A slice never passes its budget.
    expect(perFrame).toEqual([100, 60, 20, 10]);
  });
});
