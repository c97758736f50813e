// IndexedDB access. `scenarios` keeps each scenario record (scenario + pins) by
// id and, under a reserved key, which scenario was open last, so that saving a
// scenario and marking it open is ONE transaction: a crash or a closed tab keeps
// either the old or the new state, never half of it. Each record carries a save
// stamp; a tab only overwrites the version it last read or wrote (see StaleWriteError).
import { createStore, del, entries, get, type UseStore } from 'idb-keyval';
import type { PinSet } from '../plan/pins';
import type { Scenario } from '../domain/scenario';
import { CURRENT_KEY, StaleWriteError, stampOf, withoutStamp, writeRecord, type WriteSpec } from './db-write';
import { listStoredEntries, readStoredRecords, type ScenarioEntries } from './record-list';
import { readStoredRecord, type StoredRead } from './record-read';
import type { EntriesLister, RecordReader, RecordWriter } from './save-offload';

export { CURRENT_KEY, StaleWriteError } from './db-write';

/** Database names; tests pass their own to stay isolated. */
export interface DbNames {
  scenarios: string;
  /** Where older builds kept the open scenario's id (read once as a fallback). */
  session: string;
  /** The copy written when the page is left (default: `<scenarios>-rescue`; see `saveCurrentScenario`). */
  rescue?: string;
}

/** The databases the app uses in the browser. */
export const DEFAULT_DB_NAMES: DbNames = { scenarios: 'fmp-scenarios', session: 'fmp-session' };

const LEGACY_CURRENT_KEY = 'currentScenarioId';

/** A scenario as stored: with the pins of its record. */
export type ScenarioRecord = Scenario & { pins?: PinSet };

/** The planner's storage. Reads return unknown data: restore.ts validates it. */
export interface PlannerDb {
  /** Id of the scenario that was open last, or undefined on a first visit. */
  getCurrentScenarioId(): Promise<string | undefined>;
  getScenario(id: string): Promise<unknown>;
  /**
   * Writes the scenario and marks it as the open one, in one transaction; refuses to overwrite a newer copy.
   * `leaving`: the page is being hidden or left. The checked write needs this page to run once more
   * (its stamp check) before it commits, which a closing page may not get; so a copy is also written
   * in a transaction that commits on its own, and `recoverRescued` at the next start stores it when
   * the checked write did not land.
   */
  saveCurrentScenario(scenario: ScenarioRecord, leaving?: boolean): Promise<void>;
  /** Stores the copies left by a closing page whose checked write did not land (see `saveCurrentScenario`); call before reading. */
  recoverRescued?(newId: () => string): Promise<RescueOutcome[]>;
  /** Save stamp of the version of `id` this tab last read or wrote (undefined: none). */
  knownStamp?(id: string): number | undefined;
  /** Reads a record and its stamp WITHOUT taking it as the version this tab edits (see `adopt`). */
  peekScenario?(id: string): Promise<{ record: unknown; stamp: number | undefined }>;
  /** Takes the peeked version `stamp` of `id` as the one this tab now holds. */
  adopt?(id: string, stamp: number | undefined): void;
  /**
   * Reads the record `id` as the app opens it (record-read.ts: upgraded, validated, its plan re-checked) with
   * its stamp, WITHOUT adopting it; in the save worker when there is one. Undefined when nothing is stored.
   */
  readRecord?(id: string): Promise<StoredRead | undefined>;
}

/** The scenario catalogue's access to the same database (list, write any, delete). */
export interface ScenarioListDb {
  /** Every stored scenario record (unvalidated), for the scenario list. */
  listScenarios(): Promise<unknown[]>;
  /**
   * The ids of the stored scenarios, from the store's keys: no record is read (a read deserialises all of it on
   * the reading thread, 40 ms for one of 10,000 orders with a plan, issue #15).
   */
  listScenarioIds?(): Promise<string[]>;
  /** The scenario list's lines, worked out where the records are read (the save worker when there is one). */
  listEntries?(): Promise<ScenarioEntries>;
  /** Writes a scenario (with the pins its record keeps, if any) without making it the open one. */
  putScenario(scenario: ScenarioRecord): Promise<void>;
  deleteScenario(id: string): Promise<void>;
}

/**
 * What `recoverRescued` did with a copy left by a closing page: nothing (`landed`: its checked write had
 * committed), `stored` it (nothing else had changed the scenario), or stored it as a new scenario
 * `copyId` (the scenario was changed since, e.g. in another tab: both are kept).
 */
export type RescueOutcome = { kind: 'landed' | 'stored'; id: string } | { kind: 'copied'; id: string; copyId: string; name: string };

