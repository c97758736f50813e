// VROOM problem JSON → scenario v2. Every key VROOM defines and the planner
// cannot express yields a note naming the key and the entity; unknown keys too.
// Times are read as seconds since midnight of the planned day.
import type { Depot, Order, PickupPlace, Scenario, TimeWindow, TravelMatrix, Vehicle } from '../domain/scenario';
import { SCENARIO_TYPE, SCENARIO_VERSION } from '../domain/scenario';
import { DEFAULT_SPEED_KMH } from '../domain/geo';
import { formatIssues, validateScenario } from '../domain/validate';
import type { VroomNote } from './vroom-types';

/** Names the import cannot take from VROOM data. */
export interface VroomImportOptions {
  id?: string;
  name?: string;
  /** Planned day, YYYY-MM-DD (VROOM has none); default 2000-01-01. */
  date?: string;
  /** Names of the amount dimensions; default unit1, unit2, … */
  capacityUnits?: string[];
}

export type VroomImportResult =
  | { ok: true; scenario: Scenario; warnings: VroomNote[] }
  | { ok: false; errors: VroomNote[]; warnings: VroomNote[] };

type Json = Record<string, unknown>;
const HORIZON_MIN = 2880;
const TOP_KEYS = ['jobs', 'shipments', 'vehicles', 'matrices', 'matrix'];
const TASK_KEYS = ['id', 'description', 'location', 'location_index', 'setup', 'service', 'time_windows'];
const JOB_KEYS = [...TASK_KEYS, 'delivery', 'pickup', 'amount', 'skills', 'priority'];
const SHIPMENT_KEYS = ['pickup', 'delivery', 'amount', 'skills', 'priority'];
const VEHICLE_KEYS = ['id', 'profile', 'description', 'start', 'start_index', 'end', 'end_index', 'capacity', 'costs', 'skills',
  'time_window', 'breaks', 'speed_factor', 'max_tasks', 'max_travel_time', 'max_distance'];
const BREAK_KEYS = ['id', 'time_windows', 'service'];

/** Collects notes and the shared facts of one import. */
class Reader {
  warnings: VroomNote[] = [];
  errors: VroomNote[] = [];
  depots: Depot[] = [];
  /** Depot id by place (`lat,lng,matrixIndex`): vehicles sharing an end share a depot, found in O(1). */
  depotAt = new Map<string, string>();
  /** Ids of the problem's jobs, which a shipment's order id must not take. */
  jobIds = new Set<string>();
  units = 0;
  hasMatrix = false;
  warn(path: string, message: string): void { this.warnings.push({ path, message }); }
  error(path: string, message: string): void { this.errors.push({ path, message }); }
  /** Notes every key of `obj` outside `allowed`. */
  keys(obj: Json, allowed: string[], path: string): void {
    for (const key of Object.keys(obj)) if (!allowed.includes(key)) this.warn(`${path}.${key}`, `key '${key}' is not supported by the planner and was ignored`);
  }
}

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const numbers = (x: unknown): number[] | undefined => (Array.isArray(x) && x.every((n) => typeof n === 'number') ? (x as number[]) : undefined);
const label = (kind: string, obj: Json, i: number, field = 'id') => `${kind}s[${i}] (${kind} ${typeof obj[field] === 'number' ? obj[field] : `#${i + 1}`})`;

/** Imports a VROOM problem; the scenario is validated before it is returned. */
export function importVroomProblem(data: unknown, options: VroomImportOptions = {}): VroomImportResult {
  const r = new Reader();
  if (!isObject(data)) return { ok: false, errors: [{ path: '(problem)', message: 'a VROOM problem must be a JSON object' }], warnings: [] };
  r.keys(data, TOP_KEYS, '(problem)');
  const jobs = Array.isArray(data.jobs) ? data.jobs : [];
  const shipments = Array.isArray(data.shipments) ? data.shipments : [];
  const vehicles = Array.isArray(data.vehicles) ? data.vehicles : [];
  if (vehicles.length === 0) r.error('vehicles', 'needs at least one vehicle');
  const travelMatrices = readMatrices(r, data);
  r.units = amountDimensions([...jobs, ...shipments, ...vehicles]);
  const units = options.capacityUnits ?? Array.from({ length: r.units }, (_, k) => `unit${k + 1}`);
  if (units.length !== r.units) r.error('(options).capacityUnits', `needs ${r.units} names, one per amount dimension`);
  r.jobIds = new Set(jobs.filter(isObject).map((j) => String(j.id)));
  const orders = [...jobs.map((j, i) => readJob(r, j, i)), ...shipments.map((s, i) => readShipment(r, s, i))].filter((o): o is Order => o !== null);
  const fleet = vehicles.map((v, i) => readVehicle(r, v, i)).filter((v): v is Vehicle => v !== null);
  if (r.errors.length) return { ok: false, errors: r.errors, warnings: r.warnings };
  const scenario: Scenario = {
    type: SCENARIO_TYPE, version: SCENARIO_VERSION, id: options.id ?? 'vroom-import', name: options.name ?? 'Imported VROOM problem', revision: 0,
    settings: {
      date: options.date ?? '2000-01-01', capacityUnits: units, circuityFactor: 1.3,
      speedKmh: Object.fromEntries(fleet.map((v) => [v.type, DEFAULT_SPEED_KMH])), tileUrl: '', tileAttribution: '', solver: { timeLimitS: 5, seed: 1 },
    },
    depots: r.depots, vehicles: fleet, orders, plan: null,
    ...(travelMatrices ? { travelMatrices } : {}),
  };
  const checked = validateScenario(scenario);
  if (!checked.ok) return { ok: false, errors: [{ path: '(scenario)', message: formatIssues(checked.issues) }], warnings: r.warnings };
  return { ok: true, scenario: checked.scenario, warnings: r.warnings };
}

