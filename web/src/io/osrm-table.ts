// Road travel times from an OSRM-compatible `table` service (issue #14): the
// matrix of a list of places fetched in blocks of sources × destinations, each
// response checked, every block cached in IndexedDB (its own idb-keyval store,
// keyed by profile and rounded coordinates, so scenarios share it). Only the
// coordinates are sent, to the host the user configured.
import { createStore, get, set, type UseStore } from 'idb-keyval';

/** A place as the service sees it. */
export interface LngLat {
  lat: number;
  lng: number;
}

/** A full matrix: durations in seconds and distances in metres, row = from, column = to. */
export interface RoadMatrix {
  durationsS: number[][];
  distancesM: number[][];
}

/** One block of the matrix: rows `from..from+rows-1`, columns `to..to+cols-1`. */
export interface Block {
  from: number;
  rows: number;
  to: number;
  cols: number;
}

/** Where the blocks are cached (a Map in tests, IndexedDB in the app). */
export interface BlockCache {
  get(key: string): Promise<RoadMatrix | undefined>;
  set(key: string, value: RoadMatrix): Promise<void>;
}

/** What a fetch needs besides the places. */
export interface TableOptions {
  /** Base URL of the service, e.g. `https://router.example.org` (without `/table/v1`). */
  url: string;
  /** OSRM profile, e.g. `driving`. */
  profile: string;
  /** Largest block side (sources and destinations per request). */
  blockSize?: number;
  /** Called after each block with blocks done and blocks in all. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  cache?: BlockCache;
  /** The fetch to use (tests may pass their own). */
  fetchFn?: typeof fetch;
}

/** A failure of the routing service (unreachable, refused, malformed answer, unreachable pair). */
export class RoutingError extends Error {
  override name = 'RoutingError';
}

/** Default block side: 100 × 100 cells per request. */
export const DEFAULT_BLOCK_SIZE = 100;

/** Splits an n × n matrix into blocks of at most `size` rows and columns, row-major. */
export function splitBlocks(n: number, size: number = DEFAULT_BLOCK_SIZE): Block[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`block size must be a whole number ≥ 1, got ${size}`);
  const blocks: Block[] = [];
  for (let from = 0; from < n; from += size) {
    for (let to = 0; to < n; to += size) blocks.push({ from, rows: Math.min(size, n - from), to, cols: Math.min(size, n - to) });
  }
  return blocks;
}

/** Coordinates as the cache key and the URL write them: 5 decimals (≈ 1 m). */
const coord = (p: LngLat) => `${p.lng.toFixed(5)},${p.lat.toFixed(5)}`;

/**
 * The cache key of one block: the service (its URL as requested), the profile, then the rounded source and
 * destination coordinates. Two services may answer the same profile name with other roads or speeds
 * (a truck server beside a car server): one service's times are never reused for another's.
 */
export function blockKey(url: string, profile: string, places: readonly LngLat[], block: Block): string {
  const sources = places.slice(block.from, block.from + block.rows).map(coord).join(';');
  const destinations = places.slice(block.to, block.to + block.cols).map(coord).join(';');
  return `${url.trim().replace(/\/+$/, '')}|${profile}|${sources}|${destinations}`;
}

/**
 * The request of one block: its sources and destinations listed once each (a diagonal block
 * sends its places once), `sources`/`destinations` indices into that list.
 */
export function blockUrl(url: string, profile: string, places: readonly LngLat[], block: Block): string {
  const sources = places.slice(block.from, block.from + block.rows);
  const diagonal = block.from === block.to && block.rows === block.cols;
  const coords = diagonal ? sources : [...sources, ...places.slice(block.to, block.to + block.cols)];
  const src = sources.map((_, i) => i).join(';');
  const dst = Array.from({ length: block.cols }, (_, j) => (diagonal ? j : block.rows + j)).join(';');
  const base = url.trim().replace(/\/+$/, '');
  return `${base}/table/v1/${encodeURIComponent(profile)}/${coords.map(coord).join(';')}?annotations=duration,distance&sources=${src}&destinations=${dst}`;
}

