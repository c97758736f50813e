// Validation of one depot, vehicle or order edited in a form (or built by an
// import) against the scenario it goes into: the same schema and cross-reference
// rules as a whole scenario, with issues named by the form's field labels
// ("Shift start: must be ≤ 2880 (48 h)"), so a form can show each next to its input.
import * as v from 'valibot';
import { depotSchema, orderSchema, vehicleSchema, type Depot, type Order, type Scenario, type Vehicle } from './scenario';

/** One reason an entity cannot be saved, on one field. */
export interface FieldIssue {
  /** Dotted path inside the entity (`shift.start`, `timeWindows[0].end`, `capacity[1]`). */
  field: string;
  /** The field's label as forms show it ("Shift start", "Window 1 end", "Capacity (kg)"). */
  label: string;
  message: string;
}

export type EntityResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** Labels of fixed paths; indexed paths are labelled by `labelOf`. */
const LABELS: Record<string, string> = {
  id: 'Id', name: 'Name', lat: 'Location', lng: 'Location', open: 'Opens', close: 'Closes',
  type: 'Type', startDepotId: 'Start depot', endDepotId: 'End depot', 'shift.start': 'Shift start', 'shift.end': 'Shift end', shift: 'Shift',
  speedFactor: 'Speed factor', 'costs.fixed': 'Fixed cost', 'costs.perKm': 'Cost per km', 'costs.perHour': 'Cost per hour',
  features: 'Features', 'crew.size': 'Crew size', 'crew.skills': 'Crew skills', 'limits.maxStops': 'Max stops',
  'limits.maxDurationMinutes': 'Max duration (min)', 'limits.maxDrivingMinutes': 'Max driving (min)', 'limits.maxDistanceKm': 'Max distance (km)',
  'overtime.maxMinutes': 'Overtime (max min)', 'overtime.costPerMinute': 'Overtime cost per minute',
  customerName: 'Customer name', address: 'Address', serviceType: 'Service type', serviceMinutes: 'Service minutes',
  priority: 'Priority', notes: 'Notes', phone: 'Phone', email: 'Email', crewSize: 'Crew size', skills: 'Skills',
  capacity: 'Capacity', amounts: 'Amounts', pickupAmounts: 'Pickup amounts', timeWindows: 'Windows', breaks: 'Breaks',
  'lateness.maxMinutes': 'Late allowance (min)', 'lateness.costPerMinute': 'Late cost per minute', failedOrderId: 'Failed order',
};

/** The form label of an entity path, given the scenario's capacity units. */
export function labelOf(field: string, units: readonly string[]): string {
  if (LABELS[field]) return LABELS[field];
  let m = /^(capacity|amounts|pickupAmounts)\[(\d+)\]$/.exec(field);
  if (m) return `${m[1] === 'capacity' ? 'Capacity' : m[1] === 'amounts' ? 'Amount' : 'Pickup amount'} (${units[Number(m[2])] ?? `unit ${Number(m[2]) + 1}`})`;
  m = /^timeWindows\[(\d+)\](?:\.(start|end))?$/.exec(field);
  if (m) return `Window ${Number(m[1]) + 1}${m[2] ? ` ${m[2]}` : ''}`;
  m = /^breaks\[(\d+)\](?:\.timeWindows\[\d+\])?(?:\.(start|end|minutes|id))?$/.exec(field);
  if (m) return `Break ${Number(m[1]) + 1}${m[2] ? ` ${m[2] === 'minutes' ? 'minutes' : m[2]}` : ''}`;
  m = /^(features|crew\.skills|skills)\[\d+\]$/.exec(field);
  if (m) return LABELS[m[1]];
  return field;
}

function schemaIssues(issues: readonly v.BaseIssue<unknown>[], units: readonly string[]): FieldIssue[] {
  return issues.map((issue) => {
    const field = (issue.path ?? []).reduce<string>((out, item) => {
      const key = item.key as string | number;
      return typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key;
    }, '');
    return { field, label: labelOf(field, units), message: issue.message };
  });
}

/** Ids of a collection other than the one being edited (`originalId`), to refuse a duplicate. */
function idTaken(items: readonly { id: string }[], id: string, originalId: string | undefined): boolean {
  return items.some((item) => item.id === id && item.id !== originalId);
}

function finish<T>(value: T, issues: FieldIssue[], units: readonly string[], extra: (string | [string, string])[]): EntityResult<T> {
  for (const e of extra) {
    const [field, message] = typeof e === 'string' ? ['id', e] : e;
    issues.push({ field, label: labelOf(field, units), message });
  }
  return issues.length ? { ok: false, issues } : { ok: true, value };
}

