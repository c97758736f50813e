// Proof of delivery on the dispatcher's side (issue #13): importing a driver's
// status file (events + media; from a file, pasted text or a scanned QR) into
// the day — media into their own store first, then the events, all or nothing —
// and the media of a POD as object URLs for the views (revoked when unused).
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { PodMedia } from '../domain/day/events';
import { mediaBlob, type PodMediaStore } from '../io/pod-media';
import type { DayStore } from './day';
import type { ScenarioStore } from './scenario';

/** Read-only view of the POD store. */
export interface PodState {
  /** True while a status file's media are being stored. */
  readonly busy: boolean;
  /** Grows when media were stored: views showing "not received yet" look again. */
  readonly mediaRevision: number;
}

/** Verbs of the POD store. */
export interface PodActions {
  /**
   * Imports a status (or events) file: checks it whole against the day, stores its
   * media, then appends its new events. A bad file or a failed write adds nothing;
   * the outcome is the day's message. Importing the same file twice adds nothing twice.
   */
  importStatus(text: string): Promise<boolean>;
  /** The open scenario's media by id (ids not received are absent). */
  loadMedia(ids: readonly string[]): Promise<Map<string, PodMedia>>;
}

export type PodStore = [state: PodState, actions: PodActions];

/** Why storing media failed, for the dispatcher; a full disk is told apart. */
function storeFailure(error: unknown): string {
  const why = (error as DOMException | undefined)?.name === 'QuotaExceededError'
    ? 'this browser has no room left for them: free some space'
    : `they could not be stored (${error instanceof Error ? error.message : String(error)})`;
  return `The status file was not imported: ${why}. Nothing was added.`;
}

/** Creates the POD store over the scenario and day stores; needs a reactive owner. */
export function createPodStore([scenarioState]: ScenarioStore, [, dayActions]: DayStore, media: PodMediaStore): PodStore {
  const [busy, setBusy] = createSignal(false);
  const [revision, setRevision] = createSignal(0);
  const fail = (text: string): false => {
    dayActions.notify({ tone: 'error', text });
    return false;
  };
  const actions: PodActions = {
    async importStatus(text) {
      const scenarioId = scenarioState.scenario?.id;
      const read = dayActions.readImport(text);
      if (!read.ok) return fail(read.message);
      if (!scenarioId) return false;
      let added = 0;
      setBusy(true);
      try {
        if (read.media.length) added = await media.put(scenarioId, read.media);
      } catch (error) {
        return fail(storeFailure(error));
      } finally {
        setBusy(false);
      }
      if (scenarioState.scenario?.id !== scenarioId) return fail('The status file was not imported: another scenario was opened meanwhile. Nothing was added.');
      if (added) setRevision((r) => r + 1);
      return dayActions.importEvents(text, added);
    },
    async loadMedia(ids) {
      const scenarioId = scenarioState.scenario?.id;
      return scenarioId && ids.length ? media.get(scenarioId, ids) : new Map();
    },
  };
  const state: PodState = {
    get busy() { return busy(); },
    get mediaRevision() { return revision(); },
  };
  return [state, actions];
}

/**
 * Object URLs of media by id (null: not received yet) for a view; undefined while
 * loading. Reloads when the ids change or media arrive; revokes its URLs when done.
 */
export function createMediaUrls([state, actions]: PodStore, ids: Accessor<string[]>): Accessor<Map<string, string | null> | undefined> {
  const [urls, setUrls] = createSignal<Map<string, string | null>>();
  let made: string[] = [];
  let latest = 0;
  const revoke = () => {
    made.forEach((url) => URL.revokeObjectURL(url));
    made = [];
  };
  createEffect(on([() => ids().join('\u0000'), () => state.mediaRevision], () => {
    const wanted = ids();
    const token = ++latest;
    void actions.loadMedia(wanted).then((found) => {
      if (token !== latest) return;
      revoke();
      const next = new Map<string, string | null>();
      for (const id of wanted) {
        const item = found.get(id);
        const url = item ? URL.createObjectURL(mediaBlob(item)) : null;
        if (url) made.push(url);
        next.set(id, url);
      }
      setUrls(next);
    }, () => { if (token === latest) setUrls(new Map(wanted.map((id) => [id, null]))); });
  }));
  onCleanup(() => {
    latest += 1;
    revoke();
  });
  return urls;
}
