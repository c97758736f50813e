// The test archive generator against the protomaps reader: every tile written
// reads back byte for byte, the header and metadata are described as written,
// and files the map cannot draw are refused with a message naming the problem.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tileIdToZxy, zxyToTileId } from 'pmtiles';
import { MapArchiveError, openMapArchive } from '../../../web/src/io/map-archive-read';
import {
  encodeTilePng, hilbertTileId, LYON_SPEC, lyonArchive, patternTiles, STREET_COLOUR, tileColour, writePmtiles,
} from '../../fixtures/pmtiles/generate';

const blobOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);

/** RGB of pixel (x, y) of a PNG written by the generator (filter 0 on every row). */
function pixel(png: Uint8Array, size: number, x: number, y: number): number[] {
  const idat = png.subarray(8 + 25 + 8, png.length - 12 - 4);
  const raw = inflateSync(idat);
  const at = y * (1 + size * 3) + 1 + x * 3;
  return [raw[at], raw[at + 1], raw[at + 2]];
}

describe('PMTiles test archive', () => {
  it('numbers tiles on the Hilbert curve exactly as the pmtiles library does', () => {
    for (let z = 0; z <= 14; z++) {
      const n = 2 ** z;
      for (const [x, y] of [[0, 0], [n - 1, 0], [0, n - 1], [n - 1, n - 1], [Math.floor(n / 3), Math.floor((2 * n) / 3)]]) {
        expect(hilbertTileId(z, x, y), `${z}/${x}/${y}`).toBe(zxyToTileId(z, x, y));
        expect(tileIdToZxy(hilbertTileId(z, x, y))).toEqual([z, x, y]);
      }
    }
  });

  it('reads back every tile byte for byte through the pmtiles library', async () => {
    const tiles = patternTiles(LYON_SPEC);
    expect(tiles.length).toBeGreaterThan(50);
    const { tiles: reader } = await openMapArchive(blobOf(writePmtiles(tiles)), 'lyon.pmtiles');
    for (const tile of tiles) {
      const read = await reader.getZxy(tile.z, tile.x, tile.y);
      expect(read, `${tile.z}/${tile.x}/${tile.y}`).toBeDefined();
      expect(new Uint8Array(read!.data)).toEqual(tile.data);
    }
    const first = tiles[0];
    expect(await reader.getZxy(first.z, first.x + 40, first.y)).toBeUndefined();
    expect(await reader.getZxy(LYON_SPEC.maxZoom + 1, 0, 0)).toBeUndefined();
  });

  it('describes the zoom range, bounds, tile type and attribution (as text) it was written with', async () => {
    const bytes = lyonArchive();
    const { info } = await openMapArchive(blobOf(bytes), 'lyon.pmtiles');
    expect(info).toMatchObject({ name: 'lyon.pmtiles', sizeBytes: bytes.length, tileMime: 'image/png', minZoom: 9, maxZoom: 13 });
    info.bounds.forEach((deg, i) => expect(deg).toBeCloseTo(LYON_SPEC.bounds[i], 6));
    expect(info.attribution).toBe('© Test Streets contributors');
  });

  it('draws each tile in its own colour with a street cross through the middle', () => {
    const png = encodeTilePng(64, tileColour(12, 3, 4));
    expect(pixel(png, 64, 5, 5)).toEqual(tileColour(12, 3, 4));
    expect(pixel(png, 64, 32, 5)).toEqual(STREET_COLOUR);
    expect(tileColour(12, 3, 4)).not.toEqual(tileColour(12, 3, 5));
    expect(tileColour(12, 3, 4)).not.toEqual(tileColour(13, 3, 4));
  });

  it('refuses a file that is not a PMTiles archive, naming the file', async () => {
    const open = openMapArchive(blobOf(new TextEncoder().encode('{"type":"FeatureCollection"}')), 'roads.geojson');
    await expect(open).rejects.toThrow(MapArchiveError);
    await expect(open).rejects.toThrow(`'roads.geojson' is not a PMTiles archive`);
  });

  it('refuses a vector (MVT) archive: the map draws raster tiles only', async () => {
    const bytes = lyonArchive();
    bytes[99] = 1;
    await expect(openMapArchive(blobOf(bytes), 'vector.pmtiles')).rejects.toThrow(/holds vector tiles; the map can show raster archives only/);
  });

  it('refuses an archive of another spec version', async () => {
    const bytes = lyonArchive();
    bytes[7] = 4;
    await expect(openMapArchive(blobOf(bytes), 'next.pmtiles')).rejects.toThrow(`'next.pmtiles' is PMTiles version 4; only version 3 is supported.`);
  });
});
