// Pickups and their deliveries written as rows of their own, linked by a value they share ("S1 | Pickup" and
// "S1 | Delivery", as a job export writes a job's stops) or by one row naming the other's id (a planner template's
// "Related order ID"): each pair is read as one shipment, collected at the pickup row's place and delivered at the
// delivery row's, rather than as a return to the depot and a drop from it.
import type { Order } from '../domain/scenario';
import type { Table } from './csv';
import { normalizeHeader, parseYesNo, type Parsed } from './cell-parse';
import type { ColumnTarget } from './column-map';

/**
 * A type cell's words for a pickup and for a delivery, after `normalizeHeader` (lower case, no accents or hyphens);
 * "P" and "D" as a route planner's order type writes them (parseServiceType reads them so too).
 */
const PICKUP_WORDS: ReadonlySet<string> = new Set(['p', 'pickup', 'pick up', 'collection', 'collect', 'abholung', 'enlevement', 'ramassage', 'recogida', 'recoleccion', 'ritiro', 'odbior', 'ophalen', 'afhentning', 'henting', 'hamtning', 'upphamtning', 'coleta']);
const DELIVERY_WORDS: ReadonlySet<string> = new Set(['d', 'delivery', 'dropoff', 'drop off', 'drop', 'livraison', 'lieferung', 'zustellung', 'entrega', 'consegna', 'dostawa', 'levering', 'leverans', 'aflevering', 'bezorging']);

/** Columns that place a row: two rows of one value at the same place are an exchange at one door, not a shipment. */
const PLACE_TARGETS = ['lat', 'lng', 'coordinates', 'address', 'addressLine1', 'addressLine2', 'zip', 'city'];
/** A row that names its pickup's place in columns of its own is a shipment already. */
const OWN_PICKUP_TARGETS = ['pickupLat', 'pickupLng', 'pickupAddress'];

export type Side = 'pickup' | 'delivery';

/** Whether a cell says pickup or delivery (a type cell's words, after `normalizeHeader`), or neither (null). */
export function sideOf(cell: string): Side | null {
  const word = normalizeHeader(cell);
  return PICKUP_WORDS.has(word) ? 'pickup' : DELIVERY_WORDS.has(word) ? 'delivery' : null;
}

/** A "Pickup or delivery" cell: a pickup or delivery word, or yes / no (a pickup flag's "TRUE": a pickup). */
export function parseStopSide(text: string): Parsed<Side> {
  const side = sideOf(text);
  if (side) return { ok: true, value: side };
  const flag = parseYesNo(text);
  if (flag.ok) return { ok: true, value: flag.value ? 'pickup' : 'delivery' };
  return { ok: false, message: `'${text}' is neither a pickup nor a delivery (write Pickup or Delivery, or yes for a pickup)` };
}

/** How a file's pickups were paired with their deliveries (`shipmentPairs`). */
export interface ShipmentPairs {
  /**
   * The column whose value links a pair: shared by both rows (the id column, or a custom field such as "Shipment"),
   * or, when `related`, naming the other row's order id ("Related order ID"); null: none.
   */
  link: number | null;
  related: boolean;
  /** By the delivery row's index, its pickup row's index. */
  pickupOf: Map<number, number>;
  /** By the pickup row's index, its delivery row's index. */
  deliveryOf: Map<number, number>;
  /** Values of the link column on pickup and delivery rows that are not one of each at two places, with their rows' indices. */
  unpaired: { value: string; rows: number[] }[];
}

const NONE: ShipmentPairs = { link: null, related: false, pickupOf: new Map(), deliveryOf: new Map(), unpaired: [] };

/**
 * Pairs pickup rows with their delivery rows. A row's side is its "Pickup or delivery" cell, or else its service-type
 * cell (Pickup, Collection, Abholung… or Delivery, Drop-off, Livraison…). A pair is one pickup row and one delivery
 * row sharing a value, at places written differently. The value is looked for in the id column first, then in the
 * custom fields: one links when at least half of the values its pickup rows carry make a pair (a zone, a date or an
 * item name shared by chance does not); failing that, a custom field naming the other row's id (`relatedPairs`).
 * Rows in `skip` (removed, imported, an order's further lines and the orders that have them) are left out.
 */
