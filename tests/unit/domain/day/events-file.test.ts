import { describe, expect, it } from 'vitest';
import { parseDayTime, parseEventsFile, serializeEventsFile, type LocalTimeOf } from '../../../../web/src/domain/day/events-file';
import { deriveEventId, formatDayTime, redeliveryId, type DayEvent } from '../../../../web/src/domain/day/events';
import type { Order } from '../../../../web/src/domain/scenario';
import { smallScenario } from '../../../fixtures/small-scenario';

const file = (events: unknown[]) => JSON.stringify({ type: 'fmp-events', version: 1, events });
const newOrder = (id: string): Order => ({
  id, customerName: 'Urgent', address: '1 Rue Neuve', lat: 45.75, lng: 4.85, serviceType: 'curbside', serviceMinutes: 5,
  amounts: [5, 1], timeWindows: [{ start: 600, end: 900 }], priority: 5, notes: '', phone: '', email: '', extra: {},
});
const issues = (text: string) => {
  const r = parseEventsFile(text, smallScenario());
  if (r.ok) throw new Error('expected issues');
  return r.issues.map((i) => `${i.path}: ${i.message}`);
};

/** One event of every type, as the issue writes them (plus the ones it elides). */
const everyType = [
  { type: 'departed', vehicle: 'v1', at: '07:05' },
  { type: 'arrived', order: 'A', at: '08:00' },
  { type: 'done', order: 'A', at: '10:05' },
  { type: 'failed', order: 'B', at: '10:20', reason: 'not-home' },
  { type: 'delay', vehicle: 'v2', at: '10:30', minutes: 45 },
  { type: 'service-overran', order: 'C', at: '10:35', minutes: 10 },
  { type: 'position', vehicle: 'v1', at: '10:36', lat: 45.75, lng: 4.84 },
  { type: 'new-order', at: '10:40', order: newOrder('URG-1') },
  { type: 'unavailable', vehicle: 'v2', at: '11:00', lat: 45.76, lng: 4.83 },
  { type: 'order-cancelled', order: 'E', at: '11:10' },
  { type: 'repair-applied', at: '11:15', routes: [{ vehicle: 'v1', stops: [{ type: 'job', id: 'A' }, { type: 'job', id: 'URG-1' }, { type: 'job', id: 'B-R1' }] }] },
  { type: 'done', order: 'B-R1', at: '2026-11-21T12:00:30+01:00' },
];

/** Local time in a zone one hour east of UTC (Lyon in winter), whatever zone the tests run in. */
const lyon: LocalTimeOf = (ms) => {
  const d = new Date(ms + 3_600_000);
  return { date: d.toISOString().slice(0, 10), minutes: d.getUTCHours() * 60 + d.getUTCMinutes() + d.getUTCSeconds() / 60 };
};