/** Checks a `rows × cols` array of finite numbers ≥ 0 or nulls; returns why not, or null. */
function shapeProblem(value: unknown, rows: number, cols: number, name: string): string | null {
  if (!Array.isArray(value) || value.length !== rows) return `'${name}' must be an array of ${rows} rows`;
  for (let i = 0; i < rows; i++) {
    const row: unknown = value[i];
    if (!Array.isArray(row) || row.length !== cols) return `'${name}[${i}]' must be an array of ${cols} values`;
    const bad = row.findIndex((cell) => cell !== null && (typeof cell !== 'number' || !Number.isFinite(cell) || cell < 0));
    if (bad >= 0) return `'${name}[${i}][${bad}]' must be a number ≥ 0 or null, got ${JSON.stringify(row[bad])}`;
  }
  return null;
}

/**
 * Checks one block's response (code "Ok", durations and distances of the block's shape) and
 * returns it; a null cell (no road between the two) is refused naming the pair by place index.
 */
export function validateBlock(body: unknown, block: Block, label: (index: number) => string = (i) => `place ${i}`): RoadMatrix {
  if (typeof body !== 'object' || body === null) throw new RoutingError('the routing service answered something that is not a JSON object');
  const { code, message, durations, distances } = body as Record<string, unknown>;
  if (code !== 'Ok') throw new RoutingError(`the routing service refused the request: ${String(code)}${typeof message === 'string' ? ` (${message})` : ''}`);
  const problem = shapeProblem(durations, block.rows, block.cols, 'durations') ?? shapeProblem(distances, block.rows, block.cols, 'distances');
  if (problem) throw new RoutingError(`the routing service's answer is malformed: ${problem}`);
  const d = durations as (number | null)[][];
  const m = distances as (number | null)[][];
  for (let i = 0; i < block.rows; i++) {
    for (let j = 0; j < block.cols; j++) {
      if (d[i][j] === null || m[i][j] === null) {
        throw new RoutingError(`no road from ${label(block.from + i)} to ${label(block.to + j)} (the routing service found no route between them)`);
      }
    }
  }
  return { durationsS: d as number[][], distancesM: m as number[][] };
}

/** One block: from the cache, else fetched, checked and cached. */
async function loadBlock(places: readonly LngLat[], block: Block, options: TableOptions, label: (i: number) => string): Promise<RoadMatrix> {
  const key = blockKey(options.url, options.profile, places, block);
  const cached = await options.cache?.get(key);
  if (cached) return cached;
  const fetchFn = options.fetchFn ?? fetch;
  let response: Response;
  try {
    response = await fetchFn(blockUrl(options.url, options.profile, places, block), { signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new RoutingError(`the routing service at ${options.url} cannot be reached (${error instanceof Error ? error.message : String(error)})`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new RoutingError(`the routing service answered HTTP ${response.status} without a JSON body`);
  }
  const matrix = validateBlock(body, block, label);
  await options.cache?.set(key, matrix);
  return matrix;
}

/**
 * The road matrix between `places` (n × n), fetched block by block (see `TableOptions`).
 * Throws RoutingError with a sentence for the user, or the AbortError of `signal`.
 */
export async function fetchRoadMatrix(places: readonly LngLat[], options: TableOptions, label?: (index: number) => string): Promise<RoadMatrix> {
  const n = places.length;
  const durationsS = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const distancesM = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const blocks = splitBlocks(n, options.blockSize);
  let done = 0;
  options.onProgress?.(0, blocks.length);
  for (const block of blocks) {
    options.signal?.throwIfAborted();
    const part = await loadBlock(places, block, options, label ?? ((i) => `place ${i}`));
    for (let i = 0; i < block.rows; i++) {
      for (let j = 0; j < block.cols; j++) {
        durationsS[block.from + i][block.to + j] = part.durationsS[i][j];
        distancesM[block.from + i][block.to + j] = part.distancesM[i][j];
      }
    }
    options.onProgress?.(++done, blocks.length);
  }
  return { durationsS, distancesM };
}

let idbCache: BlockCache | null = null;

/** The app's block cache: the `fmp-road-matrix` IndexedDB database, shared by every scenario. */
export function roadMatrixCache(): BlockCache {
  if (idbCache) return idbCache;
  const store: UseStore = createStore('fmp-road-matrix', 'blocks');
  idbCache = {
    get: (key) => get<RoadMatrix>(key, store),
    set: (key, value) => set(key, value, store),
  };
  return idbCache;
}
