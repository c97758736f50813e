// The autosave queue of the open scenario: debounced, strictly sequential writes
// of the latest snapshot. A failed write keeps the edits in memory and is retried
// with backoff (and at the next edit); a write refused because another tab stored
// a newer copy waits for the user instead. Pending saves are flushed when the page
// is hidden or left, and leaving warns while a save is pending.
import { onCleanup } from 'solid-js';
import { isStaleWrite } from '../io/db';
import type { Scenario } from '../domain/scenario';

/** `off`: saving was switched off because stored data could not be read (or is newer). */
export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'off';

export interface SaveQueue {
  /** Marks the scenario changed and saves after the debounce. */
  schedule(): void;
  /**
   * Writes pending changes now; resolves when every queued write has settled. `leaving`: the page is
   * being hidden or left, so the write is issued in this very turn (not after a write in flight) and
   * the storage also keeps a copy that needs nothing more from the page.
   */
  flush(leaving?: boolean): Promise<void>;
  /** Stops all saving for this session (stored data must not be overwritten). */
  switchOff(): void;
  /** True while an edit is not stored yet (changed, being written, or waiting for a retry). */
  pending(): boolean;
  /** Forgets unsaved changes (they were replaced by the stored copy) and allows writing again. */
  settle(): void;
}

export interface SaveReport {
  status(status: SaveStatus): void;
  failed(error: unknown): void;
  succeeded(scenario: Scenario): void;
}

export interface QueueTimes {
  debounceMs: number;
  /** First retry delay after a failed write; doubles up to `maxRetryMs`. */
  retryMs: number;
  maxRetryMs: number;
  /**
   * While true, a debounced save waits (checked again after another debounce): the scenario shows a
   * plan about to be replaced (a solve's best so far), and writing each of those was a long task per
   * save at 10,000 stops (issue #15). An explicit flush (page hidden, scenario switch) still writes.
   */
  hold?: () => boolean;
}

/** Debounced, strictly sequential saves of the latest snapshot, retried after failures. */
export function makeSaveQueue(save: (s: Scenario, leaving: boolean) => Promise<void>, snapshot: () => Scenario | null, times: QueueTimes, report: SaveReport): SaveQueue {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let off = false;
  let blocked = false;
  let inFlight = 0;
  let failures = 0;
  let writes: Promise<void> = Promise.resolve();

  function retryLater(): void {
    const delay = Math.min(times.maxRetryMs, times.retryMs * 2 ** (failures - 1));
    clearTimeout(timer);
    timer = setTimeout(() => void queue.flush(), delay);
  }

  async function write(scenario: Scenario, leaving: boolean): Promise<void> {
    report.status('saving');
    try {
      await save(scenario, leaving);
      failures = 0;
      if (!dirty) report.status('saved');
      report.succeeded(scenario);
    } catch (error) {
      dirty = true; // kept in memory: retried later, at the next edit or flush
      failures += 1;
      report.status('error');
      report.failed(error);
      if (isStaleWrite(error)) blocked = true;
      else retryLater();
    } finally {
      inFlight -= 1;
    }
  }

  function debounced(): void {
    if (!times.hold?.()) return void queue.flush();
    clearTimeout(timer);
    timer = setTimeout(debounced, times.debounceMs);
  }

  const queue: SaveQueue = {
    schedule() {
      if (off) return;
      dirty = true;
      if (blocked) return report.status('error');
      report.status('pending');
      clearTimeout(timer);
      timer = setTimeout(debounced, times.debounceMs);
    },
    flush(leaving = false) {
      const latest = dirty && !off && !blocked ? snapshot() : null;
      if (latest) {
        clearTimeout(timer);
        dirty = false;
        inFlight += 1;
        if (leaving) {
          // Now: IndexedDB itself runs it after the writes in flight (same store, created later).
          const now = write(latest, true);
          writes = Promise.all([writes, now]).then(() => undefined);
        } else {
          // One write after another, so the newest snapshot is always the last one stored.
          writes = writes.then(() => write(latest, false));
        }
      }
      return writes;
    },
    switchOff() {
      off = true;
      clearTimeout(timer);
      report.status('off');
    },
    pending: () => !off && (dirty || inFlight > 0),
    settle() {
      clearTimeout(timer);
      dirty = false;
      blocked = false;
      failures = 0;
      if (!off) report.status('saved');
    },
  };
  return queue;
}

/**
 * Saves at once when the tab is hidden or the page is left (IDB writes may not
 * survive later) and asks the browser to warn before leaving while a save is pending.
 */
export function flushWhenHidden(queue: Pick<SaveQueue, 'flush' | 'pending'>): void {
  const onVisibility = () => { if (document.visibilityState === 'hidden') void queue.flush(true); };
  const onPageHide = () => void queue.flush(true);
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!queue.pending()) return;
    void queue.flush(true);
    event.preventDefault();
    event.returnValue = ''; // older browsers show the warning only with a return value
  };
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('beforeunload', onBeforeUnload);
  onCleanup(() => {
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('beforeunload', onBeforeUnload);
    void queue.flush();
  });
}
