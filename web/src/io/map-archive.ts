// Keeps the offline map archive (one .pmtiles file) in the browser: in the
// origin private file system (OPFS) when the browser has it, else in IndexedDB
// (its own database, via idb-keyval). Files are streamed in and read back as
// Blobs, never held in memory whole. A crash mid-save keeps the previous archive:
// the small record naming the archive is written only after the archive itself.
import { createStore, delMany, getMany, setMany, type UseStore } from 'idb-keyval';

/** What is stored beside the archive's bytes. */
export interface MapArchiveRecord {
  name: string;
  sizeBytes: number;
  /** Epoch ms of the save. */
  storedAt: number;
}

/** A stored archive: its bytes (read lazily) and its record. */
export interface StoredMapArchive {
  blob: Blob;
  record: MapArchiveRecord;
}

/** Where and how the archive is kept. */
export interface MapArchiveStorage {
  kind: 'opfs' | 'indexeddb';
  load(): Promise<StoredMapArchive | null>;
  /** Replaces the stored archive with `file`; throws MapArchiveStorageError on a full disk or a failed write. */
  save(file: File): Promise<void>;
  remove(): Promise<void>;
}

/** Saving or reading the archive failed; the message is for the user. */
export class MapArchiveStorageError extends Error {
  constructor(message: string, readonly quota = false) {
    super(message);
    this.name = 'MapArchiveStorageError';
  }
}

/** Turns a storage failure into a message; a full disk is told apart. */
function storageFailure(error: unknown, name: string): MapArchiveStorageError {
  const quota = (error as DOMException | undefined)?.name === 'QuotaExceededError';
  return quota
    ? new MapArchiveStorageError(`Not enough storage in this browser for '${name}': free some space or open a smaller archive.`, true)
    : new MapArchiveStorageError(`'${name}' could not be saved in this browser: ${(error as Error)?.message ?? String(error)}`);
}

const isRecord = (value: unknown): value is MapArchiveRecord & { file?: string } =>
  !!value && typeof (value as MapArchiveRecord).name === 'string' && typeof (value as MapArchiveRecord).sizeBytes === 'number';

/** A Blob by its shape: one read back from IndexedDB may come from another realm than this page's `Blob`. */
const isBlob = (value: unknown): value is Blob =>
  !!value && typeof (value as Blob).slice === 'function' && typeof (value as Blob).size === 'number';

/** The first choice: OPFS with writable streams; null when the browser lacks either. */
async function opfsRoot(): Promise<FileSystemDirectoryHandle | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
  if (typeof FileSystemFileHandle === 'undefined' || !('createWritable' in FileSystemFileHandle.prototype)) return null;
  return navigator.storage.getDirectory().catch(() => null);
}

/** Picks OPFS when the browser has it, else IndexedDB. */
export async function makeMapArchiveStorage(): Promise<MapArchiveStorage> {
  const root = await opfsRoot();
  return root ? makeOpfsStorage(root) : makeIdbStorage();
}

const OPFS_DIR = 'map-archive';
const OPFS_RECORD = 'record.json';

/** The archive in an OPFS folder: `archive-<stamp>.pmtiles` plus `record.json` naming it. */
export function makeOpfsStorage(root: FileSystemDirectoryHandle): MapArchiveStorage {
  const dir = () => root.getDirectoryHandle(OPFS_DIR, { create: true });
  const readRecord = async (folder: FileSystemDirectoryHandle) => {
    const handle = await folder.getFileHandle(OPFS_RECORD).catch(() => null);
    const parsed: unknown = handle ? JSON.parse(await (await handle.getFile()).text()) : null;
    return isRecord(parsed) && typeof parsed.file === 'string' ? (parsed as MapArchiveRecord & { file: string }) : null;
  };
  const writeFile = async (folder: FileSystemDirectoryHandle, name: string, data: Blob) => {
    const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
    await data.stream().pipeTo(writable); // streams and closes (commits) the file
  };
  const removeOthers = async (folder: FileSystemDirectoryHandle, keep: string[]) => {
    for await (const name of (folder as unknown as { keys(): AsyncIterable<string> }).keys()) {
      if (!keep.includes(name)) await folder.removeEntry(name).catch(() => undefined);
    }
  };
  return {
    kind: 'opfs',
    async load() {
      const folder = await dir();
      const record = await readRecord(folder);
      if (!record) return null;
      const handle = await folder.getFileHandle(record.file).catch(() => null);
      if (!handle) return null;
      const { name, sizeBytes, storedAt } = record;
      return { blob: await handle.getFile(), record: { name, sizeBytes, storedAt } };
    },
    async save(file) {
      const folder = await dir();
      const stored = `archive-${Date.now()}.pmtiles`;
      try {
        await writeFile(folder, stored, file);
        const record = { name: file.name, sizeBytes: file.size, storedAt: Date.now(), file: stored };
        await writeFile(folder, OPFS_RECORD, new Blob([JSON.stringify(record)], { type: 'application/json' }));
      } catch (error) {
        await folder.removeEntry(stored).catch(() => undefined);
        throw storageFailure(error, file.name);
      }
      await removeOthers(folder, [stored, OPFS_RECORD]);
    },
    async remove() {
      await root.removeEntry(OPFS_DIR, { recursive: true }).catch((error: DOMException) => {
        if (error?.name !== 'NotFoundError') throw error;
      });
    },
  };
}

/** Database of the IndexedDB fallback (idb-keyval keeps one store per database). */
export const MAP_ARCHIVE_DB = 'fmp-map-archive';

/** The archive as a Blob in IndexedDB; archive and record are written in one transaction. */
export function makeIdbStorage(dbName = MAP_ARCHIVE_DB): MapArchiveStorage {
  const store: UseStore = createStore(dbName, 'archive');
  return {
    kind: 'indexeddb',
    async load() {
      const [blob, record] = await getMany<unknown>(['blob', 'record'], store);
      return isBlob(blob) && isRecord(record) ? { blob, record } : null;
    },
    async save(file) {
      const record: MapArchiveRecord = { name: file.name, sizeBytes: file.size, storedAt: Date.now() };
      await setMany([['blob', file], ['record', record]], store).catch((error: unknown) => {
        throw storageFailure(error, file.name);
      });
    },
    async remove() {
      await delMany(['blob', 'record'], store);
    },
  };
}
