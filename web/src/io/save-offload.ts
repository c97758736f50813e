// The autosave's IndexedDB write in a worker (issue #15). A put structured-clones its
// value on the calling thread: at 10,000 orders that clone (and reading the stored
// record back for its stamp) was a 130–250 ms task on the main thread per save. The
// page now posts the record as JSON text (a scenario is JSON data): the orders and the
// rest at once (~10 ms), the immutable plan (~2 MB at 10,000 stops) once per plan, in pieces over
// several tasks (json-slices.ts); the worker keeps the last plans' text, parses the
// record and runs the same checked write (db-write.ts). It also reads records as the app
// opens them (record-read.ts: validated, plan re-checked), so opening a large scenario
// does that work off the main thread too.
import { createStore, type UseStore } from 'idb-keyval';
import { StaleWriteError, writeRecord, type WriteSpec } from './db-write';
import { writeJsonInSlices } from './json-slices';
import { recordPiecesWithoutPlan } from './record-text';
import { nextTask } from './next-task';
import { listStoredEntries, type ScenarioEntries } from './record-list';
import { readStoredRecord, type StoredRead } from './record-read';
import type { Order } from '../domain/scenario';
import type { Route } from '../domain/solution';
import { PIECE_CHARS, postInPieces, textLength, TextPieces } from './text-pieces';

/** Where a record goes: an idb-keyval store (one database, one object store). */
export interface StoreNames { db: string; store: string }

/**
 * A write request as posted to the save worker: the record as JSON text (its plan apart), the rest of the write as
 * is. A large text comes before the request, in pieces (TextPart), and the request names it by `jsonKey`.
 */
export interface SaveRequest {
  kind: 'save';
  id: number;
  names: StoreNames;
  json?: string;
  jsonKey?: number;
  /** The record's plan: the text sent before under this key (PlanPart messages). */
  planKey?: number;
  write: Omit<WriteSpec, 'record'>;
}

/** A piece of a plan's JSON text; the pieces of one key, joined in order, are the plan's text. */
export interface PlanPart {
  kind: 'plan-part';
  key: number;
  parts: string[];
}

/** A piece of a record's JSON text (io/text-pieces.ts): posted whole, ~7 MB at 10,000 orders was a long task. */
export interface TextPart {
  kind: 'text-part';
  key: number;
  parts: string[];
}

/** Plans whose text the worker keeps (the page mirrors the same list, so it knows when to send one again). */
export const KEPT_PLANS = 3;

/** A read request: the record `scenarioId` of the store `names`, read as the app opens it (record-read.ts). */
export interface ReadRequest {
  kind: 'read';
  id: number;
  names: StoreNames;
  scenarioId: string;
}

/** A list request: the scenario list's lines of the store `names` (record-list.ts). */
export interface ListRequest {
  kind: 'list';
  id: number;
  names: StoreNames;
}

/**
 * The worker's answer to a request: done (a read: with what it found, null when nothing is stored; a list: its
 * lines), or the failure's name, message and (when stale) the stored stamp.
 */
export type SaveReply =
  | { id: number; ok: true; found?: StoredRead | null; listed?: ScenarioEntries; parted?: true }
  | { id: number; ok: false; name: string; message: string; storedStamp?: number };

/**
 * A share of a large record a read answers with, posted before the read's reply (`parted`), whose scenario then
 * holds no orders and its plan no routes: the page puts the parts' orders and routes back, in order (joinRead). Each
 * part is a message of its own, so a task of its own on the page: at 10,000 orders the whole record read back from
 * one message was a task of 25-50 ms on the page, with a collection pause of as much in the next (issue #15).
 */
export interface ReadPart {
  id: number;
  part: { orders?: Order[]; routes?: Route[] };
}

/** Orders, or route steps, per part of a read's answer (1,500 orders took 8-10 ms to read from a message here). */
export const READ_PART_ITEMS = 750;

/**
 * The page asks for the next message of read `id`'s answer as each part arrives (makeReplyPoster): the parts come
 * paced by the page, not all at once.
 */
export interface ReadMore {
  kind: 'read-more';
  id: number;
}

/**
 * Messages of a read's answer the worker has posted ahead of the page's asks. Every object a part carries is new to
 * the page's heap and outlives the young generation's collections, each of which copies what survives: at 10,000
 * orders two collections of 35-50 ms while a scenario opened. With the parts queued on the page all at once, the
 * collection the engine schedules as a task of its own once that generation is mostly full could not run before
 * them, and a part's task ran it instead (with the part's work: a long task); paced, it runs between them.
 */
export const READ_AHEAD = 2;

