// Proof-of-delivery media (photos, signatures) the dispatcher received in
// drivers' status files (issue #13). Kept in a database of their own
// (idb-keyval, `fmp-pod-media`), keyed `<scenarioId>/<mediaId>`, never inside
// the scenario record: scenario saves stay small. Values are {scenarioId, type,
// data base64}: the status file's own shape, so backups carry them as they are.
import { createStore, delMany, entries, getMany, keys, setMany, type UseStore } from 'idb-keyval';
import type { PodMedia } from '../domain/day/events';

/** The browser's database name of the media store. */
export const POD_MEDIA_DB = 'fmp-pod-media';

/** One stored media item with the scenario it belongs to (what a backup lists). */
export interface ScenarioMedia {
  scenarioId: string;
  media: PodMedia;
}

/** Media of every scenario, by scenario. */
export interface PodMediaStore {
  /** Stores the items a scenario does not have yet (an id already there is kept as it is); returns how many were new. */
  put(scenarioId: string, items: readonly PodMedia[]): Promise<number>;
  /** The scenario's items by id; an id not stored is absent from the map. */
  get(scenarioId: string, ids: readonly string[]): Promise<Map<string, PodMedia>>;
  /** Every stored item (for the backup). */
  list(): Promise<ScenarioMedia[]>;
  /** Gives scenario `toId` (a branch of `fromId`) the media of `fromId` it lacks; returns how many. */
  copy(fromId: string, toId: string): Promise<number>;
  /** Deletes every item of the scenario (deleted for good); returns how many. */
  removeScenario(scenarioId: string): Promise<number>;
  /** Deletes every item of a scenario not in `scenarioIds` (left by a deletion the page did not finish); returns how many. */
  keepOnly(scenarioIds: ReadonlySet<string>): Promise<number>;
}

/** Key of one item: `<scenarioId>/<mediaId>`. */
export const mediaKey = (scenarioId: string, mediaId: string) => `${scenarioId}/${mediaId}`;

/** A stored value: the item without its id (the key holds it), with its scenario. */
type StoredMedia = Omit<PodMedia, 'id'> & { scenarioId: string };

const isMedia = (value: unknown): value is StoredMedia =>
  !!value && typeof (value as StoredMedia).type === 'string' && typeof (value as StoredMedia).data === 'string' && typeof (value as StoredMedia).scenarioId === 'string';

/** The media store in IndexedDB (tests pass their own database name). */
export function makePodMediaStore(dbName: string = POD_MEDIA_DB): PodMediaStore {
  let db: UseStore | null = null;
  const store = () => (db ??= createStore(dbName, 'media'));
  const media: PodMediaStore = {
    async put(scenarioId, items) {
      const unique = [...new Map(items.map((m) => [m.id, m])).values()];
      const keys = unique.map((m) => mediaKey(scenarioId, m.id));
      const stored = await getMany(keys, store());
      const fresh = unique.filter((_, i) => stored[i] === undefined);
      if (fresh.length) await setMany(fresh.map((m) => [mediaKey(scenarioId, m.id), { scenarioId, type: m.type, data: m.data } satisfies StoredMedia]), store());
      return fresh.length;
    },
    async get(scenarioId, ids) {
      const values = await getMany(ids.map((id) => mediaKey(scenarioId, id)), store());
      const found = new Map<string, PodMedia>();
      ids.forEach((id, i) => { if (isMedia(values[i])) found.set(id, { id, type: values[i].type, data: values[i].data }); });
      return found;
    },
    async list() {
      const all = await entries<string, unknown>(store());
      return all.flatMap(([key, value]) => {
        if (!isMedia(value) || !String(key).startsWith(`${value.scenarioId}/`)) return [];
        return [{ scenarioId: value.scenarioId, media: { id: String(key).slice(value.scenarioId.length + 1), type: value.type, data: value.data } }];
      });
    },
    async copy(fromId, toId) {
      const items = (await media.list()).filter((m) => m.scenarioId === fromId).map((m) => m.media);
      return items.length ? media.put(toId, items) : 0;
    },
    async removeScenario(scenarioId) {
      // Keys only, then the values of this scenario's candidates: another id may share the prefix ("a" / "a/b").
      const candidates = (await keys(store())).filter((key) => String(key).startsWith(`${scenarioId}/`));
      const values = await getMany(candidates, store());
      const doomed = candidates.filter((_, i) => isMedia(values[i]) && values[i].scenarioId === scenarioId);
      if (doomed.length) await delMany(doomed, store());
      return doomed.length;
    },
    async keepOnly(scenarioIds) {
      // Keys only (photos are not read at every start): a key under a kept scenario's prefix stays.
      const prefixes = [...scenarioIds].map((id) => `${id}/`);
      const doomed = (await keys(store())).filter((key) => !prefixes.some((prefix) => String(key).startsWith(prefix)));
      if (doomed.length) await delMany(doomed, store());
      return doomed.length;
    },
  };
  return media;
}

/** The image bytes of a media item as a Blob (for an object URL). */
export function mediaBlob(item: PodMedia): Blob {
  const binary = atob(item.data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: item.type });
}