/** The longest amount list of any task or vehicle (at least 1): a loop, since spreading tens of thousands of lengths into Math.max overflows the stack. */
function amountDimensions(items: readonly unknown[]): number {
  let units = 1;
  for (const x of items) {
    if (!isObject(x)) continue;
    for (const key of ['delivery', 'pickup', 'amount', 'capacity']) units = Math.max(units, numbers(x[key])?.length ?? 0);
  }
  return units;
}

function readMatrices(r: Reader, data: Json): Record<string, TravelMatrix> | undefined {
  const out: Record<string, TravelMatrix> = {};
  if (Array.isArray(data.matrix)) {
    r.warn('(problem).matrix', "deprecated key 'matrix' read as the durations of profile 'car'");
    out.car = { durationsS: data.matrix as number[][] };
  }
  if (isObject(data.matrices)) {
    for (const [profile, m] of Object.entries(data.matrices)) {
      if (!isObject(m)) continue;
      r.keys(m, ['durations', 'distances'], `matrices.${profile}`);
      if (!Array.isArray(m.durations)) {
        r.error(`matrices.${profile}.durations`, 'is required: the planner needs travel times for a custom matrix');
        continue;
      }
      out[profile] = { durationsS: m.durations as number[][], ...(Array.isArray(m.distances) ? { distancesM: m.distances as number[][] } : {}) };
    }
  }
  r.hasMatrix = Object.keys(out).length > 0;
  return r.hasMatrix ? out : undefined;
}

/** Amounts padded to the number of units. */
function amounts(r: Reader, x: unknown): number[] {
  const list = numbers(x) ?? [];
  return Array.from({ length: r.units }, (_, k) => list[k] ?? 0);
}

/** Seconds → whole minutes inside the 48 h horizon; windows shrink inward to whole minutes. */
function windows(r: Reader, x: unknown, path: string): TimeWindow[] {
  if (x === undefined) return [];
  if (!Array.isArray(x)) return void r.error(path, 'must be an array of [start, end] pairs'), [];
  return x.flatMap((w: unknown, k: number) => {
    const pair = numbers(w);
    if (!pair || pair.length !== 2) return void r.error(`${path}[${k}]`, 'must be a [start, end] pair of seconds'), [];
    const start = Math.ceil(pair[0] / 60);
    const end = Math.floor(pair[1] / 60);
    if (pair[0] % 60 || pair[1] % 60) r.warn(`${path}[${k}]`, 'not whole minutes: narrowed to the whole minutes inside it');
    if (end > HORIZON_MIN || start < 0) return void r.error(`${path}[${k}]`, `must lie within 0–${HORIZON_MIN * 60} s (seconds since midnight of the planned day, 48 h horizon)`), [];
    return [{ start, end: Math.max(start, end) }];
  });
}

function minutesOf(r: Reader, seconds: unknown, path: string): number {
  const s = typeof seconds === 'number' ? seconds : 0;
  if (s % 60) r.warn(path, `${s} s is not whole minutes: rounded up to ${Math.ceil(s / 60)} min`);
  return Math.ceil(s / 60);
}

/** Location and matrix index of a task or vehicle end. */
function place(r: Reader, obj: Json, path: string, locKey = 'location', indexKey = 'location_index'): { lat: number; lng: number; matrixIndex?: number } | null {
  const loc = numbers(obj[locKey]);
  const index = typeof obj[indexKey] === 'number' ? (obj[indexKey] as number) : undefined;
  if (index !== undefined && !r.hasMatrix) r.warn(`${path}.${indexKey}`, 'ignored: the problem has no matrices');
  const matrixIndex = r.hasMatrix ? index : undefined;
  if (loc && loc.length === 2) return { lng: loc[0], lat: loc[1], ...(matrixIndex !== undefined ? { matrixIndex } : {}) };
  if (matrixIndex !== undefined) {
    r.warn(`${path}.${locKey}`, 'missing: placed at 0, 0 on the map (travel comes from the matrix)');
    return { lng: 0, lat: 0, matrixIndex };
  }
  return void r.error(`${path}.${locKey}`, 'is required: [lon, lat] (or a location index into matrices)'), null;
}

