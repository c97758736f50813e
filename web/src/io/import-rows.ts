// Turns the rows of an imported table into orders or vehicles through a column
// mapping, and says for every row that cannot be used which field is wrong and
// why ("row 14, lat: latitude must be ≤ 90"). Nothing here drops a row.
import * as v from 'valibot';
import { serviceTypeSpec } from '../domain/service-types';
import { orderSchema, vehicleSchema, type Depot, type Order, type Scenario, type Vehicle } from '../domain/scenario';
import type { Table } from './csv';
import { decimalCommaFile, normalizeHeader } from './cell-parse';
import { LOCAL_CAPACITY_WORDS, LOCAL_END_PLACES, LOCAL_ORDER_SYNONYMS, LOCAL_START_PLACES, LOCAL_VEHICLE_SYNONYMS } from './fields-local';
import { fieldsFor, type ImportKind } from './column-map';
import { buildOrder, rowDates, WINDOW_DATE_FIELDS } from './import-orders';
import { DepotPlanner } from './import-depots';
import { buildVehicle } from './import-vehicles';
import { RowReader, type RowContext, type RowIssue, type RowResult } from './row-reader';
import { pairedOrder, shipmentPairs, type ShipmentPairs, type TypeNeeds } from './shipment-pairs';

export type { RowContext, RowIssue, RowResult } from './row-reader';

const NESTED_FIELDS: Record<string, Record<string, string>> = {
  shift: { start: 'shiftStart', end: 'shiftEnd' },
  costs: { fixed: 'fixedCost', perKm: 'perKmCost', perHour: 'perHourCost' },
  crew: { size: 'crewSize', skills: 'crewSkills' },
  overtime: { maxMinutes: 'overtimeMaxMinutes', costPerMinute: 'overtimeCostPerMinute' },
  lateness: { maxMinutes: 'latenessMax', costPerMinute: 'latenessCost' },
  pickup: { lat: 'pickupLat', lng: 'pickupLng', address: 'pickupAddress', timeWindows: 'pickupWindows', serviceMinutes: 'pickupServiceMinutes' },
  limits: { maxStops: 'maxStops', maxDurationMinutes: 'maxDurationMinutes', maxDrivingMinutes: 'maxDrivingMinutes', maxDistanceKm: 'maxDistanceKm' },
};
const TOP_FIELDS: Record<string, string> = { startDepotId: 'startDepot', endDepotId: 'endDepot' };

/** Field key of a schema issue: `timeWindows` → `window`, `amounts[1]` → `amount:1`, `shift.end` → `shiftEnd`. */
function fieldOfSchemaIssue(kind: ImportKind, path: (string | number)[]): string {
  const [head, next, leaf] = path;
  if (head === 'amounts' || head === 'capacity') return `${kind === 'orders' ? 'amount' : 'capacity'}:${next}`;
  if (head === 'pickupAmounts') return `pickupAmount:${next}`;
  if (head === 'timeWindows') return leaf === 'end' ? 'windowEnd' : 'windowStart';
  const nested = NESTED_FIELDS[String(head)];
  // A rule on the whole object ("window opens after it closes") is shown on its first field.
  if (nested) return nested[String(next)] ?? Object.values(nested)[0];
  return TOP_FIELDS[String(head)] ?? String(head ?? 'row');
}

const DEPOT_FIELDS = ['startDepot', 'endDepot', 'startLat', 'startLng', 'endLat', 'endLng'];
const WINDOW_REVERSED = 'window opens after it closes';

