// Keeps the open scenario in IndexedDB: restores it on start (persist-restore.ts; or opens
// the demo on a first visit), saves edits debounced (save-queue.ts: retried after failures,
// flushed when the page is hidden), follows saves made in other tabs, never
// overwrites a newer stored copy, and reports every storage problem through `storageError`.
import { createEffect, createSignal, on, onCleanup, untrack, type Accessor } from 'solid-js';
import type { Scenario } from '../domain/scenario';
import type { PlannerDb } from '../io/db';
import { withScenarioText } from '../io/record-text';
import { readScenarioRecord } from '../io/restore';
import { makeRestore } from './persist-restore';
import type { PinsRecord } from './pins';
import { isProvisional } from './provisional';
import { flushWhenHidden, makeSaveQueue, type SaveStatus } from './save-queue';
import type { ScenarioStore } from './scenario';
import { writeError, type StorageError } from './storage-error';
import { openTabSync, type SavedNotice } from './tab-sync';

export type { SaveStatus } from './save-queue';
export type { StorageError } from './storage-error';

/** Whether a scenario is open yet (`failed`: nothing could be opened; see `loadError`). */
export type LoadStatus = 'loading' | 'ready' | 'failed';

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
  /** After a conflict: `theirs` opens the newer stored copy (this tab's edits are dropped); `copy` saves this tab's version as a new scenario. */
  resolveConflict(choice: 'theirs' | 'copy'): Promise<void>;
  /** Re-reads the open scenario from storage (after it was replaced there, e.g. by a restore). */
  reloadOpen(): Promise<void>;
  dismissStorageError(): void;
}

/** Collaborators of the persistence; tests pass their own database and demo loader. */
export interface PersistOptions {
  db: PlannerDb;
  loadDemo: () => Promise<Scenario>;
  /** Quiet time after the last edit before saving. */
  debounceMs?: number;
  /** First retry delay after a failed save (doubles, up to 30 s). */
  retryMs?: number;
  /** Pins of the open scenario, stored in its record beside it. */
  pins?: PinsRecord;
  /** BroadcastChannel name shared by the tabs (tests isolate theirs). */
  channel?: string;
  newId?: () => string;
}

/** Creates the persistence for a scenario store; needs a reactive owner. */
export function createPersistence([state, actions]: ScenarioStore, options: PersistOptions): Persistence {
  const [loadStatus, setLoadStatus] = createSignal<LoadStatus>('loading');
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [saveStatus, setSaveStatus] = createSignal<SaveStatus>('idle');
  const [storageError, setStorageError] = createSignal<StorageError | null>(null);
  const { db, pins } = options;
  const snapshot = () => (pins ? pins.attach(actions.snapshot()) : actions.snapshot());
  const edits = () => state.changes + (pins?.changes() ?? 0);
  const sync = openTabSync((notice) => void follow(notice), options.channel);
  // What a save writes: the store's own data, not a copy (the put copies it at once; see `current`), in a new
  // record object marked with the scenario's text as the store last wrote it while no data has changed since
  // (record-text.ts: a save after a solve does not write 10,000 orders again); a large scenario's text not written
  // yet is written a slice per task, or taken from the write in slices under way (the Optimize click's).
  const stored = () => {
    const current = actions.current();
    if (!current) return null;
    const made = untrack(() => state.dataChanges);
    return withScenarioText(pins ? pins.attach(current)! : { ...current }, () => (untrack(() => state.dataChanges) === made ? actions.piecesWithoutPlanSoon() : null));
  };
  const queue = makeSaveQueue((s, leaving) => db.saveCurrentScenario(s, leaving), stored, {
    debounceMs: options.debounceMs ?? 400, retryMs: options.retryMs ?? 1000, maxRetryMs: 30_000,
    // A solve's best-so-far plan is replaced within seconds (or taken back): the result is saved, not each preview.
    hold: () => { const solution = state.scenario?.plan?.solution; return !!solution && isProvisional(solution); },
  }, {
    status: setSaveStatus,
    failed: (error) => setStorageError(writeError(error)),
    succeeded: (saved) => {
      const kind = storageError()?.kind;
      if (kind === 'quota' || kind === 'write' || kind === 'conflict') setStorageError(null);
      const stamp = db.knownStamp?.(saved.id);
      if (stamp !== undefined) sync.announce({ scenarioId: saved.id, stamp });
    },
  });
  createEffect(on(edits, queue.schedule, { defer: true }));
  flushWhenHidden(queue);
  onCleanup(() => sync.close());

  /** The record `id` read on the page, without adopting it (a database without `readRecord`). */
  async function peekAndRead(id: string) {
    const peeked = db.peekScenario ? await db.peekScenario(id) : { record: await db.getScenario(id), stamp: undefined };
    return { read: readScenarioRecord(peeked.record), stamp: peeked.stamp };
  }

  /** Reads the stored copy of `id` without adopting it; null when it is missing or unusable (reported). */
  async function readStored(id: string) {
    const stored = db.readRecord ? await db.readRecord(id) : await peekAndRead(id);
    // Nothing stored any more reads as data that is not a scenario, with its message.
    const read = stored?.read ?? readScenarioRecord(undefined);
    if (read.ok) return { ...read, stamp: stored?.stamp };
    setStorageError({ kind: 'restore', message: `Another tab saved this scenario, but its copy cannot be opened here (${read.message}).` });
    return null;
  }

  /** Another tab saved: follow it when this tab has no unsaved edits, else the save here is refused (conflict). */
  async function follow(notice: SavedNotice): Promise<void> {
    const open = state.scenario;
    if (!open || open.id !== notice.scenarioId || db.knownStamp?.(notice.scenarioId) === notice.stamp) return;
    if (queue.pending()) return void queue.flush();
    const before = edits();
    const read = await readStored(notice.scenarioId).catch(() => null);
    if (!read || state.scenario?.id !== notice.scenarioId) return;
    if (edits() !== before || queue.pending()) return void queue.flush();
    db.adopt?.(notice.scenarioId, read.stamp);
    actions.hydrate(read.scenario);
    pins?.follow(read.scenario.id, read.pins);
    queue.settle();
  }

  /** Takes the stored copy of the open scenario, dropping unsaved edits here. */
  async function reloadOpen(): Promise<void> {
    const id = state.scenario?.id;
    const read = id === undefined ? null : await readStored(id);
    if (!read) return;
    db.adopt?.(read.scenario.id, read.stamp);
    queue.settle();
    actions.hydrate(read.scenario);
    pins?.follow(read.scenario.id, read.pins);
  }

  async function resolveConflict(choice: 'theirs' | 'copy'): Promise<void> {
    const current = snapshot();
    if (!current) return;
    if (choice === 'theirs') {
      await reloadOpen();
    } else {
      const { pins: kept, ...scenario } = current as Scenario & { pins?: Parameters<PinsRecord['follow']>[1] };
      const id = (options.newId ?? (() => crypto.randomUUID()))();
      queue.settle();
      if (pins && kept) pins.follow(id, kept);
      actions.replace({ ...scenario, id, name: `${scenario.name} (copy from another tab)` });
    }
    setStorageError(null);
    await queue.flush();
  }

  const restore = makeRestore([state, actions], options, { queue, storageError, setStorageError, setLoadStatus, setLoadError });

  return {
    loadStatus, loadError, saveStatus, storageError, restore, flush: queue.flush, resolveConflict, reloadOpen,
    dismissStorageError: () => setStorageError(null),
  };
}