/** The copy a closing page leaves: the record, the stamp its write expected, and the stamp it wrote. */
interface RescueEntry { record: ScenarioRecord; base: number | null; stamp: number }

const isRescueEntry = (value: unknown): value is RescueEntry => {
  const v = value as Partial<RescueEntry> | null;
  return typeof v === 'object' && v !== null && typeof v.stamp === 'number' && (v.base === null || typeof v.base === 'number')
    && typeof v.record === 'object' && v.record !== null && typeof v.record.id === 'string' && v.record.id !== CURRENT_KEY;
};

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Puts `entry` as THE rescue copy in a transaction committed at once: it needs nothing more from this page. */
function writeRescue(store: UseStore, entry: RescueEntry): Promise<void> {
  return store('readwrite', (os) => new Promise<void>((resolve, reject) => {
    const tx = os.transaction;
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('The rescue copy was aborted', 'AbortError'));
    os.put(entry, entry.record.id);
    tx.commit?.();
  }));
}

/** Deletes the rescue copy of `id` if it is still the one written with `stamp` (one transaction). */
function dropRescue(store: UseStore, id: string, stamp: number): Promise<void> {
  return store('readwrite', (os) => new Promise<void>((resolve, reject) => {
    const tx = os.transaction;
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
    const read = os.get(id);
    read.onsuccess = () => { if ((read.result as Partial<RescueEntry> | undefined)?.stamp === stamp) os.delete(id); };
  }));
}

/** How the planner's storage writes. */
export interface PlannerDbOptions {
  /**
   * Runs the autosave's checked writes elsewhere (the save worker, save-offload.ts); without it, or while the
   * page is being left, the page writes itself.
   */
  writer?: RecordWriter;
  /** Reads records as the app opens them elsewhere (the save worker); without it, or once it failed, the page reads. */
  reader?: RecordReader;
  /** Works out the scenario list elsewhere (the save worker); without it, or once it failed, the page does. */
  lister?: EntriesLister;
}

