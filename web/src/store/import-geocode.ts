// The import review's placing of rows without coordinates: batch geocoding
// through the configured service (progress, Cancel, cache), the matches that
// need a look (several places, or a weak one) with their candidates, and places
// given by hand on the map. A row is placed only by a sure match or the user.
import { createStore, produce } from 'solid-js/store';
import { DEFAULT_MIN_SCORE, judgeCandidates, type GeocodeCandidate } from '../io/geocode';
import { geocodeBatch, idbGeocodeCache, type GeocodeCache } from '../io/geocode-batch';
import { START_NEEDS_PLACE } from '../io/import-depots';
import { NEEDS_PLACE, rowAddress } from '../io/import-orders';
import type { RowResult } from '../io/import-rows';

/** Where a placed row's coordinates come from. */
export interface Placement { lat: number; lng: number; how: 'geocoded' | 'map'; label?: string }

/** A match to look at: why, and the places offered. */
export interface PlaceReview { reason: string; candidates: GeocodeCandidate[] }

/** Progress of the batch; `message` says why it stopped early. */
export interface GeocodeProgress { running: boolean; done: number; total: number; message: string | null }

/** Placing state, by row index into the table. */
export interface PlacingFields {
  placements: Record<number, Placement>;
  reviews: Record<number, PlaceReview>;
  progress: GeocodeProgress;
}

/** What placing reads from the import session. */
export interface PlacingSource {
  rows: () => readonly RowResult<unknown>[];
  cells: (index: number) => readonly string[];
  targets: () => readonly string[];
  /** The geocoding settings of the open scenario (url empty = off). */
  settings: () => { url: string; intervalMs: number };
  /**
   * Whether every row of one address shares its place: a fleet's start (one depot per address), so a place given
   * to one van is its fleet-mates' too. Orders are placed row by row: rows of a coarse address ("Berlin") are
   * no one place.
   */
  perAddress?: () => boolean;
  cache?: GeocodeCache;
  fetch?: typeof fetch;
}

/** Nominatim's usage policy: one request a second. */
export const DEFAULT_INTERVAL_MS = 1000;

/** Whether a row waits for a place: an order without coordinates but with an address, or a fleet row's start given as an address. */
export const needsPlace = (row: RowResult<unknown>) => row.issues.some((i) => (i.field === 'lat/lng' && i.message === NEEDS_PLACE)
  || (i.field === 'startDepot' && i.message.startsWith(START_NEEDS_PLACE)));

const idle = (): GeocodeProgress => ({ running: false, done: 0, total: 0, message: null });
/** A fresh placing state. */
export const emptyPlacing = (): PlacingFields => ({ placements: {}, reviews: {}, progress: idle() });

/** Creates the placing state and its verbs. */
export function createPlacing(source: PlacingSource) {
  const [state, setState] = createStore<PlacingFields>(emptyPlacing());
  const cache = source.cache ?? idbGeocodeCache();
  let controller: AbortController | null = null;

  function record(indexes: number[], candidates: GeocodeCandidate[]): void {
    const verdict = judgeCandidates(candidates, DEFAULT_MIN_SCORE);
    setState(produce((s) => {
      for (const index of indexes) {
        if (verdict.kind === 'placed') s.placements[index] = { lat: verdict.candidate.lat, lng: verdict.candidate.lng, how: 'geocoded', label: verdict.candidate.label };
        else s.reviews[index] = verdict.kind === 'review' ? { reason: verdict.reason, candidates: verdict.candidates } : { reason: 'the service found no place for this address', candidates: [] };
      }
    }));
  }

  /** Geocodes every row still waiting (not reviewed yet), one distinct address at a time. */
  async function geocode(): Promise<void> {
    const { url, intervalMs } = source.settings();
    if (!url) return void setState('progress', { ...idle(), message: 'Geocoding is off: set a geocoding URL in Settings, or place the rows on the map.' });
    const byAddress = new Map<string, number[]>();
    for (const row of source.rows()) {
      if (!needsPlace(row) || state.reviews[row.index]) continue;
      const address = rowAddress(source.cells(row.index), source.targets());
      byAddress.set(address, [...(byAddress.get(address) ?? []), row.index]);
    }
    controller?.abort();
    const own = (controller = new AbortController());
    setState('progress', { running: true, done: 0, total: byAddress.size, message: null });
    const outcome = await geocodeBatch([...byAddress.keys()], {
      baseUrl: url, intervalMs, cache, signal: own.signal, fetch: source.fetch,
      onProgress: (done) => setState('progress', 'done', done),
      onResult: (address, candidates) => record(byAddress.get(address) ?? [], candidates),
    });
    if (controller !== own) return;
    controller = null;
    const message = outcome.status === 'failed' ? outcome.message : outcome.status === 'cancelled' ? `Cancelled after ${outcome.done} of ${byAddress.size}.` : null;
    setState('progress', { running: false, message });
  }

  /** The rows a place given to row `index` goes to: that row, and with places per address every row waiting or placed at its address. */
  function sharing(index: number): number[] {
    if (!source.perAddress?.()) return [index];
    const address = rowAddress(source.cells(index), source.targets());
    const same = source.rows().filter((row) => (needsPlace(row) || state.placements[row.index]) && rowAddress(source.cells(row.index), source.targets()) === address);
    return [...new Set([index, ...same.map((row) => row.index)])];
  }

  return {
    state,
    geocode,
    cancel: () => controller?.abort(),
    /** Places a row by hand (a map click): any review of it is settled. */
    place: (index: number, lat: number, lng: number) => {
      const rows = sharing(index);
      setState(produce((s) => {
        for (const at of rows) {
          s.placements[at] = { lat, lng, how: 'map' };
          delete s.reviews[at];
        }
      }));
    },
    /** Accepts candidate `k` of a row's review. */
    accept: (index: number, k: number) => {
      const candidate = state.reviews[index]?.candidates[k];
      if (!candidate) return;
      const rows = sharing(index);
      setState(produce((s) => {
        for (const at of rows) {
          s.placements[at] = { lat: candidate.lat, lng: candidate.lng, how: 'geocoded', label: candidate.label };
          delete s.reviews[at];
        }
      }));
    },
    reset: () => {
      controller?.abort();
      controller = null;
      setState(emptyPlacing());
    },
  };
}

/** The placing verbs. */
export type Placing = ReturnType<typeof createPlacing>;
