// One table row → one order: address parts joined, windows from a list cell or
// from start/end columns (a second window too), priority as a number, letter or
// word, required skills and vehicle features together, unmapped columns kept.
import { DEFAULT_SERVICE_TYPES, serviceTypeSpec, suggestServiceMinutes } from '../domain/service-types';
import type { Order, TimeWindow } from '../domain/scenario';
import type { Table } from './csv';
import { DEFAULT_SERVICE_MINUTES, dateCellDates, dayEnd, windowDatesOf, parseCoordinatePair, parseList, parsePriority, parseServiceType, parseWindows, largerCrew, splitCrewWords } from './cell-parse';
import { joinAddress } from './fields-orders';
import { extraOf, RowReader, type RowAt, type RowContext } from './row-reader';
import { parseStopSide } from './shipment-pairs';
import { withServiceTypeSkills } from './skill-words';

function windowPair(row: RowReader, startKey: string, endKey: string): TimeWindow[] {
  const start = row.time(startKey);
  const end = row.time(endKey);
  if (start === undefined && end === undefined) return [];
  return [{ start: start ?? 0, end: end === undefined ? 1440 : dayEnd(end) }];
}

function windowsOf(row: RowReader, ctx: RowContext): TimeWindow[] {
  const column = row.column('window');
  const listed = row.read('window', (text) => parseWindows(text, column === null ? 'clock' : ctx.timeFormats[column] ?? 'clock'));
  if (listed) return listed;
  return [...windowPair(row, 'windowStart', 'windowEnd'), ...windowPair(row, 'window2Start', 'window2End')];
}

/** "12 Main St, Apt 4, Portland, OR, 97201": every address part present, in order. */
function addressOf(row: RowReader): string {
  return joinAddress((key) => row.text(key));
}

/**
 * The address a row is placed by, under a column mapping: an order's address parts joined as its address, or a
 * fleet row's start cell (a start given as an address, see import-vehicles.ts; a fleet file has no order address).
 */
export function rowAddress(cells: readonly string[], targets: readonly string[]): string {
  const cell = (key: string) => {
    const column = targets.indexOf(key);
    return column < 0 ? undefined : (cells[column] ?? '').trim();
  };
  return joinAddress(cell) || (cell('startDepot') ?? '');
}

/**
 * Required skills and features as one list (both are matched against crew skills ∪ vehicle features); absent when
 * both cells are empty, [] for "(none)". A crew size named in words ("2-person") is no skill: it is returned apart.
 */
function requirementsOf(row: RowReader): { skills: string[] | undefined; crewSize: number | undefined } {
  const list = (key: string) => row.read(key, (text) => ({ ok: true, value: parseList(text) }));
  const skills = list('skills');
  const features = list('features');
  if (skills === undefined && features === undefined) return { skills: undefined, crewSize: undefined };
  const split = splitCrewWords([...new Set([...(skills ?? []), ...(features ?? [])])]);
  // "Montage" as a requirement is what an installation needs (skill-words.ts), as on the fleet's side.
  return { ...split, skills: withServiceTypeSkills(split.skills, row.ctx.settings) };
}

/** Soft windows: late up to `max` minutes at a cost per minute (a cost alone is an issue). */
function latenessOf(row: RowReader): { maxMinutes: number; costPerMinute: number } | undefined {
  const maxMinutes = row.duration('latenessMax');
  const costPerMinute = row.number('latenessCost');
  if (maxMinutes === undefined && costPerMinute === undefined) return undefined;
  if (maxMinutes !== undefined) return { maxMinutes, costPerMinute: costPerMinute ?? 0 };
  row.issue('latenessMax', 'a late cost needs the minutes late allowed');
  return undefined;
}

/** A shipment's pickup place, when the row gives its coordinates. */
function pickupOf(row: RowReader) {
  const lat = row.number('pickupLat');
  const lng = row.number('pickupLng');
  if (lat === undefined && lng === undefined) return undefined;
  // A half-given pair names the missing half, as the delivery's own coordinates do.
  if (lat === undefined || lng === undefined) {
    if (!row.has('pickupLat') && !row.has('pickupLng')) row.issue(lat === undefined ? 'pickupLat' : 'pickupLng', `the pickup ${lat === undefined ? 'latitude' : 'longitude'} is missing`);
    return undefined;
  }
  return {
    lat, lng, address: row.text('pickupAddress') ?? '',
    timeWindows: row.read('pickupWindows', (text) => parseWindows(text, 'clock')) ?? windowPair(row, 'pickupWindowStart', 'pickupWindowEnd'),
    serviceMinutes: row.duration('pickupServiceMinutes') ?? 0,
  };
}