function schemaIssues(kind: ImportKind, value: unknown, row: RowReader): RowIssue[] {
  const parsed = v.safeParse(kind === 'orders' ? orderSchema : vehicleSchema, value);
  if (parsed.success) return [];
  const depotIssue = row.issues.some((i) => DEPOT_FIELDS.includes(i.field));
  return parsed.issues.map((issue) => {
    const path = (issue.path ?? []).map((p) => p.key as string | number);
    const field = fieldOfSchemaIssue(kind, path);
    const column = row.column(field) ?? (field.startsWith('window') ? row.column('window') : field === 'pickupWindows' ? row.column('pickupWindowStart') : null);
    const message = field === 'id' && !row.text('id') ? `${kind === 'orders' ? 'order' : 'vehicle'} id is required`
      // A night window or shift read as closing before it opens: how to write one past midnight.
      : issue.message === WINDOW_REVERSED ? `${issue.message} (one past midnight is written 22:00-02:00 +1)` : issue.message;
    return { field, column, message };
  }).filter((issue) => !row.has(issue.field)
    && !((issue.field === 'lat' || issue.field === 'lng') && (row.has('lat/lng') || row.has('coordinates')))
    && !(depotIssue && DEPOT_FIELDS.includes(issue.field)));
}

/** The rows read, plus the depots the valid vehicle rows start or end at that the scenario does not have yet. */
export interface ImportRead {
  rows: RowResult<Order | Vehicle>[];
  newDepots: Depot[];
  /** Every depot planned while reading, also by rows rejected later: the names an "unknown depot" message may quote. */
  plannedDepots: Depot[];
  /** How pickup rows were paired with their delivery rows (an orders file; shipment-pairs.ts). */
  shipments?: Pick<ShipmentPairs, 'link' | 'related' | 'unpaired'>;
}

/** Columns mapped to a number field (amounts, capacities, coordinates, costs, limits). */
function numberColumns(ctx: RowContext): number[] {
  const numeric = new Set(fieldsFor(ctx.kind, ctx.capacityUnits).filter((f) => f.format === 'number').map((f) => f.key));
  return ctx.targets.flatMap((target, column) => (numeric.has(target) ? [column] : []));
}

/**
 * The days an orders file's date column names (or, without one, the dates its windows are written with), with their
 * orders not in `skip` (a row read either way round, "10/12/2026", counts on the scenario's day when either reading
 * is), and whether rows of other days are to be held back: when some row of the file is for the scenario's day and
 * some for another.
 */
export function fileDates(table: Table, kind: ImportKind, targets: readonly string[], day: string | undefined, skip: ReadonlySet<number> = new Set()): { days: Map<string, number>; hold: boolean; monthFirst: boolean | null } {
  const days = new Map<string, number>();
  const windowColumns = WINDOW_DATE_FIELDS.map((key) => targets.indexOf(key)).filter((c) => c >= 0);
  if (kind !== 'orders' || (!targets.includes('date') && windowColumns.length === 0) || !day) return { days, hold: false, monthFirst: null };
  const idColumn = targets.indexOf('id');
  const named = new Set<string>();
  let previous: string | null = null;
  const rowsDates: RowDates[] = [];
  for (const [index, cells] of table.rows.entries()) {
    // An order's further lines (its id again right below) are no more orders; removed and imported rows are gone.
    const id = idColumn < 0 ? null : (cells[idColumn] ?? '').trim();
    const again = id !== null && id !== '' && id === previous;
    previous = id;
    if (again) continue;
    const read = rowDates(cells, targets);
    if (read) rowsDates.push([index, read.dates, read.column]);
  }
  // A date read either way round ("12/02/2026": datesOf gives the day-month reading first) counts on the day of the
  // file's own order: the one its unambiguous dates or its dates of the scenario's day are written in; when nothing
  // tells, the reading nearer the scenario's day.
  const monthFirst = monthFirstFile(table, rowsDates, day);
  for (const [index, dates] of rowsDates) {
    const key = dates.includes(day) ? day : dates.length < 2 ? dates[0] : monthFirst === null ? nearest(dates, day) : dates[monthFirst ? 1 : 0];
    named.add(key);
    if (!skip.has(index)) days.set(key, (days.get(key) ?? 0) + 1);
  }
  // Whether to hold is the whole file's: once the day's orders are imported, the others still wait.
  return { days, hold: named.has(day) && named.size > 1, monthFirst };
}

