// A small seeded event generator for repair tests and the repair benchmark: up to
// a clock time, vehicles serve their planned stops a little late (jitter), one
// attempt fails, one vehicle reports a delay, urgent orders come in, and optionally
// one vehicle breaks down. Same seed, same events.
import type { DayEvent } from '../../web/src/domain/day/events';
import type { Scenario } from '../../web/src/domain/scenario';
import { isOrderStep, type Route } from '../../web/src/domain/solution';
import { makeRng } from './rich-generate';

export interface DayEventOptions {
  seed: number;
  /** The clock, minutes of the day: events happen before it. */
  nowMinutes: number;
  /** Minutes of the reported delay (on one busy vehicle). */
  delayMinutes?: number;
  /** Urgent new orders (copies of existing customers with a window from now). */
  newOrders?: number;
  /** One vehicle reports a breakdown at the clock. */
  breakdown?: boolean;
}

/** Seeded events of a dispatched plan up to `nowMinutes` (see the module comment). */
export function simulateDayEvents(scenario: Scenario, routes: readonly Route[], options: DayEventOptions): DayEvent[] {
  const rng = makeRng(options.seed);
  const events: DayEvent[] = [];
  let n = 0;
  const add = (e: Record<string, unknown>) => events.push({ id: `sim-${++n}`, ...e } as unknown as DayEvent);
  const now = options.nowMinutes;
  const used = routes.filter((r) => r.steps.some(isOrderStep));
  let failed = false;
  for (const route of used) {
    let lateS = 0;
    for (const step of route.steps.filter(isOrderStep)) {
      lateS += Math.floor(rng() * 240);
      const leftS = step.departureS + lateS;
      if (leftS / 60 >= now - 1) break;
      const stop = step.type === 'job' ? {} : { stop: step.type };
      if (!failed && step.type === 'job' && rng() < 0.15) {
        failed = true;
        add({ type: 'failed', order: step.id, at: leftS / 60, reason: 'not-home', ...stop });
      } else add({ type: 'done', order: step.id, at: leftS / 60, ...stop });
    }
  }
  const busy = [...used].sort((a, b) => b.steps.length - a.steps.length);
  if (options.delayMinutes && busy[0]) add({ type: 'delay', vehicle: busy[0].vehicleId, at: now, minutes: options.delayMinutes });
  if (options.breakdown && busy[1]) add({ type: 'unavailable', vehicle: busy[1].vehicleId, at: now, lat: scenario.depots[0].lat, lng: scenario.depots[0].lng, reason: 'breakdown' });
  for (let i = 0; i < (options.newOrders ?? 0); i++) {
    const base = scenario.orders[Math.floor(rng() * scenario.orders.length)];
    const start = Math.ceil(now);
    const order = { ...base, id: `URG-${i + 1}`, priority: 9, timeWindows: [{ start, end: Math.min(1439, start + 180) }], lateness: undefined, pickup: undefined };
    delete order.lateness;
    delete order.pickup;
    add({ type: 'new-order', at: now, order });
  }
  return events;
}

/**
 * A seeded events file of 3–42 random events of every type, mostly in time order, now and then
 * shuffled: stops done, failed, arrived or overrun in any order (corrections included), vehicles
 * departing, delayed, seen anywhere near the depot or breaking down, urgent orders (with windows
 * that may already be closing) and cancellations, naming orders on routes, unassigned ones and
 * those the file creates. Some files name an order before the event that creates it (the parser
 * refuses those). For property tests of the day: whatever the events, a repair passes the day check.
 */
export function randomEventsFile(scenario: Scenario, routes: readonly Route[], unassigned: readonly string[], seed: number): string {
  const rng = makeRng(seed * 7919);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
  const routed = routes.flatMap((r) => r.steps.filter(isOrderStep).map((x) => x.id));
  const firstDeparture = Math.floor(Math.min(...routes.map((r) => r.steps[0]?.departureS ?? Infinity)) / 60);
  const { lat, lng } = scenario.depots[0];
  const near = () => ({ lat: lat + (rng() - 0.5) * 0.2, lng: lng + (rng() - 0.5) * 0.2 });
  const created: string[] = [];
  const events: Record<string, unknown>[] = [];
  let t = firstDeparture + rng() * 60;
  const count = 3 + Math.floor(rng() * 40);
  for (let i = 0; i < count; i++) {
    t += rng() * 25;
    const minute = Math.min(23 * 60 + 59, Math.max(0, Math.round(rng() < 0.85 ? t : firstDeparture - 30 + rng() * 700)));
    const at = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    const order = () => {
      const r = rng();
      return r < 0.75 || (r < 0.85 && unassigned.length === 0) || (r >= 0.85 && created.length === 0) ? pick(routed) : r < 0.85 ? pick(unassigned) : pick(created);
    };
    const side = (id: string) => (scenario.orders.find((o) => o.id === id)?.pickup && rng() < 0.7 ? { stop: rng() < 0.5 ? 'pickup' : 'delivery' } : {});
    const r = rng();
    if (r < 0.3) {
      const id = order();
      events.push({ type: 'done', order: id, at, ...side(id) });
    } else if (r < 0.38) {
      const id = order();
      events.push({ type: 'failed', order: id, at, reason: pick(['not-home', 'refused', 'damaged', 'no-access', 'other']), ...side(id) });
      if (!created.includes(`${id}-R1`)) created.push(`${id}-R1`);
    } else if (r < 0.46) {
      const id = order();
      events.push({ type: 'arrived', order: id, at, ...side(id) });
    } else if (r < 0.53) events.push({ type: 'departed', vehicle: pick(scenario.vehicles).id, at });
    else if (r < 0.61) events.push({ type: 'delay', vehicle: pick(scenario.vehicles).id, at, minutes: 1 + Math.floor(rng() * (rng() < 0.1 ? 400 : 60)) });
    else if (r < 0.66) {
      const id = order();
      events.push({ type: 'service-overran', order: id, at, minutes: 1 + Math.floor(rng() * 90), ...side(id) });
    } else if (r < 0.74) events.push({ type: 'position', vehicle: pick(scenario.vehicles).id, at, ...near() });
    else if (r < 0.78) events.push({ type: 'unavailable', vehicle: pick(scenario.vehicles).id, at, ...near(), reason: pick(['breakdown', 'driver-ill', 'other']) });
    else if (r < 0.88) {
      const order: Record<string, unknown> = JSON.parse(JSON.stringify(pick(scenario.orders)));
      order.id = `NEW-${seed}-${i}`;
      const start = Math.max(0, Math.round(t + (rng() - 0.3) * 120));
      if (rng() < 0.7) order.timeWindows = [{ start, end: Math.min(1439, start + 30 + Math.floor(rng() * 240)) }];
      if (rng() < 0.3) order.priority = Math.floor(rng() * 10);
      created.push(order.id as string);
      events.push({ type: 'new-order', at, order });
    } else events.push({ type: 'order-cancelled', order: order(), at });
  }
  if (rng() < 0.3) events.sort(() => rng() - 0.5);
  return JSON.stringify({ type: 'fmp-events', version: 1, events });
}
