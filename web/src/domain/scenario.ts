// The scenario model (schema v1): depots, vehicles, orders, settings and the
// accepted plan. Pure data and its valibot schema; no UI, storage or worker code.
import * as v from 'valibot';
import type { Solution } from './solution';

/** Current schema version written by this build. */
export const SCENARIO_VERSION = 1;
/** `type` tag of scenario files and stored records. */
export const SCENARIO_TYPE = 'final-mile-scenario';

/** Minutes since midnight of the scenario's day (0..1439, 1440 = end of day). */
export type DayMinutes = number;

export const SERVICE_TYPES = [
  'curbside', 'room-of-choice', 'white-glove', 'installation', 'haul-away', 'return', 're-delivery',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

const id = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const latitude = v.pipe(v.number(), v.finite(), v.minValue(-90, 'latitude must be ≥ -90'), v.maxValue(90, 'latitude must be ≤ 90'));
const longitude = v.pipe(v.number(), v.finite(), v.minValue(-180, 'longitude must be ≥ -180'), v.maxValue(180, 'longitude must be ≤ 180'));
const minutes = v.pipe(v.number(), v.integer('must be whole minutes'), v.minValue(0, 'must be ≥ 0'), v.maxValue(2880, 'must be ≤ 2880 (48 h)'));
const amount = v.pipe(v.number(), v.finite(), v.minValue(0, 'must be ≥ 0'));

const windowSchema = v.pipe(
  v.object({ start: minutes, end: minutes }),
  v.check((w) => w.start <= w.end, 'window opens after it closes'),
);
export type TimeWindow = v.InferOutput<typeof windowSchema>;

export const depotSchema = v.object({
  id,
  name: v.string(),
  lat: latitude,
  lng: longitude,
  /** Opening hours of the depot. */
  open: minutes,
  close: minutes,
});
export type Depot = v.InferOutput<typeof depotSchema>;

export const vehicleSchema = v.object({
  id,
  name: v.string(),
  /** Vehicle type, e.g. `van` or `box-truck`; selects the speed in settings. */
  type: id,
  /** Capacity per unit, aligned with `settings.capacityUnits`. */
  capacity: v.array(amount),
  startDepotId: id,
  endDepotId: id,
  shift: windowSchema,
  /** Multiplies travel time (1 = the type's speed; 1.2 = 20 % slower). */
  speedFactor: v.pipe(v.number(), v.minValue(0.1, 'must be ≥ 0.1'), v.maxValue(10, 'must be ≤ 10')),
  costs: v.object({ fixed: amount, perKm: amount, perHour: amount }),
});
export type Vehicle = v.InferOutput<typeof vehicleSchema>;

export const orderSchema = v.object({
  id,
  customerName: v.string(),
  address: v.string(),
  lat: latitude,
  lng: longitude,
  serviceType: v.picklist(SERVICE_TYPES, 'unknown service type'),
  /** Minutes on site. */
  serviceMinutes: minutes,
  /** Amount per unit, aligned with `settings.capacityUnits`. */
  amounts: v.array(amount),
  /** Service must start inside one of these windows; empty = any time. */
  timeWindows: v.array(windowSchema),
  /** 0 (lowest) … 10; raises the penalty for leaving the order unassigned. */
  priority: v.pipe(v.number(), v.integer(), v.minValue(0, 'must be ≥ 0'), v.maxValue(10, 'must be ≤ 10')),
  notes: v.string(),
  phone: v.string(),
  email: v.string(),
  /** Extra imported columns, kept as-is and exported again. */
  extra: v.record(v.string(), v.string()),
});
export type Order = v.InferOutput<typeof orderSchema>;

export const settingsSchema = v.object({
  /** ISO date (YYYY-MM-DD) of the planned day. */
  date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')),
  capacityUnits: v.pipe(v.array(id), v.minLength(1, 'needs at least one capacity unit')),
  /** Road distance / great-circle distance. */
  circuityFactor: v.pipe(v.number(), v.minValue(1, 'must be ≥ 1'), v.maxValue(3, 'must be ≤ 3')),
  /** Urban speed per vehicle type, km/h. */
  speedKmh: v.record(v.string(), v.pipe(v.number(), v.minValue(1, 'must be ≥ 1 km/h'), v.maxValue(150, 'must be ≤ 150 km/h'))),
  /** Map tile URL template; empty = neutral offline background. */
  tileUrl: v.string(),
  tileAttribution: v.string(),
  solver: v.object({
    timeLimitS: v.pipe(v.number(), v.minValue(0.1), v.maxValue(3600)),
    seed: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
});
export type Settings = v.InferOutput<typeof settingsSchema>;

export const scenarioSchema = v.object({
  type: v.literal(SCENARIO_TYPE),
  version: v.literal(SCENARIO_VERSION),
  id,
  name: v.string(),
  /** Bumped on every edit; a plan is stale when `plan.solvedRevision` differs. */
  revision: v.pipe(v.number(), v.integer(), v.minValue(0)),
  settings: settingsSchema,
  depots: v.pipe(v.array(depotSchema), v.minLength(1, 'needs at least one depot')),
  vehicles: v.array(vehicleSchema),
  orders: v.array(orderSchema),
  /** Last accepted plan (already re-checked), or null. */
  plan: v.nullable(v.any()),
});

/** A scenario: a saved set of orders + resources + settings + plan. */
export type Scenario = Omit<v.InferOutput<typeof scenarioSchema>, 'plan'> & { plan: Plan | null };

/** A solution together with the revision it was solved for. */
export interface Plan {
  solvedRevision: number;
  solution: Solution;
}
