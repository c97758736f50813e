// The proof-of-delivery media store: items round-trip by scenario and id, an id
// already stored is kept (a status imported twice stores its media once), the
// backup listing carries every item with its scenario, and bytes become a Blob.
import { describe, expect, it } from 'vitest';
import type { PodMedia } from '../../../web/src/domain/day/events';
import { makePodMediaStore, mediaBlob, mediaKey } from '../../../web/src/io/pod-media';

let counter = 0;
const fresh = () => makePodMediaStore(`pod-media-test-${++counter}`);
const png: PodMedia = { id: 'sig-1', type: 'image/png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]).toString('base64') };
const jpeg: PodMedia = { id: 'photo/1', type: 'image/jpeg', data: Buffer.from('jpeg bytes').toString('base64') };

describe('POD media store', () => {
  it('stores items per scenario and reads them back by id; an id not stored is absent', async () => {
    const store = fresh();
    expect(await store.put('s1', [png, jpeg])).toBe(2);
    const read = await store.get('s1', ['sig-1', 'photo/1', 'missing']);
    expect([...read.keys()]).toEqual(['sig-1', 'photo/1']);
    expect(read.get('sig-1')).toEqual(png);
    expect(read.get('photo/1')).toEqual(jpeg);
    expect((await store.get('other-scenario', ['sig-1'])).size).toBe(0);
  });

  it('stores an id once: the same media again adds nothing and keeps the first bytes', async () => {
    const store = fresh();
    expect(await store.put('s1', [png])).toBe(1);
    expect(await store.put('s1', [png, { ...png, data: 'AAAA' }])).toBe(0);
    expect((await store.get('s1', ['sig-1'])).get('sig-1')?.data).toBe(png.data);
    expect(await store.put('s2', [png])).toBe(1);
  });

  it('lists every item with its scenario (ids holding a slash included)', async () => {
    const store = fresh();
    await store.put('s1', [png]);
    await store.put('s/2', [jpeg]);
    const all = await store.list();
    expect(all.sort((a, b) => a.scenarioId.localeCompare(b.scenarioId))).toEqual([
      { scenarioId: 's/2', media: jpeg },
      { scenarioId: 's1', media: png },
    ]);
    expect(mediaKey('s1', 'sig-1')).toBe('s1/sig-1');
  });

  it('turns an item into a Blob of its bytes and type', async () => {
    const blob = mediaBlob(png);
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  });

  it("copies a scenario's media to its branch, keeping what the branch has", async () => {
    const store = fresh();
    await store.put('s1', [png, jpeg]);
    await store.put('branch', [{ ...png, data: 'AAAA' }]);
    expect(await store.copy('s1', 'branch')).toBe(1);
    const read = await store.get('branch', ['sig-1', 'photo/1']);
    expect(read.get('sig-1')?.data).toBe('AAAA');
    expect(read.get('photo/1')).toEqual(jpeg);
    expect(await store.copy('nothing-here', 'branch')).toBe(0);
  });
});