/** Overrides and rarer rules, present only when the row gives them. */
function optionalOf(row: RowReader, ctx: RowContext): Record<string, unknown> {
  const pickupColumns = ctx.capacityUnits.map((_, i) => row.text(`pickupAmount:${i}`));
  const needs = requirementsOf(row);
  const optional = {
    crewSize: largerCrew(row.number('crewSize'), needs.crewSize),
    skills: needs.skills,
    pickupAmounts: pickupColumns.some((c) => c !== undefined) ? ctx.capacityUnits.map((_, i) => row.number(`pickupAmount:${i}`) ?? 0) : undefined,
    lateness: latenessOf(row),
    pickup: pickupOf(row),
    failedOrderId: row.text('failedOrderId'),
  };
  if (optional.pickup && optional.pickupAmounts) {
    row.issue(`pickupAmount:${pickupColumns.findIndex((c) => c !== undefined)}`, 'a shipment carries its amounts from pickup to delivery: leave the pickup amounts empty');
  }
  return Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined));
}

/** Builds the order of one row (unchecked: the caller validates it against the schema). */
export function buildOrder(table: Table, cells: readonly string[], at: RowAt, ctx: RowContext, lineAmounts?: readonly number[]): { row: RowReader; value: unknown } {
  const { rowNumber } = at;
  const row = new RowReader(cells, ctx);
  // A pickup ("Pickup or delivery" column) of no type is a return: collected and carried back.
  const side = row.read('stopSide', parseStopSide);
  const typed = row.read('serviceType', parseServiceType);
  const serviceType = typed ?? (side === 'pickup' ? 'return' : 'curbside');
  // With its further lines' amounts (a shop export's row per item: import-rows.ts orderLines).
  const amounts = ctx.capacityUnits.map((_, i) => (row.number(`amount:${i}`) ?? 0) + (lineAmounts?.[i] ?? 0));
  const catalogueMinutes = ctx.settings ? suggestServiceMinutes(ctx.settings, { serviceType, amounts }) : DEFAULT_SERVICE_MINUTES[serviceType];
  const value = {
    id: row.column('id') === null ? `${ctx.idPrefix}-${rowNumber}` : row.text('id') ?? '',
    customerName: [row.text('customerName'), row.text('customerLastName')].filter((part) => part !== undefined).join(' '),
    address: addressOf(row),
    ...coordinatesOf(row, at.index, ctx),
    serviceType,
    serviceMinutes: row.duration('serviceMinutes') ?? catalogueMinutes,
    amounts,
    timeWindows: windowsOf(row, ctx),
    priority: row.read('priority', parsePriority) ?? 1,
    notes: row.text('notes') ?? '',
    phone: row.text('phone') ?? '',
    email: row.text('email') ?? '',
    // The delivery date is checked against the scenario's day (checkDate) and kept as written too.
    extra: extraOf(table, cells, ctx.targets.map((t) => (t === 'date' ? 'extra' : t))),
    ...optionalOf(row, ctx),
  };
  requireCoordinates(row, value.lat, value.lng, value.address);
  checkDate(row, ctx, table);
  return { row, value: side === 'pickup' && typed !== undefined ? collected(value, ctx) : value };
}

/**
 * A pickup of a type that delivers ("Pickup" beside "White glove"): what it carries is collected there, not
 * delivered (its pickup amounts), unless the type collects only (a return).
 */
function collected<T extends { serviceType: Order['serviceType']; amounts: number[]; pickupAmounts?: number[] }>(order: T, ctx: RowContext): T {
  const behaviour = ctx.settings ? serviceTypeSpec(ctx.settings, order.serviceType).pickup : DEFAULT_SERVICE_TYPES[order.serviceType].pickup;
  if (behaviour === 'pickup-only') return order;
  return { ...order, pickupAmounts: order.pickupAmounts ?? order.amounts, amounts: order.amounts.map(() => 0) };
}

/** Window columns whose cells may carry the day before the time (Onfleet's "Complete After": "12/11/2026 09:00"). */
export const WINDOW_DATE_FIELDS = ['windowStart', 'window', 'windowEnd'] as const;