/** Service minutes of a task; `setup` has no planner equivalent and is added to service. */
function serviceMinutes(r: Reader, obj: Json, path: string): number {
  if (typeof obj.setup === 'number' && obj.setup > 0) r.warn(`${path}.setup`, 'setup time has no planner equivalent: added to the service time');
  const setup = typeof obj.setup === 'number' ? obj.setup : 0;
  return minutesOf(r, (typeof obj.service === 'number' ? obj.service : 0) + setup, `${path}.service`);
}

function common(r: Reader, obj: Json, path: string): Pick<Order, 'priority' | 'skills' | 'notes' | 'phone' | 'email' | 'extra' | 'address'> {
  const priority = typeof obj.priority === 'number' ? obj.priority : 0;
  if (priority % 10) r.warn(`${path}.priority`, `VROOM priority ${priority} (0–100) rounded to planner priority ${Math.round(priority / 10)} (0–10)`);
  const skills = numbers(obj.skills);
  return { priority: Math.round(priority / 10), ...(skills ? { skills: skills.map(String) } : {}), address: '', notes: '', phone: '', email: '', extra: {} };
}

function readJob(r: Reader, job: unknown, i: number): Order | null {
  if (!isObject(job) || typeof job.id !== 'number') return void r.error(`jobs[${i}]`, 'needs an integer id'), null;
  const path = label('job', job, i);
  r.keys(job, JOB_KEYS, path);
  const at = place(r, job, path);
  if (!at) return null;
  if (job.amount !== undefined) r.warn(`${path}.amount`, "deprecated key 'amount' read as 'delivery'");
  const delivery = amounts(r, job.delivery ?? job.amount);
  const pickup = amounts(r, job.pickup);
  const collects = pickup.some((a) => a > 0);
  const serviceType = collects ? (delivery.some((a) => a > 0) ? 'haul-away' : 'return') : 'curbside';
  return {
    id: String(job.id), customerName: typeof job.description === 'string' ? job.description : `Job ${job.id}`, ...at, serviceType,
    serviceMinutes: serviceMinutes(r, job, path), amounts: delivery, timeWindows: windows(r, job.time_windows, `${path}.time_windows`),
    ...common(r, job, path), ...(collects ? { pickupAmounts: pickup } : {}),
  };
}

/** Order id of a shipment: its pickup id, "p-d" when the delivery id differs, prefixed when a job has it. */
export function shipmentOrderId(pickupId: number, deliveryId: number, jobIds: Set<string>): string {
  const id = pickupId === deliveryId ? String(pickupId) : `${pickupId}-${deliveryId}`;
  return jobIds.has(id) ? `shipment-${id}` : id;
}

function readShipment(r: Reader, shipment: unknown, i: number): Order | null {
  const path = `shipments[${i}]`;
  if (!isObject(shipment) || !isObject(shipment.pickup) || !isObject(shipment.delivery)) return void r.error(path, 'needs pickup and delivery objects'), null;
  r.keys(shipment, SHIPMENT_KEYS, path);
  const { pickup: p, delivery: d } = shipment;
  if (typeof p.id !== 'number' || typeof d.id !== 'number') return void r.error(path, 'pickup and delivery need integer ids'), null;
  r.keys(p, TASK_KEYS, `${path}.pickup`);
  r.keys(d, TASK_KEYS, `${path}.delivery`);
  const from = place(r, p, `${path}.pickup`);
  const to = place(r, d, `${path}.delivery`);
  if (!from || !to) return null;
  const pickup: PickupPlace = {
    ...from, address: typeof p.description === 'string' ? p.description : '',
    timeWindows: windows(r, p.time_windows, `${path}.pickup.time_windows`), serviceMinutes: serviceMinutes(r, p, `${path}.pickup`),
  };
  return {
    id: shipmentOrderId(p.id, d.id, r.jobIds), customerName: typeof d.description === 'string' ? d.description : `Shipment ${p.id}`, ...to,
    serviceType: 'curbside', serviceMinutes: serviceMinutes(r, d, `${path}.delivery`), amounts: amounts(r, shipment.amount),
    timeWindows: windows(r, d.time_windows, `${path}.delivery.time_windows`), ...common(r, shipment, path), pickup,
  };
}

