// The autosave's IndexedDB write in a worker (issue #15). A put structured-clones its
// value on the calling thread: at 10,000 orders that clone (and reading the stored
// record back for its stamp) was a 130–250 ms task on the main thread per save. The
// page now only turns the record into JSON text (a scenario is JSON data: ~10 ms for
// 10,000 orders, the ~30 MB plan in slices and once per plan) and posts that string;
// the worker parses it and runs the same checked write (db-write.ts).
import { createStore, type UseStore } from 'idb-keyval';
import { StaleWriteError, writeRecord, type WriteSpec } from './db-write';
import { recordJson } from './json-slices';

/** Where a record goes: an idb-keyval store (one database, one object store). */
export interface StoreNames { db: string; store: string }

/** A write request as posted to the save worker: the record as JSON text, the rest of the write as is. */
export interface SaveRequest {
  id: number;
  names: StoreNames;
  json: string;
  write: Omit<WriteSpec, 'record'>;
}

/** The worker's answer to a request: done, or the failure's name, message and (when stale) the stored stamp. */
export type SaveReply = { id: number; ok: true } | { id: number; ok: false; name: string; message: string; storedStamp?: number };

/** Writes `spec` to the store `names` (checked as writeRecord does); the page's own writeRecord when absent. */
export type RecordWriter = (names: StoreNames, spec: WriteSpec) => Promise<void>;

/** The writer could not reach its worker (failed to start or crashed): the write was not made. */
export class WriterUnavailableError extends Error {
  override name = 'WriterUnavailableError';
}

/** Worker side: runs one request against the store it names (stores opened once each). */
export function makeSaveHandler(): (request: SaveRequest) => Promise<SaveReply> {
  const stores = new Map<string, UseStore>();
  return async ({ id, names, json, write }) => {
    const key = `${names.db}\u0000${names.store}`;
    let store = stores.get(key);
    if (!store) stores.set(key, (store = createStore(names.db, names.store)));
    try {
      await writeRecord(store, { ...write, record: JSON.parse(json) as { id: string } });
      return { id, ok: true };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      return { id, ok: false, name: e.name, message: e.message, ...(e instanceof StaleWriteError ? { storedStamp: e.storedStamp } : {}) };
    }
  };
}

/** The failure a reply reports, with the name the page's checks look for (stale write, quota). */
function replyError(reply: Extract<SaveReply, { ok: false }>, recordId: string): Error {
  if (reply.name === 'StaleWriteError') return new StaleWriteError(recordId, reply.storedStamp);
  const error = new Error(reply.message);
  error.name = reply.name;
  return error;
}

function spawnSaveWorker(): Worker {
  return new Worker(new URL('./save.worker.ts', import.meta.url), { type: 'module', name: 'save' });
}

/**
 * Page side: a writer that posts each write to a lazily started save worker. A worker that fails to
 * start or crashes rejects its pending writes with WriterUnavailableError (db.ts then writes itself).
 */
export function makeWorkerWriter(createWorker: () => Worker = spawnSaveWorker): RecordWriter {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void; recordId: string }>();
  const fail = (message: string) => {
    worker?.terminate();
    worker = null;
    for (const p of pending.values()) p.reject(new WriterUnavailableError(message));
    pending.clear();
  };
  const start = (): Worker => {
    const w = createWorker();
    w.onmessage = (event: MessageEvent<SaveReply>) => {
      const reply = event.data;
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.ok) waiting?.resolve();
      else waiting?.reject(replyError(reply, waiting.recordId));
    };
    w.onerror = (event) => { event.preventDefault?.(); fail(`the save worker failed (${event.message || 'no message'})`); };
    w.onmessageerror = () => fail('the save worker could not read a request');
    return w;
  };
  return async (names, spec) => {
    const { record, ...write } = spec;
    // The record is the store's live data, which later tasks may change: its text is taken now, in this
    // task, except the plan's, which is immutable and made in slices, once per plan (json-slices.ts).
    const json = await recordJson(record);
    return new Promise<void>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject, recordId: record.id });
      (worker ??= start()).postMessage({ id, names, json, write } satisfies SaveRequest);
    });
  };
}
