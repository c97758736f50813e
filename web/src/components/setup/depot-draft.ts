// The depot form's draft: what the user typed, as text, and its conversion to a
// depot checked as an import checks one (validate-entity.ts), every problem named
// by the form label it belongs to. Pure: no Solid, no DOM.
import type { Depot, Scenario } from '../../domain/scenario';
import { parseLatLng, validateDepot, type EntityResult, type FieldIssue } from '../../domain/validate-entity';
import { parseClock } from '../../io/column-map';
import { formatDayMinutes } from '../ui/format';

/** The depot form's inputs, as typed. */
export interface DepotDraft {
  name: string;
  /** "lat, lng". */
  location: string;
  /** HH:MM. */
  open: string;
  close: string;
  /** Optional; generated from the name when blank. */
  id: string;
}

/** The form of a new depot: open 07:00–20:00 unless the user says otherwise. */
export function emptyDepotDraft(): DepotDraft {
  return { name: '', location: '', open: '07:00', close: '20:00', id: '' };
}

/** The form of an existing depot. */
export function draftOfDepot(depot: Depot): DepotDraft {
  return { name: depot.name, location: `${depot.lat}, ${depot.lng}`, open: formatDayMinutes(depot.open), close: formatDayMinutes(depot.close), id: depot.id };
}

/** "HH:MM" (or "7", "730", "7h30", "2 pm") as minutes since midnight; "HH:MM +1" is the next day. */
export function readDayTime(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const next = /^(.*?)\s*\+\s*(\d)$/.exec(text.trim());
  const parsed = parseClock(next ? next[1] : text);
  if (!text.trim()) return { ok: false, message: 'type a time as HH:MM, e.g. 07:30' };
  if (!parsed.ok) return { ok: false, message: parsed.message };
  return { ok: true, value: parsed.value + (next ? Number(next[2]) * 1440 : 0) };
}

/** An id made from `name` ("North Hub" → "north-hub"), or "depot", made unique among `taken`. */
export function depotIdFor(name: string, taken: readonly string[]): string {
  const base = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'depot';
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

const issue = (field: string, label: string, message: string): FieldIssue => ({ field, label, message });

/**
 * The depot the draft describes, checked for `scenario` (`original`: the depot being edited).
 * Issues name the form's labels: Name, Location, Opens, Closes, Id.
 */
export function depotFromDraft(draft: DepotDraft, scenario: Scenario, original?: Depot): EntityResult<Depot> {
  const issues: FieldIssue[] = [];
  const name = draft.name.trim();
  if (!name) issues.push(issue('name', 'Name', 'type a name, e.g. "North hub"'));
  const place = parseLatLng(draft.location);
  if (!place.ok) issues.push(issue('lat', 'Location', place.message));
  const open = readDayTime(draft.open);
  if (!open.ok) issues.push(issue('open', 'Opens', open.message));
  const close = readDayTime(draft.close);
  if (!close.ok) issues.push(issue('close', 'Closes', close.message));
  if (issues.length || !place.ok || !open.ok || !close.ok) return { ok: false, issues };
  const others = scenario.depots.filter((d) => d.id !== original?.id).map((d) => d.id);
  const id = draft.id.trim() || (original && name === original.name ? original.id : depotIdFor(name, others));
  const depot: Depot = { id, name, lat: place.lat, lng: place.lng, open: open.value, close: close.value };
  // A supplied travel matrix row belongs to the place, not to the depot.
  if (original?.matrixIndex !== undefined && original.lat === depot.lat && original.lng === depot.lng) depot.matrixIndex = original.matrixIndex;
  return validateDepot(depot, scenario, original?.id);
}

/** True when (lat, lng) lies outside the box around the scenario's depots and orders (or there is none): the map should frame again. */
export function outsideData(scenario: Scenario, lat: number, lng: number): boolean {
  let [south, north, west, east] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of [...scenario.depots, ...scenario.orders]) {
    [south, north, west, east] = [Math.min(south, p.lat), Math.max(north, p.lat), Math.min(west, p.lng), Math.max(east, p.lng)];
  }
  return !(lat >= south && lat <= north && lng >= west && lng <= east);
}
