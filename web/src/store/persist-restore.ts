// Opening a scenario at start for the persistence (persist.ts): what a page closed while saving
// left behind is stored first, then the saved scenario opens, or the demo on a first visit (or when
// the saved one cannot be opened). An edit made meanwhile wins over the late read; data saved by a
// newer build switches saving off.
import type { Accessor, Setter } from 'solid-js';
import { nextTask } from '../io/next-task';
import { readSavedScenario, type SavedRead } from '../io/restore';
import type { LoadStatus, PersistOptions } from './persist';
import { freezeRoutesInParts } from './plan-value';
import type { SaveQueue } from './save-queue';
import type { ScenarioStore } from './scenario';
import { messageOf, type StorageError } from './storage-error';

/** The persistence's signals and save queue the opening reads and sets. */
export interface RestoreDeps {
  queue: Pick<SaveQueue, 'schedule' | 'flush' | 'switchOff'>;
  storageError: Accessor<StorageError | null>;
  setStorageError: Setter<StorageError | null>;
  setLoadStatus: Setter<LoadStatus>;
  setLoadError: Setter<string | null>;
}

/** The persistence's `restore` (Persistence.restore) for the scenario store `[state, actions]`. */
export function makeRestore([state, actions]: ScenarioStore, options: PersistOptions, { queue, storageError, setStorageError, setLoadStatus, setLoadError }: RestoreDeps): () => Promise<void> {
  const { db, pins } = options;

  /**
   * Stores what a page closed while saving left behind (io/db.ts `recoverRescued`); returns what to
   * tell the user, or null. A failure here never stops the opening: the copy stays for the next start.
   */
  async function recoverRescued(): Promise<string | null> {
    try {
      const outcomes = await db.recoverRescued?.(options.newId ?? (() => crypto.randomUUID())) ?? [];
      const kept = outcomes.flatMap((o) => (o.kind === 'copied' ? [`“${o.name}”`] : []));
      if (kept.length === 0) return null;
      return `Edits made just before the page was closed could not be saved over a newer copy; they were kept as the scenario${kept.length > 1 ? 's' : ''} ${kept.join(', ')}.`;
    } catch (error) {
      return `Edits made just before the page was closed could not be recovered yet (${messageOf(error)}); they are kept and tried again at the next start.`;
    }
  }

  async function readSaved(): Promise<SavedRead> {
    try {
      return await readSavedScenario(db);
    } catch (error) {
      queue.switchOff();
      setStorageError({ kind: 'read', message: `Saved work could not be read (${messageOf(error)}). Saving is off for this session so nothing stored gets overwritten.` });
      return { kind: 'none' };
    }
  }

  async function openDemo(lostRace: () => boolean, store: boolean): Promise<void> {
    const demo = await options.loadDemo().catch((error: unknown) => new Error(messageOf(error)));
    if (lostRace()) return void setLoadStatus('ready');
    if (demo instanceof Error) {
      setLoadError(`The demo scenario could not be opened: ${demo.message}`);
      return void setLoadStatus('failed');
    }
    actions.hydrate(demo);
    setLoadStatus('ready');
    if (!store) return;
    // Store the demo right away so a reload shows exactly this.
    queue.schedule();
    await queue.flush();
  }

  async function restore(): Promise<void> {
    const changesAtStart = state.changes;
    // An edit made while we were reading wins; it is already queued for saving.
    const lostRace = () => state.changes !== changesAtStart;
    const rescued = await recoverRescued();
    const saved = await readSaved();
    // Opened in a task after the one that received it: reading a 10,000-order record from the save worker and
    // putting it in the store were one long task together (issue #15).
    await nextTask();
    // Its plan's routes frozen (as the store keeps a plan) a part per task, not all in the task that opens it.
    // The store takes it in a task after the last part (that part and the views' first pass were one long task).
    if (saved.kind === 'found' && saved.scenario.plan) {
      await freezeRoutesInParts(saved.scenario.plan, nextTask);
      await nextTask();
    }
    if (lostRace()) return void setLoadStatus('ready');
    if (saved.kind === 'found') {
      actions.hydrate(saved.scenario);
      pins?.restore(saved.scenario.id, saved.pins);
      const warnings = rescued ? [...saved.warnings, rescued] : saved.warnings;
      if (warnings.length) setStorageError({ kind: 'restore', message: warnings.join(' ') });
      return void setLoadStatus('ready');
    }
    if (saved.kind === 'newer') {
      // Nothing may be written over data this build does not understand.
      queue.switchOff();
      setStorageError({ kind: 'restore', message: `Your saved scenario was not opened: ${saved.message}. The demo scenario is shown instead and saving is off for this session.` });
    } else if (saved.kind === 'invalid') {
      setStorageError({ kind: 'restore', message: `Your saved scenario could not be opened (${saved.message}). The demo scenario was opened instead.` });
    }
    if (rescued && !storageError()) setStorageError({ kind: 'restore', message: rescued });
    await openDemo(lostRace, saved.kind !== 'newer');
  }

  return restore;
}