/** A row's index, the dates it names and the column naming them. */
type RowDates = readonly [index: number, dates: string[], column: number];

/**
 * Whether a file writes its dates month first ("12/13/2026"): told by a date that reads one way only, or else by the
 * reading that gives the scenario's day; null when nothing tells.
 */
function monthFirstFile(table: Table, rowsDates: readonly RowDates[], day: string): boolean | null {
  let monthFirst = 0;
  let dayFirst = 0;
  for (const [index, dates, column] of rowsDates) {
    const local = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b/.exec(table.rows[index][column] ?? '');
    if (!local) continue;
    const [a, b] = [Number(local[1]), Number(local[2])];
    if (a > 12 && b <= 12) dayFirst += 1;
    else if (b > 12 && a <= 12) monthFirst += 1;
    else if (dates.length === 2 && dates[1] === day) monthFirst += 1;
    else if (dates.length === 2 && dates[0] === day) dayFirst += 1;
  }
  return monthFirst === dayFirst ? null : monthFirst > dayFirst;
}

/** The date of `dates` nearest `day` (ISO dates compare as days since the epoch). */
function nearest(dates: readonly string[], day: string): string {
  const distance = (date: string) => Math.abs(Date.parse(date) - Date.parse(day));
  return dates.reduce((best, date) => (distance(date) < distance(best) ? date : best));
}

/** Columns that give an order a place of its own: a row with one of them filled is an order, never a further line. */
const PLACE_FIELDS: ReadonlySet<string> = new Set(['lat', 'lng', 'coordinates', 'address', 'addressLine1', 'addressLine2', 'zip', 'city', 'pickupLat', 'pickupLng', 'pickupAddress']);

/**
 * The further lines of orders: a row right after its order's rows with the same id and no place of its own is one
 * more line of that order (Shopify's orders export writes a row per item, the order's fields on its first row
 * only); a removed order (in `skip`) keeps its lines, which go with it, and a removed line is left out. By the
 * index of the order's row, its lines' indices.
 */
export function orderLines(table: Table, ctx: RowContext, skip: ReadonlySet<number>): Map<number, number[]> {
  const lines = new Map<number, number[]>();
  const idColumn = ctx.targets.indexOf('id');
  if (ctx.kind !== 'orders' || idColumn < 0) return lines;
  const places = ctx.targets.flatMap((target, column) => (PLACE_FIELDS.has(target) ? [column] : []));
  let order = null as { id: string; index: number } | null;
  for (let index = 0; index < table.rows.length; index++) {
    const cells = table.rows[index];
    const id = (cells[idColumn] ?? '').trim();
    const placeless = places.every((column) => (cells[column] ?? '').trim() === '');
    // A removed order's lines go with it (they are lines of a row not read); a removed line is only left out.
    if (skip.has(index)) {
      if (!(id !== '' && order?.id === id && placeless)) order = id === '' ? null : { id, index };
      continue;
    }
    if (id !== '' && order?.id === id && placeless) {
      const of = lines.get(order.index) ?? [];
      of.push(index);
      lines.set(order.index, of);
    } else order = id === '' ? null : { id, index };
  }
  return lines;
}

/** The amounts of an order's further lines, summed, and each line's problems by its index. */
function linesRead(table: Table, ctx: RowContext, indices: readonly number[]): { amounts: number[]; issues: Map<number, RowIssue[]> } {
  const amounts = ctx.capacityUnits.map(() => 0);
  const issues = new Map<number, RowIssue[]>();
  for (const index of indices) {
    const row = new RowReader(table.rows[index], ctx);
    ctx.capacityUnits.forEach((_, unit) => { amounts[unit] += row.number(`amount:${unit}`) ?? 0; });
    if (row.issues.length > 0) issues.set(index, row.issues);
  }
  return { amounts, issues };
}

