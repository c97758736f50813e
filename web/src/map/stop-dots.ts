// Stop dots on the plan's canvas (issue #15): thousands of stops drawn as a few
// canvas shapes, each holding up to DOTS_PER_LAYER dots in typed arrays, instead
// of one Leaflet circle (with its options, points, bounds, tooltip and handlers)
// per stop. A dot is a pre-drawn sprite of its style copied onto the canvas, so a
// new plan, a filter or a Day-mode tick rewrites numbers, not objects, and a
// redraw of 10,000 stops is 10,000 image copies. The layers live in the shared
// canvas (sliced-canvas.ts) with the route lines, so hover and click find the
// topmost thing under the mouse, dot or line, as Leaflet's canvas does.
import L from 'leaflet';
import { reweigh } from './sliced-canvas';

/** How one dot looks: a filled circle with a ring, in CSS pixels. */
export interface DotStyle {
  radius: number;
  fill: string;
  fillOpacity: number;
  stroke: string;
  weight: number;
}

/** Dots per layer: few layers at 10,000 stops, and a small redraw region for each. */
export const DOTS_PER_LAYER = 500;

/**
 * What a dot costs the sliced canvas, in the shapes it counts (a Leaflet circle: 1). Measured in Chromium 156
 * (software raster, 10,000 at once): circles with path, fill and stroke 11 ms to call and 115-165 ms to
 * rasterise; sprite copies 40-70 ms to call and 10-20 ms to rasterise. About half a circle, and the cost is in
 * the drawing task, which the sliced canvas spreads, not in the frame's commit after it.
 */
export const DOT_WEIGHT = 0.5;

/** Largest sprite half-size (CSS pixels) kept in the atlas; a larger style gets a canvas of its own. */
const CELL_HALF = 12;
/** Atlas cells per row of a page. */
const CELL_COLUMNS = 16;
/** Atlas cells per page (16 rows): 384 × 384 CSS pixels. */
const PAGE_CELLS = CELL_COLUMNS * 16;
/**
 * Sprites a sliced redraw's setup frame draws at most (sliced-canvas.ts). A 10,000-order plan of 961 routes meets
 * hundreds of styles at once: drawn in one frame they took 35 ms of a 108 ms frame in a traced solve (two benchmarks
 * sharing the cores). A few hundred a frame spread them over frames of their own.
 */
export const SPRITES_PER_SETUP = 200;

/** A style's sprite: its image (the atlas, or its own canvas), where in it, and its half-size in CSS pixels. */
export interface Sprite { image: HTMLCanvasElement; sx: number; sy: number; size: number; half: number }

/**
 * Styles by number, and their sprites, shared by the layers of one map. Sprites are drawn on first use into an
 * atlas of pages (canvases of PAGE_CELLS cells each, a page made when its first cell is drawn): 300 routes'
 * colours are 300 styles, and a canvas and context each cost more than drawing them. A page never grows or moves:
 * in Chromium's software raster the first drawing on a new canvas costs in proportion to its area (measured: 15-30
 * ms for 384 × 1536 pixels, 52-67 ms for 768 × 3072), so an atlas that doubled its rows to hold a 10,000-stop plan's
 * looks was made again, and paid again, in a frame of that plan's landing (issue #15).
 */
export class DotStyles {
  private readonly styles: DotStyle[] = [];
  private readonly ids = new Map<string, number>();
  private sprites: (Sprite | undefined)[] = [];
  private ratio = 0;
  /** The atlas's pages, in cell order, each with its context (null when the browser gives none). */
  private pages: { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D | null }[] = [];
  /** The style drawn in each atlas cell, in cell order. */
  private cellStyles: number[] = [];

