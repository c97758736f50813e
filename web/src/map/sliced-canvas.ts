// A Leaflet canvas renderer whose large redraws (after a pan, a filter, a route
// highlighted…) run over a few frames when the plan has thousands of shapes
// (issue #15). The browser rasterises a canvas's drawing in the frame that follows
// it: 5,000 stop circles drawn at once cost one 50–120 ms frame on a busy machine;
// drawn a few hundred per frame they cost several short ones. Shapes are drawn in
// Leaflet's order, so lines stay under stops and the selected stop on top. While a
// redraw at the same zoom is under way (a pan, a filter), a copy of the last complete
// picture covers the canvas, so no half-drawn plan shows; after a zoom the plan
// appears over those few frames. After a zoom or a pan Leaflet projects every shape
// and clips every line to the new canvas at once (30-50 ms at 10,000 stops, one task);
// here each shape's geometry is brought up to date in the slice that draws it, and
// all of it at once only when the pointer needs it (a click, a hover) before its turn.
// Small redraws (one restyled stop) and small plans keep Leaflet's own path.
import L from 'leaflet';

/**
 * Shapes drawn per frame in a sliced redraw; with this many shapes or fewer a redraw runs at once as in Leaflet.
 * At 700, frames of the 10,000-order plan's drawing still took 60-137 ms, mostly the compositor's commit of the
 * canvas (traces, software raster); at 350 they were still 47-50 ms in traces while a plan landed, at 240 about
 * 40 ms, at the cost of more frames (a 10,000-stop plan: about 46, under a second).
 */
export const SHAPES_PER_FRAME = 240;

/** Schedules a frame callback; returns a cancel function (injected in tests). */
export type FrameScheduler = (next: () => void) => () => void;

const nextFrame: FrameScheduler = (next) => {
  const id = requestAnimationFrame(next);
  return () => cancelAnimationFrame(id);
};

/**
 * `_weight`: what drawing the shape costs, in circles (1 when not given): a layer of many stop dots
 * (stop-dots.ts) weighs what its dots do. `_parts`: a line's projected points (Leaflet's).
 */
type Shape = L.Path & {
  _updatePath(): void; _order?: DrawOrder; _pass?: number; _weight?: number; _parts?: L.Point[][];
  /** What drawing the part of the shape inside `region` costs (a layer of dots: the dots in it). */
  _costIn?(region: L.Bounds): number;
  /** Work to do before the shape can be drawn (a layer of dots: sprites of new styles), and doing it. */
  _setupCost?(): number;
  _setup?(): void;
  _project(): void;
  _update(): void;
  /** The renderer's `_zoomGen` and `_viewGen` when this shape was last projected, and clipped to the canvas. */
  _atZoom?: number;
  _atView?: number;
};
/** What a shape counts for the slicing decision (stable while it is on the canvas). */
const weightOf = (shape: Shape) => shape._weight ?? 1;

/**
 * Pixels of a 4 px line that cost about what one circle does to draw (measured in Chromium 156 with software
 * raster: a circle's path, fill and stroke ~13 µs; 961 route lines of 14 points, with their legs to the depot,
 * 100-130 ms). Lines are weighed by length: 240 long lines in one frame were a 60-80 ms `Commit`.
 */
export const LINE_PX_PER_CIRCLE = 130;

/** What drawing the shape now costs (within `region`, if given), in circles: a line by its projected length and width. */
function costOf(shape: Shape, region?: L.Bounds): number {
  if (region && shape._costIn) return shape._costIn(region);
  if (shape._weight !== undefined) return shape._weight;
  const parts = shape._parts;
  if (!parts) return 1;
  let length = 0;
  for (const part of parts) for (let i = 1; i < part.length; i++) length += Math.hypot(part[i].x - part[i - 1].x, part[i].y - part[i - 1].y);
  return Math.max(1, (length * ((shape.options.weight ?? 3) / 4)) / LINE_PX_PER_CIRCLE);
}
/** One entry of Leaflet's draw-order list (internal to L.Canvas). */
interface DrawOrder { layer: Shape; prev: DrawOrder | null; next: DrawOrder | null }