/** Reads every row (except `skip`), checking fields, the schema and duplicate ids; plans depots for new vehicle places. */
export function readTable(table: Table, given: RowContext, skip: ReadonlySet<number> = new Set()): ImportRead {
  const steps = readTableSteps(table, given, skip, Infinity);
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}

/**
 * readTable a run of `run` rows at a time: yields the rows read so far after each run (a caller spreads a large
 * file over several tasks), and returns the same ImportRead as readTable.
 */
export function* readTableSteps(table: Table, given: RowContext, skip: ReadonlySet<number>, run: number): Generator<number, ImportRead> {
  const withComma = given.decimalComma === undefined ? { ...given, decimalComma: decimalCommaFile(table.rows, numberColumns(given)) } : given;
  const dated = withComma.holdOtherDays === undefined ? fileDates(table, withComma.kind, withComma.targets, withComma.settings?.date) : null;
  const ctx = dated ? { ...withComma, holdOtherDays: dated.hold, monthFirst: dated.monthFirst } : withComma;
  const planner = new DepotPlanner(ctx.depots);
  const firstRowOfId = new Map<string, number>();
  const rows: RowResult<Order | Vehicle>[] = [];
  const numberOf = (index: number) => table.rowNumbers?.[index] ?? index + 2;
  const lines = orderLines(table, ctx, skip);
  // A further line's problems, and the row of its order, by its index (its amounts are read with its order).
  const lineIssues = new Map<number, RowIssue[]>();
  const lineOf = new Map<number, number>();
  for (const [order, of] of lines) for (const line of of) lineOf.set(line, order);
  // Pickups and their deliveries in rows of their own: one shipment each (an order with further lines is no pair).
  const pairs = ctx.kind === 'orders' ? shipmentPairs(table, ctx.targets, new Set([...skip, ...lines.keys(), ...lineOf.keys()])) : null;
  const pickups = new Map<number, { value: Order; issues: RowIssue[] }>();
  const pickupRead = (index: number) => {
    let read = pickups.get(index);
    if (!read) {
      read = readPickup(table, { index, rowNumber: numberOf(index) }, ctx);
      pickups.set(index, read);
    }
    return read;
  };
  const typeNeeds: TypeNeeds = (type) => (ctx.settings ? serviceTypeSpec(ctx.settings, type) : null);
  for (let index = 0; index < table.rows.length; index++) {
    if (index > 0 && index % run === 0) yield index;
    const cells = table.rows[index];
    if (skip.has(index)) continue;
    const rowNumber = numberOf(index);
    const order = lineOf.get(index);
    // A line of a removed order is set aside with it: not read, not counted.
    if (order !== undefined && skip.has(order)) continue;
    if (order !== undefined) {
      rows.push({ index, rowNumber, value: null, issues: lineIssues.get(index) ?? [], lineOf: numberOf(order) });
      continue;
    }
    const deliveryRow = pairs?.deliveryOf.get(index);
    if (deliveryRow !== undefined) {
      rows.push({ index, rowNumber, value: null, issues: pickupRead(index).issues, pickupOf: numberOf(deliveryRow) });
      continue;
    }
    const own = lines.get(index);
    const read = own ? linesRead(table, ctx, own) : null;
    for (const [line, found] of read?.issues ?? []) lineIssues.set(line, found);
    const { row, value } = ctx.kind === 'orders' ? buildOrder(table, cells, { index, rowNumber }, ctx, read?.amounts) : buildVehicle(table, cells, { index, rowNumber }, ctx, planner);
    const issues = [...row.issues, ...schemaIssues(ctx.kind, value, row)];
    // An order whose further line cannot be read is not imported short of it.
    for (const line of read?.issues.keys() ?? []) issues.push({ field: 'row', column: null, message: `its further line in row ${numberOf(line)} needs attention` });
    // A delivery with its pickup row: one shipment, not imported without its pickup.
    const pickupRow = pairs?.pickupOf.get(index);
    let shipment: Order | null = null;
    if (pickupRow !== undefined) {
      const pickup = pickupRead(pickupRow);
      if (pickup.issues.length > 0) issues.push({ field: 'row', column: null, message: `its pickup in row ${numberOf(pickupRow)} needs attention` });
      else if (issues.length === 0) {
        const paired = pairedOrder(table, ctx.targets, { delivery: value as Order, pickup: pickup.value, deliveryCells: cells, pickupCells: table.rows[pickupRow], link: pairs!.link }, typeNeeds);
        shipment = paired.order;
        if (paired.amountsDiffer) {
          const unit = (value as Order).amounts.findIndex((a, i) => a !== paired.collected[i]);
          issues.push({ field: `amount:${unit}`, column: row.column(`amount:${unit}`), message: `its pickup (row ${numberOf(pickupRow)}) collects ${paired.collected[unit]} and this delivery drops ${(value as Order).amounts[unit]}: a shipment delivers what it collects (write the same amount in both rows, or in one of them)` });
        }
        if ((value as Order).pickupAmounts) issues.push(pickupAmountsIssue(row, ctx));
      }
    }
    const id = (value as { id: string }).id;
    const seenAt = firstRowOfId.get(id);
    if (id && seenAt !== undefined) issues.push({ field: 'id', column: row.column('id'), message: `id '${id}' is used twice (also row ${seenAt})` });
    else if (id && ctx.existingIds.has(id)) issues.push({ field: 'id', column: row.column('id'), message: `id '${id}' already exists in this scenario` });
    if (id && seenAt === undefined) firstRowOfId.set(id, rowNumber);
    rows.push({ index, rowNumber, value: issues.length ? null : shipment ?? (value as Order | Vehicle), issues, ...(own ? { lines: own } : {}), ...(pickupRow === undefined ? {} : { pickupRow }) });
  }
  const used = new Set(rows.flatMap((r) => (r.value && 'startDepotId' in r.value ? [r.value.startDepotId, r.value.endDepotId] : [])));
  const planned = planner.created();
  return { rows, newDepots: planned.filter((d) => used.has(d.id)), plannedDepots: planned, ...(pairs && pairs.link !== null ? { shipments: { link: pairs.link, related: pairs.related, unpaired: pairs.unpaired } } : {}) };
}

