// What the import review tells the dispatcher besides row errors: columns kept
// without a rule, latitude and longitude that look swapped, orders far from
// every depot, skills no vehicle can check, vehicles that cost nothing to drive.
// Pure: reads the table, the mapping and the scenario as it would be after import.
import { formatCount, plural } from '../domain/format';
import { greatCircleM } from '../domain/geo';
import type { Depot, Order, Scenario } from '../domain/scenario';
import { resolveOrder } from '../domain/service-types';
import type { Table } from './csv';
import { crewSizeWord, exactServiceType, parseList, parseNumber, parseServiceType } from './cell-parse';
import type { ColumnTarget } from './column-map';
import type { RowResult } from './row-reader';

/** An order farther than this from every depot is worth a second look. */
export const FAR_FROM_DEPOT_KM = 150;

/** Headers of the columns kept as custom fields (no rule reads them). */
export function keptColumns(table: Table, targets: readonly ColumnTarget[]): string[] {
  return targets.flatMap((t, column) => (t === 'extra' ? [table.headers[column] || `column ${column + 1}`] : []));
}

const SKILL_COLUMNS = new Set(['skills', 'features', 'crewSkills']);

/**
 * One review line per entry of a skills column that `read` reads as something (a crew size, a service type's
 * skills), with the rows that give it: `line(entry, header, what, rows)`. Entries are told apart without case.
 */
export function skillEntryLines<T>(table: Table, targets: readonly ColumnTarget[], read: (entry: string) => T | null, line: (entry: string, header: string, what: T, rows: number) => string): string[] {
  const lines: string[] = [];
  targets.forEach((target, column) => {
    if (!SKILL_COLUMNS.has(target)) return;
    const found = new Map<string, { entry: string; what: T; rows: number }>();
    for (const cells of table.rows) {
      const seen = new Set<string>();
      for (const entry of parseList(cells[column] ?? '')) {
        const key = entry.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        const known = found.get(key);
        if (known) { known.rows += 1; continue; }
        const what = read(entry);
        if (what !== null) found.set(key, { entry, what, rows: 1 });
      }
    }
    const header = table.headers[column] || `column ${column + 1}`;
    for (const { entry, what, rows } of found.values()) lines.push(line(entry, header, what, rows));
  });
  return lines;
}

/**
 * Entries of skills columns read as a crew size ("2-person" in Skills): one line per entry and column, with the rows
 * that give it, e.g. `“2-person” in Skills: a crew of 2, not a skill (73 orders)`.
 */
export function crewWordLines(table: Table, targets: readonly ColumnTarget[], noun: 'order' | 'vehicle'): string[] {
  return skillEntryLines(table, targets, crewSizeWord, (entry, header, size, rows) => `“${entry.toLowerCase()}” in ${header}: a crew of ${size}, not a skill (${plural(rows, noun)})`);
}

/**
 * Cells of the service-type column read from the words in them rather than as a type's name ("Entrega y montaje",
 * parseServiceType): one line per cell, told apart without case, with its rows, e.g. `“Entrega y montaje” in Tipo de
 * servicio: installation (150 orders)`.
 */
export function serviceTypeWordLines(table: Table, targets: readonly ColumnTarget[]): string[] {
  const column = targets.indexOf('serviceType');
  if (column < 0) return [];
  const found = new Map<string, { cell: string; type: string | null; rows: number }>();
  for (const cells of table.rows) {
    const cell = (cells[column] ?? '').trim();
    const key = cell.toLowerCase();
    const known = found.get(key);
    if (known) { known.rows += 1; continue; }
    const read = cell && !exactServiceType(cell) ? parseServiceType(cell) : null;
    found.set(key, { cell, type: read?.ok ? read.value : null, rows: 1 });
  }
  const header = table.headers[column] || `column ${column + 1}`;
  return [...found.values()].flatMap(({ cell, type, rows }) => (type ? [`“${cell}” in ${header}: ${type} (${plural(rows, 'order')})`] : []));
}

/**
 * The review's line on orders read over several rows (import-rows.ts `orderLines`): how many rows are further lines,
 * into how many orders, with the first order as an example. Empty when no row is.
 */
export function orderLineNotes(rows: readonly RowResult<unknown>[], table: Table, targets: readonly ColumnTarget[]): string[] {
  const lines = rows.filter((r) => r.lineOf !== undefined);
  if (lines.length === 0) return [];
  const orders = new Set(lines.map((r) => r.lineOf));
  const first = lines[0];
  const idColumn = targets.indexOf('id');
  const id = idColumn < 0 ? '' : (table.rows[first.index]?.[idColumn] ?? '').trim();
  const example = lines.filter((r) => r.lineOf === first.lineOf).map((r) => r.rowNumber);
  return [`${plural(lines.length, 'row is a further line', 'rows are further lines')} of ${plural(orders.size, 'order')} (the order’s id again, no place of its own: a row per item, as a shop’s export writes): their amounts are added to the order, e.g. ${example.length === 1 ? 'row' : 'rows'} ${example.join(', ')} to order ${id} (row ${first.lineOf}).`];
}

