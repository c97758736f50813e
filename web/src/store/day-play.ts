// Play's queue for the day store (issue #11): the seeded simulator's events of a
// dispatched day, built once from the clock's time and logged as the clock passes
// them; events the dispatcher's own reports made moot are skipped.
import { unwrap } from 'solid-js/store';
import type { DayRecord } from '../domain/day/day-schema';
import type { DayEvent } from '../domain/day/events';
import { orderStopKeys, stopKey } from '../domain/day/day-state';
import type { Scenario } from '../domain/scenario';
import type { DayDerived } from './day-derive';

/** Builds the Play events of a dispatched day from a time on (sorted by time). */
export type SimulateDay = (scenario: Scenario, day: DayRecord, fromMinutes: number) => DayEvent[];

/** A simulated event about a stop already left or cancelled, or a vehicle that is unavailable. */
export function overtaken(derived: DayDerived | null, e: DayEvent): boolean {
  if (!derived) return false;
  const { stops, vehicles } = derived.state;
  if ('vehicle' in e && vehicles[e.vehicle]?.unavailable) return true;
  if (e.type !== 'arrived' && e.type !== 'done' && e.type !== 'failed') return false;
  // The stop named, else the order's first (a job's, a shipment's pickup): looked up by key, not searched for.
  const keys = e.stop ? [stopKey(e.order, e.stop)] : orderStopKeys(e.order);
  const status = keys.map((key) => stops[key]).find((s) => s !== undefined && s.orderId === e.order)?.status;
  return status === 'done' || status === 'failed' || status === 'cancelled';
}

/** Play's simulated events: built once per dispatched day, logged as the clock passes their time. */
export function makePlayQueue(
  scenario: () => Scenario | null,
  simulate: SimulateDay | undefined,
  log: (events: DayEvent[]) => void,
  /** True for a simulated event the dispatcher's own reports made moot (its stop already left, its vehicle unavailable). */
  overtaken: (e: DayEvent) => boolean,
): { due(from: number, to: number): void; reset(): void } {
  let queue: DayEvent[] | null = null;
  return {
    due(from, to) {
      const s = scenario();
      if (!simulate || !s?.day) return;
      if (!queue) {
        const plain = structuredClone(unwrap(s));
        queue = [...simulate(plain, plain.day!, from)].sort((a, b) => a.at - b.at);
      }
      // The queue is sorted by time: what is due is its head (a pass over the whole queue and a copy of the
      // scenario at every tick of a 10,000-order day were seconds per tick).
      let n = 0;
      while (n < queue.length && queue[n].at <= to) n++;
      if (n === 0) return;
      const head = queue.slice(0, n);
      queue = queue.slice(n);
      const taken = new Set(unwrap(s.day).events.map((e) => e.id));
      const due = head.filter((e) => !taken.has(e.id) && !overtaken(e));
      if (due.length) log(due);
    },
    reset() {
      queue = null;
    },
  };
}
