// Keeps the open scenario in IndexedDB: restores it on start (or opens the demo
// on a first visit), saves edits debounced, flushes when the page is hidden, and
// reports every storage failure through `storageError` instead of failing silently.
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { Scenario } from '../domain/scenario';
import { isQuotaExceeded, type PlannerDb } from '../io/db';
import { readSavedScenario, type SavedRead } from '../io/restore';
import type { PinsRecord } from './pins';
import type { ScenarioStore } from './scenario';

/** Whether a scenario is open yet (`failed`: nothing could be opened; see `loadError`). */
export type LoadStatus = 'loading' | 'ready' | 'failed';
/** `off`: saving was switched off because stored data could not be read. */
export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'off';

/** A storage failure the user must see; never swallowed. */
export interface StorageError {
  /** `quota`: storage full; `write`: other save failure; `read`: IDB unreadable; `restore`: saved data unusable. */
  kind: 'quota' | 'write' | 'read' | 'restore';
  message: string;
}

/** Load and save state of the open scenario, plus the storage error signal. */
export interface Persistence {
  loadStatus: Accessor<LoadStatus>;
  /** Why nothing could be opened, while `loadStatus` is `failed`. */
  loadError: Accessor<string | null>;
  saveStatus: Accessor<SaveStatus>;
  storageError: Accessor<StorageError | null>;
  /** Opens the saved scenario, or the demo on a first visit. Never overwrites an edit made meanwhile. */
  restore(): Promise<void>;
  /** Writes pending changes now; resolves when every queued write has settled. */
  flush(): Promise<void>;
  dismissStorageError(): void;
}

/** Collaborators of the persistence; tests pass their own database and demo loader. */
export interface PersistOptions {
  db: PlannerDb;
  loadDemo: () => Promise<Scenario>;
  /** Quiet time after the last edit before saving. */
  debounceMs?: number;
  /** Pins of the open scenario, stored in its record beside it. */
  pins?: PinsRecord;
}

const DEFAULT_DEBOUNCE_MS = 400;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function writeError(error: unknown): StorageError {
  if (isQuotaExceeded(error)) {
    return { kind: 'quota', message: 'Browser storage is full: your latest changes are not saved. Free some space (or remove old site data) and keep this tab open.' };
  }
  return { kind: 'write', message: `Your latest changes could not be saved: ${messageOf(error)}` };
}

interface SaveQueue {
  /** Marks the scenario changed and saves after the debounce. */
  schedule(): void;
  /** Writes pending changes now; resolves when every queued write has settled. */
  flush(): Promise<void>;
  /** Stops all saving for this session (stored data must not be overwritten). */
  switchOff(): void;
}

interface SaveReport {
  status(status: SaveStatus): void;
  failed(error: unknown): void;
  succeeded(): void;
}

/** Debounced, strictly sequential saves of the latest snapshot. */
function makeSaveQueue(save: (s: Scenario) => Promise<void>, snapshot: () => Scenario | null, debounceMs: number, report: SaveReport): SaveQueue {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let off = false;
  let writes: Promise<void> = Promise.resolve();

  async function write(scenario: Scenario): Promise<void> {
    report.status('saving');
    try {
      await save(scenario);
      if (!dirty) report.status('saved');
      report.succeeded();
    } catch (error) {
      dirty = true; // retried with the next edit or flush
      report.status('error');
      report.failed(error);
    }
  }

  const queue: SaveQueue = {
    schedule() {
      if (off) return;
      dirty = true;
      report.status('pending');
      clearTimeout(timer);
      timer = setTimeout(() => void queue.flush(), debounceMs);
    },
    flush() {
      clearTimeout(timer);
      const latest = dirty && !off ? snapshot() : null;
      if (latest) {
        dirty = false;
        // One write after another, so the newest snapshot is always the last one stored.
        writes = writes.then(() => write(latest));
      }
      return writes;
    },
    switchOff() {
      off = true;
      clearTimeout(timer);
      report.status('off');
    },
  };
  return queue;
}

/** Saves at once when the tab is hidden or the page is left; IDB writes may not survive later. */
function flushWhenHidden(flush: () => Promise<void>): void {
  const onVisibility = () => { if (document.visibilityState === 'hidden') void flush(); };
  const onPageHide = () => void flush();
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onPageHide);
  onCleanup(() => {
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', onPageHide);
    void flush();
  });
}

/** Creates the persistence for a scenario store; needs a reactive owner. */
export function createPersistence([state, actions]: ScenarioStore, options: PersistOptions): Persistence {
  const [loadStatus, setLoadStatus] = createSignal<LoadStatus>('loading');
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [saveStatus, setSaveStatus] = createSignal<SaveStatus>('idle');
  const [storageError, setStorageError] = createSignal<StorageError | null>(null);
  const pins = options.pins;
  const snapshot = () => (pins ? pins.attach(actions.snapshot()) : actions.snapshot());
  const queue = makeSaveQueue((s) => options.db.saveCurrentScenario(s), snapshot, options.debounceMs ?? DEFAULT_DEBOUNCE_MS, {
    status: setSaveStatus,
    failed: (error) => setStorageError(writeError(error)),
    succeeded: () => {
      const kind = storageError()?.kind;
      if (kind === 'quota' || kind === 'write') setStorageError(null);
    },
  });
  createEffect(on(() => state.changes + (pins?.changes() ?? 0), queue.schedule, { defer: true }));
  flushWhenHidden(queue.flush);

  async function readSaved(): Promise<SavedRead> {
    try {
      return await readSavedScenario(options.db);
    } catch (error) {
      queue.switchOff();
      setStorageError({ kind: 'read', message: `Saved work could not be read (${messageOf(error)}). Saving is off for this session so nothing stored gets overwritten.` });
      return { kind: 'none' };
    }
  }

  async function openDemo(lostRace: () => boolean): Promise<void> {
    const demo = await options.loadDemo().catch((error: unknown) => new Error(messageOf(error)));
    if (lostRace()) return void setLoadStatus('ready');
    if (demo instanceof Error) {
      setLoadError(`The demo scenario could not be opened: ${demo.message}`);
      return void setLoadStatus('failed');
    }
    actions.hydrate(demo);
    setLoadStatus('ready');
    // Store the demo right away so a reload shows exactly this.
    queue.schedule();
    await queue.flush();
  }

  async function restore(): Promise<void> {
    const changesAtStart = state.changes;
    // An edit made while we were reading wins; it is already queued for saving.
    const lostRace = () => state.changes !== changesAtStart;
    const saved = await readSaved();
    if (lostRace()) return void setLoadStatus('ready');
    if (saved.kind === 'found') {
      actions.hydrate(saved.scenario);
      // The validated scenario drops unknown fields: pins are read from the raw record.
      if (pins) pins.restore(saved.scenario.id, await options.db.getScenario(saved.scenario.id).catch(() => undefined));
      if (saved.warnings.length) setStorageError({ kind: 'restore', message: saved.warnings.join(' ') });
      return void setLoadStatus('ready');
    }
    if (saved.kind === 'invalid') {
      setStorageError({ kind: 'restore', message: `Your saved scenario could not be opened (${saved.message}). The demo scenario was opened instead.` });
    }
    await openDemo(lostRace);
  }

  return {
    loadStatus, loadError, saveStatus, storageError, restore, flush: queue.flush,
    dismissStorageError: () => setStorageError(null),
  };
}