/** The L.Canvas internals used here (Leaflet 1.9), and this renderer's own state. */
interface Sliced {
  _map: (L.Map & { _animatingZoom?: boolean }) | null;
  _ctx: CanvasRenderingContext2D;
  _container: HTMLCanvasElement;
  _bounds: L.Bounds;
  _zoom: number;
  _layers: Record<string, Shape>;
  _drawFirst: DrawOrder | null;
  _redrawBounds: L.Bounds | null;
  _drawing: boolean;
  _center: L.LatLng;
  /** Set by Leaflet from a view's pre-reset to its reset, so that the move between them does not redraw (L.Canvas). */
  _postponeUpdatePaths?: boolean;
  _clear(): void;
  _update(): void;
  _redraw(): void;
  _updateTransform(center: L.LatLng, zoom: number): void;
  /** Weight of the shapes on the canvas (counted as they come and go: counting `_layers` per redraw request is quadratic). */
  _count: number;
  /** Current sliced pass (0: none yet); a shape drawn in it carries its number in `_pass`. */
  _passId: number;
  /** Last shape drawn by the pass; null before its first slice. */
  _last: DrawOrder | null;
  _slicing: boolean;
  _cancelNext: (() => void) | null;
  _passZoom: number | null;
  _cover: HTMLCanvasElement | null;
  _perFrame: number;
  _schedule: FrameScheduler;
  /** The region a partial redraw is drawing now; null otherwise (a full or sliced drawing). */
  _drawRegion: L.Bounds | null;
  /** Counts zooms and moves whose projection (zoom) and clipping (both) of the shapes was left to their turn. */
  _zoomGen: number;
  _viewGen: number;
  /** Some shape's geometry may be out of date (a zoom or move was deferred and not every shape redone since). */
  _stale: boolean;
}

const base = L.Canvas.prototype as unknown as {
  _redraw(this: Sliced): void; _draw(this: Sliced): void; _update(this: Sliced): void; _updateTransform(this: Sliced, center: L.LatLng, zoom: number): void;
  _destroyContainer(this: Sliced): void; _requestRedraw(this: Sliced, layer: Shape): void; _removePath(this: Sliced, layer: Shape): void; _initPath(this: Sliced, layer: Shape): void;
  _bringToFront(this: Sliced, layer: Shape): void; _bringToBack(this: Sliced, layer: Shape): void;
  _reset(this: Sliced): void; _onZoomEnd(this: Sliced): void; _updatePaths(this: Sliced): void; _updatePath(this: Sliced, layer: Shape): void;
  _addPath(this: Sliced, layer: Shape): void; _onClick(this: Sliced, e: MouseEvent): void;
  _handleMouseHover(this: Sliced, e: MouseEvent, point: L.Point): void;
};

const many = (r: Sliced) => r._count > r._perFrame;

/** True when the shape's projected geometry predates the last zoom or move. */
const stale = (r: Sliced, shape: Shape) => shape._atZoom !== r._zoomGen || shape._atView !== r._viewGen;
/** Records the shape's geometry as up to date. */
function fresh(r: Sliced, shape: Shape): void {
  shape._atZoom = r._zoomGen;
  shape._atView = r._viewGen;
}
/**
 * Brings a stale shape's geometry up to date as Leaflet would have at the zoom or move: projected again after a
 * zoom, clipped (and simplified) to the canvas after either. Draws nothing: `_update` ends in `_updatePath`,
 * which draws only while the canvas is drawing.
 */
function freshen(r: Sliced, shape: Shape): void {
  const drawing = r._drawing;
  r._drawing = false;
  if (shape._atZoom !== r._zoomGen) shape._project();
  shape._update();
  r._drawing = drawing;
  fresh(r, shape);
}
/** Every shape up to date (before hit-testing, or drawing outside a pass). */
function freshenAll(r: Sliced): void {
  if (!r._stale) return;
  for (let order = r._drawFirst; order; order = order.next) if (stale(r, order.layer)) freshen(r, order.layer);
  r._stale = false;
}
/** The cover is in the page only while a pass draws (the map holds one canvas otherwise). */
const coverShown = (r: Sliced) => !!r._cover?.isConnected;
/** Takes the cover away and shows the canvas again. */
function hideCover(r: Sliced): void {
  r._cover?.remove();
  r._container.style.opacity = '';
}

function stopPass(r: Sliced): void {
  r._cancelNext?.();
  r._cancelNext = null;
  r._slicing = false;
}