export function shipmentPairs(table: Table, targets: readonly ColumnTarget[], skip: ReadonlySet<number>): ShipmentPairs {
  // The side from a column of its own when there is one, else from the service type's words.
  const sideColumn = targets.indexOf('stopSide');
  const typeColumn = sideColumn >= 0 ? sideColumn : targets.indexOf('serviceType');
  if (typeColumn < 0) return NONE;
  const sideOfCell = sideColumn >= 0 ? (cell: string) => { const read = parseStopSide(cell); return read.ok ? read.value : null; } : sideOf;
  // A type column holds a few words: each read once.
  const read = new Map<string, Side | null>();
  const ownPickup = OWN_PICKUP_TARGETS.map((t) => targets.indexOf(t)).filter((c) => c >= 0);
  const sides = table.rows.map((cells, index): Side | null => {
    if (skip.has(index) || ownPickup.some((c) => (cells[c] ?? '').trim() !== '')) return null;
    const cell = cells[typeColumn] ?? '';
    let known = read.get(cell);
    if (known === undefined) {
      known = sideOfCell(cell);
      read.set(cell, known);
    }
    return known;
  });
  if (!sides.includes('pickup') || !sides.includes('delivery')) return NONE;
  const places = PLACE_TARGETS.map((t) => targets.indexOf(t)).filter((c) => c >= 0);
  const placeOf = (index: number) => places.map((c) => (table.rows[index][c] ?? '').trim().toLowerCase()).join('\u0000');
  const idColumn = targets.indexOf('id');
  const keys = [idColumn, ...targets.flatMap((t, column) => (t === 'extra' ? [column] : []))].filter((c) => c >= 0);
  for (const key of keys) {
    const groups = new Map<string, number[]>();
    sides.forEach((side, index) => {
      const value = side === null ? '' : (table.rows[index][key] ?? '').trim();
      if (value === '') return;
      const group = groups.get(value);
      if (group) group.push(index);
      else groups.set(value, [index]);
    });
    const pickupOf = new Map<number, number>();
    const deliveryOf = new Map<number, number>();
    const unpaired: ShipmentPairs['unpaired'] = [];
    let withPickup = 0;
    for (const [value, rows] of groups) {
      const pickups = rows.filter((i) => sides[i] === 'pickup');
      if (pickups.length === 0) continue;
      withPickup += 1;
      const deliveries = rows.filter((i) => sides[i] === 'delivery');
      if (pickups.length === 1 && deliveries.length === 1 && placeOf(pickups[0]) !== placeOf(deliveries[0])) {
        pickupOf.set(deliveries[0], pickups[0]);
        deliveryOf.set(pickups[0], deliveries[0]);
      } else if (deliveries.length > 0) unpaired.push({ value, rows });
    }
    if (pickupOf.size > 0 && (key === idColumn || pickupOf.size * 2 >= withPickup)) return { link: key, related: false, pickupOf, deliveryOf, unpaired };
  }
  return idColumn < 0 ? NONE : relatedPairs(table, keys.slice(1), idColumn, sides, placeOf);
}

/**
 * Pairs by a column naming the other row's order id, as a route planner's template links them ("Related order ID"
 * on the pickup row: its delivery's id; on the delivery row too, or empty). A column links when at least half of the
 * rows naming an id in it make a pair; a row naming a row of its own side, no row of the file, or a row paired
 * already makes no pair (said as unpaired).
 */
function relatedPairs(table: Table, columns: readonly number[], idColumn: number, sides: readonly (Side | null)[], placeOf: (index: number) => string): ShipmentPairs {
  const cell = (index: number, column: number) => (table.rows[index][column] ?? '').trim();
  // By order id, its row (-1: an id on two rows names neither).
  const rowOfId = new Map<string, number>();
  sides.forEach((side, index) => {
    const id = side === null ? '' : cell(index, idColumn);
    if (id !== '') rowOfId.set(id, rowOfId.has(id) ? -1 : index);
  });
  for (const column of columns) {
    const pickupOf = new Map<number, number>();
    const deliveryOf = new Map<number, number>();
    const unpaired: ShipmentPairs['unpaired'] = [];
    let naming = 0;
    let linking = 0;
    sides.forEach((side, index) => {
      const value = side === null ? '' : cell(index, column);
      if (value === '') return;
      naming += 1;
      const other = rowOfId.get(value) ?? -1;
      const [pickup, delivery] = side === 'pickup' ? [index, other] : [other, index];
      // Both rows naming each other: one pair.
      if (other >= 0 && deliveryOf.get(pickup) === delivery) { linking += 1; return; }
      if (other < 0 || other === index || sides[other] === side || deliveryOf.has(pickup) || pickupOf.has(delivery) || placeOf(pickup) === placeOf(delivery)) {
        unpaired.push({ value, rows: other < 0 ? [index] : [index, other].sort((a, b) => a - b) });
        return;
      }
      linking += 1;
      pickupOf.set(delivery, pickup);
      deliveryOf.set(pickup, delivery);
    });
    if (pickupOf.size > 0 && linking * 2 >= naming) return { link: column, related: true, pickupOf, deliveryOf, unpaired };
  }
  return NONE;
}

