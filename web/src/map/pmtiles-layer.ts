// A Leaflet grid layer drawing raster tiles from an offline map archive
// (.pmtiles): each tile's bytes are read from the archive, shown through an
// object URL (revoked once the image has decoded), and a tile scrolled away
// before its bytes arrive cancels its read. Beyond the archive's zoom range
// Leaflet scales the nearest zoom it has.
import L from 'leaflet';
import { createEffect, onCleanup, type Accessor } from 'solid-js';
import type { OpenMapArchive } from '../io/map-archive-read';
import { nextTask } from '../io/next-task';
import { escapeHtml } from './tooltips';

/** Below the tile-URL layer (Leaflet's default z-index 1): online tiles, when they load, cover the archive. */
export const ARCHIVE_Z_INDEX = 0;

/** Grid layer over one open archive. */
export class PmtilesLayer extends L.GridLayer {
  private readonly reads = new WeakMap<HTMLElement, AbortController>();

  constructor(private readonly archive: OpenMapArchive) {
    const { info } = archive;
    const [minLon, minLat, maxLon, maxLat] = info.bounds;
    super({
      minNativeZoom: info.minZoom,
      maxNativeZoom: info.maxZoom,
      maxZoom: 19,
      bounds: L.latLngBounds([minLat, minLon], [maxLat, maxLon]),
      zIndex: ARCHIVE_Z_INDEX,
      // Leaflet writes the attribution as markup; the archive's is text.
      attribution: escapeHtml(info.attribution),
      className: 'map-archive-layer',
    });
    this.on('tileunload', (e: L.TileEvent) => this.reads.get(e.tile)?.abort());
  }

  /** Creates the <img> for tile z/x/y and fills it from the archive; `done` once it has decoded (or is empty). */
  override createTile(coords: L.Coords, done: L.DoneCallback): HTMLElement {
    const img = document.createElement('img');
    img.alt = '';
    img.setAttribute('role', 'presentation');
    img.dataset.tile = `${coords.z}/${coords.x}/${coords.y}`;
    const controller = new AbortController();
    this.reads.set(img, controller);
    this.archive.tiles.getZxy(coords.z, coords.x, coords.y, controller.signal).then(
      (tile) => {
        if (!tile) {
          // Not in the archive: an empty tile, not an error.
          img.dataset.empty = 'true';
          done(undefined, img);
          return;
        }
        showBytes(img, new Blob([tile.data], { type: this.archive.info.tileMime }), done);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) done(error as Error, img);
      },
    );
    return img;
  }
}

/** Points `img` at the bytes through an object URL, revoked as soon as the image has loaded or failed. */
function showBytes(img: HTMLImageElement, bytes: Blob, done: L.DoneCallback): void {
  const url = URL.createObjectURL(bytes);
  img.onload = () => {
    URL.revokeObjectURL(url);
    done(undefined, img);
  };
  img.onerror = () => {
    URL.revokeObjectURL(url);
    done(new Error(`tile ${img.dataset.tile} of the map archive is not a readable image`), img);
  };
  img.src = url;
}

/**
 * Shows the open map archive (if any) on `map`, replacing the layer when another archive is opened. Waits for
 * `framed()` (the map framed on the first scenario opened: an archive restored at startup is often ready before),
 * and then for a task of its own, so that its first tiles are read for that view, not for the view the map starts
 * from (dropped a moment later), and not in the framing's task.
 */
export function useArchiveLayer(map: Accessor<L.Map | undefined>, open: Accessor<OpenMapArchive | null>, framed: Accessor<boolean> = () => true): void {
  createEffect(() => {
    const instance = map();
    const archive = open();
    if (!instance || !archive || !framed()) return;
    let layer: PmtilesLayer | null = null;
    let removed = false;
    void nextTask().then(() => { if (!removed) layer = new PmtilesLayer(archive).addTo(instance); });
    onCleanup(() => {
      removed = true;
      layer?.remove();
    });
  });
}