/** Covers the canvas with a copy of its complete picture, unless one is up already or the zoom changed since it was drawn. */
function cover(r: Sliced): void {
  if (!r._map || coverShown(r) || r._passZoom !== r._map.getZoom()) return;
  const canvas = r._container;
  // A map out of sight has an empty canvas: nothing to copy (and drawImage refuses an empty source).
  if (canvas.width === 0 || canvas.height === 0) return;
  const copy = r._cover ?? (r._cover = document.createElement('canvas'));
  copy.className = 'fmp-canvas-cover';
  Object.assign(copy.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none' });
  copy.width = canvas.width;
  copy.height = canvas.height;
  copy.style.width = canvas.style.width;
  copy.style.height = canvas.style.height;
  copy.style.transform = canvas.style.transform;
  copy.getContext('2d')?.drawImage(canvas, 0, 0);
  canvas.after(copy);
  // The picture is transparent between its shapes: the pass's half-drawn canvas would show through (a new plan's
  // lines under the last plan's stops). The canvas stays in place and takes the clicks, unseen until the pass ends.
  canvas.style.opacity = '0';
}

/** Draws the next slice of the pass; schedules the one after, or ends the pass (and lifts the cover). */
function drawSlice(r: Sliced): void {
  r._cancelNext = null;
  if (!r._slicing || !r._map) return;
  r._ctx.save();
  r._drawing = true;
  let order = r._last ? r._last.next : r._drawFirst;
  // A slice ends before the shape that would take it past its budget (a layer of dots weighs as much as
  // half a slice: taken after a slice's worth of lines it made frames of twice the budget); its first
  // shape is drawn however heavy it is.
  // A shape with setup work (a layer of dots meeting new styles) has it done in frames of their own, a part a frame
  // (stop-dots.ts SPRITES_PER_SETUP), and is drawn in the next one: done in the frame that also drew a slice, the
  // two made 50-75 ms frames at 10,000 stops.
  for (let n = 0; order; ) {
    if ((order.layer._setupCost?.() ?? 0) > 0) {
      if (n === 0) order.layer._setup!();
      break;
    }
    // A shape the pass meets with the geometry of the last zoom or canvas is projected and clipped first (its
    // cost depends on it).
    if (stale(r, order.layer)) freshen(r, order.layer);
    const cost = costOf(order.layer);
    if (n > 0 && n + cost > r._perFrame) break;
    n += cost;
    order.layer._updatePath();
    order.layer._pass = r._passId;
    r._last = order;
    order = order.next;
  }
  r._drawing = false;
  r._ctx.restore();
  if (order) r._cancelNext = r._schedule(() => drawSlice(r));
  else {
    stopPass(r);
    hideCover(r);
    r._stale = false;
  }
}

/** True when more than a slice of shapes lie in `region` (a redraw of them is done whole, in slices). */
function overSlice(r: Sliced, region: L.Bounds): boolean {
  let n = 0;
  for (let order = r._drawFirst; order; order = order.next) {
    const box = (order.layer as Shape & { _pxBounds?: L.Bounds })._pxBounds;
    if (box && box.intersects(region) && (n += costOf(order.layer, region)) > r._perFrame) return true;
  }
  return false;
}

/** The pass continues after its last drawn shape: if that one moves or goes, it continues after its old neighbour. */
function keepPlace(r: Sliced, layer: Shape): void {
  if (layer._order && r._last === layer._order) r._last = r._last.prev;
}

const SlicedCanvas = L.Canvas.extend({
  _redraw(this: Sliced) {
    // A partial redraw finds its shapes where they are now.
    if (this._redrawBounds && !this._slicing) freshenAll(this);
    // Many shapes to redraw, or anything while a pass is still drawing: the whole canvas is drawn again, in slices.
    if (this._redrawBounds && many(this) && (this._slicing || overSlice(this, this._redrawBounds))) {
      cover(this);
      this._redrawBounds = null;
    }
    base._redraw.call(this);
  },

  _draw(this: Sliced) {
    if (this._redrawBounds || !many(this)) {
      freshenAll(this);
      // Shapes that draw many things (dots) may leave out what falls outside the region redrawn.
      this._drawRegion = this._redrawBounds;
      base._draw.call(this);
      this._drawRegion = null;
      return;
    }
    stopPass(this);
    this._passId += 1;
    this._passZoom = this._map?.getZoom() ?? null;
    this._last = null;
    this._slicing = true;
    drawSlice(this);
  },

  _requestRedraw(this: Sliced, layer: Shape) {
    // A shape this pass has not drawn yet (just added, or restyled before its turn) is drawn at its turn.
    if (this._passId > 0 && many(this) && layer._order && layer._pass !== this._passId) {
      this._slicing = true;
      this._cancelNext ??= this._schedule(() => drawSlice(this));
      return;
    }
    // Its redraw region is where it is now.
    if (layer._order && stale(this, layer)) freshen(this, layer);
    base._requestRedraw.call(this, layer);
  },

  _reset(this: Sliced) {
    if (!many(this)) return base._reset.call(this);
    // A view reset (a jump to another zoom, or a zoom without animation) projects every shape again: here at its
    // turn, as after a zoom. Leaflet held back the move's redraw for this one (its `_postponeUpdatePaths`).
    this._zoomGen += 1;
    this._stale = true;
    this._postponeUpdatePaths = false;
    this._update();
    this._updateTransform(this._center, this._zoom);
  },

  _onZoomEnd(this: Sliced) {
    if (!many(this)) return base._onZoomEnd.call(this);
    // Each shape is projected at its turn in the redraw the move that follows a zoom starts.
    this._zoomGen += 1;
    this._stale = true;
  },

  _updatePaths(this: Sliced) {
    if (this._postponeUpdatePaths || !many(this)) return base._updatePaths.call(this);
    // Clipped to the new canvas at its turn, as drawn.
    this._viewGen += 1;
    this._stale = true;
    this._redrawBounds = null;
    this._redraw();
  },

  _updatePath(this: Sliced, layer: Shape) {
    // New geometry (Leaflet projects and clips it here).
    base._updatePath.call(this, layer);
    fresh(this, layer);
  },

  _addPath(this: Sliced, layer: Shape) {
    // Projected and clipped as it was added.
    fresh(this, layer);
    base._addPath.call(this, layer);
  },

  _onClick(this: Sliced, e: MouseEvent) {
    freshenAll(this);
    base._onClick.call(this, e);
  },

  _handleMouseHover(this: Sliced, e: MouseEvent, point: L.Point) {
    freshenAll(this);
    base._handleMouseHover.call(this, e, point);
  },

  _bringToFront(this: Sliced, layer: Shape) {
    keepPlace(this, layer);
    base._bringToFront.call(this, layer);
  },

  _initPath(this: Sliced, layer: Shape) {
    if (!this._layers[L.Util.stamp(layer)]) this._count += weightOf(layer);
    base._initPath.call(this, layer);
  },

  _removePath(this: Sliced, layer: Shape) {
    if (this._layers[L.Util.stamp(layer)]) this._count -= weightOf(layer);
    keepPlace(this, layer);
    base._removePath.call(this, layer);
  },

  _bringToBack(this: Sliced, layer: Shape) {
    // Moved before the pass's position, the shape would be missed: count it as drawn, so it asks for a redraw.
    layer._pass = this._passId;
    base._bringToBack.call(this, layer);
  },

  _update(this: Sliced) {
    if (this._map && !(this._map._animatingZoom && this._bounds) && many(this)) {
      // The canvas is about to be moved and cleared: keep showing its picture (same zoom) until redrawn.
      cover(this);
      if (this._passZoom !== this._map.getZoom()) hideCover(this);
      stopPass(this);
    }
    base._update.call(this);
  },

  _updateTransform(this: Sliced, center: L.LatLng, zoom: number) {
    // A zoom animation scales the canvas, not the cover.
    if (coverShown(this) && zoom !== this._zoom) hideCover(this);
    base._updateTransform.call(this, center, zoom);
  },

  _destroyContainer(this: Sliced) {
    stopPass(this);
    hideCover(this);
    base._destroyContainer.call(this);
  },
});

/**
 * Gives `shape` a new weight (`_weight`), keeping its renderer's total in step when it is on a sliced canvas: a
 * layer of dots weighs what its dots do, and their number changes with the plan.
 */
export function reweigh(shape: L.Path, weight: number): void {
  const s = shape as Shape;
  const renderer = (shape as unknown as { _renderer?: Partial<Sliced> })._renderer;
  if (renderer && typeof renderer._count === 'number' && renderer._layers?.[L.Util.stamp(shape)]) renderer._count += weight - weightOf(s);
  s._weight = weight;
}

/** The weight of the shapes on the canvas (for tests). */
export function canvasWeight(renderer: L.Renderer): number {
  return (renderer as unknown as Sliced)._count;
}

/** True while a sliced redraw is still drawing (for tests). */
export function isSlicing(renderer: L.Renderer): boolean {
  return (renderer as unknown as Sliced)._slicing;
}

/** A canvas renderer like `L.canvas(options)` whose large redraws are spread over frames. */
export function slicedCanvas(options: L.RendererOptions & { perFrame?: number; schedule?: FrameScheduler }): L.Canvas {
  const renderer = new (SlicedCanvas as unknown as new (o: L.RendererOptions) => Sliced)(options);
  Object.assign(renderer, { _count: 0, _passId: 0, _last: null, _slicing: false, _cancelNext: null, _passZoom: null, _cover: null, _drawRegion: null, _zoomGen: 0, _viewGen: 0, _stale: false });
  renderer._perFrame = options.perFrame ?? SHAPES_PER_FRAME;
  renderer._schedule = options.schedule ?? nextFrame;
  return renderer as unknown as L.Canvas;
}