/** Opens (lazily) the planner's databases. */
export function makePlannerDb(names: DbNames = DEFAULT_DB_NAMES, options: PlannerDbOptions = {}): PlannerDb & ScenarioListDb {
  const scenarios: UseStore = createStore(names.scenarios, 'scenarios');
  // Its own database: the rescue transaction never waits behind the checked write it backs up.
  const rescues: UseStore = createStore(names.rescue ?? `${names.scenarios}-rescue`, 'rescue');
  const stamps = new Map<string, number>();
  /** Stamp of the rescue copy this page wrote of each scenario and has not dropped yet. */
  const leftCopies = new Map<string, number>();
  /** Stamp of the newest write of each scenario issued and not settled yet. */
  const issued = new Map<string, number>();
  /** The checked write of each scenario issued last, settled or not (a later write may need to wait for it). */
  const flights = new Map<string, Promise<unknown>>();
  /** Every stamp this page issued: a refusal over one of them is this page racing itself, not another tab. */
  const ownStamps = new Set<number>();
  let writer = options.writer;
  let reader = options.reader;
  let lister = options.lister;
  let lastStamp = 0;
  /** Unique per write: time plus a random fraction, always above this tab's previous stamp. */
  const nextStamp = () => (lastStamp = Math.max(Date.now() + Math.random(), lastStamp + 1));

  /**
   * The checked write: through the writer (the save worker) unless the page is being left, when the
   * transaction must be created in this very turn. A writer that is unavailable is dropped for good.
   */
  function checkedWrite(spec: WriteSpec, leaving: boolean): Promise<void> {
    if (!writer || leaving) return writeRecord(scenarios, spec);
    return writer({ db: names.scenarios, store: 'scenarios' }, spec).catch((error: unknown) => {
      if (!(error instanceof Error) || error.name !== 'WriterUnavailableError') throw error;
      writer = undefined;
      return writeRecord(scenarios, spec);
    });
  }

  /**
   * A write refused over a stamp of this page's own: with the worker, a leaving write (created at once) can
   * run before a write issued earlier. 'landed': this very write is stored (its worker failed after the
   * commit and the page wrote again); 'newer': a later write of this page is stored; 'retry': an earlier
   * write of this page had not landed yet. Null: a real refusal (another tab) or another failure.
   */
  function ownRace(error: unknown, stamp: number): 'landed' | 'newer' | 'retry' | null {
    const stored = error instanceof StaleWriteError ? error.storedStamp : undefined;
    if (stored === undefined || !ownStamps.has(stored)) return null;
    return stored === stamp ? 'landed' : stored > stamp ? 'newer' : 'retry';
  }

  function adopt(id: string, stamp: number | undefined): void {
    if (stamp !== undefined) stamps.set(id, stamp);
    else stamps.delete(id);
  }

  async function write(record: ScenarioRecord, markCurrent: boolean, check: boolean, leaving = false): Promise<void> {
    if (record.id === CURRENT_KEY) throw new Error('this scenario id is reserved');
    const stamp = nextStamp();
    // A page being left cannot wait for a write in flight: IndexedDB runs this one after it (same store,
    // created later), so it expects that write's stamp. (A write in the save worker may be created after
    // it: see `ownRace`.)
    const base = (leaving ? issued.get(record.id) : undefined) ?? stamps.get(record.id);
    // Both transactions are created now, in this turn: a page being left may not get another.
    ownStamps.add(stamp);
    const checked = checkedWrite({ record, stamp, markCurrent, expect: check ? { stamp: base } : false }, leaving);
    const rescued = leaving && check ? writeRescue(rescues, { record, base: base ?? null, stamp }).then(() => { leftCopies.set(record.id, stamp); }, () => undefined) : null;
    issued.set(record.id, stamp);
    const earlier = flights.get(record.id);
    flights.set(record.id, checked.catch(() => undefined));
    try {
      await checked;
    } catch (error) {
      const race = ownRace(error, stamp);
      if (!race) throw error;
      if (race === 'retry') {
        // The page lived on: once the earlier write has landed, this version goes over it.
        await earlier;
        return write(record, markCurrent, check, false);
      }
      // That later write records its own stamp.
      if (race === 'newer') return;
    } finally {
      if (issued.get(record.id) === stamp) issued.delete(record.id);
    }
    stamps.set(record.id, stamp);
    // The page lived on (a hidden tab, "Stay on page", a retry after a failed leaving save): what is
    // stored now is newer than any copy this page left of the scenario, so that copy goes.
    await rescued;
    const left = leftCopies.get(record.id);
    if (left !== undefined) {
      leftCopies.delete(record.id);
      await dropRescue(rescues, record.id, left).catch(() => undefined);
    }
  }

  /** See PlannerDb.recoverRescued: compares the copy's stamps with the stored record's and acts once. */
  async function recoverRescued(newId: () => string): Promise<RescueOutcome[]> {
    const outcomes: RescueOutcome[] = [];
    for (const [key, value] of await entries(rescues)) {
      if (isRescueEntry(value)) {
        const { record, base, stamp } = value;
        const stored = stampOf(await get(record.id, scenarios));
        if (stored === stamp) outcomes.push({ kind: 'landed', id: record.id });
        else if ((stored ?? null) === base) {
          // Nobody changed it since the page was left: the copy is what the user last saw.
          await writeRecord(scenarios, { record, stamp: nextStamp(), markCurrent: false, expect: { stamp: stored } });
          outcomes.push({ kind: 'stored', id: record.id });
        } else {
          const copy = { ...record, id: newId(), name: `${record.name} (unsaved edits)` };
          await writeRecord(scenarios, { record: copy, stamp: nextStamp(), markCurrent: false, expect: false });
          outcomes.push({ kind: 'copied', id: record.id, copyId: copy.id, name: copy.name });
        }
      }
      await del(key, rescues);
    }
    return outcomes;
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
    async readRecord(id) {
      if (reader) {
        try {
          return await reader({ db: names.scenarios, store: 'scenarios' }, id);
        } catch (error) {
          // A reader that is unavailable is dropped for good; any other failure is the read's own.
          if (!(error instanceof Error) || error.name !== 'WriterUnavailableError') throw error;
          reader = undefined;
        }
      }
      return readStoredRecord(scenarios, id);
    },
    saveCurrentScenario: (scenario, leaving) => write(scenario, true, true, leaving),
    recoverRescued,
    knownStamp: (id) => stamps.get(id),
    listScenarios: () => readStoredRecords(scenarios),
    async listScenarioIds() {
      const keys = await scenarios('readonly', (os) => requestResult(os.getAllKeys()));
      return keys.filter((key): key is string => typeof key === 'string' && key !== CURRENT_KEY);
    },
    async listEntries() {
      if (lister) {
        try {
          return await lister({ db: names.scenarios, store: 'scenarios' });
        } catch (error) {
          if (!(error instanceof Error) || error.name !== 'WriterUnavailableError') throw error;
          lister = undefined;
        }
      }
      return listStoredEntries(scenarios);
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