describe('events file', () => {
  it('reads every event type, converting clock times and timestamps of the scenario date to minutes', () => {
    const r = parseEventsFile(file(everyType), smallScenario(), [], lyon);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.events.map((e) => e.type)).toEqual(everyType.map((e) => e.type));
    expect(r.events[2].at).toBe(605);
    expect(r.events[11].at).toBeCloseTo(720.5, 9);
    expect(r.events[3]).toMatchObject({ type: 'failed', order: 'B', reason: 'not-home' });
    expect(r.events[8]).toMatchObject({ type: 'unavailable', reason: 'other', lat: 45.76 });
    expect(r.events[7]).toMatchObject({ type: 'new-order', order: { id: 'URG-1', priority: 5 } });
  });

  it('gives events without an id one derived from their content, stable across reads', () => {
    const a = parseEventsFile(file(everyType), smallScenario());
    const b = parseEventsFile(file(everyType), smallScenario());
    if (!a.ok || !b.ok) throw new Error('parse failed');
    expect(a.events[2].id).toBe('done:A@10:05');
    expect(a.events.map((e) => e.id)).toEqual(b.events.map((e) => e.id));
    expect(new Set(a.events.map((e) => e.id)).size).toBe(a.events.length);
    const twice = parseEventsFile(file([everyType[2], everyType[2]]), smallScenario());
    expect(twice.ok && twice.events.map((e) => e.id)).toEqual(['done:A@10:05', 'done:A@10:05#2']);
  });

  it('round-trips: serialize then parse gives the same events', () => {
    const r = parseEventsFile(file(everyType), smallScenario(), [], lyon);
    if (!r.ok) throw new Error('parse failed');
    const again = parseEventsFile(serializeEventsFile(r.events), smallScenario(), [], lyon);
    expect(again).toEqual({ ok: true, events: r.events, media: [] });
    const written = JSON.parse(serializeEventsFile(r.events));
    expect(written.type).toBe('fmp-events');
    expect(written.version).toBe(1);
    expect(written.events[2]).toEqual({ type: 'done', id: 'done:A@10:05', at: '10:05', order: 'A' });
    expect(written.events[11].at).toBe('12:00:30');
  });

  it('names the index and field of an unknown order or vehicle', () => {
    expect(issues(file([everyType[0], { type: 'done', order: 'X', at: '10:00' }, { type: 'delay', vehicle: 'v9', at: '10:00', minutes: 5 }]))).toEqual([
      "events[1].order: unknown order 'X'",
      "events[2].vehicle: unknown vehicle 'v9'",
    ]);
  });

  it('knows orders created earlier in the same file, but not later ones', () => {
    expect(parseEventsFile(file([{ type: 'new-order', at: '10:00', order: newOrder('N1') }, { type: 'done', order: 'N1', at: '11:00' }]), smallScenario()).ok).toBe(true);
    // The log applies in file order: the message says which later event creates the order.
    expect(issues(file([{ type: 'done', order: 'N1', at: '11:00' }, { type: 'new-order', at: '10:00', order: newOrder('N1') }])))
      .toEqual(["events[0].order: unknown order 'N1' here: events[1] creates it later in the file (events apply in file order)"]);
  });

  it('knows the re-delivery of an order only after it failed', () => {
    expect(issues(file([{ type: 'done', order: 'B-R1', at: '09:00' }]))).toEqual(["events[0].order: unknown order 'B-R1'"]);
    expect(issues(file([{ type: 'done', order: 'B-R1', at: '11:00' }, { type: 'failed', order: 'B', at: '09:00', reason: 'not-home' }])))
      .toEqual(["events[0].order: unknown order 'B-R1' here: events[1] creates it later in the file (events apply in file order)"]);
  });

  it('rejects a timestamp on another day, a malformed time and bad fields, all at once, and returns no events', () => {
    const r = parseEventsFile(file([
      { type: 'done', order: 'A', at: '2026-11-22T10:00:00Z' },
      { type: 'done', order: 'B', at: '25:00' },
      { type: 'new-order', at: '10:00', order: { ...newOrder('A'), amounts: [1] } },
    ]), smallScenario(), [], lyon);
    expect(r.ok).toBe(false);
    expect('events' in r).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      "events[0].at: '2026-11-22T10:00:00Z' is on 2026-11-22 in local time, not on the scenario's date 2026-11-21",
      "events[1].at: '25:00' is not a time of day",
      "events[2].order.id: order 'A' already exists",
      'events[2].order.amounts: needs 2 values, one per capacity unit',
    ]);
  });

  it('reports schema errors with their path: unknown type, missing field, bad reason, bad coordinates', () => {
    const found = issues(file([
      { type: 'teleported', at: '10:00' },
      { type: 'delay', vehicle: 'v1', at: '10:00' },
      { type: 'failed', order: 'A', at: '10:00', reason: 'dog' },
      { type: 'position', vehicle: 'v1', at: '10:00', lat: 95, lng: 4 },
      { type: 'new-order', at: '10:00', order: { ...newOrder('N'), lat: 'north' } },
    ]));
    expect(found[0]).toMatch(/^events\[0\]\.type: unknown event type/);
    expect(found[1]).toMatch(/^events\[1\]\.minutes: /);
    expect(found[2]).toMatch(/^events\[2\]\.reason: must be one of not-home, refused, damaged, no-access, other/);
    expect(found[3]).toBe('events[3].lat: latitude must be ≤ 90');
    expect(found[4]).toMatch(/^events\[4\]\.order\.lat: /);
  });

  it('rejects a wrong envelope, invalid JSON, a duplicate id and bad repair references', () => {
    expect(issues(JSON.stringify({ type: 'other', version: 1, events: [] }))[0]).toMatch(/^type: must be 'fmp-events'/);
    expect(issues('{"type": "fmp-events",')[0]).toMatch(/^\(file\): not valid JSON/);
    expect(issues(file([{ ...everyType[2], id: 'x' }, { ...everyType[1], id: 'x' }]))).toEqual(["events[1].id: id 'x' is used twice"]);
    expect(issues(file([{ type: 'repair-applied', at: '11:00', routes: [{ vehicle: 'v1', stops: [{ type: 'job', id: 'Q' }, { type: 'break', id: 'lunch' }] }] }]))).toEqual([
      "events[0].routes[0].stops[0].id: unknown order 'Q'",
      "events[0].routes[0].stops[1].id: vehicle 'v1' has no break 'lunch'",
    ]);
  });

  it('refuses a shipment side on an order that is not a shipment', () => {
    expect(issues(file([{ type: 'done', order: 'A', at: '10:00', stop: 'pickup' }]))).toEqual(["events[0].stop: order 'A' is not a shipment: it has one stop"]);
  });
});

