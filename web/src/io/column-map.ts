// Matches the columns of an imported table to order or vehicle fields from
// common header names and synonyms (case-, accent- and spacing-insensitive),
// and reads the cell formats people type: clock times, decimal commas, windows.
import { SERVICE_TYPES, type ServiceType, type TimeWindow } from '../domain/scenario';

/** What an imported table holds. */
export type ImportKind = 'orders' | 'vehicles';

/**
 * Where a column goes: a field key (`lat`, `amount:0` for the first capacity
 * unit…), `extra` (kept as a custom field and exported again) or `ignore`.
 */
export type ColumnTarget = string;

/** How a time column is written: a clock ("10:00", "10h00", "1000") or minutes since midnight. */
export type TimeFormat = 'clock' | 'minutes';

/** How a field's cells are read. */
export type FieldFormat = 'text' | 'number' | 'time' | 'window' | 'list';

/** One field an import column can fill. */
export interface FieldDef {
  key: string;
  label: string;
  format: FieldFormat;
  /** Header names that match this field, compared after `normalizeHeader`. */
  synonyms: string[];
}

const ORDER_FIELDS: FieldDef[] = [
  { key: 'id', label: 'Order id', format: 'text', synonyms: ['order id', 'id', 'order', 'ref', 'reference', 'order ref', 'order reference', 'order number', 'order no', 'number', 'no', 'commande', 'job id', 'shipment id'] },
  { key: 'customerName', label: 'Customer name', format: 'text', synonyms: ['customer', 'customer name', 'name', 'client', 'client name', 'recipient', 'consignee', 'contact', 'contact name', 'nom'] },
  { key: 'address', label: 'Address', format: 'text', synonyms: ['address', 'street', 'street address', 'addr', 'delivery address', 'location', 'adresse', 'full address'] },
  { key: 'lat', label: 'Latitude', format: 'number', synonyms: ['lat', 'latitude', 'y', 'lat deg', 'breite', 'geo lat'] },
  { key: 'lng', label: 'Longitude', format: 'number', synonyms: ['lng', 'lon', 'long', 'longitude', 'x', 'lng deg', 'lon deg', 'laenge', 'geo lng', 'geo lon'] },
  { key: 'windowStart', label: 'Window start', format: 'time', synonyms: ['window start', 'start', 'from', 'earliest', 'time from', 'window from', 'tw start', 'ready time', 'open', 'opens', 'earliest arrival', 'debut', 'start time'] },
  { key: 'windowEnd', label: 'Window end', format: 'time', synonyms: ['window end', 'end', 'to', 'until', 'latest', 'time to', 'window to', 'tw end', 'due time', 'close', 'closes', 'latest arrival', 'fin', 'end time'] },
  { key: 'window', label: 'Window ("10:00-12:00")', format: 'window', synonyms: ['window', 'time window', 'time windows', 'windows', 'slot', 'delivery slot', 'tw', 'creneau'] },
  { key: 'serviceMinutes', label: 'Service minutes', format: 'number', synonyms: ['service minutes', 'service', 'service time', 'service duration', 'duration', 'duration min', 'minutes', 'stop time', 'handling time', 'service min', 'duree'] },
  { key: 'skills', label: 'Skills', format: 'list', synonyms: ['skills', 'skill', 'required skills', 'equipment', 'competences'] },
  { key: 'serviceType', label: 'Service type', format: 'text', synonyms: ['service type', 'type', 'delivery type', 'service level', 'level', 'prestation'] },
  { key: 'priority', label: 'Priority', format: 'number', synonyms: ['priority', 'prio', 'importance', 'priorite'] },
  { key: 'notes', label: 'Notes', format: 'text', synonyms: ['notes', 'note', 'comment', 'comments', 'instructions', 'delivery instructions', 'remarks', 'remarques'] },
  { key: 'phone', label: 'Phone', format: 'text', synonyms: ['phone', 'telephone', 'tel', 'mobile', 'phone number', 'cell'] },
  { key: 'email', label: 'Email', format: 'text', synonyms: ['email', 'e mail', 'mail', 'email address'] },
];

