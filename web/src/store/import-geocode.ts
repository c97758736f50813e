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

/**
 * Which place of a row: its own (an order's, a fleet row's start) or a fleet row's end at another address than its
 * start ("Start Address: 1200 NW Naito Pkwy" | "End Address: 1420 N Milwaukee Ave", a driver who ends the day at home).
 */
export type PlaceSide = 'start' | 'end';

/** The key a place is kept under: the row index for its own place, `"<index>:end"` for a fleet row's end. */
export const placeKey = (index: number, side: PlaceSide = 'start'): string => (side === 'start' ? String(index) : `${index}:end`);

/** The row and side of a place key. */
export function readPlaceKey(key: string): { index: number; side: PlaceSide } {
  const end = key.endsWith(':end');
  return { index: Number(end ? key.slice(0, -4) : key), side: end ? 'end' : 'start' };
}

/** Placing state, by place key (`placeKey`: a row index into the table, or a fleet row's end). */
export interface PlacingFields {
  placements: Record<string, Placement>;
  reviews: Record<string, PlaceReview>;
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
   * Whether every place of one address is one: a fleet's starts and ends (one depot per address), so a place given
   * to one van is its fleet-mates' too. Orders are placed row by row: rows of a coarse address ("Berlin") are
   * no one place.
   */
  perAddress?: () => boolean;
  cache?: GeocodeCache;
  fetch?: typeof fetch;
}

/** Nominatim's usage policy: one request a second. */
export const DEFAULT_INTERVAL_MS = 1000;

/**
 * The places a row waits for: an order without coordinates but with an address, a fleet row's start given as an
 * address ('start'), and its end given as another address ('end').
 */
export function waitingSides(row: RowResult<unknown>): PlaceSide[] {
  const sides: PlaceSide[] = [];
  if (row.issues.some((i) => (i.field === 'lat/lng' && i.message === NEEDS_PLACE) || (i.field === 'startDepot' && i.message.startsWith(START_NEEDS_PLACE)))) sides.push('start');
  if (row.issues.some((i) => i.field === 'endDepot' && i.message.startsWith(START_NEEDS_PLACE))) sides.push('end');
  return sides;
}

/** Whether a row waits for a place (`waitingSides`). */
export const needsPlace = (row: RowResult<unknown>) => waitingSides(row).length > 0;

/** The address a place of a row is looked up by: its address (an order's, a fleet start's cell), or its end cell. */
export function sideAddress(cells: readonly string[], targets: readonly string[], side: PlaceSide): string {
  if (side === 'start') return rowAddress(cells, targets);
  const column = targets.indexOf('endDepot');
  return column < 0 ? '' : (cells[column] ?? '').trim();
}

const idle = (): GeocodeProgress => ({ running: false, done: 0, total: 0, message: null });
/** A fresh placing state. */
export const emptyPlacing = (): PlacingFields => ({ placements: {}, reviews: {}, progress: idle() });

/** Creates the placing state and its verbs. */
export function createPlacing(source: PlacingSource) {
  const [state, setState] = createStore<PlacingFields>(emptyPlacing());
  const cache = source.cache ?? idbGeocodeCache();
  let controller: AbortController | null = null;

  function record(keys: string[], candidates: GeocodeCandidate[]): void {
    const verdict = judgeCandidates(candidates, DEFAULT_MIN_SCORE);
    setState(produce((s) => {
      for (const key of keys) {
        if (verdict.kind === 'placed') s.placements[key] = { lat: verdict.candidate.lat, lng: verdict.candidate.lng, how: 'geocoded', label: verdict.candidate.label };
        else s.reviews[key] = verdict.kind === 'review' ? { reason: verdict.reason, candidates: verdict.candidates } : { reason: 'the service found no place for this address', candidates: [] };
      }
    }));
  }

  /** Every place a row waits for, with its key and address. */
  const waitingPlaces = (row: RowResult<unknown>) => waitingSides(row).map((side) => ({ key: placeKey(row.index, side), address: sideAddress(source.cells(row.index), source.targets(), side) }));

  /** Geocodes every row still waiting (not reviewed yet), one distinct address at a time. */
  async function geocode(): Promise<void> {
    const { url, intervalMs } = source.settings();
    if (!url) return void setState('progress', { ...idle(), message: 'Geocoding is off: set a geocoding URL in Settings, or place the rows on the map.' });
    const byAddress = new Map<string, string[]>();
    for (const row of source.rows()) {
      for (const { key, address } of waitingPlaces(row)) {
        if (state.reviews[key]) continue;
        byAddress.set(address, [...(byAddress.get(address) ?? []), key]);
      }
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

  /**
   * The places a place given under `key` goes to: that one, and with places per address every start or end waiting
   * or placed at its address (a van's end at the address another van starts from is that depot).
   */
  function sharing(key: string): string[] {
    if (!source.perAddress?.()) return [key];
    const at = readPlaceKey(key);
    const address = sideAddress(source.cells(at.index), source.targets(), at.side).toLowerCase();
    const same: string[] = [];
    for (const row of source.rows()) {
      const waiting = waitingSides(row);
      for (const side of ['start', 'end'] as const) {
        const other = placeKey(row.index, side);
        if (!waiting.includes(side) && !state.placements[other]) continue;
        if (sideAddress(source.cells(row.index), source.targets(), side).toLowerCase() === address) same.push(other);
      }
    }
    return [...new Set([key, ...same])];
  }

  /** Gives the places `sharing(key)` a place. */
  function give(key: string, place: Placement): void {
    const keys = sharing(key);
    setState(produce((s) => {
      for (const at of keys) {
        s.placements[at] = { ...place };
        delete s.reviews[at];
      }
    }));
  }

  return {
    state,
    geocode,
    cancel: () => controller?.abort(),
    /** Places a row (its place `key`: `placeKey`) by hand, a map click: any review of it is settled. */
    place: (key: string, lat: number, lng: number) => give(key, { lat, lng, how: 'map' }),
    /** Accepts candidate `k` of the review of place `key`. */
    accept: (key: string, k: number) => {
      const candidate = state.reviews[key]?.candidates[k];
      if (candidate) give(key, { lat: candidate.lat, lng: candidate.lng, how: 'geocoded', label: candidate.label });
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
