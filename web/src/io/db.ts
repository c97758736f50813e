// IndexedDB access. `scenarios` keeps each scenario record (scenario + pins) by
// id and, under a reserved key, which scenario was open last, so that saving a
// scenario and marking it open is ONE transaction: a crash or a closed tab keeps
// either the old or the new state, never half of it. Each record carries a save
// stamp; a tab only overwrites the version it last read or wrote (see StaleWriteError).
import { createStore, del, get, type UseStore } from 'idb-keyval';
import type { PinSet } from '../plan/pins';
import type { Scenario } from '../domain/scenario';

/** Database names; tests pass their own to stay isolated. */
export interface DbNames {
  scenarios: string;
  /** Where older builds kept the open scenario's id (read once as a fallback). */
  session: string;
}

/** The databases the app uses in the browser. */
export const DEFAULT_DB_NAMES: DbNames = { scenarios: 'fmp-scenarios', session: 'fmp-session' };

/** Reserved key of the "open last" pointer inside the scenarios store (never a scenario id). */
export const CURRENT_KEY = '\u0000currentScenarioId';
const LEGACY_CURRENT_KEY = 'currentScenarioId';
/** Field of a stored record holding its save stamp; stripped from what reads return. */
const STAMP = 'savedAt';

/** A scenario as stored: with the pins of its record. */
export type ScenarioRecord = Scenario & { pins?: PinSet };

/** The planner's storage. Reads return unknown data: restore.ts validates it. */
export interface PlannerDb {
  /** Id of the scenario that was open last, or undefined on a first visit. */
  getCurrentScenarioId(): Promise<string | undefined>;
  getScenario(id: string): Promise<unknown>;
  /** Writes the scenario and marks it as the open one, in one transaction; refuses to overwrite a newer copy. */
  saveCurrentScenario(scenario: ScenarioRecord): Promise<void>;
  /** Save stamp of the version of `id` this tab last read or wrote (undefined: none). */
  knownStamp?(id: string): number | undefined;
  /** Reads a record and its stamp WITHOUT taking it as the version this tab edits (see `adopt`). */
  peekScenario?(id: string): Promise<{ record: unknown; stamp: number | undefined }>;
  /** Takes the peeked version `stamp` of `id` as the one this tab now holds. */
  adopt?(id: string, stamp: number | undefined): void;
}

/** The scenario catalogue's access to the same database (list, write any, delete). */
export interface ScenarioListDb {
  /** Every stored scenario record (unvalidated), for the scenario list. */
  listScenarios(): Promise<unknown[]>;
  /** Writes a scenario (with the pins its record keeps, if any) without making it the open one. */
  putScenario(scenario: ScenarioRecord): Promise<void>;
  deleteScenario(id: string): Promise<void>;
}

/** Another tab saved this scenario after this tab read it: writing would overwrite a newer copy. */
export class StaleWriteError extends Error {
  constructor(readonly scenarioId: string, readonly storedStamp: number | undefined) {
    super(`scenario '${scenarioId}' was changed in another tab`);
    this.name = 'StaleWriteError';
  }
}

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

const stampOf = (record: unknown): number | undefined => {
  const stamp = (record as Record<string, unknown> | null | undefined)?.[STAMP];
  return typeof stamp === 'number' ? stamp : undefined;
};

function withoutStamp(record: unknown): unknown {
  if (typeof record !== 'object' || record === null || !(STAMP in record)) return record;
  const { [STAMP]: _stamp, ...rest } = record as Record<string, unknown>;
  return rest;
}

/** What one write transaction puts: the record, optionally the "open last" pointer, and the stamp it expects. */
interface WriteSpec {
  record: ScenarioRecord;
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
function writeRecord(store: UseStore, spec: WriteSpec): Promise<void> {
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

/** Opens (lazily) the planner's databases. */
export function makePlannerDb(names: DbNames = DEFAULT_DB_NAMES): PlannerDb & ScenarioListDb {
  const scenarios: UseStore = createStore(names.scenarios, 'scenarios');
  const stamps = new Map<string, number>();
  let lastStamp = 0;
  /** Unique per write: time plus a random fraction, always above this tab's previous stamp. */
  const nextStamp = () => (lastStamp = Math.max(Date.now() + Math.random(), lastStamp + 1));

  function adopt(id: string, stamp: number | undefined): void {
    if (stamp !== undefined) stamps.set(id, stamp);
    else stamps.delete(id);
  }

  async function write(record: ScenarioRecord, markCurrent: boolean, check: boolean): Promise<void> {
    if (record.id === CURRENT_KEY) throw new Error('this scenario id is reserved');
    const stamp = nextStamp();
    await writeRecord(scenarios, { record, stamp, markCurrent, expect: check ? { stamp: stamps.get(record.id) } : false });
    stamps.set(record.id, stamp);
  }

  return {
    async getCurrentScenarioId() {
      const id: unknown = (await get(CURRENT_KEY, scenarios)) ?? (await get(LEGACY_CURRENT_KEY, createStore(names.session, 'session')));
      return typeof id === 'string' ? id : undefined;
    },
    async getScenario(id) {
      const record: unknown = await get(id, scenarios);
      adopt(id, stampOf(record));
      return withoutStamp(record);
    },
    async peekScenario(id) {
      const record: unknown = await get(id, scenarios);
      return { record: withoutStamp(record), stamp: stampOf(record) };
    },
    adopt,
    saveCurrentScenario: (scenario) => write(scenario, true, true),
    knownStamp: (id) => stamps.get(id),
    async listScenarios() {
      const records: unknown[] = [];
      await scenarios('readonly', async (os) => {
        const [keys, values] = await Promise.all([requestResult(os.getAllKeys()), requestResult(os.getAll())]);
        keys.forEach((key, i) => { if (key !== CURRENT_KEY) records.push(withoutStamp(values[i])); });
      });
      return records;
    },
    putScenario: (scenario) => write(scenario, false, false),
    async deleteScenario(id) {
      await del(id, scenarios);
      stamps.delete(id);
    },
  };
}

/** True when `db` also offers the catalogue's functions (a test double may not). */
export function hasScenarioList(db: PlannerDb): db is PlannerDb & ScenarioListDb {
  const candidate = db as Partial<ScenarioListDb>;
  return typeof candidate.listScenarios === 'function' && typeof candidate.putScenario === 'function' && typeof candidate.deleteScenario === 'function';
}

/** True for the browser's "storage is full" failure, in its several spellings. */
export function isQuotaExceeded(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** True when a save was refused because another tab stored a newer copy. */
export function isStaleWrite(error: unknown): error is StaleWriteError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'StaleWriteError';
}