/** The depot at a vehicle end, shared by vehicles with the same location and index. */
function depotAt(r: Reader, vehicle: Json, path: string, end: 'start' | 'end'): string | null {
  const at = place(r, vehicle, path, end, `${end}_index`);
  if (!at) return null;
  const key = `${at.lat},${at.lng},${at.matrixIndex}`;
  const same = r.depotAt.get(key);
  if (same) return same;
  const n = r.depots.length + 1;
  r.depots.push({ id: `depot-${n}`, name: `Depot ${n}`, ...at, open: 0, close: HORIZON_MIN });
  r.depotAt.set(key, `depot-${n}`);
  return `depot-${n}`;
}

function readVehicle(r: Reader, vehicle: unknown, i: number): Vehicle | null {
  if (!isObject(vehicle) || typeof vehicle.id !== 'number') return void r.error(`vehicles[${i}]`, 'needs an integer id'), null;
  const path = label('vehicle', vehicle, i);
  r.keys(vehicle, VEHICLE_KEYS, path);
  if (vehicle.start === undefined && vehicle.start_index === undefined) return void r.error(`${path}.start`, 'is required: every route starts at a depot (open starts are not supported)'), null;
  if (vehicle.end === undefined && vehicle.end_index === undefined) return void r.error(`${path}.end`, 'is required: every route returns to a depot (open ends are not supported)'), null;
  const startDepotId = depotAt(r, vehicle, path, 'start');
  const endDepotId = depotAt(r, vehicle, path, 'end');
  if (!startDepotId || !endDepotId) return null;
  const shift = vehicle.time_window === undefined ? [{ start: 0, end: HORIZON_MIN }] : windows(r, [vehicle.time_window], `${path}.time_window`);
  const capacity = numbers(vehicle.capacity);
  if (!capacity && vehicle.capacity !== undefined) r.error(`${path}.capacity`, 'must be an array of integers');
  if (vehicle.capacity === undefined) r.warn(`${path}.capacity`, 'missing: capacity taken as unlimited');
  return {
    id: String(vehicle.id), name: typeof vehicle.description === 'string' ? vehicle.description : `Vehicle ${vehicle.id}`,
    type: typeof vehicle.profile === 'string' ? vehicle.profile : 'car', capacity: capacity ? amounts(r, capacity).map((c) => (c >= Number.MAX_SAFE_INTEGER ? null : c)) : amounts(r, []).map(() => null),
    startDepotId, endDepotId, shift: shift[0] ?? { start: 0, end: HORIZON_MIN },
    speedFactor: typeof vehicle.speed_factor === 'number' && vehicle.speed_factor > 0 ? 1 / vehicle.speed_factor : 1,
    costs: readCosts(r, vehicle, path), crew: { size: 1, skills: (numbers(vehicle.skills) ?? []).map(String) },
    ...readLimits(r, vehicle, path), ...readBreaks(r, vehicle, path),
  };
}

function readCosts(r: Reader, vehicle: Json, path: string): Vehicle['costs'] {
  const c = isObject(vehicle.costs) ? vehicle.costs : {};
  r.keys(c, ['fixed', 'per_hour', 'per_km'], `${path}.costs`);
  if (c.per_hour !== undefined) r.warn(`${path}.costs.per_hour`, 'VROOM charges it on travel time; the planner charges it on route duration (travel, service and waiting)');
  const num = (x: unknown, dflt: number) => (typeof x === 'number' ? x : dflt);
  return { fixed: num(c.fixed, 0), perKm: num(c.per_km, 0), perHour: num(c.per_hour, 3600) };
}

function readLimits(r: Reader, vehicle: Json, path: string): Pick<Vehicle, 'limits'> {
  const limits: NonNullable<Vehicle['limits']> = {};
  if (typeof vehicle.max_tasks === 'number') limits.maxStops = vehicle.max_tasks;
  if (typeof vehicle.max_travel_time === 'number') {
    if (vehicle.max_travel_time % 60) r.warn(`${path}.max_travel_time`, 'not whole minutes: rounded down');
    limits.maxDrivingMinutes = Math.floor(vehicle.max_travel_time / 60);
  }
  if (typeof vehicle.max_distance === 'number') limits.maxDistanceKm = vehicle.max_distance / 1000;
  return Object.keys(limits).length ? { limits } : {};
}

function readBreaks(r: Reader, vehicle: Json, path: string): Pick<Vehicle, 'breaks'> {
  if (!Array.isArray(vehicle.breaks)) return {};
  const breaks = vehicle.breaks.flatMap((b: unknown, k: number) => {
    const at = `${path}.breaks[${k}]`;
    if (!isObject(b) || typeof b.id !== 'number') return void r.error(at, 'needs an integer id'), [];
    r.keys(b, BREAK_KEYS, at);
    const timeWindows = b.time_windows === undefined ? [{ start: 0, end: HORIZON_MIN }] : windows(r, b.time_windows, `${at}.time_windows`);
    return [{ id: String(b.id), timeWindows, minutes: minutesOf(r, b.service, `${at}.service`) }];
  });
  return { breaks };
}