/**
 * The review's lines on pickups and their deliveries written as rows of their own and paired into shipments
 * (shipment-pairs.ts): how many, by which column, with the first pair as an example, and the values of that column
 * whose rows make no pair (two pickups and a delivery, or both at one place). Empty when no pair was made.
 */
export function shipmentNotes(rows: readonly RowResult<unknown>[], table: Table, targets: readonly ColumnTarget[], shipments: { link: number | null; related: boolean; unpaired: readonly { value: string; rows: number[] }[] } | undefined): string[] {
  const pickups = rows.filter((r) => r.pickupOf !== undefined);
  if (!shipments || shipments.link === null || pickups.length === 0) return [];
  const link = shipments.link;
  const header = table.headers[link] || `column ${link + 1}`;
  const byId = targets[link] === 'id';
  const first = pickups[0];
  // The pickup row's value (its delivery's id, when the column names the other row's), or else its delivery's.
  const deliveryIndex = rows.find((r) => r.rowNumber === first.pickupOf)?.index;
  const value = (table.rows[first.index]?.[link] ?? '').trim() || (deliveryIndex === undefined ? '' : (table.rows[deliveryIndex]?.[link] ?? '').trim());
  const pair = [first.rowNumber, first.pickupOf!].sort((a, b) => a - b);
  const lines = [`${plural(pickups.length, 'pickup is', 'pickups are')} paired with ${pickups.length === 1 ? 'its delivery' : 'their deliveries'} by ${byId ? `their id (“${header}”)` : shipments.related ? `“${header}”, which names the other row's order id` : `“${header}”`} (e.g. rows ${pair.join(' and ')}${value ? `, ${value}` : ''}): each pair is one shipment, collected at the pickup row's place inside its window and delivered at the delivery row's, by one vehicle.${byId ? '' : ' The pickup row\'s other cells are kept as custom fields named “Pickup …”.'}${byId ? '' : ` If “${header}” does not link them, set its column to Ignore in the columns step.`}`];
  const numberOf = (index: number) => table.rowNumbers?.[index] ?? index + 2;
  const unpaired = shipments.unpaired;
  if (unpaired.length > 0) {
    const [{ value: example, rows: of }] = unpaired;
    const why = shipments.related ? 'a row names the order id of one row of the other side, at another place, not already paired' : 'a shipment is one pickup and one delivery at two places';
    lines.push(`${plural(unpaired.length, 'value', 'values')} of “${header}” ${unpaired.length === 1 ? 'is' : 'are'} on pickup and delivery rows that make no pair (e.g. ${example}: ${of.length === 1 ? 'row' : 'rows'} ${of.map(numberOf).join(', ')}): ${why}, so each of these rows is imported as an order of its own (a pickup as a return to the depot).`);
  }
  return lines;
}

/** Minutes a stop of a duration column of bare numbers would last, as a median, above which it reads more like seconds. */
export const LONG_STOP_MINUTES = 120;

/** Duration columns of minutes on site whose numbers may be seconds: each column's header, its median and how it is read. */
export interface DurationScale { column: number; header: string; median: number; chosen: boolean }

/**
 * The minutes-on-site columns ("Service Time", "Pickup duration") whose header names no unit and whose bare numbers
 * would make stops of over two hours as a median (300 is 5 h as minutes, 5 min as seconds: a planner's export in
 * seconds), and those the user chose to read in seconds: the review asks which (import-read.ts).
 */
export function durationScales(table: Table, targets: readonly ColumnTarget[], chosen: Readonly<Record<number, string>>, headerUnit: (header: string) => string | null): DurationScale[] {
  return targets.flatMap((target, column): DurationScale[] => {
    if (target !== 'serviceMinutes' && target !== 'pickupServiceMinutes') return [];
    const header = table.headers[column] || `column ${column + 1}`;
    if (chosen[column] === 'minutes' || (chosen[column] === undefined && headerUnit(header) !== null)) return [];
    const values: number[] = [];
    for (const cells of table.rows) {
      const read = parseNumber((cells[column] ?? '').trim());
      if (read.ok) values.push(read.value);
    }
    if (values.length === 0) return [];
    values.sort((a, b) => a - b);
    const median = values[Math.floor((values.length - 1) / 2)];
    if (chosen[column] === 'seconds') return [{ column, header, median, chosen: true }];
    return median > LONG_STOP_MINUTES ? [{ column, header, median, chosen: false }] : [];
  });
}

/**
 * The review's line on the days an orders file names (import-rows.ts `fileDates`): a file of another day than the
 * scenario's is planned on the scenario's day, said here; in a file of several days, the rows of other days wait.
 */
export function dateNotes(days: ReadonlyMap<string, number>, hold: boolean, day: string | undefined): string[] {
  if (!day) return [];
  const others = [...days].filter(([d, n]) => d !== day && n > 0).sort(([a], [b]) => a.localeCompare(b));
  if (others.length === 0) return [];
  const list = others.map(([d, n]) => (others.length === 1 ? d : `${d} (${formatCount(n)})`)).join(', ');
  const count = others.reduce((sum, [, n]) => sum + n, 0);
  if (hold) {
    const today = days.get(day) ?? 0;
    return [`${plural(count, 'order is', 'orders are')} for another day than this scenario's (${day}): ${list}. They wait below (remove them, or import them into a scenario of their day)${today > 0 ? `; the ${plural(today, 'order')} for ${day} ${today === 1 ? 'is' : 'are'} imported` : ''}.`];
  }
  return [`The file's orders are for ${list}, and this scenario plans ${day}: imported here, they are planned on ${day}. If they are for another day, change this scenario's date first (the date under its name${others.length === 1 ? ', or the button below' : ''}), or start a scenario of that day.`];
}

