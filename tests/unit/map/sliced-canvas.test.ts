// The sliced canvas renderer (issue #15): a full redraw of thousands of shapes is
// spread over frames in Leaflet's draw order, covered by the last complete picture;
// shapes added later are drawn on top without starting over; small plans draw at once.
import L from 'leaflet';
import { beforeEach, describe, expect, it, vi } from 'vitest';
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

  it('after a zoom projects each shape in the slice that draws it, not all at once, and draws them where Leaflet would', async () => {
    const frames = manualFrames();
    const renderer = slicedCanvas({ perFrame: 100, schedule: frames.schedule });
    const shapes = circles(renderer, 500);
    L.layerGroup(shapes).addTo(map);
    await leafletFrame();
    while (frames.frame() > 0) { /* drain */ }
    const project = vi.spyOn(L.CircleMarker.prototype as unknown as { _project(): void }, '_project');
    log = [];
    map.setZoom(3);
    // The zoom's own task projected the shapes of the first slice (twice: its move and its view reset each start
    // the pass), not the 500.
    expect(project.mock.calls.length).toBeGreaterThan(0);
    expect(project.mock.calls.length).toBeLessThanOrEqual(200);
    while (frames.frame() > 0) { /* drain */ }
    expect(project.mock.calls.length).toBeLessThan(500 + 200);
    const lastClear = log.map((l) => l.startsWith('clear')).lastIndexOf(true);
    const drawn = log.slice(lastClear + 1).filter((l) => l.startsWith('arc'));
    // Every shape on the canvas, in order, at its place at the new zoom (the canvas leaves out those off it).
    const bounds = (renderer as unknown as { _bounds: L.Bounds })._bounds;
    const onCanvas = shapes.map((c) => map.latLngToLayerPoint(c.getLatLng())).filter((p) => bounds.intersects(L.bounds(p.subtract([4, 4]), p.add([4, 4]))));
    expect(onCanvas.length).toBeGreaterThan(200);
    expect(drawn).toEqual(onCanvas.map((p) => `arc ${Math.round(p.x)}`));
    project.mockRestore();
  });

  it('hit-tests a click during that pass at the shapes\' new places, drawn yet or not', async () => {
    const frames = manualFrames();
    const renderer = slicedCanvas({ perFrame: 100, schedule: frames.schedule });
    // 500 circles 15 px apart on a grid; at zoom 3 they are 30 px apart.
    const shapes = Array.from({ length: 500 }, (_, i) => L.circleMarker(map.containerPointToLatLng([25 + (i % 50) * 15, 20 + Math.floor(i / 50) * 15]), { renderer, radius: 3 }));
    L.layerGroup(shapes).addTo(map);
    await leafletFrame();
    while (frames.frame() > 0) { /* drain */ }
    map.setZoom(3);
    expect(isSlicing(renderer)).toBe(true);
    // A shape drawn (and so projected) after the first slices: click where it is at the new zoom.
    const target = shapes[9 * 50 + 25];
    const clicked: L.Layer[] = [];
    for (const s of shapes) s.on('click', () => clicked.push(s));
    const at = map.latLngToContainerPoint(target.getLatLng());
    const canvas = container.querySelector('canvas:not(.fmp-canvas-cover)') as HTMLCanvasElement;
    canvas.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: at.x, clientY: at.y }));
    expect(clicked).toEqual([target]);
  });

  it('after a pan clips each line to the moved canvas in the slice that draws it', async () => {
    const frames = manualFrames();
    const renderer = slicedCanvas({ perFrame: 100, schedule: frames.schedule });
    const lines = Array.from({ length: 400 }, (_, i) => L.polyline([map.containerPointToLatLng([10 + (i % 40) * 19, 10 + Math.floor(i / 40) * 50]), map.containerPointToLatLng([20 + (i % 40) * 19, 30 + Math.floor(i / 40) * 50])], { renderer, weight: 4 }));
    L.layerGroup(lines).addTo(map);
    await leafletFrame();
    while (frames.frame() > 0) { /* drain */ }
    log = [];
    const clip = vi.spyOn(L.Polyline.prototype as unknown as { _clipPoints(): void }, '_clipPoints');
    map.panBy([5, 0], { animate: false });
    // The pan's task clipped the lines of the first slice (100 of weight 1) and the one after, clipped to be weighed
    // and left for the next slice; not the 400.
    expect(clip.mock.calls.length).toBe(101);
    while (frames.frame() > 0) { /* drain */ }
    expect(clip.mock.calls.length).toBe(400);
    expect(log.filter((l) => l === 'lineTo')).toHaveLength(400);
    clip.mockRestore();
  });
});
