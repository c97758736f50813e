// Stop dots (issue #15): many stops as a few canvas layers of typed arrays. Each dot
// lands where Leaflet would put a circle, is drawn once per redraw in order (hidden ones
// not at all), redraws only when its data changed, and a click or hover finds the
// topmost visible dot, through Leaflet's own canvas hit testing.
import L from 'leaflet';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { leafletFrame, useFakeCanvasMap } from './fake-canvas-map';
import { canvasWeight, slicedCanvas } from '../../../web/src/map/sliced-canvas';
import { DOT_WEIGHT, DotLayer, DOTS_PER_LAYER, DotStyles, SPRITES_PER_SETUP, type Dots } from '../../../web/src/map/stop-dots';

/** Sprite copies drawn on the map's canvas ("x,y" of their centre, in layer pixels), and full clears. */
let log: string[] = [];
/** Circles drawn (each sprite drawn into the atlas is one). */
let painted = 0;

function fakeContext(): CanvasRenderingContext2D {
  const noop = () => {};
  return new Proxy({} as CanvasRenderingContext2D, {
    get(target, key) {
      // A sprite copy (atlas, its cell, where on the map); the sliced canvas's cover is a plain copy (image, 0, 0).
      if (key === 'drawImage') return (...args: number[]) => { if (args.length === 9) log.push(`dot ${args[5] + args[7] / 2},${args[6] + args[7] / 2}`); };
      if (key === 'arc') return () => { painted++; };
      if (key in target) return (target as never)[key];
      return noop;
    },
    set(target, key, value) { (target as never as Record<string | symbol, unknown>)[key] = value; return true; },
  });
}

const mounted = useFakeCanvasMap(fakeContext, { center: [48.85, 2.35], zoom: 11 });
let map: L.Map;
let container: HTMLDivElement;
beforeEach(() => {
  log = [];
  ({ map, container } = mounted);
});

const frame = leafletFrame;

/** Dots at `places`, owner i for the i-th, all visible unless listed in `hidden`. */
function dotsAt(places: [number, number][], style: number, hidden: number[] = []): Dots {
  const n = places.length;
  const dots: Dots = { lat: new Float64Array(n), lng: new Float64Array(n), style: new Int32Array(n).fill(style), owner: new Int32Array(n), visible: new Uint8Array(n).fill(1) };
  places.forEach(([lat, lng], i) => { dots.lat[i] = lat; dots.lng[i] = lng; dots.owner[i] = i; });
  for (const i of hidden) dots.visible[i] = 0;
  return dots;
}

const styles = () => {
  const s = new DotStyles();
  return { styles: s, plain: s.id({ radius: 6, fill: '#1f77b4', fillOpacity: 0.95, stroke: '#ffffff', weight: 1.5 }) };
};

/** Places around the map's centre, a few pixels apart at zoom 11 and more. */
const around = (count: number, seed = 1): [number, number][] => {
  let x = seed;
  const next = () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
  return Array.from({ length: count }, () => [48.75 + 0.2 * next(), 2.2 + 0.3 * next()]);
};

/**
 * Four full dot layers of one style on a sliced canvas (100 shapes a slice) whose frames run from `queue`, drawn
 * to the end: each layer weighs more than a slice.
 */
async function fourFullLayers(seed: number) {
  const { styles: s, plain } = styles();
  const queue: (() => void)[] = [];
  const renderer = slicedCanvas({ perFrame: 100, schedule: (next) => { queue.push(next); return () => {}; } });
  const layers = Array.from({ length: 4 }, () => new DotLayer(s, { renderer }).addTo(map));
  const places = around(4 * DOTS_PER_LAYER, seed);
  const dots = dotsAt(places, plain);
  layers.forEach((layer, k) => layer.set(dots, k * DOTS_PER_LAYER, DOTS_PER_LAYER));
  await frame();
  while (queue.length) queue.shift()!();
  return { s, queue, layers, places, dots };
}

