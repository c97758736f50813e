// The stored scenarios' host settings, as the startup policy (csp-boot.ts) needs them. Reading a
// record from IndexedDB deserialises all of it on the reading thread: at 10,000 orders with a plan
// that was a 50 ms task on the page before the app even rendered, once per large scenario stored
// (issue #15). So the page reads them in a worker of their own (csp-read.worker.ts), which posts
// back only the settings; here when no worker can run (tests, a worker that fails to start).
import type { HostSettings } from './csp-policy';

/** Name of the object store holding the scenario records (io/db.ts writes it through idb-keyval). */
const STORE = 'scenarios';

/**
 * Every record of the scenario database, through a connection of its own that is closed again
 * (an open one would hold up another tab's upgrade or delete). A first visit has no database:
 * reading creates none, and the app later creates it as usual.
 */
function readStoredRecords(dbName: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    let absent = false;
    const open = indexedDB.open(dbName);
    open.onupgradeneeded = () => {
      absent = true;
      open.transaction?.abort();
    };
    open.onerror = () => (absent ? resolve([]) : reject(open.error));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(STORE)) {
        db.close();
        return resolve([]);
      }
      const request = db.transaction(STORE, 'readonly').objectStore(STORE).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      db.close();
    };
  });
}

/** The settings of every stored scenario, read on this thread (records that are not scenarios are skipped). */
export async function readHostSettings(dbName: string): Promise<HostSettings[]> {
  const records = await readStoredRecords(dbName);
  return records.flatMap((record: unknown) => {
    const settings = (record as { settings?: unknown } | null)?.settings;
    return typeof settings === 'object' && settings !== null ? [settings as HostSettings] : [];
  });
}

/** What csp-read.worker.ts answers: the settings, or why it could not read them. */
export type HostSettingsReply = { ok: true; settings: HostSettings[] } | { ok: false; message: string };

/** A worker that cannot start, or fails, rejects with this; the caller then reads on the page. */
export class SettingsWorkerError extends Error {
  override name = 'SettingsWorkerError';
}

/** Reads the settings in `worker` (terminated once it has answered or failed). */
export function readHostSettingsIn(worker: Worker, dbName: string): Promise<HostSettings[]> {
  return new Promise<HostSettings[]>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<HostSettingsReply>) => {
      const reply = event.data;
      if (reply.ok) resolve(reply.settings);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      reject(new SettingsWorkerError(`the settings worker failed (${event.message || 'no message'})`));
    };
    worker.onmessageerror = () => reject(new SettingsWorkerError('the settings worker could not answer'));
    worker.postMessage({ dbName });
  }).finally(() => worker.terminate());
}

/**
 * The stored settings, read off the page where workers run (the page reads them itself when the worker
 * cannot start or fails; a database error is the read's own and is not retried).
 */
export async function readHostSettingsOffPage(dbName: string, spawn: (() => Worker) | null): Promise<HostSettings[]> {
  if (spawn) {
    let worker: Worker | null = null;
    try {
      worker = spawn();
    } catch {
      // No worker here (an old browser, a blocked script): read on the page.
    }
    if (worker) {
      try {
        return await readHostSettingsIn(worker, dbName);
      } catch (error) {
        if (!(error instanceof SettingsWorkerError)) throw error;
      }
    }
  }
  return readHostSettings(dbName);
}
