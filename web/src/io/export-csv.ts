// The plan as CSV, one row per stop in route order (a shipment has a pickup row,
// at its pickup place, and a delivery row; "Stop type" tells them apart), then the orders left out.
// Custom fields come last under their imported names, so they survive a round trip;
// order columns use names the importer matches again.
import type { Order, Scenario } from '../domain/scenario';
import { toCsv } from './csv';
import { clockText, extraKeys, layoutPlan, stopPlace, windowsText, type StopPlace } from './export-rows';

interface PlanCells {
  vehicle: string;
  sequence: string;
  arrival: string;
  wait: string;
  serviceStart: string;
  departure: string;
  load: (string | number)[];
  status: string;
  /** `job`, `pickup` or `delivery` for a routed stop; "" for an order left out. */
  stopType: string;
  /** Where the row's stop is: the pickup place for a pickup row, else the order's own. */
  place: StopPlace;
}

/** Column names; the order's own columns match the importer's synonyms. */
export function planCsvHeaders(scenario: Scenario): string[] {
  const units = scenario.settings.capacityUnits;
  return [
    'Vehicle', 'Sequence', 'Order id', 'Name', 'Address', 'Lat', 'Lng',
    'Arrival', 'Wait (min)', 'Service start', 'Departure', 'Window', 'Service type', 'Service minutes',
    ...units.map((u) => `Load after stop (${u})`), ...units.map((u) => `Amount (${u})`),
    'Priority', 'Status', 'Stop type', 'Notes', 'Phone', 'Email', ...extraKeys(scenario.orders),
  ];
}

function row(order: Order, plan: PlanCells, extras: string[]): (string | number)[] {
  return [
    plan.vehicle, plan.sequence, order.id, order.customerName, plan.place.address, plan.place.lat, plan.place.lng,
    plan.arrival, plan.wait, plan.serviceStart, plan.departure, windowsText(plan.place.timeWindows), order.serviceType, plan.place.serviceMinutes,
    ...plan.load, ...order.amounts, order.priority, plan.status, plan.stopType, order.notes, order.phone, order.email,
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
        load: stop.load, status: 'planned', stopType: stop.stepType, place: stop.place,
      }, extras));
    }
  }
  const idle = (order: Order) => ({ vehicle: '', sequence: '', arrival: '', wait: '', serviceStart: '', departure: '', load: noLoad, stopType: '', place: stopPlace(order, 'job') });
  for (const { order, reason } of layout.unassigned) rows.push(row(order, { ...idle(order), status: `unassigned: ${reason || 'no reason given'}` }, extras));
  for (const order of layout.unplanned) rows.push(row(order, { ...idle(order), status: 'not planned' }, extras));
  return toCsv(planCsvHeaders(scenario), rows);
}
