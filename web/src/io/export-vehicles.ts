// The fleet as CSV, one row per vehicle, with every rule a vehicle carries
// (capacity per unit, empty = no limit; crew size and skills; features; start
// and end depots with their name, coordinates and hours, so a blank scenario
// gets them back; shift, breaks, limits, speed, costs, overtime) under header
// names the importer matches again, then its custom fields.
import type { Depot, Scenario, Vehicle } from '../domain/scenario';
import { breaksText, dayClockText, EMPTY_LIST, windowsClockText } from './cell-parse';
import { toCsv } from './csv';

const listText = (list: readonly string[] | undefined) => (list === undefined ? '' : list.length === 0 ? EMPTY_LIST : list.join(', '));
const optional = (n: number | null | undefined) => (n === undefined || n === null ? '' : n);

/** Every custom-field name used by any vehicle, in first-seen order. */
function vehicleExtraKeys(vehicles: readonly Vehicle[]): string[] {
  return [...new Set(vehicles.flatMap((v) => Object.keys(v.extra ?? {})))];
}

/** Column names; each is one the importer auto-matches. */
export function vehiclesCsvHeaders(scenario: Scenario): string[] {
  const place = (side: string) => [`${side} depot`, `${side} depot name`, `${side} lat`, `${side} lng`, `${side} depot hours`];
  return [
    'Vehicle id', 'Name', 'Type', ...scenario.settings.capacityUnits.map((u) => `Capacity (${u})`),
    ...place('Start'), ...place('End'), 'Shift start', 'Shift end', 'Breaks', 'Crew size', 'Crew skills', 'Features',
    'Max stops', 'Max duration (min)', 'Max driving (min)', 'Max distance km', 'Speed factor', 'Fixed cost', 'Cost per km', 'Cost per hour',
    'Overtime max minutes', 'Overtime cost per minute', ...vehicleExtraKeys(scenario.vehicles),
  ];
}

function placeCells(depot: Depot | undefined, id: string): (string | number)[] {
  if (!depot) return [id, '', '', '', ''];
  return [depot.id, depot.name, depot.lat, depot.lng, windowsClockText([{ start: depot.open, end: depot.close }])];
}

function vehicleRow(vehicle: Vehicle, depots: ReadonlyMap<string, Depot>, extras: readonly string[]): (string | number)[] {
  const limits = vehicle.limits ?? {};
  return [
    vehicle.id, vehicle.name, vehicle.type, ...vehicle.capacity.map(optional),
    ...placeCells(depots.get(vehicle.startDepotId), vehicle.startDepotId), ...placeCells(depots.get(vehicle.endDepotId), vehicle.endDepotId),
    dayClockText(vehicle.shift.start), dayClockText(vehicle.shift.end),
    breaksText(vehicle.breaks ?? [], windowsClockText), optional(vehicle.crew?.size), vehicle.crew ? vehicle.crew.skills.join(', ') : '', listText(vehicle.features),
    optional(limits.maxStops), optional(limits.maxDurationMinutes), optional(limits.maxDrivingMinutes), optional(limits.maxDistanceKm),
    vehicle.speedFactor, vehicle.costs.fixed, vehicle.costs.perKm, vehicle.costs.perHour,
    optional(vehicle.overtime?.maxMinutes), optional(vehicle.overtime?.costPerMinute), ...extras.map((key) => vehicle.extra?.[key] ?? ''),
  ];
}

/** The vehicles CSV text. */
export function vehiclesCsv(scenario: Scenario): string {
  const depots = new Map(scenario.depots.map((d) => [d.id, d]));
  const extras = vehicleExtraKeys(scenario.vehicles);
  return toCsv(vehiclesCsvHeaders(scenario), scenario.vehicles.map((v) => vehicleRow(v, depots, extras)));
}