/**
 * The day a row is for and the column that says it: its delivery date column's, or, in a file without one, the
 * date its window is written with ("10/12/2026 09:00 - 10/12/2026 12:00"); null when the row names no day.
 */
export function rowDates(cells: readonly string[], targets: readonly string[]): { dates: string[]; column: number } | null {
  const dateColumn = targets.indexOf('date');
  if (dateColumn >= 0) {
    const dates = dateCellDates(cells[dateColumn] ?? '');
    return dates.length > 0 ? { dates, column: dateColumn } : null;
  }
  for (const key of WINDOW_DATE_FIELDS) {
    const column = targets.indexOf(key);
    const dates = column < 0 ? [] : windowDatesOf(cells[column] ?? '');
    if (dates.length > 0) return { dates, column };
  }
  return null;
}

/** A date's readings as the file writes its dates: of "12/02/2026" read both ways, the one of the file's order when it tells. */
function asRead(dates: readonly string[], ctx: RowContext): readonly string[] {
  return dates.length === 2 && ctx.monthFirst !== undefined && ctx.monthFirst !== null ? [dates[ctx.monthFirst ? 1 : 0]] : dates;
}

/**
 * In a file of several days (`holdOtherDays`), a row dated another day than the scenario's is not planned today: it
 * waits, saying so (remove it, or import it into that day's scenario). A date read either way round ("10/12/2026")
 * is the scenario's when either reading is. A cell that is no date is refused in any file.
 */
function checkDate(row: RowReader, ctx: RowContext, table: Table): void {
  const day = ctx.settings?.date;
  const column = row.column('date');
  if (column === null) {
    // No date column: a window written with its day ("12/11/2026 09:00") says the day, checked the same way.
    const named = rowDates(row.cells, ctx.targets);
    if (named && day && ctx.holdOtherDays && !named.dates.includes(day)) {
      row.issue('date', `for ${asRead(named.dates, ctx).join(' or ')}, not this scenario's day (${day}): remove the row, or import it into a scenario of that day`, named.column);
    }
    return;
  }
  const header = table.headers[column] || `column ${column + 1}`;
  row.read('date', (text) => {
    const dates = dateCellDates(text);
    if (dates.length === 0) return { ok: false, message: `'${text}' is not a date (write ${day ?? '2026-12-10'}, or keep “${header}” as a custom field)` };
    if (!day || dates.includes(day) || !ctx.holdOtherDays) return { ok: true, value: day };
    return { ok: false, message: `for ${asRead(dates, ctx).join(' or ')}, not this scenario's day (${day}): remove the row, or import it into a scenario of that day (if “${header}” is not the delivery day, keep it as a custom field)` };
  });
}

/** The row's coordinates; a row that gives none takes the place it was given in the review (geocoded or clicked). */
function coordinatesOf(row: RowReader, index: number, ctx: RowContext): { lat: number | undefined; lng: number | undefined } {
  const pair = row.read('coordinates', parseCoordinatePair);
  const lat = row.number('lat') ?? pair?.lat;
  const lng = row.number('lng') ?? pair?.lng;
  // By the row's index, as the review keeps places: its spreadsheet number is further down below a title or a blank row.
  const placed = ctx.placements?.get(index);
  if (lat === undefined && lng === undefined && !row.has('lat') && !row.has('lng') && placed) return { lat: placed.lat, lng: placed.lng };
  return { lat, lng };
}

/** The message of a row without coordinates: one with an address waits to be placed. */
export const NEEDS_PLACE = 'no coordinates yet: geocode the address or place it on the map';

/** Missing coordinates get one clear issue; a half-given pair (or one half unreadable) names the missing half. */
function requireCoordinates(row: RowReader, lat: number | undefined, lng: number | undefined, address: string): void {
  const latBad = row.has('lat') || row.has('coordinates');
  const lngBad = row.has('lng') || row.has('coordinates');
  if (lat === undefined && lng === undefined && !latBad && !lngBad) {
    const message = address ? NEEDS_PLACE : 'coordinates are required (or an address to geocode or place on the map)';
    row.issue('lat/lng', message, row.column('lat') ?? row.column('lng') ?? row.column('coordinates'));
    return;
  }
  if (lat === undefined && !latBad) row.issue('lat', 'latitude is missing');
  if (lng === undefined && !lngBad) row.issue('lng', 'longitude is missing');
}
