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
