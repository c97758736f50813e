// The day's events (issue #11): what happened while the dispatched plan was
// driven, each with its time (minutes of the scenario day) and an id. The log
// is append-only; day-state.ts derives the current state from plan + log.
// The events file (JSON) is read and written in events-file.ts.
import type { DayMinutes, Order } from '../scenario';

/** Why a delivery attempt failed. */
export const FAIL_REASONS = ['not-home', 'refused', 'damaged', 'no-access', 'other'] as const;
export type FailReason = (typeof FAIL_REASONS)[number];

/** Why a vehicle cannot go on. */
export const UNAVAILABLE_REASONS = ['breakdown', 'driver-ill', 'other'] as const;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

/** Every event type, in the spelling of the events file. */
export const EVENT_TYPES = [
  'departed', 'arrived', 'done', 'failed', 'delay', 'service-overran', 'position', 'unavailable', 'new-order', 'order-cancelled', 'repair-applied',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Which stop of a shipment an order event means; absent = its first stop not yet done or failed. */
export type ShipmentSide = 'pickup' | 'delivery';

/** Fields every event has. */
export interface EventBase {
  /** Unique in the log; the same event imported twice keeps its id (idempotent imports). */
  id: string;
  /** Minutes of the scenario day (may carry seconds as a fraction). */
  at: DayMinutes;
}

/** A vehicle left its start depot. */
export interface DepartedEvent extends EventBase { type: 'departed'; vehicle: string }
/** A vehicle reached an order's stop. */
export interface ArrivedEvent extends EventBase { type: 'arrived'; order: string; stop?: ShipmentSide }
/**
 * Proof of delivery (issue #13) recorded by the driver with a done or failed
 * stop. Photos and the signature are media items carried beside the events
 * (the status file's `media`, the dispatcher's media store), named here by id.
 */
export interface ProofOfDelivery {
  /** Who took the goods. */
  recipient?: string;
  note?: string;
  /** Media id of the signature drawing. */
  signature?: string;
  /** Media ids of the photos. */
  photos?: string[];
  /** Where the phone was (geolocation, when the driver allowed it). */
  lat?: number;
  lng?: number;
  /** Accuracy of that position, metres. */
  accuracyM?: number;
}

/** A photo or signature of a proof of delivery, as carried in a status file. */
export interface PodMedia {
  id: string;
  /** MIME type: image/jpeg, image/png or image/webp. */
  type: string;
  /** The image bytes, base64. */
  data: string;
}

/** An order's stop was served; the vehicle left at `at`. */
export interface DoneEvent extends EventBase { type: 'done'; order: string; stop?: ShipmentSide; pod?: ProofOfDelivery }
/** An attempt failed; the vehicle left at `at`. Creates a re-delivery order. */
export interface FailedEvent extends EventBase { type: 'failed'; order: string; reason: FailReason; stop?: ShipmentSide; pod?: ProofOfDelivery }
/** A vehicle loses `minutes` from `at` on (traffic, loading…). */
export interface DelayEvent extends EventBase { type: 'delay'; vehicle: string; minutes: number }
/** Service at an order's stop takes `minutes` longer than planned. */
export interface ServiceOverranEvent extends EventBase { type: 'service-overran'; order: string; minutes: number; stop?: ShipmentSide }
/** Where a vehicle was at `at`. */
export interface PositionEvent extends EventBase { type: 'position'; vehicle: string; lat: number; lng: number }
/** A vehicle cannot go on from `at`, where it stands. */
export interface UnavailableEvent extends EventBase { type: 'unavailable'; vehicle: string; lat: number; lng: number; reason: UnavailableReason }
/** An order that came in during the day; it starts unassigned. */
export interface NewOrderEvent extends EventBase { type: 'new-order'; order: Order }
/** The customer cancelled: the order leaves its route. */
export interface OrderCancelledEvent extends EventBase { type: 'order-cancelled'; order: string }

/** A stop of an accepted route, in driving order (a break names the vehicle's break id). */
export interface RouteStopRef {
  type: 'job' | 'pickup' | 'delivery' | 'break';
  id: string;
}

/** One vehicle's accepted route: its whole stop sequence (done stops included). */
export interface AcceptedRoute {
  vehicle: string;
  stops: RouteStopRef[];
}

/**
 * The dispatcher accepted a repair: the listed vehicles drive these routes
 * from now on (vehicles not listed keep theirs); orders on no route are
 * unassigned. `keepForLater` lists re-delivery orders kept for another day.
 */
export interface RepairAppliedEvent extends EventBase { type: 'repair-applied'; routes: AcceptedRoute[]; keepForLater?: string[] }

/** Any event of the day's log. */
export type DayEvent =
  | DepartedEvent | ArrivedEvent | DoneEvent | FailedEvent | DelayEvent | ServiceOverranEvent
  | PositionEvent | UnavailableEvent | NewOrderEvent | OrderCancelledEvent | RepairAppliedEvent;

/** Events that name an order by id (`new-order` carries a whole order instead). */
export type OrderEvent = ArrivedEvent | DoneEvent | FailedEvent | ServiceOverranEvent | OrderCancelledEvent;
/** Events that name a vehicle. */
export type VehicleEvent = DepartedEvent | DelayEvent | PositionEvent | UnavailableEvent;

/** True when the event names an order by id. */
export function isOrderEvent(e: DayEvent): e is OrderEvent {
  return e.type === 'arrived' || e.type === 'done' || e.type === 'failed' || e.type === 'service-overran' || e.type === 'order-cancelled';
}

/** True when the event names a vehicle. */
export function isVehicleEvent(e: DayEvent): e is VehicleEvent {
  return e.type === 'departed' || e.type === 'delay' || e.type === 'position' || e.type === 'unavailable';
}

/** The order or vehicle an event is about ('repair' for a repair). */
export function eventSubject(e: DayEvent): string {
  if (isOrderEvent(e)) return e.order;
  if (isVehicleEvent(e)) return e.vehicle;
  return e.type === 'new-order' ? e.order.id : 'repair';
}

/** Minutes of the day → "HH:MM", or "HH:MM:SS" when it carries seconds. */
export function formatDayTime(at: DayMinutes): string {
  const total = Math.round(at * 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hhmm = `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}`;
  return total % 60 === 0 ? hhmm : `${hhmm}:${pad(total % 60)}`;
}

/**
 * Id of an event that came without one: `<type>:<subject>@<time>`, so the same
 * event read twice gets the same id; `#2`, `#3`… when it is already taken.
 */
export function deriveEventId(e: Omit<DayEvent, 'id'>, taken: Pick<ReadonlySet<string>, 'has'>, counters?: Map<string, number>): string {
  const base = `${e.type}:${eventSubject({ ...e, id: '' } as DayEvent)}@${formatDayTime(e.at)}`;
  return firstFree(base, (n) => (n === 1 ? base : `${base}#${n}`), taken, counters);
}

/**
 * `make(n)` for the smallest n ≥ 1 not `taken`. With `counters` (kept by a caller whose taken ids
 * only grow) the search starts where the last one for `key` ended, so thousands of alike ids stay linear.
 */
function firstFree(key: string, make: (n: number) => string, taken: Pick<ReadonlySet<string>, 'has'>, counters?: Map<string, number>): string {
  let n = counters?.get(key) ?? 1;
  while (taken.has(make(n))) n += 1;
  counters?.set(key, n);
  return make(n);
}

/**
 * Id of the re-delivery order for a failed order: `<id>-R<n>`, the smallest n
 * not yet used; a failed re-delivery `X-R1` of order X gives `X-R2`.
 */
export function redeliveryId(failed: Pick<Order, 'id' | 'failedOrderId'>, used: Pick<ReadonlySet<string>, 'has'>, counters?: Map<string, number>): string {
  const base = failed.failedOrderId ? failed.id.replace(/-R\d+$/, '') : failed.id;
  return firstFree(`\u0000R${base}`, (n) => `${base}-R${n}`, used, counters);
}

/**
 * True when `events` is `before` with events appended (the same event objects first): the day's log grows only
 * so, and what was derived from `before` can be taken up where it stopped.
 */
export function extendsLog(events: readonly DayEvent[], before: readonly DayEvent[]): boolean {
  if (before.length > events.length) return false;
  for (let i = 0; i < before.length; i++) if (events[i] !== before[i]) return false;
  return true;
}
