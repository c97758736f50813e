// The checked write of a scenario record: one IndexedDB transaction that reads the
// stored save stamp, puts the stamped record (and the "open last" pointer), and
// aborts when another tab stored a newer copy. Shared by the page (db.ts) and the
// save worker (save.worker.ts), so both write exactly the same records.
import type { UseStore } from 'idb-keyval';

/** Reserved key of the "open last" pointer inside the scenarios store (never a scenario id). */
export const CURRENT_KEY = '\u0000currentScenarioId';
/** Field of a stored record holding its save stamp; stripped from what reads return. */
export const STAMP = 'savedAt';

/** Another tab saved this scenario after this tab read it: writing would overwrite a newer copy. */
export class StaleWriteError extends Error {
  constructor(readonly scenarioId: string, readonly storedStamp: number | undefined) {
    super(`scenario '${scenarioId}' was changed in another tab`);
    this.name = 'StaleWriteError';
  }
}

/** The save stamp of a stored record, if it has one. */
export const stampOf = (record: unknown): number | undefined => {
  const stamp = (record as Record<string, unknown> | null | undefined)?.[STAMP];
  return typeof stamp === 'number' ? stamp : undefined;
};

/** A stored record without its save stamp (what reads return). */
export function withoutStamp(record: unknown): unknown {
  if (typeof record !== 'object' || record === null || !(STAMP in record)) return record;
  const { [STAMP]: _stamp, ...rest } = record as Record<string, unknown>;
  return rest;
}

/** What one write transaction puts: the record, optionally the "open last" pointer, and the stamp it expects. */
export interface WriteSpec<R extends { id: string } = { id: string }> {
  record: R;
  stamp: number;
  markCurrent: boolean;
  /** Checked against the stored stamp; `false`: overwrite whatever is stored. */
  expect: { stamp: number | undefined } | false;
}

/**
 * One readwrite transaction: read the stored stamp, put the record (and pointer).
 * Every request is issued at once (nothing waits on a round trip, so a save started
 * while the page unloads still commits); a stale stamp aborts the whole transaction.
 */
export function writeRecord(store: UseStore, spec: WriteSpec): Promise<void> {
  return store('readwrite', (os) => new Promise<void>((resolve, reject) => {
    const tx = os.transaction;
    let refused: Error | null = null;
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(refused ?? tx.error ?? new DOMException('The write was aborted', 'AbortError'));
    try {
      const read = os.get(spec.record.id);
      read.onsuccess = () => {
        const expected = spec.expect;
        if (!expected || read.result === undefined || stampOf(read.result) === expected.stamp) return;
        refused = new StaleWriteError(spec.record.id, stampOf(read.result));
        tx.abort();
      };
      os.put({ ...spec.record, [STAMP]: spec.stamp }, spec.record.id);
      if (spec.markCurrent) os.put(spec.record.id, CURRENT_KEY);
    } catch (error) {
      refused = error instanceof Error ? error : new Error(String(error));
      try { tx.abort(); } catch { reject(refused); }
    }
  }));
}