/**
 * The messages that carry `reply` to the page: the reply itself, or for a read of a large scenario its orders and
 * routes in parts (about `size` orders or steps each), then the reply without them.
 */
export function readReplies(reply: SaveReply, size = READ_PART_ITEMS): (SaveReply | ReadPart)[] {
  const read = reply.ok ? reply.found?.read : undefined;
  if (!reply.ok || !reply.found || !read?.ok) return [reply];
  const { scenario } = read;
  const routes = scenario.plan?.solution.routes ?? [];
  const steps = routes.reduce((sum, r) => sum + r.steps.length, 0);
  if (scenario.orders.length <= size && steps <= size) return [reply];
  const parts: ReadPart[] = [];
  for (let from = 0; from < scenario.orders.length; from += size) parts.push({ id: reply.id, part: { orders: scenario.orders.slice(from, from + size) } });
  let group: Route[] = [];
  let groupSteps = 0;
  for (const route of routes) {
    group.push(route);
    groupSteps += route.steps.length;
    if (groupSteps >= size) { parts.push({ id: reply.id, part: { routes: group } }); group = []; groupSteps = 0; }
  }
  if (group.length > 0) parts.push({ id: reply.id, part: { routes: group } });
  const plan = scenario.plan ? { ...scenario.plan, solution: { ...scenario.plan.solution, routes: [] } } : scenario.plan;
  const rest: StoredRead = { ...reply.found, read: { ...read, scenario: { ...scenario, orders: [], plan } } };
  return [...parts, { ...reply, found: rest, parted: true }];
}

/** The read `found` with the orders and routes of its parts put back, in the order they came (see readReplies). */
export function joinRead(found: StoredRead, parts: readonly ReadPart['part'][]): StoredRead {
  if (!found.read.ok) return found;
  const { scenario } = found.read;
  const orders: Order[] = [];
  const routes: Route[] = [];
  for (const part of parts) {
    for (const order of part.orders ?? []) orders.push(order);
    for (const route of part.routes ?? []) routes.push(route);
  }
  const plan = scenario.plan ? { ...scenario.plan, solution: { ...scenario.plan.solution, routes } } : scenario.plan;
  return { ...found, read: { ...found.read, scenario: { ...scenario, orders, plan } } };
}

/** Works out the scenario list of a store in the save worker; record-list.ts's listStoredEntries on the page when absent. */
export type EntriesLister = (names: StoreNames) => Promise<ScenarioEntries>;

/** Reads a record as the app opens it, in the save worker; record-read.ts's readStoredRecord on the page when absent. */
export type RecordReader = (names: StoreNames, scenarioId: string) => Promise<StoredRead | undefined>;

/** Writes `spec` to the store `names` (checked as writeRecord does); the page's own writeRecord when absent. */
export type RecordWriter = (names: StoreNames, spec: WriteSpec) => Promise<void>;

/** The writer could not reach its worker (failed to start or crashed): the write was not made. */
export class WriterUnavailableError extends Error {
  override name = 'WriterUnavailableError';
}

/** Every message the save worker takes. */
export type WorkerMessage = SaveRequest | PlanPart | TextPart | ReadRequest | ListRequest | ReadMore;

/** Worker side: how a reply leaves (`send`) and how the page's asks for a read's next part are met (`more`). */
export interface ReplyPoster {
  send(reply: SaveReply): void;
  more(id: number): void;
}

/**
 * Worker side: posts each reply with `post`; a read's answer in parts (readReplies) goes `ahead` messages ahead of
 * the page, the next as the page asks for it (ReadMore, one per part it receives), its last message the reply.
 */
export function makeReplyPoster(post: (message: SaveReply | ReadPart) => void, ahead = READ_AHEAD, size = READ_PART_ITEMS): ReplyPoster {
  const queued = new Map<number, (SaveReply | ReadPart)[]>();
  const postNext = (id: number) => {
    const rest = queued.get(id);
    if (!rest) return;
    const message = rest.shift()!;
    if (rest.length === 0) queued.delete(id);
    post(message);
  };
  return {
    send(reply) {
      queued.set(reply.id, readReplies(reply, size));
      for (let i = 0; i < Math.max(1, ahead) && queued.has(reply.id); i++) postNext(reply.id);
    },
    more: postNext,
  };
}