describe('event helpers', () => {
  it('formats and parses day times', () => {
    expect(formatDayTime(605)).toBe('10:05');
    expect(formatDayTime(605.5)).toBe('10:05:30');
    expect(parseDayTime('7:05', '2026-11-21')).toEqual({ at: 425 });
    expect(parseDayTime('2026-11-21 07:05', '2026-11-21')).toEqual({ at: 425 });
    expect(parseDayTime('soon', '2026-11-21')).toEqual({ error: "must be a clock time HH:MM or an ISO timestamp, got 'soon'" });
    // A timestamp without an offset is the depot's clock as written; one with an offset is an instant, read in
    // the local time the page's clock runs in (here one hour east of UTC).
    expect(parseDayTime('2026-11-21T09:00:00', '2026-11-21', lyon)).toEqual({ at: 540 });
    expect(parseDayTime('2026-11-21T09:00:00Z', '2026-11-21', lyon)).toEqual({ at: 600 });
    expect(parseDayTime('2026-11-21T09:00:00+01:00', '2026-11-21', lyon)).toEqual({ at: 540 });
    expect(parseDayTime('2026-11-21T03:30:00-0530', '2026-11-21', lyon)).toEqual({ at: 600 });
    // Its local date decides the day: late on the 21st in UTC is the 22nd here, early on the 22nd three hours east of UTC the 21st.
    expect(parseDayTime('2026-11-21T23:30:00Z', '2026-11-21', lyon)).toEqual({ error: "'2026-11-21T23:30:00Z' is on 2026-11-22 in local time, not on the scenario's date 2026-11-21" });
    expect(parseDayTime('2026-11-22T01:00:00+03:00', '2026-11-21', lyon)).toEqual({ at: 1380 });
  });

  it('names re-deliveries <id>-R<n>, counting on from a failed re-delivery', () => {
    expect(redeliveryId({ id: 'A' }, new Set())).toBe('A-R1');
    expect(redeliveryId({ id: 'A' }, new Set(['A-R1']))).toBe('A-R2');
    expect(redeliveryId({ id: 'A-R1', failedOrderId: 'A' }, new Set(['A-R1']))).toBe('A-R2');
  });

  it('derives an id from type, subject and time', () => {
    const e = { type: 'delay', vehicle: 'v2', at: 630, minutes: 45 } as Omit<DayEvent, 'id'>;
    expect(deriveEventId(e, new Set())).toBe('delay:v2@10:30');
  });

  it('reads a driver status file: proof of delivery on done and failed, media beside the events', () => {
    const pod = { recipient: 'M. Blanc', note: 'left at the door', signature: 'sig-1', photos: ['ph-1'], lat: 45.75, lng: 4.85, accuracyM: 8 };
    const media = [{ id: 'sig-1', type: 'image/png', data: 'iVBORw0KGgo=' }, { id: 'ph-1', type: 'image/jpeg', data: '/9j/4AAQ' }];
    const text = JSON.stringify({ type: 'fmp-events', version: 1, events: [{ type: 'done', order: 'A', at: '10:05', id: 'd1', pod }, { type: 'failed', order: 'B', at: '10:20', reason: 'not-home', pod: { note: 'nobody', photos: ['ph-1'] } }], media });
    const r = parseEventsFile(text, smallScenario());
    expect(r.ok && r.events[0]).toMatchObject({ type: 'done', order: 'A', pod });
    expect(r.ok && r.events[1]).toMatchObject({ type: 'failed', pod: { note: 'nobody', photos: ['ph-1'] } });
    expect(r.ok && r.media).toEqual(media);
    const bad = JSON.stringify({ type: 'fmp-events', version: 1, events: [{ type: 'done', order: 'A', at: '10:05', pod: { lat: 95 } }], media: [media[0], media[0], { id: 'x', type: 'text/html', data: '<b>' }] });
    expect(issues(bad)).toEqual(['events[0].pod.lat: latitude must be ≤ 90', 'media[2].type: must be one of image/jpeg, image/png, image/webp', 'media[2].data: must be base64']);
    expect(issues(JSON.stringify({ type: 'fmp-events', version: 1, events: [], media: [media[0], media[0]] }))).toEqual(["media[1].id: id 'sig-1' is used twice"]);
  });
});
