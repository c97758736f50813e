// Proof of delivery on the dispatcher's side (issue #13): which event left a
// stop and what it proves (recipient, note, media, time), and how far from the
// stop's address the phone recorded it (flagged beyond POD_FAR_M). Pure.
import { greatCircleM } from '../geo';
import type { Order } from '../scenario';
import { isOrderStep, type OrderStepType } from '../solution';
import { dayOrderOf, orderStopKeys, stopKey, type DayState, type DayStop } from './day-state';
import type { DayEvent, DoneEvent, FailedEvent, ProofOfDelivery } from './events';
import { extendsLog } from './events';

/** A recorded position farther than this from the address is flagged. */
export const POD_FAR_M = 100;

/** What a done or failed stop shows: the stop, its order, the event that left it and the distance of its position. */
export interface PodEntry {
  stop: DayStop;
  order: Order;
  event: DoneEvent | FailedEvent;
  pod: ProofOfDelivery;
  /** Metres from the stop's address to the recorded position, or null without a position. */
  distanceM: number | null;
  /** True when `distanceM` > POD_FAR_M. */
  far: boolean;
  /** The re-delivery order a failed attempt created (not withdrawn), or null. */
  redeliveryId: string | null;
}

/** The place a stop is at: a shipment's pickup place for its pickup stop, else the order's address. */
export function stopPlace(order: Order, type: OrderStepType): { lat: number; lng: number; address: string } {
  return type === 'pickup' && order.pickup ? order.pickup : order;
}

/** Great-circle metres from the place to the recorded position, or null when the POD has none. */
export function podDistanceM(pod: ProofOfDelivery, place: { lat: number; lng: number }): number | null {
  if (pod.lat === undefined || pod.lng === undefined) return null;
  return greatCircleM(place.lng, place.lat, pod.lng, pod.lat);
}

/** "recorded 240 m from the address" (10 m steps; km with one decimal from 1 km on). */
export function describePodDistance(distanceM: number): string {
  const text = distanceM < 1000 ? `${Math.round(distanceM / 10) * 10} m` : `${(distanceM / 1000).toFixed(1)} km`;
  return `recorded ${text} from the address`;
}

/** Media ids a POD names: the signature first, then the photos. */
export function podMediaIds(pod: ProofOfDelivery | undefined): string[] {
  if (!pod) return [];
  return [...(pod.signature ? [pod.signature] : []), ...(pod.photos ?? [])];
}

/** The POD of one stop of the day (by stop key): the event that left it; null while it is not done or failed. */
export function podEntry(state: DayState, events: readonly DayEvent[], key: string): PodEntry | null {
  const stop = state.stops[key];
  if (!stop?.leftByEventId || (stop.status !== 'done' && stop.status !== 'failed')) return null;
  const event = eventById(events, stop.leftByEventId);
  return event ? makeEntry(state, stop, event) : null;
}

/**
 * Where each event of the last log indexed is in it, by id. A log grows by appending (a new array, the same events
 * first), so one index serves a log and every log that extends it, taken up where it stopped: a log of 20,000 events
 * indexed afresh for each event appended was most of a POD's look-up while Play ran.
 */
let positions: { events: readonly DayEvent[]; at: Map<string, number> } | null = null;

/** An event of the log by id (every POD of a long log looks one up). */
function eventById(events: readonly DayEvent[], id: string): DayEvent | undefined {
  const last = positions;
  // An earlier log (the one indexed extends it) is served by the index as it is: positions past its end are not its events.
  if (!last || (last.events !== events && !extendsLog(events, last.events) && !extendsLog(last.events, events))) positions = { events, at: indexFrom(new Map(), events, 0) };
  else if (last.events.length < events.length) positions = { events, at: indexFrom(last.at, events, last.events.length) };
  const i = positions!.at.get(id);
  return i !== undefined && i < events.length && events[i].id === id ? events[i] : undefined;
}

function indexFrom(at: Map<string, number>, events: readonly DayEvent[], from: number): Map<string, number> {
  for (let i = from; i < events.length; i++) at.set(events[i].id, i);
  return at;
}

/**
 * The POD a done or failed event recorded (also one a later event corrected), on
 * the stop it left; null for other events or an order the day does not know.
 */
export function podOfEvent(state: DayState, events: readonly DayEvent[], eventId: string): PodEntry | null {
  const event = eventById(events, eventId);
  if (!event || (event.type !== 'done' && event.type !== 'failed')) return null;
  const stops = orderStopKeys(event.order).map((key) => state.stops[key]).filter((s): s is DayStop => s !== undefined && s.orderId === event.order);
  const stop = stops.find((s) => s.leftByEventId === eventId) ?? stops.find((s) => s.key === stopKey(event.order, event.stop ?? 'job')) ?? stops[0];
  return stop ? makeEntry(state, stop, event) : null;
}

function makeEntry(state: DayState, stop: DayStop, event: DayEvent): PodEntry | null {
  const order = dayOrderOf(state, stop.orderId);
  if (!order || (event.type !== 'done' && event.type !== 'failed')) return null;
  const pod = event.pod ?? {};
  const distanceM = podDistanceM(pod, stopPlace(order, stop.type));
  const redelivery = event.type === 'failed' ? state.redeliveries.find((r) => r.failedOrderId === order.id && !r.withdrawn) : undefined;
  return { stop, order, event, pod, distanceM, far: distanceM !== null && distanceM > POD_FAR_M, redeliveryId: redelivery?.orderId ?? null };
}

/** Keys of the stops a POD report lists: a vehicle's route in driving order, or one order's stops. */
export function podReportKeys(state: DayState, scope: { vehicleId: string } | { orderId: string }): string[] {
  if ('orderId' in scope) return Object.values(state.stops).filter((s) => s.orderId === scope.orderId).map((s) => s.key);
  const route = state.routes.find((r) => r.vehicleId === scope.vehicleId);
  return (route?.stops ?? []).flatMap((s) => (isOrderStep(s) ? [stopKey(s.id, s.type)] : []));
}
