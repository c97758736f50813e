// Reads and writes the events file (issue #11): all events or errors naming the
// event index and field (`events[3].order: unknown order 'X'`), never half of
// them. Times are clock times on the scenario's date or ISO timestamps of that date (one with an offset read in
// the page's local time).
import * as v from 'valibot';
import type { Order, Scenario } from '../scenario';
import type { ValidationIssue } from '../validate';
import { eventsFileSchema, EVENTS_FILE_TYPE, EVENTS_FILE_VERSION } from './event-schema';
import { deriveEventId, formatDayTime, isOrderEvent, isVehicleEvent, redeliveryId, type DayEvent, type PodMedia, type RepairAppliedEvent } from './events';

/** All events of a file, or every problem found in it. */
export type EventsParseResult = { ok: true; events: DayEvent[]; media: PodMedia[] } | { ok: false; issues: ValidationIssue[] };

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The local date ("2026-11-21") and minutes of the day of an instant, in the zone the page's clock runs in. */
export type LocalTimeOf = (epochMs: number) => { date: string; minutes: number };

/** The browser's local time (the Day view's real-time clock and the driver app read the same). */
const browserLocal: LocalTimeOf = (epochMs) => {
  const d = new Date(epochMs);
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { date, minutes: d.getHours() * 60 + d.getMinutes() + d.getSeconds() / 60 };
};

/**
 * A clock time ("10:05", "10:05:30") or an ISO timestamp of the scenario's date → minutes of that day. A
 * timestamp without an offset is read as written (the depot's local time); one with an offset or `Z` is an
 * instant, read in the local time the page's clock runs in (`localOf`: the browser's), so a status file written
 * in UTC lands at the same local time as the dispatcher's clock. Its local date must be the scenario's.
 */
export function parseDayTime(text: string, date: string, localOf: LocalTimeOf = browserLocal): { at: number } | { error: string } {
  const trimmed = text.trim();
  const clock = CLOCK.exec(trimmed);
  const stamp = clock ? null : TIMESTAMP.exec(trimmed);
  if (!clock && !stamp) return { error: `must be a clock time HH:MM or an ISO timestamp, got '${text}'` };
  const [h, m, s] = (clock ? clock.slice(1, 4) : stamp!.slice(2, 5)).map((x) => Number(x ?? 0));
  if (h > 23 || m > 59 || s > 59) return { error: `'${text}' is not a time of day` };
  const offset = stamp?.[5] ? offsetMinutes(stamp[5]) : null;
  if (stamp && offset !== null) {
    const [y, mo, d] = stamp[1].split('-').map(Number);
    const local = localOf(Date.UTC(y, mo - 1, d, h, m, s) - offset * 60_000);
    if (local.date !== date) return { error: `'${text}' is on ${local.date} in local time, not on the scenario's date ${date}` };
    return { at: local.minutes };
  }
  if (stamp && stamp[1] !== date) return { error: `'${text}' is on ${stamp[1]}, not on the scenario's date ${date}` };
  return { at: h * 60 + m + s / 60 };
}

/** Minutes east of UTC of an ISO offset: "Z" 0, "+01:00" 60, "-0530" −330. */
function offsetMinutes(text: string): number {
  if (text === 'Z') return 0;
  const digits = text.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return text[0] === '-' ? -minutes : minutes;
}

/** What the file may refer to: orders (with what a re-delivery id needs) and vehicles with their break ids. */
interface Known {
  orders: Map<string, Pick<Order, 'id' | 'failedOrderId' | 'pickup'>>;
  vehicles: Map<string, Set<string>>;
  units: number;
  date: string;
  /** Local time of an instant (a timestamp with an offset). */
  localOf: LocalTimeOf;
  eventIds: Set<string>;
  /** Where the search for the next free derived id starts (events.ts firstFree): linear in the events. */
  idCounters: Map<string, number>;
  issues: ValidationIssue[];
  /** Index of the event that created an order (new order, re-delivery of a failed one). */
  createdAt: Map<string, number>;
}

/**
 * Parses an events file against a scenario. Orders and vehicles are named by
 * their scenario ids; an order created by an earlier `new-order` event, or the
 * re-delivery of an order that failed earlier (`<id>-R1`), is known too, as
 * are `knownOrders` (orders the day's log already created). Returns all events
 * or every issue found (nothing half-applied).
 */
