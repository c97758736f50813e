// The offline map archive of this browser (not of a scenario): which one is
// open, and the verbs Settings uses (open one from disk, remove it). The map
// reads `archive()` to draw its tiles; a failure leaves the previous archive in place.
// Other tabs are told of a change (BroadcastChannel) and reopen what is kept, since
// the file they read from may have been replaced.
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { createStore } from 'solid-js/store';
import { openMapArchive, type MapArchiveInfo, type OpenMapArchive } from '../io/map-archive-read';
import { makeMapArchiveStorage, type MapArchiveStorage } from '../io/map-archive';

/** Plain state Settings shows. */
export interface MapArchiveState {
  /** The open archive's description, or null when there is none. */
  info: MapArchiveInfo | null;
  busy: boolean;
  /** The last failure, as a message for the user; cleared by the next success. */
  error: string;
}

/** Verbs on the archive. */
export interface MapArchiveActions {
  /** The open archive (reader + description) for the map, or null. */
  archive: Accessor<OpenMapArchive | null>;
  /** Opens the archive kept in this browser, if any (at start). */
  restore(): Promise<void>;
  /** Checks `file`, keeps it in the browser and shows it; on failure keeps the previous one. */
  open(file: File): Promise<void>;
  /** Forgets the kept archive; the map goes back to its tile URL or plain background. */
  remove(): Promise<void>;
}

/** The archive store. */
export type MapArchiveStore = [MapArchiveState, MapArchiveActions];

/** Channel on which tabs announce that the kept archive changed. */
export const MAP_ARCHIVE_CHANNEL = 'fmp-map-archive';

/** Creates the store (needs an owner); `storage` defaults to OPFS or IndexedDB, whichever the browser has. */
export function createMapArchiveStore(storage: () => Promise<MapArchiveStorage> = makeMapArchiveStorage): MapArchiveStore {
  const [state, setState] = createStore<MapArchiveState>({ info: null, busy: false, error: '' });
  const [archive, setArchive] = createSignal<OpenMapArchive | null>(null);
  let pending = Promise.resolve();
  const show = (opened: OpenMapArchive | null) => {
    setArchive(opened);
    setState({ info: opened?.info ?? null, error: '' });
  };
  // One operation at a time, so a slow restore never overwrites a newer open or remove.
  const run = (task: () => Promise<void>): Promise<void> => {
    pending = pending.then(async () => {
      setState('busy', true);
      try {
        await task();
      } catch (error) {
        setState('error', (error as Error).message || String(error));
      } finally {
        setState('busy', false);
      }
    });
    return pending;
  };
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(MAP_ARCHIVE_CHANNEL);
  const announce = () => channel?.postMessage('changed');
  const actions: MapArchiveActions = {
    archive,
    restore: () => run(async () => {
      const stored = await (await storage()).load();
      show(stored ? await openMapArchive(stored.blob, stored.record.name) : null);
    }),
    open: (file) => run(async () => {
      await openMapArchive(file, file.name); // refuse a bad file before replacing the kept one
      const kept = await storage();
      await kept.save(file);
      const stored = await kept.load();
      if (!stored) throw new Error(`'${file.name}' was saved but could not be read back from this browser's storage.`);
      show(await openMapArchive(stored.blob, stored.record.name));
      announce();
    }),
    remove: () => run(async () => {
      await (await storage()).remove();
      show(null);
      announce();
    }),
  };
  if (channel) {
    channel.onmessage = () => void actions.restore();
    onCleanup(() => channel.close());
  }
  return [state, actions];
}