/** The issue of a delivery row paired with its pickup that gives pickup amounts (a haul-away's): a shipment carries its amounts from pickup to delivery. */
function pickupAmountsIssue(row: RowReader, ctx: RowContext): RowIssue {
  const unit = ctx.capacityUnits.findIndex((_, i) => row.text(`pickupAmount:${i}`) !== undefined);
  return { field: `pickupAmount:${unit}`, column: row.column(`pickupAmount:${unit}`), message: 'a shipment carries its amounts from pickup to delivery: leave the pickup amounts empty' };
}

/** A shipment's pickup row, read as an order: its problems are its own (its id is none: the delivery's is the shipment's). */
function readPickup(table: Table, at: { index: number; rowNumber: number }, ctx: RowContext): { value: Order; issues: RowIssue[] } {
  const { row, value } = buildOrder(table, table.rows[at.index], at, ctx);
  const issues = [...row.issues, ...schemaIssues('orders', value, row)].filter((i) => i.field !== 'id');
  return { value: value as Order, issues };
}

/** Reads every row (except `skip`); see `readTable`. */
export function readRows(table: Table, ctx: RowContext, skip: ReadonlySet<number> = new Set()): RowResult<Order | Vehicle>[] {
  return readTable(table, ctx, skip).rows;
}

/** Whether imported rows take the place of the scenario's orders (vehicles) or come after them. */
export type ImportMode = 'replace' | 'append';

/**
 * The scenario with imported orders or vehicles (and the depots the vehicles
 * need). Any edit makes the plan stale (revision + 1); replacing drops the
 * plan, which would name orders or vehicles that are gone. `capacityUnits`: the units as the import names them
 * (`importUnits`), when it renames one.
 */
