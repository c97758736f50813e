// Geocoding through a Nominatim- or Photon-compatible search service the user
// configured: the request URL for one address, the answer read into candidates
// (every field checked; names stay plain text), and the rule that says when a
// match is sure enough to place a row without asking. No fetching here.

/** One place a service offers for an address. */
export interface GeocodeCandidate {
  lat: number;
  lng: number;
  /** The service's name for the place (plain text, shown as text). */
  label: string;
  /** Nominatim `importance` or Photon's score (0–1; 0 when the service gives none). */
  score: number;
}

/** The two dialects: Nominatim (`/search?q=…&format=jsonv2`) and Photon (`/api?q=…`, GeoJSON). */
export type GeocodeFlavour = 'nominatim' | 'photon';

/** Candidates asked for per address: enough to offer another pick. */
export const CANDIDATE_LIMIT = 5;

/** Below this score a single match is still reviewed. */
export const DEFAULT_MIN_SCORE = 0.3;

/** Photon serves `/api`; anything else is spoken to as Nominatim. */
export function flavourOf(baseUrl: string): GeocodeFlavour {
  const path = new URL(baseUrl).pathname.replace(/\/+$/, '');
  return /\/api$/.test(path) ? 'photon' : 'nominatim';
}

/** Whether a setting value is a usable search URL (absolute http or https); the reason when not. */
export function checkGeocodeUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'must be a full URL such as https://nominatim.openstreetmap.org/search';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must start with http:// or https://';
  if (url.search || url.hash) return 'must not carry a query: the address is added as ?q=…';
  return null;
}

/** Trims, lower-cases and folds spaces and commas, so one address written two ways is one cache key. */
export function normaliseAddress(address: string): string {
  return address.normalize('NFKC').toLowerCase().replace(/\s*,\s*/g, ', ').replace(/\s+/g, ' ').replace(/^[\s,]+|[\s,]+$/g, '');
}

/** The search request for one address. */
export function buildSearchUrl(baseUrl: string, address: string): string {
  const url = new URL(baseUrl.trim());
  url.searchParams.set('q', address.trim());
  url.searchParams.set('limit', String(CANDIDATE_LIMIT));
  if (flavourOf(baseUrl) === 'nominatim') url.searchParams.set('format', 'jsonv2');
  return url.toString();
}

/** A coordinate from a number or a numeric string (Nominatim sends strings), or null. */
function coordinate(value: unknown, limit: number): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

const scoreOf = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);
const textOf = (value: unknown) => (typeof value === 'string' ? value.slice(0, 300) : '');

/** Thrown for an answer that is not what the protocol promises; the message names the path. */
export class GeocodeResponseError extends Error {}

function nominatimCandidates(body: unknown): GeocodeCandidate[] {
  if (!Array.isArray(body)) throw new GeocodeResponseError('the answer is not a list of places (expected Nominatim jsonv2)');
  return body.map((item: unknown, i): GeocodeCandidate => {
    const place = (item ?? {}) as Record<string, unknown>;
    const lat = coordinate(place.lat, 90);
    const lng = coordinate(place.lon, 180);
    if (lat === null) throw new GeocodeResponseError(`[${i}].lat is not a latitude`);
    if (lng === null) throw new GeocodeResponseError(`[${i}].lon is not a longitude`);
    return { lat, lng, label: textOf(place.display_name), score: scoreOf(place.importance) };
  });
}

function photonLabel(props: Record<string, unknown>): string {
  const street = [props.housenumber, props.street].filter((p) => typeof p === 'string').join(' ');
  return [props.name, street, props.postcode, props.city, props.country].map(textOf).filter(Boolean).join(', ');
}

function photonCandidates(body: unknown): GeocodeCandidate[] {
  const features = (body as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) throw new GeocodeResponseError('features is not a list (expected Photon GeoJSON)');
  return features.map((item: unknown, i): GeocodeCandidate => {
    const feature = (item ?? {}) as { geometry?: { coordinates?: unknown }; properties?: Record<string, unknown> };
    const coords = feature.geometry?.coordinates;
    if (!Array.isArray(coords) || coords.length < 2) throw new GeocodeResponseError(`features[${i}].geometry.coordinates is not [lon, lat]`);
    const lng = coordinate(coords[0], 180);
    const lat = coordinate(coords[1], 90);
    if (lng === null) throw new GeocodeResponseError(`features[${i}].geometry.coordinates[0] is not a longitude`);
    if (lat === null) throw new GeocodeResponseError(`features[${i}].geometry.coordinates[1] is not a latitude`);
    const props = feature.properties ?? {};
    return { lat, lng, label: photonLabel(props), score: scoreOf(props.score ?? props.importance) };
  });
}

/** The candidates of an answer, best first as the service ordered them; throws GeocodeResponseError on a malformed one. */
export function parseGeocodeResponse(body: unknown, flavour: GeocodeFlavour): GeocodeCandidate[] {
  const candidates = flavour === 'photon' ? photonCandidates(body) : nominatimCandidates(body);
  return candidates.slice(0, CANDIDATE_LIMIT);
}

/** What the import does with an address's candidates. */
export type GeocodeVerdict =
  | { kind: 'placed'; candidate: GeocodeCandidate }
  | { kind: 'review'; reason: string; candidates: GeocodeCandidate[] }
  | { kind: 'none' };

/**
 * The confidence rule: one candidate scoring at least `minScore` places the row; several
 * candidates, or one below `minScore`, go to review with the reason; none leaves it to the map.
 */
export function judgeCandidates(candidates: readonly GeocodeCandidate[], minScore = DEFAULT_MIN_SCORE): GeocodeVerdict {
  if (candidates.length === 0) return { kind: 'none' };
  if (candidates.length > 1) return { kind: 'review', reason: `${candidates.length} places match`, candidates: [...candidates] };
  const [only] = candidates;
  if (only.score < minScore) return { kind: 'review', reason: `a weak match (score ${only.score.toFixed(2)} < ${minScore})`, candidates: [only] };
  return { kind: 'placed', candidate: only };
}
