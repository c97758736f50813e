// The Leaflet layer over an archive: a tile's bytes reach its <img> through an
// object URL that is revoked once the image has decoded; a tile the archive lacks
// is an empty tile, not an error; a tile scrolled away cancels its read.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Coords, DoneCallback } from 'leaflet';
import { openMapArchive, type OpenMapArchive } from '../../../web/src/io/map-archive-read';
import { PmtilesLayer } from '../../../web/src/map/pmtiles-layer';
import { lyonArchive } from '../../fixtures/pmtiles/generate';

const open = () => openMapArchive(new Blob([lyonArchive() as Uint8Array<ArrayBuffer>]), 'lyon.pmtiles');
const coords = (z: number, x: number, y: number) => ({ z, x, y }) as Coords;

/** Creates the tile and resolves once the layer has either called `done` or set the image's src. */
async function tileOf(archive: OpenMapArchive, at: Coords) {
  const done = vi.fn<DoneCallback>();
  const img = new PmtilesLayer(archive).createTile(at, done) as HTMLImageElement;
  await vi.waitFor(() => expect(done.mock.calls.length > 0 || img.getAttribute('src')).toBeTruthy());
  return { img, done };
}

afterEach(() => vi.restoreAllMocks());

describe('PmtilesLayer', () => {
  it('shows a tile through an object URL of its PNG bytes and revokes the URL once the image loaded', async () => {
    const archive = await open();
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => { created.push(blob as Blob); return 'blob:tile-1'; });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const { img, done } = await tileOf(archive, coords(13, 4205, 2921));
    expect(img.dataset.tile).toBe('13/4205/2921');
    expect(img.getAttribute('src')).toBe('blob:tile-1');
    expect(created[0].type).toBe('image/png');
    const expected = await archive.tiles.getZxy(13, 4205, 2921);
    expect(new Uint8Array(await created[0].arrayBuffer())).toEqual(new Uint8Array(expected!.data));
    expect(revoke).not.toHaveBeenCalled();
    expect(done).not.toHaveBeenCalled();
    img.onload!(new Event('load'));
    expect(revoke).toHaveBeenCalledWith('blob:tile-1');
    expect(done).toHaveBeenCalledWith(undefined, img);
  });

  it('revokes the URL and reports an error when the bytes are not an image', async () => {
    const archive = await open();
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:tile-2');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const { img, done } = await tileOf(archive, coords(12, 2102, 1460));
    img.onerror!(new Event('error'));
    expect(revoke).toHaveBeenCalledWith('blob:tile-2');
    expect(done.mock.calls[0][0]?.message).toBe('tile 12/2102/1460 of the map archive is not a readable image');
  });

  it('makes a tile the archive lacks an empty tile without an object URL', async () => {
    const archive = await open();
    const create = vi.spyOn(URL, 'createObjectURL');
    const { img, done } = await tileOf(archive, coords(13, 0, 0));
    expect(done).toHaveBeenCalledWith(undefined, img);
    expect(img.dataset.empty).toBe('true');
    expect(img.getAttribute('src')).toBeNull();
    expect(create).not.toHaveBeenCalled();
  });

  it('cancels the read of a tile unloaded before its bytes arrived', async () => {
    const archive = await open();
    let signal: AbortSignal | undefined;
    vi.spyOn(archive.tiles, 'getZxy').mockImplementation((_z, _x, _y, s) => { signal = s; return new Promise(() => undefined); });
    const layer = new PmtilesLayer(archive);
    const img = layer.createTile(coords(13, 4205, 2921), vi.fn());
    expect(signal?.aborted).toBe(false);
    layer.fire('tileunload', { tile: img, coords: coords(13, 4205, 2921) });
    expect(signal?.aborted).toBe(true);
  });

  it('spans the archive zoom range natively and gives its attribution escaped for Leaflet', async () => {
    const archive = await open();
    archive.info.attribution = '<img src=x onerror=alert(1)> & Co';
    const layer = new PmtilesLayer(archive);
    expect(layer.options).toMatchObject({ minNativeZoom: 9, maxNativeZoom: 13 });
    expect(layer.getAttribution!()).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; Co');
  });
});