function nearestKm(depots: readonly Depot[], lat: number, lng: number): { km: number; depot: Depot } | null {
  let best: { km: number; depot: Depot } | null = null;
  for (const depot of depots) {
    const km = greatCircleM(depot.lng, depot.lat, lng, lat) / 1000;
    if (!best || km < best.km) best = { km, depot };
  }
  return best;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Why the latitude and longitude columns look swapped, or null: most
 * "latitudes" are beyond ±90 while the "longitudes" would be valid latitudes,
 * or the places would sit near the depots if swapped but are far as written.
 */
export function swapHint(table: Table, targets: readonly ColumnTarget[], depots: readonly Depot[]): string | null {
  const latColumn = targets.indexOf('lat');
  const lngColumn = targets.indexOf('lng');
  if (latColumn < 0 || lngColumn < 0) return null;
  const pairs = table.rows.flatMap((r) => {
    const lat = parseNumber(r[latColumn] ?? '');
    const lng = parseNumber(r[lngColumn] ?? '');
    return lat.ok && lng.ok ? [{ lat: lat.value, lng: lng.value }] : [];
  });
  if (pairs.length === 0) return null;
  const outOfRange = pairs.filter((p) => Math.abs(p.lat) > 90 && Math.abs(p.lng) <= 90).length;
  if (outOfRange * 2 >= pairs.length) return `${formatCount(outOfRange)} of ${formatCount(pairs.length)} latitudes are beyond ±90° while their longitudes would be valid latitudes`;
  const valid = pairs.filter((p) => Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 90);
  if (depots.length === 0 || valid.length === 0) return null;
  const asIs = median(valid.map((p) => nearestKm(depots, p.lat, p.lng)!.km));
  const swapped = median(valid.map((p) => nearestKm(depots, p.lng, p.lat)!.km));
  if (asIs > FAR_FROM_DEPOT_KM && swapped <= FAR_FROM_DEPOT_KM) {
    return `as written the places are typically ${formatKm(asIs)} from the nearest depot; swapped they would be ${formatKm(swapped)} away`;
  }
  return null;
}

const formatKm = (km: number) => `${formatCount(km)} km`;

/** Valid order rows farther than FAR_FROM_DEPOT_KM from every depot, with the distance and the nearest depot. */
export function farOrders(rows: readonly RowResult<unknown>[], depots: readonly Depot[]): string[] {
  if (depots.length === 0) return [];
  return rows.flatMap((row) => {
    const order = row.value as Order | null;
    if (!order) return [];
    const nearest = nearestKm(depots, order.lat, order.lng)!;
    if (nearest.km <= FAR_FROM_DEPOT_KM) return [];
    return [`row ${row.rowNumber} (${order.id}) is ${formatKm(nearest.km)} from the nearest depot, ${nearest.depot.name || nearest.depot.id}`];
  });
}

/**
 * Skills (and features) some order needs that no vehicle offers as a crew skill
 * or feature, and vehicles whose crew is not modelled (their skills are never
 * checked), in the scenario as it would be after the import.
 */
export function skillWarnings(scenario: Scenario): string[] {
  // No fleet yet (orders imported first): nothing to compare with.
  if (scenario.vehicles.length === 0) return [];
  const needs = scenario.orders.map((o) => resolveOrder(scenario.settings, o));
  const offered = new Set(scenario.vehicles.flatMap((v) => [...(v.crew?.skills ?? []), ...(v.features ?? [])]));
  const byMissing = new Map<string, string[]>();
  for (const need of needs) for (const skill of need.skills) if (!offered.has(skill)) byMissing.set(skill, [...(byMissing.get(skill) ?? []), need.orderId]);
  const lines = [...byMissing].map(([skill, ids]) => {
    const shown = ids.slice(0, 5).join(', ') + (ids.length > 5 ? ` and ${formatCount(ids.length - 5)} more` : '');
    return `No vehicle has the skill or feature '${skill}', needed by ${plural(ids.length, 'order')} (${shown}).`;
  });
  const crewless = scenario.vehicles.filter((v) => !v.crew);
  const demanding = needs.some((n) => n.skills.length > 0 || n.crewSize > 1);
  if (crewless.length > 0 && demanding) {
    lines.push(`${formatCount(crewless.length)} of ${plural(scenario.vehicles.length, 'vehicle')} have no crew (${crewless.slice(0, 5).map((v) => v.name || v.id).join(', ')}${crewless.length > 5 ? '…' : ''}): their crew size and skills are not checked, so they may get orders needing a skill or a bigger crew. Give them a "Crew size" or "Crew skills" column.`);
  }
  return lines;
}
