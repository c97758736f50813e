// Reads an offline map archive (.pmtiles, spec v3) through the protomaps `pmtiles`
// library: checks it is one the map can draw (raster tiles) and describes it
// (zoom range, bounds, attribution). Tiles are read as byte ranges of the Blob,
// so a large archive is never loaded into memory whole.
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';

/** What Settings and the map need to know about an archive. */
export interface MapArchiveInfo {
  name: string;
  sizeBytes: number;
  /** MIME type of its tiles (image/png, image/jpeg, image/webp, image/avif). */
  tileMime: string;
  minZoom: number;
  maxZoom: number;
  /** [minLon, minLat, maxLon, maxLat] in degrees. */
  bounds: [number, number, number, number];
  /** Attribution as plain text (markup in the archive's metadata is reduced to its text). */
  attribution: string;
}

/** An archive ready for the map: the reader and its description. */
export interface OpenMapArchive {
  tiles: PMTiles;
  info: MapArchiveInfo;
}

/** The file is not an archive the map can use; the message says why. */
export class MapArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MapArchiveError';
  }
}

/** A pmtiles Source over a Blob (a picked File, an OPFS file or an IndexedDB Blob): each read slices a range. */
export class BlobSource implements Source {
  constructor(private readonly blob: Blob, private readonly key: string) {}

  /** A key unique to this archive (the library caches headers and directories by it). */
  getKey(): string {
    return this.key;
  }

  /** Bytes [offset, offset + length) of the archive. */
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: await this.blob.slice(offset, offset + length).arrayBuffer() };
  }
}

const RASTER_MIME: Partial<Record<TileType, string>> = {
  [TileType.Png]: 'image/png',
  [TileType.Jpeg]: 'image/jpeg',
  [TileType.Webp]: 'image/webp',
  [TileType.Avif]: 'image/avif',
};

let openCount = 0;

/** Opens and checks an archive; throws MapArchiveError naming the problem. */
export async function openMapArchive(blob: Blob, name: string): Promise<OpenMapArchive> {
  await checkMagic(blob, name);
  openCount += 1;
  const tiles = new PMTiles(new BlobSource(blob, `${name}#${openCount}`));
  const header = await tiles.getHeader().catch((error: unknown) => {
    throw new MapArchiveError(`'${name}' could not be read as a PMTiles archive: ${(error as Error).message}`);
  });
  const tileMime = RASTER_MIME[header.tileType];
  if (!tileMime) {
    const kind = header.tileType === TileType.Mvt || header.tileType === TileType.Mlt ? 'vector tiles' : 'tiles of an unknown type';
    throw new MapArchiveError(`'${name}' holds ${kind}; the map can show raster archives only (PNG, JPEG, WebP or AVIF tiles).`);
  }
  if (header.minZoom > header.maxZoom) throw new MapArchiveError(`'${name}': its min zoom ${header.minZoom} is above its max zoom ${header.maxZoom}.`);
  const info: MapArchiveInfo = {
    name,
    sizeBytes: blob.size,
    tileMime,
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    attribution: await readAttribution(tiles),
  };
  return { tiles, info };
}

/** Version 3 archives start with "PMTiles" and the version byte; older ones with "PM". */
async function checkMagic(blob: Blob, name: string): Promise<void> {
  const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
  const magic = new TextDecoder().decode(head.subarray(0, 7));
  if (magic !== 'PMTiles') {
    const old = head[0] === 0x50 && head[1] === 0x4d;
    throw new MapArchiveError(old
      ? `'${name}' is an old PMTiles archive (version 1 or 2); convert it to version 3 (pmtiles convert).`
      : `'${name}' is not a PMTiles archive (it does not start with "PMTiles").`);
  }
  if (head[7] !== 3) throw new MapArchiveError(`'${name}' is PMTiles version ${head[7]}; only version 3 is supported.`);
}

/** The metadata's attribution as text; an archive without readable metadata has none. */
async function readAttribution(tiles: PMTiles): Promise<string> {
  const metadata = await tiles.getMetadata().catch(() => undefined);
  const raw = (metadata as { attribution?: unknown } | undefined)?.attribution;
  return typeof raw === 'string' ? markupToText(raw) : '';
}

/** Text of a markup fragment, parsed into an inert document (nothing in it runs or loads). */
export function markupToText(markup: string): string {
  if (typeof DOMParser === 'undefined') return markup.replace(/<[^>]*>/g, '');
  const doc = new DOMParser().parseFromString(markup, 'text/html');
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}