const VEHICLE_FIELDS: FieldDef[] = [
  { key: 'id', label: 'Vehicle id', format: 'text', synonyms: ['vehicle id', 'id', 'vehicle', 'truck id', 'van id', 'plate', 'registration'] },
  { key: 'name', label: 'Name', format: 'text', synonyms: ['name', 'vehicle name', 'driver', 'driver name', 'label'] },
  { key: 'type', label: 'Vehicle type', format: 'text', synonyms: ['type', 'vehicle type', 'profile', 'category'] },
  { key: 'startDepot', label: 'Start depot', format: 'text', synonyms: ['start depot', 'depot', 'start', 'start hub', 'hub', 'start location'] },
  { key: 'endDepot', label: 'End depot', format: 'text', synonyms: ['end depot', 'end', 'end hub', 'end location'] },
  { key: 'shiftStart', label: 'Shift start', format: 'time', synonyms: ['shift start', 'from', 'start time', 'available from', 'earliest', 'shift from'] },
  { key: 'shiftEnd', label: 'Shift end', format: 'time', synonyms: ['shift end', 'to', 'end time', 'available to', 'until', 'latest', 'shift to'] },
  { key: 'speedFactor', label: 'Speed factor', format: 'number', synonyms: ['speed factor', 'speed', 'slowness'] },
  { key: 'fixedCost', label: 'Fixed cost', format: 'number', synonyms: ['fixed cost', 'fixed', 'cost fixed', 'cost per day', 'day cost'] },
  { key: 'perKmCost', label: 'Cost per km', format: 'number', synonyms: ['cost per km', 'per km', 'km cost', 'cost km'] },
  { key: 'perHourCost', label: 'Cost per hour', format: 'number', synonyms: ['cost per hour', 'per hour', 'hourly cost', 'cost hour', 'hourly rate'] },
  { key: 'skills', label: 'Skills', format: 'list', synonyms: ['skills', 'skill', 'crew skills', 'features'] },
];

/** Unit families: a unit's own name plus the words people use for that kind of amount. */
const UNIT_FAMILIES: { units: string[]; words: string[] }[] = [
  { units: ['kg', 'kgs', 'lb', 'lbs', 't', 'tonnes', 'tons', 'g'], words: ['weight', 'mass', 'poids', 'gewicht'] },
  { units: ['m3', 'l', 'litres', 'liters', 'cbm', 'ft3', 'cuft'], words: ['volume', 'vol', 'cubic'] },
  { units: ['items', 'pieces', 'pcs', 'parcels', 'boxes', 'pallets', 'units', 'colis'], words: ['items', 'pieces', 'pcs', 'qty', 'quantity', 'count', 'parcels', 'packages', 'boxes', 'units', 'colis'] },
];

/** Lower-cases, strips accents and joins words with single spaces: "Weight (kg)" → "weight kg". */
export function normalizeHeader(header: string): string {
  return header.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/m³/g, 'm3').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Synonyms of the amount column for capacity unit `unit`. */
function unitSynonyms(unit: string, prefix: string): string[] {
  const name = normalizeHeader(unit);
  const family = UNIT_FAMILIES.find((f) => f.units.includes(name) || f.words.includes(name));
  const words = family ? [name, ...family.words] : [name];
  const withUnit = words.flatMap((w) => (w === name ? [w] : [w, `${w} ${name}`, `${name} ${w}`]));
  return [...withUnit, `${prefix} ${name}`, `amount ${name}`, `demand ${name}`, `load ${name}`];
}

/** Fields of an import kind, with one amount/capacity field per capacity unit. */
export function fieldsFor(kind: ImportKind, capacityUnits: readonly string[]): FieldDef[] {
  const base = kind === 'orders' ? ORDER_FIELDS : VEHICLE_FIELDS;
  const prefix = kind === 'orders' ? 'amount' : 'capacity';
  const amounts = capacityUnits.map((unit, i): FieldDef => ({
    key: `${prefix}:${i}`,
    label: `${kind === 'orders' ? 'Amount' : 'Capacity'} (${unit})`,
    format: 'number',
    synonyms: unitSynonyms(unit, prefix),
  }));
  return [...base, ...amounts];
}

const compact = (s: string) => s.replace(/ /g, '');

/** Length of the longest synonym matching `header` exactly (pass 1) or as a leading/trailing run of words (pass 2). */
function matchScore(header: string, field: FieldDef, partial: boolean): number {
  let best = 0;
  for (const raw of field.synonyms) {
    const synonym = normalizeHeader(raw);
    const exact = header === synonym || compact(header) === compact(synonym);
    const edge = partial && synonym.length >= 3 && (header.startsWith(`${synonym} `) || header.endsWith(` ${synonym}`));
    if (exact || edge) best = Math.max(best, synonym.length);
  }
  return best;
}

/** Picks a target for every column: exact synonym matches first, then unambiguous partial ones; the rest are `extra`. */
export function autoMatch(headers: readonly string[], fields: readonly FieldDef[]): ColumnTarget[] {
  const targets: ColumnTarget[] = headers.map((h) => (normalizeHeader(h) ? 'extra' : 'ignore'));
  const taken = new Set<string>();
  for (const partial of [false, true]) {
    headers.forEach((raw, column) => {
      const header = normalizeHeader(raw);
      if (!header || targets[column] !== 'extra') return;
      let best: { key: string; score: number } | null = null;
      let candidates = 0;
      for (const field of fields) {
        const score = matchScore(header, field, partial);
        if (score > 0) candidates += 1;
        if (score > (best?.score ?? 0) && !taken.has(field.key)) best = { key: field.key, score };
      }
      // A partial match counts only when one field fits: "service start" could be either.
      if (best && !(partial && candidates > 1)) {
        targets[column] = best.key;
        taken.add(best.key);
      }
    });
  }
  return targets;
}