describe('DotStyles', () => {
  it('numbers each look once', () => {
    const s = new DotStyles();
    const a = s.id({ radius: 6, fill: '#123456', fillOpacity: 1, stroke: '#fff', weight: 1 });
    const b = s.id({ radius: 7, fill: '#123456', fillOpacity: 1, stroke: '#fff', weight: 1 });
    expect(b).not.toBe(a);
    expect(s.id({ radius: 6, fill: '#123456', fillOpacity: 1, stroke: '#fff', weight: 1 })).toBe(a);
    expect(s.style(b).radius).toBe(7);
  });

  it('draws 300 colours into an atlas of two pages, each sprite in a cell of its own, never moved', () => {
    const s = new DotStyles();
    const ids = Array.from({ length: 300 }, (_, i) => s.id({ radius: 6, fill: `#${i.toString(16).padStart(6, '0')}`, fillOpacity: 0.95, stroke: '#ffffff', weight: 1.5 }));
    const first = { ...s.sprite(ids[0], 2) };
    const sprites = ids.map((id) => s.sprite(id, 2));
    // A page per 256 cells (16 × 16), not a canvas per style.
    expect(s.canvases).toBe(2);
    const pages = [...new Set(sprites.map((p) => p.image))];
    expect(pages).toHaveLength(2);
    expect(pages.map((page) => [page.width, page.height])).toEqual([[16 * 48, 16 * 48], [16 * 48, 16 * 48]]);
    expect(sprites.filter((p) => p.image === pages[0])).toHaveLength(256);
    expect(new Set(sprites.map((p) => `${pages.indexOf(p.image)}:${p.sx},${p.sy}`)).size).toBe(300);
    // The first sprite kept its page and cell while the atlas grew.
    expect(sprites[0]).toEqual(first);
    expect(sprites.every((p) => p.sx + p.size <= p.image.width && p.sy + p.size <= p.image.height)).toBe(true);
    expect(s.sprite(ids[7], 2)).toBe(sprites[7]);
    // A style too large for a cell has a canvas of its own.
    const huge = s.sprite(s.id({ radius: 30, fill: '#000000', fillOpacity: 1, stroke: '#000000', weight: 2 }), 2);
    expect(huge.image).not.toBe(first.image);
    expect(huge.size).toBe(2 * 2 * (30 + 1 + 1));
  });

  it('prepares new styles in a new page of the atlas, drawing none of the sprites it had again and copying no canvas', () => {
    // A context per canvas that logs its sprite positions (canvas number: x,y) and any canvas copy.
    const calls: string[] = [];
    const seen: HTMLCanvasElement[] = [];
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
      const canvas = this;
      const number = seen.push(canvas) - 1;
      let at = [0, 0];
      return new Proxy({} as CanvasRenderingContext2D, {
        get(_, key) {
          if (key === 'drawImage') return () => calls.push('copy');
          if (key === 'setTransform') return (_a: number, _b: number, _c: number, _d: number, e: number, f: number) => { at = [e, f]; };
          if (key === 'arc') return () => calls.push(`${number}:${at[0]},${at[1]}`);
          return () => {};
        },
        set() { return true; },
      }) as never;
    });
    const s = new DotStyles();
    const colour = (i: number) => ({ radius: 6, fill: `#${i.toString(16).padStart(6, '0')}`, fillOpacity: 0.95, stroke: '#ffffff', weight: 1.5 });
    const first = Array.from({ length: 20 }, (_, i) => s.id(colour(i)));
    s.prepare(1);
    expect(s.canvases).toBe(1); // 20 sprites: the first page
    const kept = first.map((id) => ({ ...s.sprite(id, 1) }));
    calls.length = 0;
    Array.from({ length: 280 }, (_, i) => s.id(colour(1000 + i)));
    s.prepare(1);
    expect(s.canvases).toBe(2); // 300 sprites: a second page
    expect(calls).not.toContain('copy');
    // Only the 280 new sprites drawn: 236 in the first page after the 20 it had, 44 in the second.
    expect(calls).toHaveLength(280);
    expect(calls.slice(0, 2)).toEqual(['0:96,24', '0:120,24']);
    expect(calls.slice(234, 238)).toEqual(['0:336,360', '0:360,360', '1:0,0', '1:24,0']);
    expect(seen.map((c) => [c.width, c.height])).toEqual([[384, 384], [384, 384]]);
    expect(first.map((id) => ({ ...s.sprite(id, 1) }))).toEqual(kept);
  });

  it('puts each dot where Leaflet puts a point, at any zoom and after a pan', async () => {
    const { styles: s, plain } = styles();
    const places = around(200);
    const renderer = L.canvas();
    const layer = new DotLayer(s, { renderer }).addTo(map);
    layer.set(dotsAt(places, plain), 0, places.length);
    const half = s.half(plain);
    for (const zoom of [3, 11, 13.5, 17]) {
      map.setView(places[0], zoom, { animate: false });
      map.panBy([37, -21], { animate: false });
      await frame();
      log = [];
      layer.redraw();
      await frame();
      const expected = places
        .map((p) => map.latLngToLayerPoint(p))
        // Those on the canvas (the map and Leaflet's padding around it).
        .filter((p) => L.bounds(p.subtract([half, half]), p.add([half, half])).intersects((renderer as unknown as { _bounds: L.Bounds })._bounds))
        .map((p) => `dot ${p.x},${p.y}`);
        expect(expected.length, `zoom ${zoom}`).toBeGreaterThan(0);
      expect(log.filter((l) => l.startsWith('dot'))).toEqual(expected);
    }
  });

  it('draws the visible dots in order, once each, and redraws only when its dots change', async () => {
    const { styles: s, plain } = styles();
    const places = around(50, 7);
    const layer = new DotLayer(s, { renderer: L.canvas() }).addTo(map);
    const dots = dotsAt(places, plain, [3, 17]);
    expect(layer.set(dots, 0, 50)).toBe(true);
    await frame();
    const shown = places.filter((_, i) => i !== 3 && i !== 17).map((p) => map.latLngToLayerPoint(p)).map((p) => `dot ${p.x},${p.y}`);
    expect(log).toEqual(shown);

    log = [];
    expect(layer.set(dotsAt(places, plain, [3, 17]), 0, 50)).toBe(false);
    await frame();
    expect(log).toEqual([]);

    // Showing one more dot redraws.
    expect(layer.set(dotsAt(places, plain, [3]), 0, 50)).toBe(true);
    await frame();
    expect(log).toContain(`dot ${map.latLngToLayerPoint(places[17]).x},${map.latLngToLayerPoint(places[17]).y}`);
    // A slice of a larger set: dots 10..19 only.
    log = [];
    layer.set(dotsAt(places, plain), 10, 10);
    await frame();
    expect(log).toEqual(places.slice(10, 20).map((p) => map.latLngToLayerPoint(p)).map((p) => `dot ${p.x},${p.y}`));
    expect(() => layer.set(dotsAt(around(DOTS_PER_LAYER + 1), plain), 0, DOTS_PER_LAYER + 1)).toThrow(RangeError);
  });

  it('finds the topmost visible dot under a point, and none away from every dot', () => {
    const { styles: s, plain } = styles();
    const big = s.id({ radius: 10, fill: '#000000', fillOpacity: 1, stroke: '#000000', weight: 2 });
    const layer = new DotLayer(s, { renderer: L.canvas({ tolerance: 0 }) }).addTo(map);
    const centre = map.getCenter();
    const at = (dx: number) => map.layerPointToLatLng(map.latLngToLayerPoint(centre).add([dx, 0]));
    const places: [number, number][] = [0, 4, 40].map((dx) => [at(dx).lat, at(dx).lng]);
    const dots = dotsAt(places, plain);
    dots.style[2] = big;
    layer.set(dots, 0, 3);
    const p = map.latLngToLayerPoint(centre);
    // Dots 0 and 1 both cover p + 2: the later one (drawn on top) is found.
    expect(layer._containsPoint(p.add([2, 0]))).toBe(true);
    expect(layer.hit).toBe(1);
    // Reach is the radius and half the ring: 6 + 0.75 from dot 0 (at -6, dot 1 is 10 away).
    expect(layer._containsPoint(p.add([-6, 0]))).toBe(true);
    expect(layer.hit).toBe(0);
    expect(layer._containsPoint(p.add([-8, 0]))).toBe(false);
    // The large dot reaches 11 px.
    expect(layer._containsPoint(p.add([40 + 10.5, 0]))).toBe(true);
    expect(layer.hit).toBe(2);
    // A hidden dot takes no hover or click.
    layer.set(dotsAt(places, plain, [1]), 0, 3);
    expect(layer._containsPoint(p.add([4, 0]))).toBe(true);
    expect(layer.hit).toBe(0);
    layer.set(dotsAt(places, plain, [0, 1]), 0, 3);
    expect(layer._containsPoint(p.add([2, 0]))).toBe(false);
  });

  it('takes a click on the canvas through Leaflet, above a line drawn under it', async () => {
    const { styles: s, plain } = styles();
    const renderer = L.canvas({ tolerance: 3 });
    const centre = map.getCenter();
    const line = L.polyline([[centre.lat, centre.lng - 0.1], [centre.lat, centre.lng + 0.1]], { renderer, weight: 6 }).addTo(map);
    const layer = new DotLayer(s, { renderer }).addTo(map);
    layer.set(dotsAt([[centre.lat, centre.lng]], plain), 0, 1);
    const clicked: string[] = [];
    line.on('click', () => clicked.push('line'));
    layer.on('click', () => clicked.push(`dot ${layer.hit}`));
    await frame();
    const canvas = container.querySelector('canvas')!;
    const click = (dx: number) => {
      const p = map.latLngToContainerPoint(centre).add([dx, 0]);
      canvas.dispatchEvent(new MouseEvent('click', { clientX: p.x, clientY: p.y, bubbles: true }));
    };
    click(0);
    click(60);
    expect(clicked).toEqual(['dot 0', 'line']);
  });

  it('weighs what its dots cost in the sliced canvas: a redraw of many dot layers is spread over frames', async () => {
    const { queue, places } = await fourFullLayers(3);
    log = [];
    map.fire('moveend');
    // Each layer weighs more than a slice: one layer (all its dots: they are in view) per frame, in order.
    const counts = [log.length];
    while (queue.length) {
      const before = log.length;
      queue.shift()!();
      counts.push(log.length - before);
    }
    expect(counts).toEqual([DOTS_PER_LAYER, DOTS_PER_LAYER, DOTS_PER_LAYER, DOTS_PER_LAYER]);
    expect(log).toEqual(places.map((p) => map.latLngToLayerPoint(p)).map((p) => `dot ${p.x},${p.y}`));
  });

  it('draws the sprites of styles met in a sliced redraw in a frame of their own, then the dots', async () => {
    const { s, queue, layers, places, dots } = await fourFullLayers(5);
    // A new plan of 300 routes: 300 colours no dot had before, all at once.
    const colours = Array.from({ length: 300 }, (_, i) => s.id({ radius: 6, fill: `#${(0x100000 + i * 2741).toString(16)}`, fillOpacity: 0.95, stroke: '#ffffff', weight: 1.5 }));
    colours.forEach((id, i) => { dots.style[i] = id; });
    const canvasesBefore = s.canvases;
    log = [];
    painted = 0;
    layers.forEach((layer, k) => layer.set(dots, k * DOTS_PER_LAYER, DOTS_PER_LAYER));
    await frame();
    const frames = [{ painted, copied: log.length }];
    while (queue.length) {
      const [p, c] = [painted, log.length];
      queue.shift()!();
      frames.push({ painted: painted - p, copied: log.length - c });
    }
    // Every new sprite drawn once (none of the old again: the atlas's pages never move), in frames that copy no dot
    // and draw at most SPRITES_PER_SETUP new sprites each.
    expect(frames.reduce((sum, f) => sum + f.painted, 0)).toBe(300);
    expect(frames.filter((f) => f.painted > 0 && f.copied > 0)).toEqual([]);
    const setups = frames.filter((f) => f.painted > 0);
    expect(setups).toHaveLength(Math.ceil(300 / SPRITES_PER_SETUP));
    expect(setups[0].painted).toBe(Math.min(300, SPRITES_PER_SETUP));
    expect(setups.slice(1).every((f) => f.painted <= SPRITES_PER_SETUP)).toBe(true);
    expect(s.canvases).toBe(canvasesBefore + 1);
    expect(log).toEqual(places.map((p) => map.latLngToLayerPoint(p)).map((p) => `dot ${p.x},${p.y}`));
  });

  it('weighs what it holds: a few dots draw at once, as Leaflet does, until the layer fills up', async () => {
    const { styles: s, plain } = styles();
    const queue: (() => void)[] = [];
    const renderer = slicedCanvas({ perFrame: 100, schedule: (next) => { queue.push(next); return () => {}; } });
    const layer = new DotLayer(s, { renderer });
    const places = around(DOTS_PER_LAYER, 5);
    const dots = dotsAt(places, plain);
    layer.set(dots, 0, 10);
    layer.addTo(map);
    await frame();
    log = [];
    map.fire('moveend');
    expect(log).toHaveLength(10);
    expect(queue).toHaveLength(0);
    expect(container.querySelector('canvas.fmp-canvas-cover')).toBeNull();
    expect(canvasWeight(renderer)).toBe(10 * DOT_WEIGHT);
    // Filled on the map: it weighs more than a slice, and a full redraw is sliced; emptied, it draws at once again.
    layer.set(dots, 0, DOTS_PER_LAYER);
    const second = new DotLayer(s, { renderer });
    second.set(dots, 0, DOTS_PER_LAYER);
    second.addTo(map);
    expect(canvasWeight(renderer)).toBe(2 * DOTS_PER_LAYER * DOT_WEIGHT);
    await frame();
    while (queue.length) queue.shift()!();
    log = [];
    map.fire('moveend');
    expect(log).toHaveLength(DOTS_PER_LAYER);
    expect(queue).toHaveLength(1);
    queue.shift()!();
    expect(log).toHaveLength(2 * DOTS_PER_LAYER);
    layer.set(dots, 0, 3);
    second.remove();
    expect(canvasWeight(renderer)).toBe(3 * DOT_WEIGHT);
    await frame();
    log = [];
    map.fire('moveend');
    expect(log).toHaveLength(3);
    expect(queue).toHaveLength(0);
  });

  it('redraws only the dots inside a small region (a restyled circle), at once, not the whole canvas in slices', async () => {
    const { styles: s, plain } = styles();
    const queue: (() => void)[] = [];
    const renderer = slicedCanvas({ perFrame: 100, schedule: (next) => { queue.push(next); return () => {}; } });
    const places = around(2 * DOTS_PER_LAYER, 11);
    const dots = dotsAt(places, plain);
    for (let k = 0; k < 2; k++) new DotLayer(s, { renderer }).addTo(map).set(dots, k * DOTS_PER_LAYER, DOTS_PER_LAYER);
    const at = places[123];
    const ring = L.circleMarker(at, { renderer, radius: 10 }).addTo(map);
    await frame();
    while (queue.length) queue.shift()!();
    log = [];
    ring.setStyle({ color: '#111827' });
    await frame();
    expect(queue).toHaveLength(0);
    expect(container.querySelector('canvas.fmp-canvas-cover')).toBeNull();
    // Every dot drawn again is near the circle (its region: radius, ring and Leaflet's padding, plus a dot's half),
    // and every dot overlapping the circle is drawn: a few, not all 1,000.
    const centre = map.latLngToLayerPoint(at);
    const points = places.map((p) => map.latLngToLayerPoint(p));
    const within = (r: number) => points.filter((p) => Math.abs(p.x - centre.x) <= r && Math.abs(p.y - centre.y) <= r).map((p) => `dot ${p.x},${p.y}`);
    expect(log).toContain(`dot ${centre.x},${centre.y}`);
    expect(log.length).toBeLessThan(60);
    expect(within(24)).toEqual(expect.arrayContaining(log));
    expect(log).toEqual(expect.arrayContaining(within(18)));
  });
});
