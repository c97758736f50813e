// Play's queue for the day store (issue #11): the seeded simulator's events of a
// dispatched day, built once from the clock's time and logged as the clock passes
// them; events the dispatcher's own reports made moot are skipped.
import { unwrap } from 'solid-js/store';
import type { DayRecord } from '../domain/day/day-schema';
import type { DayEvent } from '../domain/day/events';
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
  const status = Object.values(stops).find((s) => s.orderId === e.order && (!e.stop || s.type === e.stop))?.status;
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
      const plain = structuredClone(unwrap(s));
      queue ??= simulate(plain, plain.day!, from);
      const taken = new Set(plain.day!.events.map((e) => e.id));
      const due = queue.filter((e) => e.at <= to && !taken.has(e.id) && !overtaken(e));
      queue = queue.filter((e) => e.at > to);
      if (due.length) log(due);
    },
    reset() {
      queue = null;
    },
  };
}
