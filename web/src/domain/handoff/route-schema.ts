// The valibot schema of a DriverRoute (driver-route.ts), for everything that
// arrives from outside: a driver link's payload and a route file. Unknown keys
// are dropped; every message names the rule, io/handoff.ts adds the JSON path.
import * as v from 'valibot';
import type { DriverRoute } from './driver-route';

/** `type` of a route payload and a route file. */
export const ROUTE_TYPE = 'fmp-route';
/** The route format version this build writes and reads. */
export const ROUTE_VERSION = 1;
/** Longest text field (notes, addresses…) a route may carry. */
export const ROUTE_TEXT_MAX = 5000;
/** Most stops a route may carry. */
export const ROUTE_STOPS_MAX = 5000;

const text = v.pipe(v.string('must be text'), v.maxLength(ROUTE_TEXT_MAX, `must be at most ${ROUTE_TEXT_MAX} characters`));
const id = v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty'), v.maxLength(500, 'must be at most 500 characters'));
const latitude = v.pipe(v.number('must be a number'), v.finite('must be finite'), v.minValue(-90, 'latitude must be ≥ -90'), v.maxValue(90, 'latitude must be ≤ 90'));
const longitude = v.pipe(v.number('must be a number'), v.finite('must be finite'), v.minValue(-180, 'longitude must be ≥ -180'), v.maxValue(180, 'longitude must be ≤ 180'));
/** Minutes of the day; up to two days, as the scenario allows (a route may end after midnight). */
const minutes = v.pipe(v.number('must be a number of minutes'), v.finite('must be finite'), v.minValue(0, 'must be ≥ 0'), v.maxValue(2880, 'must be ≤ 2880 (48 h)'));

const windowSchema = v.pipe(
  v.object({ start: minutes, end: minutes }),
  v.check((w) => w.start <= w.end, 'window opens after it closes'),
);

const stopSchema = v.object({
  order: id,
  side: v.optional(v.picklist(['pickup', 'delivery'], "must be 'pickup' or 'delivery'")),
  customerName: text,
  phone: text,
  address: text,
  lat: latitude,
  lng: longitude,
  windows: v.array(windowSchema, 'must be a list of windows'),
  eta: minutes,
  serviceMinutes: minutes,
  serviceType: text,
  notes: text,
  items: text,
});

const place = { name: text, lat: latitude, lng: longitude };

/** A DriverRoute as read from outside. */
export const driverRouteSchema = v.object({
  type: v.literal(ROUTE_TYPE, `must be '${ROUTE_TYPE}'`),
  version: v.literal(ROUTE_VERSION, `must be ${ROUTE_VERSION}`),
  routeId: id,
  scenarioName: text,
  date: v.pipe(v.string('must be text'), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')),
  vehicle: v.object({ id, name: text }),
  start: v.object({ ...place, departure: minutes }),
  end: v.object({ ...place, arrival: minutes }),
  stops: v.pipe(v.array(stopSchema, 'must be a list of stops'), v.maxLength(ROUTE_STOPS_MAX, `must hold at most ${ROUTE_STOPS_MAX} stops`)),
  breaks: v.array(v.object({ start: minutes, minutes, label: text }), 'must be a list of breaks'),
});

type Read = v.InferOutput<typeof driverRouteSchema>;
type Assert<T extends true> = T;
/** Compile-time proof that the schema reads exactly the contract's shape (both ways). */
export type RouteSchemaMatchesContract = Assert<Read extends DriverRoute ? (DriverRoute extends Read ? true : false) : false>;
