// The orders as CSV, one row per order, with every rule an order carries
// (windows, service type and its overrides, amounts, priority, lateness,
// shipment pickup, re-delivery link) under header names the importer matches
// again, then the custom fields under their imported names: a lossless round trip.
import type { Order, Scenario } from '../domain/scenario';
import { EMPTY_LIST, windowsClockText } from './cell-parse';
import { toCsv } from './csv';
import { extraKeys } from './export-rows';

const listText = (list: readonly string[] | undefined) => (list === undefined ? '' : list.length === 0 ? EMPTY_LIST : list.join(', '));
const optional = (n: number | undefined) => (n === undefined ? '' : n);

/** Column names; each is one the importer auto-matches. */
export function ordersCsvHeaders(scenario: Scenario): string[] {
  const units = scenario.settings.capacityUnits;
  return [
    'Order id', 'Name', 'Address', 'Lat', 'Lng', 'Windows', 'Service type', 'Service minutes',
    ...units.map((u) => `Amount (${u})`), ...units.map((u) => `Pickup amount (${u})`),
    'Priority', 'Crew size', 'Skills', 'Late max minutes', 'Late cost per minute', 'Failed order id',
    'Pickup address', 'Pickup lat', 'Pickup lng', 'Pickup windows', 'Pickup service minutes',
    'Notes', 'Phone', 'Email', ...extraKeys(scenario.orders),
  ];
}

function orderRow(order: Order, units: number, extras: readonly string[]): (string | number)[] {
  const pickup = order.pickup;
  return [
    order.id, order.customerName, order.address, order.lat, order.lng, windowsClockText(order.timeWindows), order.serviceType, order.serviceMinutes,
    ...order.amounts, ...Array.from({ length: units }, (_, i) => optional(order.pickupAmounts?.[i])),
    order.priority, optional(order.crewSize), listText(order.skills),
    optional(order.lateness?.maxMinutes), optional(order.lateness?.costPerMinute), order.failedOrderId ?? '',
    pickup?.address ?? '', optional(pickup?.lat), optional(pickup?.lng), pickup ? windowsClockText(pickup.timeWindows) : '', optional(pickup?.serviceMinutes),
    order.notes, order.phone, order.email, ...extras.map((key) => order.extra[key] ?? ''),
  ];
}

/** The orders CSV text. */
export function ordersCsv(scenario: Scenario): string {
  const extras = extraKeys(scenario.orders);
  const units = scenario.settings.capacityUnits.length;
  return toCsv(ordersCsvHeaders(scenario), scenario.orders.map((o) => orderRow(o, units, extras)));
}