/** Checks a depot for `scenario` (`originalId`: the depot being edited, absent for a new one). */
export function validateDepot(input: unknown, scenario: Scenario, originalId?: string): EntityResult<Depot> {
  const units = scenario.settings.capacityUnits;
  const parsed = v.safeParse(depotSchema, input);
  if (!parsed.success) return { ok: false, issues: schemaIssues(parsed.issues, units) };
  const depot = parsed.output;
  const extra: (string | [string, string])[] = [];
  if (idTaken(scenario.depots, depot.id, originalId)) extra.push(`another depot already has id '${depot.id}'`);
  if (depot.open > depot.close) extra.push(['close', 'closes before it opens']);
  return finish(depot, [], units, extra);
}

/** Checks a vehicle for `scenario`: its depots exist and it has one capacity value per unit. */
export function validateVehicle(input: unknown, scenario: Scenario, originalId?: string): EntityResult<Vehicle> {
  const units = scenario.settings.capacityUnits;
  const parsed = v.safeParse(vehicleSchema, input);
  if (!parsed.success) return { ok: false, issues: schemaIssues(parsed.issues, units) };
  const vehicle = parsed.output;
  const depots = new Set(scenario.depots.map((d) => d.id));
  const extra: (string | [string, string])[] = [];
  if (idTaken(scenario.vehicles, vehicle.id, originalId)) extra.push(`another vehicle already has id '${vehicle.id}'`);
  if (!depots.has(vehicle.startDepotId)) extra.push(['startDepotId', scenario.depots.length ? `unknown depot '${vehicle.startDepotId}'` : 'add a depot first']);
  if (!depots.has(vehicle.endDepotId)) extra.push(['endDepotId', scenario.depots.length ? `unknown depot '${vehicle.endDepotId}'` : 'add a depot first']);
  if (vehicle.capacity.length !== units.length) extra.push(['capacity', `needs ${units.length} values, one per capacity unit (${units.join(', ')})`]);
  return finish(vehicle, [], units, extra);
}

/** Checks an order for `scenario`: one amount per capacity unit, an id no other order has. */
export function validateOrder(input: unknown, scenario: Scenario, originalId?: string): EntityResult<Order> {
  const units = scenario.settings.capacityUnits;
  const parsed = v.safeParse(orderSchema, input);
  if (!parsed.success) return { ok: false, issues: schemaIssues(parsed.issues, units) };
  const order = parsed.output;
  const extra: (string | [string, string])[] = [];
  if (idTaken(scenario.orders, order.id, originalId)) extra.push(`another order already has id '${order.id}'`);
  if (order.amounts.length !== units.length) extra.push(['amounts', `needs ${units.length} values, one per capacity unit (${units.join(', ')})`]);
  if (order.pickupAmounts && order.pickupAmounts.length !== units.length) extra.push(['pickupAmounts', `needs ${units.length} values, one per capacity unit`]);
  return finish(order, [], units, extra);
}

/** Reads "lat, lng" (also "lat lng" or "lat;lng", decimal degrees); the message says what is wrong. */
export function parseLatLng(text: string): { ok: true; lat: number; lng: number } | { ok: false; message: string } {
  const parts = text.trim().split(/\s*[,;]\s*|\s+/).filter(Boolean);
  if (parts.length !== 2) return { ok: false, message: 'type latitude and longitude as "lat, lng", e.g. "45.52, -122.68"' };
  const [lat, lng] = parts.map(Number);
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return { ok: false, message: 'latitude and longitude must be numbers, e.g. "45.52, -122.68"' };
  if (lat < -90 || lat > 90) return { ok: false, message: `latitude ${lat} is outside -90…90${Math.abs(lng) <= 90 ? ' (latitude and longitude swapped?)' : ''}` };
  if (lng < -180 || lng > 180) return { ok: false, message: `longitude ${lng} is outside -180…180` };
  return { ok: true, lat, lng };
}

/** Why the scenario cannot be solved as it is (no depot, no vehicle, no order), or null. */
export function solveBlocker(scenario: Scenario): string | null {
  if (scenario.depots.length === 0) return 'add a depot first (Add depot): vehicles start and end at one';
  if (scenario.vehicles.length === 0) return 'add a vehicle first (Add vehicle, or import a vehicles file)';
  if (scenario.orders.length === 0) return 'there are no orders to plan yet (Add order, or Import)';
  return null;
}