  /** The number of `style` (the same number for the same look). */
  id(style: DotStyle): number {
    const key = `${style.radius}|${style.fill}|${style.fillOpacity}|${style.stroke}|${style.weight}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.styles.push({ ...style }) - 1;
      this.ids.set(key, id);
    }
    return id;
  }

  style(id: number): DotStyle {
    return this.styles[id];
  }

  /** Pixels from a dot's centre to its sprite's edge (ring included, one spare pixel), whole. */
  half(id: number): number {
    const { radius, weight } = this.styles[id];
    return Math.ceil(Math.max(Math.round(radius), 1) + weight / 2) + 1;
  }

  /** Hit radius of a dot: its circle and half its ring, as Leaflet measures a circle's. */
  reach(id: number): number {
    const { radius, weight } = this.styles[id];
    return Math.max(Math.round(radius), 1) + weight / 2;
  }

  /** Canvases made so far (the atlas's pages and any sprite too large for them). */
  canvases = 0;

  /** The sprite of style `id` at device pixel `ratio` (Leaflet draws its canvas at 2 on high-density screens). */
  sprite(id: number, ratio: number): Sprite {
    this.useRatio(ratio);
    return this.sprites[id] ?? (this.sprites[id] = this.draw(id, ratio));
  }

  /**
   * Draws the sprites of styles not drawn yet, at most `limit`. Called before dots are copied: a sprite drawn into
   * an atlas page between two copies from it makes the browser take a new snapshot of the page for the next copy
   * (seen as a 137 ms frame when 300 colours met for the first time in a single atlas).
   */
  prepare(ratio: number, limit = Infinity): void {
    this.useRatio(ratio);
    if (this.sprites.length === this.styles.length && !this.sprites.includes(undefined)) return;
    let drawn = 0;
    for (let id = 0; id < this.styles.length && drawn < limit; id++) {
      if (this.sprites[id]) continue;
      this.sprite(id, ratio);
      drawn += 1;
    }
  }

  /**
   * Sprites `prepare(ratio)` would draw now (0: every style has its sprite). The sliced canvas gives that work a
   * frame of its own: a plan of 300 routes brings hundreds of styles at once, and their sprites drawn in the frame that also copied a slice of dots made it a 50-75 ms frame at 10,000 stops.
   */
  pending(ratio: number): number {
    if (ratio !== this.ratio) return this.styles.length;
    let missing = 0;
    for (let id = 0; id < this.styles.length; id++) if (!this.sprites[id]) missing++;
    return missing;
  }

  /** Another device pixel ratio: every sprite is drawn again (at first use). */
  private useRatio(ratio: number): void {
    if (ratio === this.ratio) return;
    this.sprites = [];
    this.ratio = ratio;
    this.pages = [];
    this.cellStyles = [];
  }

  private draw(id: number, ratio: number): Sprite {
    const half = this.half(id);
    if (half <= CELL_HALF) {
      const cell = 2 * CELL_HALF * ratio;
      const at = this.cellStyles.length;
      this.cellStyles.push(id);
      const page = this.page(Math.floor(at / PAGE_CELLS), ratio);
      const inPage = at % PAGE_CELLS;
      const sx = (inPage % CELL_COLUMNS) * cell;
      const sy = Math.floor(inPage / CELL_COLUMNS) * cell;
      if (page.ctx) this.paint(page.ctx, id, ratio, sx, sy);
      return { image: page.canvas, sx, sy, size: 2 * half * ratio, half };
    }
    const image = document.createElement('canvas');
    this.canvases += 1;
    image.width = image.height = 2 * half * ratio;
    const ctx = image.getContext('2d');
    if (ctx) this.paint(ctx, id, ratio, 0, 0);
    return { image, sx: 0, sy: 0, size: 2 * half * ratio, half };
  }

  /** Draws style `id`'s dot with its sprite's top left corner at (sx, sy) in device pixels. */
  private paint(ctx: CanvasRenderingContext2D, id: number, ratio: number, sx: number, sy: number): void {
    const half = this.half(id);
    const { radius, fill, fillOpacity, stroke, weight } = this.styles[id];
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, sx, sy);
    ctx.beginPath();
    ctx.arc(half, half, Math.max(Math.round(radius), 1), 0, Math.PI * 2, false);
    ctx.globalAlpha = fillOpacity;
    ctx.fillStyle = fill;
    ctx.fill();
    if (weight > 0) {
      ctx.globalAlpha = 1;
      ctx.lineWidth = weight;
      ctx.strokeStyle = stroke;
      ctx.stroke();
    }
    ctx.restore();
  }

  /** Atlas page `index`, made when first asked for (pages are asked for in order). */
  private page(index: number, ratio: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D | null } {
    const made = this.pages[index];
    if (made) return made;
    const canvas = document.createElement('canvas');
    this.canvases += 1;
    canvas.width = CELL_COLUMNS * 2 * CELL_HALF * ratio;
    canvas.height = (PAGE_CELLS / CELL_COLUMNS) * 2 * CELL_HALF * ratio;
    const page = { canvas, ctx: canvas.getContext('2d') };
    this.pages[index] = page;
    return page;
  }
}

/**
 * Dots side by side: place, style number, owner (the caller's number for what the dot stands for) and whether
 * it is shown (1) or hidden (0).
 */
export interface Dots { lat: Float64Array; lng: Float64Array; style: Int32Array; owner: Int32Array; visible: Uint8Array }

/** The L.Canvas internals a dot layer reads (Leaflet 1.9). */
interface CanvasInternals { _drawing: boolean; _ctx: CanvasRenderingContext2D; _bounds: L.Bounds; _drawRegion?: L.Bounds | null; options: { tolerance?: number } }

const D = Math.PI / 180;
const MAX_LATITUDE = 85.0511287798;
const MERCATOR_R = 6378137;
const MERCATOR_A = 0.5 / (Math.PI * MERCATOR_R);

/**
 * Up to DOTS_PER_LAYER dots as one canvas shape. `set` replaces them; the layer projects them on the map's zoom,
 * draws the visible ones in order (the last on top) and reports the topmost under the mouse in `hit`.
 */
export class DotLayer extends L.Path {
  declare _map: L.Map;
  declare _renderer: L.Renderer & CanvasInternals;
  declare _pxBounds: L.Bounds | undefined;
  /** For the sliced canvas: what its dots cost to draw. */
  _weight = 0;
  private n = 0;
  private readonly lat = new Float64Array(DOTS_PER_LAYER);
  private readonly lng = new Float64Array(DOTS_PER_LAYER);
  private readonly x = new Float64Array(DOTS_PER_LAYER);
  private readonly y = new Float64Array(DOTS_PER_LAYER);
  private readonly styleOf = new Int32Array(DOTS_PER_LAYER);
  private readonly ownerOf = new Int32Array(DOTS_PER_LAYER);
  private readonly shown = new Uint8Array(DOTS_PER_LAYER);
  /** Owner of the dot found by the last `_containsPoint` that found one. */
  hit = -1;

  constructor(readonly styles: DotStyles, options: L.PathOptions = {}) {
    super();
    // The weight only pads Leaflet's redraw region; each dot's own ring is in its sprite.
    L.Util.setOptions(this, { weight: 4, ...options });
  }

  /** Number of dots held. */
  get size(): number {
    return this.n;
  }

  /** Takes dots `from .. from + count` of `dots` and redraws if any differs from what it held; true when one did. */
  set(dots: Dots, from: number, count: number): boolean {
    if (count > DOTS_PER_LAYER) throw new RangeError(`a dot layer holds at most ${DOTS_PER_LAYER} dots`);
    let changed = count !== this.n;
    for (let i = 0; i < count; i++) {
      const j = from + i;
      if (!changed && this.lat[i] === dots.lat[j] && this.lng[i] === dots.lng[j] && this.styleOf[i] === dots.style[j]
        && this.ownerOf[i] === dots.owner[j] && this.shown[i] === dots.visible[j]) continue;
      changed = true;
      this.lat[i] = dots.lat[j];
      this.lng[i] = dots.lng[j];
      this.styleOf[i] = dots.style[j];
      this.ownerOf[i] = dots.owner[j];
      this.shown[i] = dots.visible[j];
    }
    if (count !== this.n) reweigh(this, count * DOT_WEIGHT);
    this.n = count;
    if (changed) this.redraw();
    return changed;
  }

  /** Layer pixels of every dot, and the bounds of the visible ones. */
  _project(): void {
    const map = this._map;
    const fast = map.options.crs === L.CRS.EPSG3857;
    const scale = map.options.crs!.scale(map.getZoom());
    const origin = map.getPixelOrigin();
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, pad = 0;
    for (let i = 0; i < this.n; i++) {
      let px: number, py: number;
      if (fast) {
        // Leaflet's spherical Mercator and EPSG:3857 transformation, in the same steps (see the test).
        const lat = Math.max(Math.min(MAX_LATITUDE, this.lat[i]), -MAX_LATITUDE);
        const sin = Math.sin(lat * D);
        px = Math.round(scale * (MERCATOR_A * (MERCATOR_R * this.lng[i] * D) + 0.5)) - origin.x;
        py = Math.round(scale * (-MERCATOR_A * (MERCATOR_R * Math.log((1 + sin) / (1 - sin)) / 2) + 0.5)) - origin.y;
      } else {
        const p = map.latLngToLayerPoint([this.lat[i], this.lng[i]]);
        px = p.x;
        py = p.y;
      }
      this.x[i] = px;
      this.y[i] = py;
      if (!this.shown[i]) continue;
      if (px < minX) minX = px;
      if (px > maxX) maxX = px;
      if (py < minY) minY = py;
      if (py > maxY) maxY = py;
      pad = Math.max(pad, this.styles.half(this.styleOf[i]));
    }
    pad += this._renderer.options.tolerance ?? 0;
    this._pxBounds = minX <= maxX ? L.bounds([minX - pad, minY - pad], [maxX + pad, maxY + pad]) : undefined;
  }

  _update(): void {
    if (this._map) this._updatePath();
  }

  _empty(): boolean {
    return !this._pxBounds || !this._renderer._bounds.intersects(this._pxBounds);
  }

  /**
   * Draws the visible dots in order (called by the renderer while it draws): those within the region being
   * redrawn (a restyled line, the selected stop's circle), or within the canvas.
   */
  _updatePath(): void {
    const renderer = this._renderer;
    if (!renderer._drawing || this._empty()) return;
    const ctx = renderer._ctx;
    const ratio = L.Browser.retina ? 2 : 1;
    const { min, max } = renderer._drawRegion ?? renderer._bounds;
    this.styles.prepare(ratio);
    ctx.globalAlpha = 1;
    for (let i = 0; i < this.n; i++) {
      if (!this.shown[i]) continue;
      const x = this.x[i], y = this.y[i];
      const { image, sx, sy, size, half } = this.styles.sprite(this.styleOf[i], ratio);
      if (x + half < min!.x || x - half > max!.x || y + half < min!.y || y - half > max!.y) continue;
      ctx.drawImage(image, sx, sy, size, size, x - half, y - half, 2 * half, 2 * half);
    }
  }

  /** Sprites to draw before this layer's dots can be copied (sliced-canvas.ts draws them in a frame of their own). */
  _setupCost(): number {
    return this.styles.pending(L.Browser.retina ? 2 : 1);
  }

  /** Draws the next SPRITES_PER_SETUP of the sprites `_setupCost` counts (the sliced canvas calls it a frame at a time). */
  _setup(): void {
    this.styles.prepare(L.Browser.retina ? 2 : 1, SPRITES_PER_SETUP);
  }

  /** What drawing the dots inside `region` costs the sliced canvas: a small redraw is not a full one. */
  _costIn(region: L.Bounds): number {
    const { min, max } = region;
    let n = 0;
    for (let i = 0; i < this.n; i++) {
      if (!this.shown[i]) continue;
      const half = this.styles.half(this.styleOf[i]);
      const x = this.x[i], y = this.y[i];
      if (x + half >= min!.x && x - half <= max!.x && y + half >= min!.y && y - half <= max!.y) n += 1;
    }
    return n * DOT_WEIGHT;
  }

  /** True when a visible dot is under `p` (layer pixels); the topmost one's owner goes in `hit`. */
  _containsPoint(p: L.Point): boolean {
    const tolerance = this._renderer.options.tolerance ?? 0;
    for (let i = this.n - 1; i >= 0; i--) {
      if (!this.shown[i]) continue;
      const reach = this.styles.reach(this.styleOf[i]) + tolerance;
      const dx = this.x[i] - p.x, dy = this.y[i] - p.y;
      if (dx * dx + dy * dy <= reach * reach) {
        this.hit = this.ownerOf[i];
        return true;
      }
    }
    return false;
  }
}
