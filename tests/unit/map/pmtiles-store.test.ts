// The offline map archive as the app keeps it: the IndexedDB fallback stores and
// returns the archive's bytes, and the store opens, refuses, restores and removes
// archives without ever losing the one that works.
import { File as NodeFile } from 'node:buffer';
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { makeIdbStorage, MapArchiveStorageError, type MapArchiveStorage, type StoredMapArchive } from '../../../web/src/io/map-archive';
import { createMapArchiveStore } from '../../../web/src/store/map-archive';
import { lyonArchive } from '../../fixtures/pmtiles/generate';

// Node's own File: fake-indexeddb clones values with Node's structuredClone, which keeps a Node Blob
// (as a browser's IndexedDB keeps its Blobs) but not happy-dom's.
const archiveFile = (name = 'lyon.pmtiles') => new NodeFile([lyonArchive() as Uint8Array<ArrayBuffer>], name) as unknown as File;
let dbCount = 0;
const freshDb = () => `map-archive-test-${++dbCount}`;

/** Storage in memory; `failSave` makes the next save fail as a full disk would. */
function memoryStorage(): MapArchiveStorage & { failSave?: boolean; saves: number } {
  let kept: StoredMapArchive | null = null;
  return {
    kind: 'indexeddb',
    saves: 0,
    async load() { return kept; },
    async save(file) {
      if (this.failSave) throw new MapArchiveStorageError(`Not enough storage in this browser for '${file.name}'`, true);
      this.saves += 1;
      kept = { blob: file, record: { name: file.name, sizeBytes: file.size, storedAt: 1 } };
    },
    async remove() { kept = null; },
  };
}

const inRoot = <T>(fn: () => Promise<T>) => createRoot(async (dispose) => {
  try { return await fn(); } finally { dispose(); }
});

describe('map archive storage (IndexedDB fallback)', () => {
  it('returns the saved archive byte for byte with its name and size, until removed', async () => {
    const storage = makeIdbStorage(freshDb());
    expect(await storage.load()).toBeNull();
    const file = archiveFile();
    await storage.save(file);
    const stored = await storage.load();
    expect(stored?.record).toMatchObject({ name: 'lyon.pmtiles', sizeBytes: file.size });
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(lyonArchive());
    await storage.remove();
    expect(await storage.load()).toBeNull();
  });

  it('keeps one archive: a second save replaces the first', async () => {
    const storage = makeIdbStorage(freshDb());
    await storage.save(archiveFile('a.pmtiles'));
    await storage.save(archiveFile('b.pmtiles'));
    expect((await storage.load())?.record.name).toBe('b.pmtiles');
  });
});

describe('map archive store', () => {
  it('opens a valid archive, keeps it, and describes it', () => inRoot(async () => {
    const storage = memoryStorage();
    const [state, actions] = createMapArchiveStore(async () => storage);
    await actions.open(archiveFile());
    expect(state.error).toBe('');
    expect(state.info).toMatchObject({ name: 'lyon.pmtiles', minZoom: 9, maxZoom: 13, tileMime: 'image/png' });
    expect(actions.archive()?.info.name).toBe('lyon.pmtiles');
    expect(storage.saves).toBe(1);
  }));

  it('refuses a bad file before storing it and keeps the archive already open', () => inRoot(async () => {
    const storage = memoryStorage();
    const [state, actions] = createMapArchiveStore(async () => storage);
    await actions.open(archiveFile());
    await actions.open(new File(['not tiles'], 'notes.txt'));
    expect(state.error).toBe(`'notes.txt' is not a PMTiles archive (it does not start with "PMTiles").`);
    expect(state.info?.name).toBe('lyon.pmtiles');
    expect(storage.saves).toBe(1);
    expect((await storage.load())?.record.name).toBe('lyon.pmtiles');
  }));

  it('on a full disk shows the message and keeps the archive already open', () => inRoot(async () => {
    const storage = memoryStorage();
    const [state, actions] = createMapArchiveStore(async () => storage);
    await actions.open(archiveFile());
    storage.failSave = true;
    await actions.open(archiveFile('bigger.pmtiles'));
    expect(state.error).toBe(`Not enough storage in this browser for 'bigger.pmtiles'`);
    expect(state.info?.name).toBe('lyon.pmtiles');
    expect(state.busy).toBe(false);
  }));

  it('restores the kept archive in a new session, and remove forgets it', () => inRoot(async () => {
    const storage = makeIdbStorage(freshDb());
    await createMapArchiveStore(async () => storage)[1].open(archiveFile());
    const [state, actions] = createMapArchiveStore(async () => storage);
    expect(state.info).toBeNull();
    await actions.restore();
    expect(state.info?.name).toBe('lyon.pmtiles');
    const tile = await actions.archive()!.tiles.getZxy(13, 4205, 2921);
    expect(tile?.data.byteLength).toBeGreaterThan(0);
    await actions.remove();
    expect(state.info).toBeNull();
    expect(actions.archive()).toBeNull();
    await actions.restore();
    expect(state.info).toBeNull();
  }));
});

describe('map archive store in two tabs', () => {
  it('a tab follows an archive opened or removed in another tab', () => inRoot(async () => {
    const storage = makeIdbStorage(freshDb());
    const [, first] = createMapArchiveStore(async () => storage);
    const [other] = createMapArchiveStore(async () => storage);
    await first.open(archiveFile());
    await expect.poll(() => other.info?.name).toBe('lyon.pmtiles');
    await first.remove();
    await expect.poll(() => other.info).toBeNull();
  }));
});
