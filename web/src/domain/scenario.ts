// The scenario model (schema v3): depots, vehicles, orders, settings and the
// accepted plan. Pure data and its valibot schema; no UI, storage or worker code.
// v2 only ADDS optional fields to v1; v3 validates the plan (and the stored pins)
// instead of keeping it as any data (see migrate.ts); every v1 field keeps its name and meaning.
import * as v from 'valibot';
import { pinSetSchema, planSchema } from './plan-schema';
import { messageLogSchema, messageSettingsSchema } from './messages/message-schema';
import type { Solution } from './solution';
import type { DayRecord } from './day/day-schema';

/** Current schema version written by this build. */
export const SCENARIO_VERSION = 3;
/** `type` tag of scenario files and stored records. */
export const SCENARIO_TYPE = 'final-mile-scenario';

/** Minutes since midnight of the scenario's day (0..1439, 1440 = end of day). */
export type DayMinutes = number;

export const SERVICE_TYPES = [
  'curbside', 'room-of-choice', 'white-glove', 'installation', 'haul-away', 'return', 're-delivery',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** What a service type does about goods collected at the customer (see service-types.ts). */
export const PICKUP_BEHAVIOURS = ['none', 'haul-away', 'pickup-only'] as const;
export type PickupBehaviour = (typeof PICKUP_BEHAVIOURS)[number];

const id = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const latitude = v.pipe(v.number(), v.finite(), v.minValue(-90, 'latitude must be ≥ -90'), v.maxValue(90, 'latitude must be ≤ 90'));
const longitude = v.pipe(v.number(), v.finite(), v.minValue(-180, 'longitude must be ≥ -180'), v.maxValue(180, 'longitude must be ≤ 180'));
const minutes = v.pipe(v.number(), v.integer('must be whole minutes'), v.minValue(0, 'must be ≥ 0'), v.maxValue(2880, 'must be ≤ 2880 (48 h)'));
const amount = v.pipe(v.number(), v.finite(), v.minValue(0, 'must be ≥ 0'));
const count = (max: number) => v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0, 'must be ≥ 0'), v.maxValue(max, `must be ≤ ${max}`));
const crewSize = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be ≥ 1'), v.maxValue(10, 'must be ≤ 10'));
const skillList = v.array(id);
/** Row/column of this place in `scenario.travelMatrices` (VROOM's `location_index`). */
const matrixIndex = v.optional(count(100_000));

const windowSchema = v.pipe(
  v.object({ start: minutes, end: minutes }),
  v.check((w) => w.start <= w.end, 'window opens after it closes'),
);
export type TimeWindow = v.InferOutput<typeof windowSchema>;

/** A soft limit: allowed up to `maxMinutes` beyond the hard one, each minute costing `costPerMinute`. */
const softLimitSchema = v.object({ maxMinutes: minutes, costPerMinute: amount });
export type SoftLimit = v.InferOutput<typeof softLimitSchema>;

export const depotSchema = v.object({
  id,
  name: v.string(),
  lat: latitude,
  lng: longitude,
  /** Opening hours of the depot: vehicles leave at or after `open` and are back by `close`. */
  open: minutes,
  close: minutes,
  matrixIndex,
});
export type Depot = v.InferOutput<typeof depotSchema>;

/** A driver break: `minutes` long, starting inside one of `timeWindows`; a plan shows it as a `break` step. */
export const breakSchema = v.object({ id, timeWindows: v.pipe(v.array(windowSchema), v.minLength(1, 'needs at least one window')), minutes });
export type Break = v.InferOutput<typeof breakSchema>;

/** Hard route limits; an absent limit does not apply. */
export const vehicleLimitsSchema = v.object({
  /** Stops per route; a shipment counts two (pickup and delivery). */
  maxStops: v.optional(count(10_000)),
  /** Route end minus route start. */
  maxDurationMinutes: v.optional(minutes),
  /** Driving time only (VROOM's `max_travel_time`). */
  maxDrivingMinutes: v.optional(minutes),
  /** Distance driven (EV range). */
  maxDistanceKm: v.optional(amount),
});
export type VehicleLimits = v.InferOutput<typeof vehicleLimitsSchema>;