/**
 * Fields a pickup row gives its shipment's pickup (place, windows, minutes), shares with its delivery (type, side,
 * amounts) or adds to the shipment's rules (crew, skills, priority, lateness): none is kept again as a custom field.
 */
const TAKEN = new Set([...PLACE_TARGETS, 'window', 'windowStart', 'windowEnd', 'window2Start', 'window2End', 'serviceMinutes', 'serviceType', 'stopSide', 'ignore', 'crewSize', 'skills', 'features', 'priority', 'latenessMax', 'latenessCost']);

/** What a service type asks of a vehicle when an order does not say (settings' catalogue), if known. */
export type TypeNeeds = (type: Order['serviceType']) => { crewSize: number; skills: readonly string[] } | null;

/**
 * The shipment of a delivery row's order and its pickup row's (both read as orders): the pickup's place, address,
 * windows and minutes on site become the shipment's pickup; the amounts are the delivery's, or what the pickup
 * collects (`collected`) when the delivery gives none (both given and different: `amountsDiffer`). One vehicle does
 * both, so the rules either row gives hold for the shipment: the larger crew, every skill, the higher priority, a lateness allowance. The pickup
 * row's other cells that say something the delivery row does not (its own id, the shop's name or phone, a note) are
 * kept as custom fields, "Pickup <header>" (not the column that links them).
 */
export function pairedOrder(table: Table, targets: readonly ColumnTarget[], rows: { delivery: Order; pickup: Order; deliveryCells: readonly string[]; pickupCells: readonly string[]; link: number | null }, typeNeeds: TypeNeeds): { order: Order; amountsDiffer: boolean; collected: readonly number[] } {
  const { delivery, pickup } = rows;
  const given = (amounts: readonly number[]) => amounts.some((a) => a !== 0);
  // What the pickup row collects: its pickup amounts (a pickup of a delivering type, or written so), else its amounts.
  const collected = pickup.pickupAmounts && given(pickup.pickupAmounts) ? pickup.pickupAmounts : pickup.amounts;
  const amountsDiffer = given(delivery.amounts) && given(collected) && delivery.amounts.some((a, i) => a !== collected[i]);
  const extra = { ...delivery.extra };
  targets.forEach((target, column) => {
    if (TAKEN.has(target) || target.startsWith('amount:') || column === rows.link) return;
    const cell = (rows.pickupCells[column] ?? '').trim();
    if (cell === '' || cell === (rows.deliveryCells[column] ?? '').trim()) return;
    const name = `Pickup ${table.headers[column] || `column ${column + 1}`}`;
    if (!(name in extra)) extra[name] = cell;
  });
  // A rule the pickup row gives beside its type's: with the delivery's own (or its type's) for the shipment.
  const deliveryNeeds = typeNeeds(delivery.serviceType);
  const crewSize = pickup.crewSize === undefined ? delivery.crewSize : Math.max(pickup.crewSize, delivery.crewSize ?? deliveryNeeds?.crewSize ?? 0);
  const skills = pickup.skills === undefined ? delivery.skills : [...new Set([...(delivery.skills ?? deliveryNeeds?.skills ?? []), ...pickup.skills])];
  const lateness = delivery.lateness ?? pickup.lateness;
  const order: Order = {
    ...delivery,
    amounts: given(delivery.amounts) ? delivery.amounts : [...collected],
    priority: Math.max(delivery.priority, pickup.priority),
    extra,
    ...(crewSize === undefined ? {} : { crewSize }),
    ...(skills === undefined ? {} : { skills }),
    ...(lateness === undefined ? {} : { lateness }),
    pickup: { lat: pickup.lat, lng: pickup.lng, address: pickup.address, timeWindows: pickup.timeWindows, serviceMinutes: pickup.serviceMinutes },
  };
  return { order, amountsDiffer, collected };
}