export function mergeIntoScenario(
  scenario: Scenario, kind: ImportKind, mode: ImportMode, items: readonly (Order | Vehicle)[], newDepots: readonly Depot[] = [],
  capacityUnits: readonly string[] = scenario.settings.capacityUnits,
): Scenario {
  const next = { ...scenario, revision: scenario.revision + 1, plan: mode === 'replace' ? null : scenario.plan };
  // A unit nothing was measured in yet, named as the file names it (units.ts): the values stay as they were.
  if (capacityUnits.some((unit, i) => unit !== scenario.settings.capacityUnits[i])) next.settings = { ...scenario.settings, capacityUnits: [...capacityUnits] };
  if (newDepots.length > 0) next.depots = [...scenario.depots, ...newDepots];
  if (kind === 'orders') next.orders = [...(mode === 'append' ? scenario.orders : []), ...(items as Order[])];
  else next.vehicles = [...(mode === 'append' ? scenario.vehicles : []), ...(items as Vehicle[])];
  return next;
}

/** Local words (fields-local.ts) of the given fields that the other kind's fields do not also use. */
function ownWords(own: Readonly<Record<string, readonly string[]>>, keys: readonly string[], other: Readonly<Record<string, readonly string[]>>): string[] {
  const shared = new Set(Object.values(other).flat().map(normalizeHeader));
  return keys.flatMap((k) => own[k] ?? []).map(normalizeHeader).filter((w) => !shared.has(w));
}
/** A fleet's words in other languages: plates, vehicles and drivers, shifts, crews, costs; and capacity ("Kapazität kg"). */
const LOCAL_VEHICLE_WORDS = [
  ...ownWords(LOCAL_VEHICLE_SYNONYMS, ['id', 'name', 'shiftStart', 'shiftEnd', 'crewSize', 'fixedCost', 'perKmCost', 'perHourCost'], LOCAL_ORDER_SYNONYMS),
  ...LOCAL_CAPACITY_WORDS.map(normalizeHeader),
];
/** Headers naming a vehicle's start or end place, in every language fields-local.ts knows (addresses among them). */
const VEHICLE_PLACE_WORDS = [...LOCAL_START_PLACES, ...LOCAL_END_PLACES, 'start address', 'end address', 'start location', 'end location'].map(normalizeHeader);
/** An order list's words in other languages: coordinates, address, customer. */
const LOCAL_ORDER_WORDS = ownWords(LOCAL_ORDER_SYNONYMS, ['lat', 'lng', 'address', 'customerName'], LOCAL_VEHICLE_SYNONYMS);
/** The header is `word`, or begins or ends with it as a whole word. */
const speaks = (header: string, words: readonly string[]) => words.some((w) => header === w || header.startsWith(`${w} `) || header.endsWith(` ${w}`));

/**
 * Guesses what a table holds: vehicles when its headers speak of capacity, shifts, crews or vehicles and not of
 * coordinates, addresses or customers, in English or in the languages fields-local.ts knows ("Fahrzeug;
 * Schichtbeginn; Kapazität kg" is a fleet).
 */
export function guessKind(headers: readonly string[]): ImportKind {
  const words = headers.map(normalizeHeader);
  // "Adresse de départ", "Startadresse", "Indirizzo di partenza": where a vehicle starts or ends, not an order's address.
  const vehiclePlace = (h: string) => speaks(h, VEHICLE_PLACE_WORDS);
  const vehicleLike = words.some((h) => /\b(capacity|shift|vehicle|plate|fleet|crew|driver|truck)\b/.test(h) || speaks(h, LOCAL_VEHICLE_WORDS) || vehiclePlace(h));
  const orderLike = words.some((h) => !vehiclePlace(h) && (/^(lat|latitude|lng|lon|longitude|address|customer)\b/.test(h) || /\b(customer|recipient)\b/.test(h) || speaks(h, LOCAL_ORDER_WORDS)));
  return vehicleLike && !orderLike ? 'vehicles' : 'orders';
}
