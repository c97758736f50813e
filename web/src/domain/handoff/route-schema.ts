// Valibot schema of a DriverRoute (driver-route.ts): what a phone accepts from a
// link, a route file or its own storage. Every field checked, messages name the path.
import * as v from 'valibot';
import type { DriverRoute } from './driver-route';

const text = v.string('must be text');
const minutes = v.pipe(v.number('must be minutes of the day'), v.finite('must be a finite number'), v.minValue(0, 'must be ≥ 0'), v.maxValue(2880, 'must be ≤ 2880'));
const lat = v.pipe(v.number('must be a number'), v.finite(), v.minValue(-90, 'latitude must be ≥ -90'), v.maxValue(90, 'latitude must be ≤ 90'));
const lng = v.pipe(v.number('must be a number'), v.finite(), v.minValue(-180, 'longitude must be ≥ -180'), v.maxValue(180, 'longitude must be ≤ 180'));
const id = v.pipe(text, v.minLength(1, 'must not be empty'));

const stopSchema = v.object({
  order: id,
  side: v.optional(v.picklist(['pickup', 'delivery'], "must be 'pickup' or 'delivery'")),
  customerName: text,
  phone: text,
  address: text,
  lat,
  lng,
  windows: v.array(v.object({ start: minutes, end: minutes }), 'must be a list of windows'),
  eta: minutes,
  serviceMinutes: v.pipe(v.number('must be a number of minutes'), v.finite(), v.minValue(0, 'must be ≥ 0')),
  serviceType: text,
  notes: text,
  items: text,
});

/** A DriverRoute as received: `type`, `version` and every field checked. */
export const driverRouteSchema = v.object({
  type: v.literal('fmp-route', "must be 'fmp-route'"),
  version: v.literal(1, 'must be 1'),
  routeId: id,
  scenarioName: text,
  date: v.pipe(text, v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')),
  vehicle: v.object({ id, name: text }),
  start: v.object({ name: text, lat, lng, departure: minutes }),
  end: v.object({ name: text, lat, lng, arrival: minutes }),
  stops: v.array(stopSchema, 'must be a list of stops'),
  breaks: v.array(v.object({ start: minutes, minutes: v.pipe(v.number('must be a number of minutes'), v.finite(), v.minValue(0, 'must be ≥ 0')), label: text }), 'must be a list of breaks'),
});

/** The route, or the first problem found as "stops[2].lat: latitude must be ≤ 90". */
export function checkDriverRoute(data: unknown): { ok: true; route: DriverRoute } | { ok: false; message: string } {
  const parsed = v.safeParse(driverRouteSchema, data);
  if (parsed.success) return { ok: true, route: parsed.output as DriverRoute };
  const issue = parsed.issues[0];
  const path = (issue.path ?? []).map((item) => item.key as string | number)
    .reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
  return { ok: false, message: path ? `${path}: ${issue.message}` : issue.message };
}
