// The driver's phone storage (issue #13), its own IndexedDB database `fmp-driver`:
// each received route, its append-only log of the driver's events and the POD media
// they name, and which route was open last. An event and its media are written in
// one transaction. Reads are checked against the schemas; nothing is read raw.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import * as v from 'valibot';
import { podMediaSchema, storedEventSchema } from '../domain/day/event-schema';
import type { PodMedia } from '../domain/day/events';
import type { DriverEvent } from '../domain/driver/driver-log';
import type { DriverRoute } from '../domain/handoff/driver-route';
import { driverRouteSchema } from '../domain/handoff/route-schema';
import { DEFAULT_DB_NAMES } from './db';

/** The driver database's name (tests pass their own). */
export const DRIVER_DB = 'fmp-driver';
const STORE = 'driver';
const META = 'meta';
/** The planner's scenario store (io/db.ts). */
const SCENARIOS_STORE = 'scenarios';

/** Which screen the app opens with when the page has no `#driver` fragment, and the routes kept. */
export interface DriverMeta {
  mode: 'driver' | 'planner';
  /** Route ids, the one opened last first. */
  routes: string[];
}

const metaSchema = v.object({ mode: v.picklist(['driver', 'planner']), routes: v.array(v.string()) });
const logSchema = v.array(storedEventSchema);

/** "stops[0].eta: must be ≥ 0" from a valibot issue. */
function issueText(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? []).map((item) => item.key as string | number)
    .reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** A stored record failed its schema. */
export class DriverStorageError extends Error {
  constructor(what: string, detail: string) {
    super(`The phone's stored ${what} is damaged: ${detail}`);
    this.name = 'DriverStorageError';
  }
}

/** The phone's driver storage. */
export interface DriverDb {
  readMeta(): Promise<DriverMeta>;
  /** Keeps a route (replacing a stored copy with the same id) and makes it the open one. */
  saveRoute(route: DriverRoute): Promise<void>;
  readRoute(routeId: string): Promise<DriverRoute | undefined>;
  readLog(routeId: string): Promise<DriverEvent[]>;
  /** Appends an event to the route's log and stores its media, in one transaction. */
  appendEvent(routeId: string, event: DriverEvent, media: PodMedia[]): Promise<void>;
  readMedia(ids: readonly string[]): Promise<Map<string, PodMedia>>;
  setMode(mode: DriverMeta['mode']): Promise<void>;
}

const routeKey = (id: string) => `route:${id}`;
const logKey = (id: string) => `log:${id}`;
const mediaKey = (id: string) => `media:${id}`;

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error);
  });
}

/** Opens (creating on first use) the driver database. */
export function makeDriverDb(dbName = DRIVER_DB): DriverDb {
  const store: UseStore = createStore(dbName, STORE);
  const readMeta = async (): Promise<DriverMeta> => {
    const raw = await get(META, store);
    if (raw === undefined) return { mode: 'driver', routes: [] };
    const parsed = v.safeParse(metaSchema, raw);
    if (!parsed.success) throw new DriverStorageError('route list', issueText(parsed.issues[0]));
    return parsed.output;
  };
  return {
    readMeta,
    async saveRoute(route) {
      const meta = await readMeta();
      await store('readwrite', (s) => {
        s.put(route, routeKey(route.routeId));
        s.put({ mode: 'driver', routes: [route.routeId, ...meta.routes.filter((id) => id !== route.routeId)] }, META);
        return done(s.transaction);
      });
    },
    async readRoute(routeId) {
      const raw = await get(routeKey(routeId), store);
      if (raw === undefined) return undefined;
      const parsed = v.safeParse(driverRouteSchema, raw);
      if (!parsed.success) throw new DriverStorageError(`route '${routeId}'`, issueText(parsed.issues[0]));
      return parsed.output;
    },
    async readLog(routeId) {
      const raw = (await get(logKey(routeId), store)) ?? [];
      const parsed = v.safeParse(logSchema, raw);
      if (!parsed.success) throw new DriverStorageError(`log of route '${routeId}'`, issueText(parsed.issues[0]));
      return parsed.output.filter((e): e is DriverEvent => e.type === 'arrived' || e.type === 'done' || e.type === 'failed');
    },
    async appendEvent(routeId, event, media) {
      await store('readwrite', (s) => {
        // Put from the read's own callback: the transaction stays active, so read and writes are one.
        const read = s.get(logKey(routeId));
        read.onsuccess = () => {
          s.put([...((read.result ?? []) as DriverEvent[]), event], logKey(routeId));
          for (const item of media) s.put(item, mediaKey(item.id));
        };
        return done(s.transaction);
      });
    },
    async readMedia(ids) {
      const out = new Map<string, PodMedia>();
      for (const id of ids) {
        const raw = await get(mediaKey(id), store);
        const parsed = v.safeParse(podMediaSchema, raw);
        if (parsed.success) out.set(id, parsed.output as PodMedia);
      }
      return out;
    },
    async setMode(mode) {
      const meta = await readMeta();
      await set(META, { ...meta, mode }, store);
    },
  };
}

/**
 * One read from a database that may not exist, without creating it (a planner's first visit
 * must not gain a driver database, nor the reverse); undefined when the database or store is absent.
 */
function readIfPresent<T>(dbName: string, storeName: string, read: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  return new Promise((resolve) => {
    let absent = false;
    const open = indexedDB.open(dbName);
    open.onupgradeneeded = () => {
      absent = true;
      open.transaction?.abort();
    };
    open.onerror = () => resolve(undefined);
    open.onsuccess = () => {
      const db = open.result;
      if (absent || !db.objectStoreNames.contains(storeName)) {
        db.close();
        return resolve(undefined);
      }
      const req = read(db.transaction(storeName, 'readonly').objectStore(storeName));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(undefined);
      db.close();
    };
  });
}

/**
 * Whether the app should open the driver view when the page has no `#driver` fragment (the
 * installed app opened again): the phone keeps a route, its user did not switch to the planner,
 * and the device has no planner scenario (a dispatcher who tried a driver link stays on the planner).
 * Creates no database.
 */
export async function storedDriverMode(dbName = DRIVER_DB, scenariosDb = DEFAULT_DB_NAMES.scenarios): Promise<boolean> {
  const meta = v.safeParse(metaSchema, await readIfPresent(dbName, STORE, (s) => s.get(META)));
  if (!meta.success || meta.output.mode !== 'driver' || meta.output.routes.length === 0) return false;
  return !(await readIfPresent(scenariosDb, SCENARIOS_STORE, (s) => s.count()));
}
