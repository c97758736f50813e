// Valibot schemas of the day's events, shared by the events file (`at` as a
// clock time or timestamp, `id` optional) and the stored log (`at` in minutes,
// `id` required). Cross-references (known orders and vehicles) are checked in events-file.ts.
//
// Events file, one object per event (every event: `type`, `at`, optional `id`):
//   departed          vehicle
//   arrived           order, stop? ('pickup' | 'delivery', shipments only)
//   done              order, stop?, pod? (proof of delivery, below)
//   failed            order, reason? (not-home | refused | damaged | no-access | other; default other), stop?, pod?
//   delay             vehicle, minutes (lost from `at` on)
//   service-overran   order, minutes, stop?
//   position          vehicle, lat, lng
//   unavailable       vehicle, lat, lng, reason? (breakdown | driver-ill | other; default other)
//   new-order         order (a whole order, as in the scenario file)
//   order-cancelled   order
//   repair-applied    routes: [{vehicle, stops: [{type: job|pickup|delivery|break, id}]}], keepForLater?: [re-delivery ids]
// pod: {recipient?, note?, signature? (media id), photos? [media ids], lat?, lng?, accuracyM?}
// A status file from a driver (issue #13) is an events file with `media`: [{id, type, data (base64)}].
import * as v from 'valibot';
import { orderSchema } from '../scenario';
import { FAIL_REASONS, UNAVAILABLE_REASONS } from './events';

const id = v.pipe(v.string('must be a text id'), v.trim(), v.minLength(1, 'must not be empty'));
const latitude = v.pipe(v.number('must be a number'), v.finite(), v.minValue(-90, 'latitude must be ≥ -90'), v.maxValue(90, 'latitude must be ≤ 90'));
const longitude = v.pipe(v.number('must be a number'), v.finite(), v.minValue(-180, 'longitude must be ≥ -180'), v.maxValue(180, 'longitude must be ≤ 180'));
const lostMinutes = v.pipe(v.number('must be a number of minutes'), v.integer('must be whole minutes'), v.minValue(1, 'must be ≥ 1'), v.maxValue(1440, 'must be ≤ 1440'));
const side = v.optional(v.picklist(['pickup', 'delivery'], "must be 'pickup' or 'delivery'"));
const failReason = v.optional(v.picklist(FAIL_REASONS, `must be one of ${FAIL_REASONS.join(', ')}`), 'other');
const unavailableReason = v.optional(v.picklist(UNAVAILABLE_REASONS, `must be one of ${UNAVAILABLE_REASONS.join(', ')}`), 'other');

/** Longest recipient name and note of a proof of delivery. */
export const POD_TEXT_MAX = 2000;
/** Largest media item (base64 characters, ≈ 3 MB of image). */
export const POD_MEDIA_MAX = 4_000_000;
/** Image types a proof of delivery may carry. */
export const POD_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

const podText = v.optional(v.pipe(v.string('must be text'), v.maxLength(POD_TEXT_MAX, `must be at most ${POD_TEXT_MAX} characters`)));
/** Proof of delivery of a done or failed event. */
export const podSchema = v.object({
  recipient: podText,
  note: podText,
  signature: v.optional(id),
  photos: v.optional(v.array(id, 'must be a list of media ids')),
  lat: v.optional(latitude),
  lng: v.optional(longitude),
  accuracyM: v.optional(v.pipe(v.number('must be a number of metres'), v.finite(), v.minValue(0, 'must be ≥ 0'))),
});
/** A photo or signature carried by a status file. */
export const podMediaSchema = v.object({
  id,
  type: v.picklist(POD_MEDIA_TYPES, `must be one of ${POD_MEDIA_TYPES.join(', ')}`),
  data: v.pipe(v.string('must be base64 text'), v.maxLength(POD_MEDIA_MAX, `must be at most ${POD_MEDIA_MAX} characters`), v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')),
});

/** A stop of an accepted route. */
export const routeStopRefSchema = v.object({ type: v.picklist(['job', 'pickup', 'delivery', 'break'], 'must be job, pickup, delivery or break'), id });
/** One vehicle's accepted route. */
export const acceptedRouteSchema = v.object({ vehicle: id, stops: v.array(routeStopRefSchema) });

/** Schema of the `at` field: what the caller reads (a clock string, or minutes). */
type AtSchema = v.GenericSchema<unknown, string | number>;
/** Schema of the `id` field: optional in files, required in the stored log. */
type IdSchema = v.GenericSchema<unknown, string | undefined>;

/**
 * The event variants, keyed by `type`, with `at` and `id` as given. Optional
 * reasons default to 'other'; every other field is required.
 */
export function makeEventSchema<A extends AtSchema, I extends IdSchema>(at: A, eventId: I) {
  const base = { id: eventId, at };
  return v.variant('type', [
    v.object({ type: v.literal('departed'), ...base, vehicle: id }),
    v.object({ type: v.literal('arrived'), ...base, order: id, stop: side }),
    v.object({ type: v.literal('done'), ...base, order: id, stop: side, pod: v.optional(podSchema) }),
    v.object({ type: v.literal('failed'), ...base, order: id, reason: failReason, stop: side, pod: v.optional(podSchema) }),
    v.object({ type: v.literal('delay'), ...base, vehicle: id, minutes: lostMinutes }),
    v.object({ type: v.literal('service-overran'), ...base, order: id, minutes: lostMinutes, stop: side }),
    v.object({ type: v.literal('position'), ...base, vehicle: id, lat: latitude, lng: longitude }),
    v.object({ type: v.literal('unavailable'), ...base, vehicle: id, lat: latitude, lng: longitude, reason: unavailableReason }),
    v.object({ type: v.literal('new-order'), ...base, order: orderSchema }),
    v.object({ type: v.literal('order-cancelled'), ...base, order: id }),
    v.object({ type: v.literal('repair-applied'), ...base, routes: v.array(acceptedRouteSchema), keepForLater: v.optional(v.array(id)) }),
  ], 'unknown event type');
}

/** `type` of an events file. */
export const EVENTS_FILE_TYPE = 'fmp-events';
/** Version of the events file this build reads and writes. */
export const EVENTS_FILE_VERSION = 1;

const clockText = v.string('must be a clock time HH:MM or an ISO timestamp');

/** The events file as written: `{"type":"fmp-events","version":1,"events":[…]}`, `at` as text, `id` optional. */
export const eventsFileSchema = v.object({
  type: v.literal(EVENTS_FILE_TYPE, `must be '${EVENTS_FILE_TYPE}'`),
  version: v.literal(EVENTS_FILE_VERSION, `must be ${EVENTS_FILE_VERSION}`),
  events: v.array(makeEventSchema(clockText, v.optional(id)), 'must be a list of events'),
  media: v.optional(v.array(podMediaSchema, 'must be a list of media items')),
});

/** Minutes of the day (seconds as a fraction): what the stored log keeps in `at`. */
export const dayMinutesSchema = v.pipe(v.number('must be minutes of the day'), v.finite(), v.minValue(0, 'must be ≥ 0'), v.maxValue(2880, 'must be ≤ 2880'));

/** One event as the stored log keeps it (`at` in minutes, `id` required). */
export const storedEventSchema = makeEventSchema(dayMinutesSchema, id);