export const vehicleSchema = v.object({
  id,
  name: v.string(),
  /** Vehicle type, e.g. `van` or `box-truck`; selects the speed in settings and the travel matrix. */
  type: id,
  /** Capacity per unit, aligned with `settings.capacityUnits`; `null` = no limit in that unit (none was given). */
  capacity: v.array(v.nullable(amount)),
  startDepotId: id,
  endDepotId: id,
  shift: windowSchema,
  /** Multiplies travel time (1 = the type's speed; 1.2 = 20 % slower). */
  speedFactor: v.pipe(v.number(), v.minValue(0.1, 'must be ≥ 0.1'), v.maxValue(10, 'must be ≤ 10')),
  costs: v.object({ fixed: amount, perKm: amount, perHour: amount }),
  /** Equipment (liftgate, ev, refrigerated…); counts as a skill when matching orders. */
  features: v.optional(skillList),
  /** Crew on board. Absent (every v1 vehicle) = not modelled: crew size and skills are not checked. */
  crew: v.optional(v.object({ size: crewSize, skills: skillList })),
  /** Breaks the driver must take when the vehicle is used. */
  breaks: v.optional(v.array(breakSchema)),
  limits: v.optional(vehicleLimitsSchema),
  /** Soft shift end: the route may end up to `maxMinutes` after `shift.end`, at a cost per minute. */
  overtime: v.optional(softLimitSchema),
  /** Extra imported columns no rule reads, kept as-is and exported again. */
  extra: v.optional(v.record(v.string(), v.string())),
});
export type Vehicle = v.InferOutput<typeof vehicleSchema>;

/** Where a shipment's goods are collected; the order's own location is the delivery. */
export const pickupPlaceSchema = v.object({
  lat: latitude,
  lng: longitude,
  address: v.string(),
  /** Pickup must start inside one of these windows; empty = any time. */
  timeWindows: v.array(windowSchema),
  /** Minutes on site at the pickup. */
  serviceMinutes: minutes,
  matrixIndex,
});
export type PickupPlace = v.InferOutput<typeof pickupPlaceSchema>;

export const orderSchema = v.object({
  id,
  customerName: v.string(),
  address: v.string(),
  lat: latitude,
  lng: longitude,
  serviceType: v.picklist(SERVICE_TYPES, 'unknown service type'),
  /** Minutes on site (the catalogue's base + per-item minutes only suggest it, see service-types.ts). */
  serviceMinutes: minutes,
  /** Amount per unit, aligned with `settings.capacityUnits`: delivered here (collected, for a pickup-only type). */
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
  /** Overrides the service type's crew size. */
  crewSize: v.optional(crewSize),
  /** Overrides (replaces) the service type's required skills/equipment. */
  skills: v.optional(skillList),
  /** Collected at the customer and carried to the end depot (haul-away, returns); overrides the type's default. */
  pickupAmounts: v.optional(v.array(amount)),
  /** Soft windows: service may start up to `maxMinutes` after a window closes, at a cost per minute. */
  lateness: v.optional(softLimitSchema),
  /** Present = a shipment: collect at `pickup`, then deliver here, same vehicle, pickup first. */
  pickup: v.optional(pickupPlaceSchema),
  /** Re-delivery: the failed order this one repeats (may belong to an earlier day). */
  failedOrderId: v.optional(id),
  matrixIndex,
});
export type Order = v.InferOutput<typeof orderSchema>;

/** One service type of the catalogue (defaults in service-types.ts). */
export const serviceTypeSpecSchema = v.object({
  label: v.string(),
  baseMinutes: minutes,
  minutesPerItem: v.pipe(v.number(), v.finite(), v.minValue(0, 'must be ≥ 0')),
  crewSize,
  skills: skillList,
  pickup: v.picklist(PICKUP_BEHAVIOURS, 'unknown pickup behaviour'),
  /** Added to the order's priority (capped at 10); re-delivery raises it. */
  priorityBoost: count(10),
});
export type ServiceTypeSpec = v.InferOutput<typeof serviceTypeSpecSchema>;

const cv = v.pipe(v.number('must be a number'), v.finite(), v.minValue(0, 'must be ≥ 0'), v.maxValue(3, 'must be ≤ 3'));
const probability = v.pipe(v.number('must be a number'), v.finite(), v.minValue(0, 'must be ≥ 0'), v.maxValue(1, 'must be ≤ 1'));
const perServiceType = <T extends v.GenericSchema<unknown, number>>(value: T) => v.record(v.picklist(SERVICE_TYPES, 'unknown service type'), value);

/**
 * How execution varies around the plan (issues #11 and #14): coefficients of
 * variation of travel and service times, not-home probability per service type,
 * length of a failed attempt, urgent orders a simulated day brings. Every field
 * is optional; variability.ts fills the defaults.
 */
