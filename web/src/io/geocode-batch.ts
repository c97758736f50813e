// Geocodes a list of addresses one request at a time, politely spaced (Nominatim
// asks for at most one request a second), answering from the IndexedDB cache
// first (key = the normalised address), reporting progress, stoppable at any
// point. A failed request stops the batch with a message that says why.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { buildSearchUrl, flavourOf, GeocodeResponseError, normaliseAddress, parseGeocodeResponse, type GeocodeCandidate } from './geocode';

/** Where answers are kept between imports (the browser uses IndexedDB; tests a Map). */
export interface GeocodeCache {
  get(key: string): Promise<GeocodeCandidate[] | undefined>;
  set(key: string, candidates: GeocodeCandidate[]): Promise<void>;
}

/** The cache in its own IndexedDB database; the service URL is part of the key, so two services never mix. */
export function idbGeocodeCache(dbName = 'fmp-geocode'): GeocodeCache {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore(dbName, 'answers'));
  return {
    get: (key) => get<GeocodeCandidate[]>(key, db()),
    set: (key, candidates) => set(key, candidates, db()),
  };
}

/** A cache in memory (tests). */
export function memoryGeocodeCache(): GeocodeCache & { entries: Map<string, GeocodeCandidate[]> } {
  const entries = new Map<string, GeocodeCandidate[]>();
  return { entries, get: async (key) => entries.get(key), set: async (key, value) => void entries.set(key, value) };
}

/** The cache key of an address at a service. */
export const cacheKey = (baseUrl: string, address: string) => `${baseUrl.trim()}\u0000${normaliseAddress(address)}`;

/** What a batch needs. */
export interface BatchOptions {
  baseUrl: string;
  /** Least time between two requests (cached answers need none). */
  intervalMs: number;
  cache: GeocodeCache;
  signal: AbortSignal;
  fetch?: typeof fetch;
  /** Waits `ms` unless the signal aborts first (tests pass an instant one). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The clock the interval is measured on (ms; Date.now unless a test gives its own). */
  now?: () => number;
  /** After each address: how many are done of how many. */
  onProgress?: (done: number, total: number) => void;
  /** Each address's candidates as soon as they are known. */
  onResult?: (address: string, candidates: GeocodeCandidate[]) => void;
}

/** How a batch ended. */
export type BatchOutcome = { status: 'done' | 'cancelled'; done: number } | { status: 'failed'; done: number; message: string };

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/** One request: the candidates, or an Error whose message is fit to show. */
async function ask(options: BatchOptions, address: string): Promise<GeocodeCandidate[]> {
  const doFetch = options.fetch ?? fetch;
  const host = new URL(options.baseUrl).host;
  let response: Response;
  try {
    response = await doFetch(buildSearchUrl(options.baseUrl, address), { signal: options.signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (options.signal.aborted) throw error;
    throw new Error(`The geocoding service at ${host} could not be reached (offline, or the page may not contact it yet: reload after saving the setting).`);
  }
  if (!response.ok) throw new Error(`The geocoding service at ${host} answered ${response.status} ${response.statusText}`.trim() + ` for “${address}”.`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new Error(`The geocoding service at ${host} did not answer JSON for “${address}”.`);
  }
  try {
    return parseGeocodeResponse(body, flavourOf(options.baseUrl));
  } catch (error) {
    if (error instanceof GeocodeResponseError) throw new Error(`The geocoding service at ${host} gave an unexpected answer for “${address}”: ${error.message}.`);
    throw error;
  }
}

/** Geocodes `addresses` in order (each distinct normalised address once); see the module comment. */
export async function geocodeBatch(addresses: readonly string[], options: BatchOptions): Promise<BatchOutcome> {
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  let lastRequest = -Infinity;
  let done = 0;
  for (const address of addresses) {
    if (options.signal.aborted) return { status: 'cancelled', done };
    const key = cacheKey(options.baseUrl, address);
    let candidates = await options.cache.get(key);
    if (!candidates) {
      await sleep(lastRequest + options.intervalMs - now(), options.signal);
      if (options.signal.aborted) return { status: 'cancelled', done };
      lastRequest = now();
      try {
        candidates = await ask(options, address);
      } catch (error) {
        if (options.signal.aborted) return { status: 'cancelled', done };
        return { status: 'failed', done, message: error instanceof Error ? error.message : String(error) };
      }
      await options.cache.set(key, candidates);
    }
    done += 1;
    options.onResult?.(address, candidates);
    options.onProgress?.(done, addresses.length);
  }
  return { status: 'done', done };
}