/** Worker side: keeps plan texts (the last KEPT_PLANS keys) and runs save requests against the stores they name. */
export function makeSaveHandler(): (message: WorkerMessage) => Promise<SaveReply | null> {
  const stores = new Map<string, UseStore>();
  const plans = new Map<number, string[]>();
  const texts = new TextPieces();
  const storeOf = (names: StoreNames): UseStore => {
    const key = `${names.db}\u0000${names.store}`;
    let store = stores.get(key);
    if (!store) stores.set(key, (store = createStore(names.db, names.store)));
    return store;
  };
  const save = async ({ names, json, jsonKey, planKey, write }: SaveRequest): Promise<void> => {
    const store = storeOf(names);
    const record = JSON.parse(jsonKey === undefined ? json ?? '' : texts.take(jsonKey)) as { id: string; plan?: unknown };
    if (planKey !== undefined) {
      const parts = plans.get(planKey);
      if (!parts) throw Object.assign(new Error(`plan ${planKey} was not sent`), { name: 'PlanMissingError' });
      record.plan = JSON.parse(parts.join(''));
    }
    await writeRecord(store, { ...write, record });
  };
  return async (message) => {
    // Met by the worker's reply poster (makeReplyPoster), not here.
    if (message.kind === 'read-more') return null;
    if (message.kind === 'text-part') {
      texts.add(message.key, message.parts);
      return null;
    }
    if (message.kind === 'plan-part') {
      if (!plans.has(message.key)) {
        plans.set(message.key, []);
        for (const old of [...plans.keys()].slice(0, -KEPT_PLANS)) plans.delete(old);
      }
      plans.get(message.key)!.push(...message.parts);
      return null;
    }
    try {
      if (message.kind === 'list') return { id: message.id, ok: true, listed: await listStoredEntries(storeOf(message.names)) };
      if (message.kind === 'read') return { id: message.id, ok: true, found: (await readStoredRecord(storeOf(message.names), message.scenarioId)) ?? null };
      await save(message);
      return { id: message.id, ok: true };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      return { id: message.id, ok: false, name: e.name, message: e.message, ...(e instanceof StaleWriteError ? { storedStamp: e.storedStamp } : {}) };
    }
  };
}

/** The failure a reply reports, with the name the page's checks look for (stale write, quota). */
function replyError(reply: Extract<SaveReply, { ok: false }>, recordId: string): Error {
  if (reply.name === 'StaleWriteError') return new StaleWriteError(recordId, reply.storedStamp);
  const error = new Error(reply.message);
  error.name = reply.name;
  return error;
}

function spawnSaveWorker(): Worker {
  return new Worker(new URL('./save.worker.ts', import.meta.url), { type: 'module', name: 'save' });
}

/** The page's side of the plans kept in the worker (see KEPT_PLANS). */
interface PlanSender {
  /** The key of `plan`'s text in the worker, sent first (in pieces, a slice per task) if the worker does not keep it. */
  keyOf(plan: object): Promise<number>;
  /** Sends `plan` again at its next save (the worker said it had dropped it). */
  forget(plan: object): void;
  /** A new worker keeps no plan yet. */
  reset(): void;
}

function makePlanSender(post: (part: PlanPart) => void): PlanSender {
  let nextKey = 0;
  const keys = new WeakMap<object, Promise<number>>();
  /** The keys the worker keeps, oldest first, as it drops them. */
  let kept: number[] = [];
  const send = async (plan: object): Promise<number> => {
    const key = ++nextKey;
    let parts: string[] = [];
    const flush = () => { post({ kind: 'plan-part', key, parts }); parts = []; };
    await writeJsonInSlices(plan, { write: (text) => parts.push(text), pause: () => { flush(); return nextTask(); } });
    flush();
    kept = [...kept, key].slice(-KEPT_PLANS);
    return key;
  };
  return {
    async keyOf(plan) {
      const known = keys.get(plan);
      if (known && kept.includes(await known)) return known;
      const sent = send(plan);
      keys.set(plan, sent);
      sent.catch(() => keys.delete(plan));
      return sent;
    },
    forget: (plan) => void keys.delete(plan),
    reset: () => { kept = []; },
  };
}

/** The page's side of the save worker: its writer, its reader and its lister. */
export interface SaveWorker {
  write: RecordWriter;
  read: RecordReader;
  list: EntriesLister;
}

/**
 * Page side: a writer that posts each write to a lazily started save worker. A worker that fails to
 * start or crashes rejects its pending writes with WriterUnavailableError (db.ts then writes itself).
 */
export function makeWorkerWriter(createWorker: () => Worker = spawnSaveWorker): RecordWriter {
  return makeSaveWorker(createWorker).write;
}

/**
 * Page side of a lazily started save worker: writes (see makeWorkerWriter) and reads (the record as the app
 * opens it, record-read.ts). A worker that fails to start or crashes rejects what is pending with
 * WriterUnavailableError; db.ts then does the same work on the page.
 */
