// Where an imported vehicle starts and ends: a depot of the scenario (by id or
// name), or a place the file gives as "lat, lng" or in latitude/longitude
// columns. A place that is no known depot becomes a new depot, once per place;
// the import dialog lists those for review before anything is applied.
import type { Depot, TimeWindow } from '../domain/scenario';
import { greatCircleM } from '../domain/geo';
import { parseLatLng } from '../domain/validate-entity';
import { looksLikeLatLng, type Parsed } from './cell-parse';

/** Two places closer than this are the same depot. */
const SAME_PLACE_M = 50;

/** How many depot names an "unknown depot" message lists. */
const KNOWN_LISTED = 8;

/**
 * The start of a fleet row that names no depot and gives no coordinates ("1200 NW Naito Pkwy, Portland", or
 * "Main warehouse" in a scenario without depots): it waits, like an order without coordinates, for the place the
 * review gives it (geocoded or clicked on the map), and becomes a depot of that name there.
 */
export const START_NEEDS_PLACE = 'no depot of that name and no coordinates yet: geocode it as an address or place it on the map';

/** What a row says about one end of a vehicle's route. */
export interface PlaceRef {
  /** The start/end cell: a depot id or name, or "lat, lng". */
  text?: string;
  /** A depot name column: names the depot the row's place creates. */
  name?: string;
  lat?: number;
  lng?: number;
  /** Opening hours for a depot the row creates (a new depot is open all day otherwise). */
  hours?: TimeWindow;
}

const slug = (text: string) => text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'depot';
const fixed = (n: number) => String(Math.round(n * 1e5) / 1e5);

/** Resolves places to depot ids, planning new depots for new places. */
export class DepotPlanner {
  private readonly planned: Depot[] = [];
  /** A cell's text placed at a depot already known ("1200 NW Naito Pkwy" geocoded onto the hub): later rows of it start there too. */
  private readonly aliases = new Map<string, string>();
  constructor(private readonly existing: readonly Depot[]) {}

  private all(): Depot[] {
    return [...this.existing, ...this.planned];
  }

  private byKey(text: string): Depot | undefined {
    const key = text.trim().toLowerCase();
    const alias = this.aliases.get(key);
    return this.all().find((d) => (alias !== undefined ? d.id === alias : d.id.toLowerCase() === key || d.name.trim().toLowerCase() === key));
  }

  private near(lat: number, lng: number): Depot | undefined {
    return this.all().find((d) => greatCircleM(d.lng, d.lat, lng, lat) < SAME_PLACE_M);
  }

  private freshId(wanted: string): string {
    const taken = new Set(this.all().map((d) => d.id));
    if (!taken.has(wanted)) return wanted;
    let n = 2;
    while (taken.has(`${wanted}-${n}`)) n += 1;
    return `${wanted}-${n}`;
  }

  /** Whether a start/end cell is a place still to be given: no depot's id or name, and no "lat, lng". */
  unplaced(text: string): boolean {
    return !looksLikeLatLng(text) && this.byKey(text) === undefined;
  }

  /** The message of a start waiting for its place; with depots, the names a cell may give instead. */
  needsPlaceMessage(): string {
    return this.all().length === 0 ? START_NEEDS_PLACE : `${START_NEEDS_PLACE}, or write a depot's name (${this.knownList()})`;
  }

  /** The depot id for a place; `undefined` value when the row says nothing about it. */
  resolve(ref: PlaceRef): Parsed<string | undefined> {
    const text = ref.text?.trim() || undefined;
    const isPair = text !== undefined && looksLikeLatLng(text);
    if (text && !isPair) {
      const known = this.byKey(text);
      if (known) return { ok: true, value: known.id };
    }
    let point = ref.lat !== undefined && ref.lng !== undefined ? { lat: ref.lat, lng: ref.lng } : undefined;
    if (isPair) {
      const pair = parseLatLng(text);
      if (!pair.ok) return { ok: false, message: `'${text}': ${pair.message}` };
      point = { lat: pair.lat, lng: pair.lng };
    }
    if (!point) {
      if (text === undefined) return { ok: true, value: undefined };
      // Names are the files' text, quoted like the cell: a name '[object Object]' is not the planner's wording.
      return { ok: false, message: `unknown depot '${text}' (${this.knownList()}); write its place as "lat, lng" or add latitude and longitude columns` };
    }
    // A new depot is made from this place: it must be one (the row reader checks only its own fields).
    if (!(Math.abs(point.lat) <= 90 && Math.abs(point.lng) <= 180)) {
      return { ok: false, message: `${fixed(point.lat)}, ${fixed(point.lng)} is not a place: latitude must lie within ±90 and longitude within ±180` };
    }
    const same = this.near(point.lat, point.lng);
    if (same) {
      if (text !== undefined && !isPair) this.aliases.set(text.toLowerCase(), same.id);
      return { ok: true, value: same.id };
    }
    return { ok: true, value: this.create(point, text !== undefined && !isPair ? text : undefined, ref) };
  }

  private create(point: { lat: number; lng: number }, label: string | undefined, ref: PlaceRef): string {
    // With a name column the cell is the depot's id (as exported); alone it is its name.
    const name = ref.name?.trim() || label || `Depot ${fixed(point.lat)}, ${fixed(point.lng)}`;
    const id = this.freshId(ref.name?.trim() && label ? label : slug(label ?? name));
    const hours = ref.hours ?? { start: 0, end: 1440 };
    this.planned.push({ id, name, lat: point.lat, lng: point.lng, open: hours.start, close: hours.end });
    return id;
  }

  /**
   * The depots a cell may name, for an "unknown depot" message: the scenario's first, then those
   * planned by earlier rows; at most KNOWN_LISTED, so a file that plans thousands of places does not
   * make every message thousands of names long.
   */
  private knownList(): string {
    const all = this.all();
    if (all.length === 0) return 'no depots yet';
    const listed = all.slice(0, KNOWN_LISTED).map((d) => `'${d.name || d.id}'`).join(', ');
    return `known: ${listed}${all.length > KNOWN_LISTED ? ` and ${all.length - KNOWN_LISTED} more` : ''}`;
  }

  /** Depots planned so far, in the order first met. */
  created(): Depot[] {
    return [...this.planned];
  }
}