export const variabilitySchema = v.object({
  travelCv: v.optional(cv),
  serviceCv: v.optional(perServiceType(cv)),
  notHome: v.optional(perServiceType(probability)),
  failedAttemptMinutes: v.optional(v.pipe(v.number('must be a number'), v.integer('must be whole minutes'), v.minValue(0, 'must be ≥ 0'), v.maxValue(240, 'must be ≤ 240'))),
  urgentOrdersPerDay: v.optional(count(50)),
});
export type VariabilitySettings = v.InferOutput<typeof variabilitySchema>;

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
  /** Geocoding search URL (Nominatim `/search` or Photon `/api`); absent or empty = off: addresses never leave the browser. */
  geocodeUrl: v.optional(v.string()),
  /** Least milliseconds between two geocoding requests (Nominatim's policy: 1,000). */
  geocodeIntervalMs: v.optional(v.pipe(v.number('must be a number'), v.integer('must be whole milliseconds'), v.minValue(0, 'must be ≥ 0'), v.maxValue(60000, 'must be ≤ 60000'))),
  /** Base URL of an OSRM-compatible `table` service (issue #14); absent or empty = the embedded model. */
  routingUrl: v.optional(v.string()),
  /** OSRM profile per vehicle type for the routing service; a type not listed uses `driving`. */
  routingProfiles: v.optional(v.record(v.string(), v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]+$/, 'must be a profile name (letters, digits, - or _)')))),
  solver: v.object({
    timeLimitS: v.pipe(v.number(), v.minValue(0.1), v.maxValue(3600)),
    seed: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  /** Edited catalogue entries; a type not listed uses DEFAULT_SERVICE_TYPES. */
  serviceTypes: v.optional(v.record(v.picklist(SERVICE_TYPES, 'unknown service type'), serviceTypeSpecSchema)),
  /** Capacity unit that counts items for per-item service minutes; default: a unit named items/pieces. */
  itemUnit: v.optional(id),
  /** Penalty of an unassigned order: base + perPriority × priority (cost units, not part of route cost). */
  unassignedPenalty: v.optional(v.object({ base: amount, perPriority: amount })),
  /** Travel, service and presence variability (simulator and risk); absent fields take variability.ts defaults. */
  variability: v.optional(variabilitySchema),
  /**
   * Robust planning (issue #14): the share of simulated days, in percent, in which each stop should
   * start inside its window; the solver plans with slack for it (domain/risk/robust.ts). Absent or 0: off.
   */
  onTimeTarget: v.optional(v.pipe(v.number('must be a number'), v.integer('must be a whole percent'), v.minValue(0, 'must be ≥ 0'), v.maxValue(99, 'must be ≤ 99'))),
  /** Customer message templates, signature and ETA window (issue #13); absent fields take messages/ defaults. */
  messages: v.optional(messageSettingsSchema),
});
export type Settings = v.InferOutput<typeof settingsSchema>;

const matrixRows = v.array(v.array(v.pipe(v.number(), v.finite(), v.minValue(0, 'must be ≥ 0'))));
/** A user-supplied travel matrix, indexed by the places' `matrixIndex`. */
export const travelMatrixSchema = v.object({
  /** Seconds at speed factor 1; a vehicle's speedFactor multiplies them. */
  durationsS: matrixRows,
  /** Metres; absent = the embedded model's road distance. */
  distancesM: v.optional(matrixRows),
});
export type TravelMatrix = v.InferOutput<typeof travelMatrixSchema>;

export const scenarioSchema = v.object({
  type: v.literal(SCENARIO_TYPE),
  version: v.literal(SCENARIO_VERSION),
  id,
  name: v.string(),
  /** Bumped on every edit; a plan is stale when `plan.solvedRevision` differs. */
  revision: v.pipe(v.number(), v.integer(), v.minValue(0)),
  settings: settingsSchema,
  /** May be empty (a blank scenario); vehicles must start and end at one, so a solve needs one. */
  depots: v.array(depotSchema),
  vehicles: v.array(vehicleSchema),
  orders: v.array(orderSchema),
  /** Travel matrices by vehicle type (VROOM's `matrices` by profile); a type without one uses geo.ts. */
  travelMatrices: v.optional(v.record(v.string(), travelMatrixSchema)),
  /** Last accepted plan (re-checked after loading), or null. */
  plan: v.nullable(planSchema),
  /** Customer messages sent, oldest first (issue #13); optional, so older records stay valid (no version bump). */
  messageLog: v.optional(messageLogSchema),
});

/** A stored record: the scenario with the pins of its scenario (absent in records of older builds). */
export const storedPinsSchema = v.object({ pins: v.optional(pinSetSchema) });

/**
 * A scenario: a saved set of orders + resources + settings + plan.
 * `version` is SCENARIO_VERSION once validated; it is typed as a number so
 * that data built for an older version still type-checks before migration.
 */
export type Scenario = Omit<v.InferOutput<typeof scenarioSchema>, 'plan' | 'version'> & {
  version: number;
  plan: Plan | null;
  /**
   * The day (issue #11): the dispatched plan and its event log; absent before
   * Dispatch. Optional, so records without it stay valid (no version bump). Its
   * schema (day/day-schema.ts) is added in validate.ts: the day's event schema
   * reads this module's order schema, and a runtime import back would be circular.
   */
  day?: DayRecord;
};

/** A solution together with the revision it was solved for. */
export interface Plan {
  solvedRevision: number;
  solution: Solution;
  /** Where the plan's travel times came from (issue #14); absent in plans of older builds. */
  travel?: TravelSource;
}

/** The source of a plan's travel times, with why the embedded model stood in when a service failed. */
export interface TravelSource {
  source: 'routing' | 'matrix' | 'embedded';
  /** Why the embedded model was used instead of the configured routing service. */
  fallback?: string;
}