export function makeSaveWorker(createWorker: () => Worker = spawnSaveWorker): SaveWorker {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (reply: Extract<SaveReply, { ok: true }>) => void; reject: (error: Error) => void; recordId: string }>();
  /** The parts of each read's answer received so far (readReplies). */
  const partsOf = new Map<number, ReadPart['part'][]>();
  const fail = (message: string) => {
    worker?.terminate();
    worker = null;
    plans.reset();
    for (const p of pending.values()) p.reject(new WriterUnavailableError(message));
    pending.clear();
    partsOf.clear();
  };
  const start = (): Worker => {
    const w = createWorker();
    w.onmessage = (event: MessageEvent<SaveReply | ReadPart>) => {
      const reply = event.data;
      // A part of a read's answer: kept until the reply that ends it (readReplies); the worker posts the next as
      // this one is taken (makeReplyPoster).
      if ('part' in reply) {
        (partsOf.get(reply.id) ?? partsOf.set(reply.id, []).get(reply.id)!).push(reply.part);
        return void w.postMessage({ kind: 'read-more', id: reply.id } satisfies ReadMore);
      }
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      const parts = partsOf.get(reply.id) ?? [];
      partsOf.delete(reply.id);
      if (!reply.ok) return void waiting?.reject(replyError(reply, waiting.recordId));
      waiting?.resolve(reply.parted && reply.found ? { ...reply, found: joinRead(reply.found, parts) } : reply);
    };
    w.onerror = (event) => { event.preventDefault?.(); fail(`the save worker failed (${event.message || 'no message'})`); };
    w.onmessageerror = () => fail('the save worker could not read a request');
    return w;
  };
  const post = (message: WorkerMessage) => (worker ??= start()).postMessage(message);
  const plans = makePlanSender(post);
  let nextTextKey = 0;
  /** The record's text as the request carries it: in the request when small, else sent before it in pieces, a group per task. */
  const textOf = async (pieces: string[]): Promise<Pick<SaveRequest, 'json' | 'jsonKey'>> => {
    if (textLength(pieces) <= PIECE_CHARS) return { json: pieces.join('') };
    const key = ++nextTextKey;
    // All pieces to one worker: if it fails meanwhile, the rest are not sent to its successor, whose answer to the
    // request is then TextMissingError (and the write sends its text again), never a text missing its start.
    const target = (worker ??= start());
    await postInPieces(pieces, (parts) => { if (worker === target) target.postMessage({ kind: 'text-part', key, parts } satisfies TextPart); });
    return { jsonKey: key };
  };
  const request = (message: Omit<SaveRequest, 'id' | 'kind'>, recordId: string) => new Promise<void>((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, { resolve: () => resolve(), reject, recordId });
    post({ kind: 'save', id, ...message });
  });
  const write: RecordWriter = async (names, spec) => {
    const { record, ...rest } = spec;
    const { plan } = record as { plan?: unknown };
    // The record is the store's live data, which later tasks may change: its text is taken now, in this
    // task, or is its scenario's text as the store writes it (record-text.ts); its plan (a frozen store value: immutable) is
    // sent apart, in pieces, once per plan.
    const whole = typeof plan !== 'object' || plan === null || !Object.isFrozen(plan);
    // No plan: the scenario's text as the store wrote it, when it did (it holds `"plan":null`). Written again here,
    // 10,000 orders were a ~40 ms task in the save after an edit made before the first solve (issue #15).
    const pieces = !whole || plan === null ? recordPiecesWithoutPlan(record) : [JSON.stringify(record)];
    // The plan's key first, then the record's pieces: the request follows its last piece in the same task.
    const send = async () => {
      const planKey = whole ? undefined : await plans.keyOf(plan);
      return request({ names, ...(await textOf(await pieces)), planKey, write: rest }, record.id);
    };
    try {
      return await send();
    } catch (error) {
      // Dropped meanwhile for a newer plan (a save of another scenario's plan), or pieces that went to a worker
      // that has since been replaced: sent again, once.
      if (!(error instanceof Error) || (error.name !== 'PlanMissingError' && error.name !== 'TextMissingError')) throw error;
      if (!whole) plans.forget(plan);
      return send();
    }
  };
  const read: RecordReader = (names, scenarioId) => new Promise<StoredRead | undefined>((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, { resolve: (reply) => resolve(reply.found ?? undefined), reject, recordId: scenarioId });
    post({ kind: 'read', id, names, scenarioId });
  });
  const list: EntriesLister = (names) => new Promise<ScenarioEntries>((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, { resolve: (reply) => resolve(reply.listed ?? { entries: [], unreadable: [] }), reject, recordId: '' });
    post({ kind: 'list', id, names });
  });
  return { write, read, list };
}