/** Result of reading one cell: a value or the reason it cannot be read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Reads "12.5", "12,5", "1 250" and "1,250.5" as numbers. */
export function parseNumber(text: string): Parsed<number> {
  let s = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (s.includes(',') && !s.includes('.')) s = s.replace(',', '.');
  else if (s.includes(',') && s.includes('.')) s = s.replace(/,/g, '');
  const value = s === '' ? NaN : Number(s);
  return Number.isFinite(value) ? ok(value) : fail(`'${text}' is not a number`);
}

const CLOCK = /^(\d{1,2})\s*(?:[:h.]\s*(\d{2})?)?(?::\d{2})?\s*(am|pm)?$/i;

/** Reads a time of day as minutes since midnight: "10:00", "10h00", "10h", "1000", "930", "2 pm", "2026-11-21T10:00". */
export function parseClock(text: string): Parsed<number> {
  let s = text.trim().toLowerCase();
  const iso = /^\d{4}-\d{2}-\d{2}[t ](\d{1,2}:\d{2})/.exec(s);
  if (iso) s = iso[1];
  const digits = /^(\d{1,2})(\d{2})$/.exec(s);
  const match = digits ? [s, digits[1], digits[2], undefined] : CLOCK.exec(s);
  if (!match) return fail(`'${text}' is not a time (write 10:00, 10h00 or 1000)`);
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  if (match[3] === 'pm' && hours < 12) hours += 12;
  if (match[3] === 'am' && hours === 12) hours = 0;
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return fail(`'${text}' is not a valid time of day`);
  return ok(hours * 60 + minutes);
}

/** Reads a time cell in the column's format; `minutes` also accepts clock text. */
export function parseTime(text: string, format: TimeFormat): Parsed<number> {
  if (format === 'minutes' && /^\s*\d+\s*(min)?\s*$/i.test(text)) return ok(Number.parseInt(text, 10));
  return parseClock(text);
}

/**
 * Guesses a time column's format: minutes when the header says so ("start (min)")
 * or when some whole number cannot be a clock (e.g. 600 → last two digits 00 fit,
 * but 1170 does not); a clock otherwise.
 */
export function detectTimeFormat(header: string, values: readonly string[]): TimeFormat {
  const words = normalizeHeader(header).split(' ');
  if (words.some((w) => w === 'min' || w === 'mins' || w === 'minutes')) return 'minutes';
  const numbers = values.map((v) => v.trim()).filter((v) => v !== '');
  if (numbers.length === 0 || !numbers.every((v) => /^\d+$/.test(v))) return 'clock';
  return numbers.some((v) => !parseClock(v).ok) ? 'minutes' : 'clock';
}

/** Reads "10:00-12:00; 14:00-16:00" (also "–" or "to" between, "," or "|" between windows). */
export function parseWindows(text: string, format: TimeFormat): Parsed<TimeWindow[]> {
  const windows: TimeWindow[] = [];
  for (const part of text.split(/[;,|/]/).map((p) => p.trim()).filter(Boolean)) {
    const ends = part.split(/\s*(?:-|–|—|\bto\b)\s*/i);
    if (ends.length !== 2) return fail(`'${part}' is not a window (write 10:00-12:00)`);
    const start = parseTime(ends[0], format);
    const end = parseTime(ends[1], format);
    if (!start.ok) return start;
    if (!end.ok) return end;
    windows.push({ start: start.value, end: end.value });
  }
  return ok(windows);
}

const SERVICE_TYPE_WORDS: Record<ServiceType, string[]> = {
  curbside: ['curbside', 'curb', 'kerbside', 'threshold', 'doorstep', 'door', 'drop', 'standard'],
  'room-of-choice': ['room of choice', 'roc', 'room', 'inside'],
  'white-glove': ['white glove', 'wg', 'premium', 'full service'],
  installation: ['installation', 'install', 'installer', 'assembly'],
  'haul-away': ['haul away', 'haulaway', 'removal', 'take back', 'take away'],
  return: ['return', 'pickup', 'pick up', 'collection', 'collect'],
  're-delivery': ['re delivery', 'redelivery', 'second attempt', 'retry', 'redeliver'],
};

/** Reads a service type from its name or a common synonym ("threshold", "Install"). */
export function parseServiceType(text: string): Parsed<ServiceType> {
  const word = normalizeHeader(text);
  for (const type of SERVICE_TYPES) {
    if (SERVICE_TYPE_WORDS[type].some((w) => compact(w) === compact(word))) return ok(type);
  }
  return fail(`unknown service type '${text}' (use one of: ${SERVICE_TYPES.join(', ')})`);
}

/** Minutes on site when a row gives none, by service type (DOMAIN.md defaults). */
export const DEFAULT_SERVICE_MINUTES: Record<ServiceType, number> = {
  curbside: 5, 'room-of-choice': 15, 'white-glove': 30, installation: 60, 'haul-away': 15, return: 10, 're-delivery': 10,
};

/** Splits "white-glove, installer; liftgate" into trimmed items. */
export function parseList(text: string): string[] {
  return text.split(/[,;|]/).map((s) => s.trim()).filter(Boolean);
}