export function parseEventsFile(text: string, scenario: Scenario, knownOrders: Iterable<Order> = [], localOf: LocalTimeOf = browserLocal): EventsParseResult {
  let data: unknown;
  try {
    // A file saved with a UTF-8 BOM is the same file.
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    return { ok: false, issues: [{ path: '(file)', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  const parsed = v.safeParse(eventsFileSchema, data);
  if (!parsed.success) return { ok: false, issues: parsed.issues.map((issue) => ({ path: issuePath(issue), message: issue.message })) };
  const known: Known = {
    orders: new Map([...scenario.orders, ...knownOrders].map((o) => [o.id, o])),
    vehicles: new Map(scenario.vehicles.map((veh) => [veh.id, new Set((veh.breaks ?? []).map((b) => b.id))])),
    units: scenario.settings.capacityUnits.length,
    date: scenario.settings.date,
    localOf,
    eventIds: new Set(),
    idCounters: new Map(),
    issues: [],
    createdAt: new Map(),
  };
  const events = parsed.output.events.map((raw, i) => readEvent(raw, i, known));
  explainLaterOrders(known);
  const media = parsed.output.media ?? [];
  const mediaIds = new Set<string>();
  media.forEach((item, i) => {
    if (mediaIds.has(item.id)) known.issues.push({ path: `media[${i}].id`, message: `id '${item.id}' is used twice` });
    mediaIds.add(item.id);
  });
  return known.issues.length ? { ok: false, issues: known.issues } : { ok: true, events, media };
}

type FileEvent = v.InferOutput<typeof eventsFileSchema>['events'][number];

/** Converts one schema-valid event, checking its references; issues go to `known.issues`. */
function readEvent(raw: FileEvent, index: number, known: Known): DayEvent {
  const at = `events[${index}]`;
  const bad = (field: string, message: string) => known.issues.push({ path: `${at}.${field}`, message });
  const time = parseDayTime(raw.at, known.date, known.localOf);
  if ('error' in time) bad('at', time.error);
  const draft = { ...raw, at: 'at' in time ? time.at : 0 } as DayEvent;
  if (isOrderEvent(draft)) checkOrderRef(draft, known, bad);
  if (isVehicleEvent(draft) && !known.vehicles.has(draft.vehicle)) bad('vehicle', `unknown vehicle '${draft.vehicle}'`);
  if (draft.type === 'new-order') {
    checkNewOrder(draft.order, known, bad);
    if (!known.createdAt.has(draft.order.id)) known.createdAt.set(draft.order.id, index);
  }
  if (draft.type === 'repair-applied') checkRepair(draft, known, bad);
  if (draft.type === 'failed' && known.orders.has(draft.order)) {
    const failed = known.orders.get(draft.order)!;
    const next = redeliveryId(failed, known.orders, known.idCounters);
    known.orders.set(next, { id: next, failedOrderId: failed.id, pickup: draft.stop === 'delivery' ? undefined : failed.pickup });
    known.createdAt.set(next, index);
  }
  if (raw.id !== undefined && known.eventIds.has(raw.id)) bad('id', `id '${raw.id}' is used twice`);
  const eventId = raw.id ?? deriveEventId(draft, known.eventIds, known.idCounters);
  known.eventIds.add(eventId);
  return { ...draft, id: eventId };
}

type Bad = (field: string, message: string) => void;

/**
 * An order named before the event that creates it (a new order, or the
 * re-delivery of a failed one) further down the file: the log applies in file
 * order, so say which event creates it rather than only that it is unknown.
 */
function explainLaterOrders(known: Known): void {
  for (const issue of known.issues) {
    const m = /^events\[(\d+)\]\.(?:order|routes\[\d+\]\.stops\[\d+\]\.id)$/.exec(issue.path);
    const id = /^unknown order '(.*)'$/.exec(issue.message)?.[1];
    const later = m && id !== undefined ? known.createdAt.get(id) : undefined;
    if (m && later !== undefined && later > Number(m[1])) {
      issue.message = `unknown order '${id}' here: events[${later}] creates it later in the file (events apply in file order)`;
    }
  }
}

function checkOrderRef(e: Extract<DayEvent, { order: string }>, known: Known, bad: Bad): void {
  const order = known.orders.get(e.order);
  if (!order) return bad('order', `unknown order '${e.order}'`);
  if ('stop' in e && e.stop !== undefined && !order.pickup) bad('stop', `order '${e.order}' is not a shipment: it has one stop`);
}

function checkNewOrder(order: Order, known: Known, bad: Bad): void {
  if (known.orders.has(order.id)) bad('order.id', `order '${order.id}' already exists`);
  if (order.amounts.length !== known.units) bad('order.amounts', `needs ${known.units} values, one per capacity unit`);
  if (order.pickupAmounts && order.pickupAmounts.length !== known.units) bad('order.pickupAmounts', `needs ${known.units} values, one per capacity unit`);
  known.orders.set(order.id, order);
}

function checkRepair(e: RepairAppliedEvent, known: Known, bad: Bad): void {
  e.routes.forEach((route, r) => {
    const breaks = known.vehicles.get(route.vehicle);
    if (!breaks) bad(`routes[${r}].vehicle`, `unknown vehicle '${route.vehicle}'`);
    route.stops.forEach((stop, s) => {
      const where = `routes[${r}].stops[${s}].id`;
      if (stop.type === 'break') {
        if (breaks && !breaks.has(stop.id)) bad(where, `vehicle '${route.vehicle}' has no break '${stop.id}'`);
      } else if (!known.orders.has(stop.id)) {
        bad(where, `unknown order '${stop.id}'`);
      }
    });
  });
  (e.keepForLater ?? []).forEach((orderId, k) => {
    if (!known.orders.get(orderId)?.failedOrderId) bad(`keepForLater[${k}]`, `'${orderId}' is not a known re-delivery order`);
  });
}

/** `events[3].order.lat` from a valibot issue path. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key as string | number;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  }
  return out || '(file)';
}

/** Writes the log as an events file (the format parseEventsFile reads); `at` as HH:MM (HH:MM:SS with seconds). */
export function serializeEventsFile(log: readonly DayEvent[]): string {
  const events = log.map((e) => {
    const { type, id, at, ...rest } = e;
    return { type, id, at: formatDayTime(at), ...rest };
  });
  return JSON.stringify({ type: EVENTS_FILE_TYPE, version: EVENTS_FILE_VERSION, events }, null, 2);
}
