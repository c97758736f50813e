// The plan as CSV, one row per stop in route order, then the orders left out.
// Custom fields come last under their imported names, so they survive a round trip;
// order columns use names the importer matches again.
import type { Order, Scenario } from '../domain/scenario';
import { toCsv } from './csv';
import { clockText, extraKeys, layoutPlan, windowsText } from './export-rows';

interface PlanCells {
  vehicle: string;
  sequence: string;
  arrival: string;
  wait: string;
  serviceStart: string;
  departure: string;
  load: (string | number)[];
  status: string;
}

/** Column names; the order's own columns match the importer's synonyms. */
export function planCsvHeaders(scenario: Scenario): string[] {
  const units = scenario.settings.capacityUnits;
  return [
    'Vehicle', 'Sequence', 'Order id', 'Name', 'Address', 'Lat', 'Lng',
    'Arrival', 'Wait (min)', 'Service start', 'Departure', 'Window', 'Service type', 'Service minutes',
    ...units.map((u) => `Load after stop (${u})`), ...units.map((u) => `Amount (${u})`),
    'Priority', 'Status', 'Notes', 'Phone', 'Email', ...extraKeys(scenario.orders),
  ];
}

function row(order: Order, plan: PlanCells, extras: string[]): (string | number)[] {
  return [
    plan.vehicle, plan.sequence, order.id, order.customerName, order.address, order.lat, order.lng,
    plan.arrival, plan.wait, plan.serviceStart, plan.departure, windowsText(order.timeWindows), order.serviceType, order.serviceMinutes,
    ...plan.load, ...order.amounts, order.priority, plan.status, order.notes, order.phone, order.email,
    ...extras.map((key) => order.extra[key] ?? ''),
  ];
}

/** The plan CSV text; without a plan every order is listed as not planned. */
export function planCsv(scenario: Scenario): string {
  const layout = layoutPlan(scenario);
  const extras = extraKeys(scenario.orders);
  const noLoad = scenario.settings.capacityUnits.map(() => '');
  const rows: (string | number)[][] = [];
  for (const { vehicle, stops } of layout.routes) {
    for (const stop of stops) {
      rows.push(row(stop.order, {
        vehicle: vehicle.name || vehicle.id, sequence: String(stop.sequence),
        arrival: clockText(stop.arrivalS), wait: String(Math.round(stop.waitS / 60)),
        serviceStart: clockText(stop.serviceStartS), departure: clockText(stop.departureS),
        load: stop.load, status: 'planned',
      }, extras));
    }
  }
  const idle = { vehicle: '', sequence: '', arrival: '', wait: '', serviceStart: '', departure: '', load: noLoad };
  for (const { order, reason } of layout.unassigned) rows.push(row(order, { ...idle, status: `unassigned: ${reason || 'no reason given'}` }, extras));
  for (const order of layout.unplanned) rows.push(row(order, { ...idle, status: 'not planned' }, extras));
  return toCsv(planCsvHeaders(scenario), rows);
}
