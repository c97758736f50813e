// Play's queue for the day store (issue #11): the seeded simulator's events of a
// dispatched day, built once from the clock's time and logged as the clock passes
// them; events the dispatcher's own reports made moot are skipped.
import { $RAW, unwrap } from 'solid-js/store';
import { rawOf } from './raw';
import type { DayRecord } from '../domain/day/day-schema';
import { extendsLog, type DayEvent } from '../domain/day/events';
import { orderStopKeys, stopKey, type DayState } from '../domain/day/day-state';
import type { Scenario } from '../domain/scenario';
import type { DaySimulation } from '../domain/day/simulate';
import { nextTask, type Later } from './next-task';

/**
 * Builds the Play events of a dispatched day from a time on (sorted by time): at once, or as a simulation made a
 * slice at a time (simulate.ts DaySimulation), which the queue steps a slice per task.
 */
export type SimulateDay = (scenario: Scenario, day: DayRecord, fromMinutes: number) => DayEvent[] | DaySimulation;

/** Work per task while a large day's simulation is made, milliseconds. */
export const SIMULATE_SLICE_MS = 10;

/** A simulated event about a stop already left or cancelled, or a vehicle that is unavailable. */
export function overtaken(state: DayState | null, e: DayEvent): boolean {
  if (!state) return false;
  const { stops, vehicles } = state;
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
  later: Later = nextTask,
): { due(from: number, to: number): void; reset(): void } {
  let queue: DayEvent[] | null = null;
  /** A simulation being made a slice per task (the ticks meanwhile log nothing; the first after it logs what came due). */
  let making: DaySimulation | null = null;
  const make = (simulation: DaySimulation): void => {
    if (simulation !== making) return;
    if (!simulation.step(performance.now() + SIMULATE_SLICE_MS)) return later(() => make(simulation));
    making = null;
    queue = [...simulation.result()].sort((a, b) => a.at - b.at);
  };
  // The ids the log holds, followed as it grows (the log is appended to: a new array, the same events first).
  let logged: { events: readonly DayEvent[]; ids: Set<string> } | null = null;
  const loggedIds = (events: readonly DayEvent[]): Set<string> => {
    const last = logged;
    const grown = last !== null && extendsLog(events, last.events);
    const ids = grown ? last!.ids : new Set<string>();
    for (let i = grown ? last!.events.length : 0; i < events.length; i++) ids.add(events[i].id);
    logged = { events, ids };
    return ids;
  };
  return {
    due(from, to) {
      const s = scenario();
      if (!simulate || !s?.day) return;
      // `scenario()` is plain data the simulator may read as it is (the day store's own copy); a store's is copied.
      if (!queue && !making) {
        const plain = isPlain(s) ? s : structuredClone(unwrap(s));
        const made = simulate(plain, plain.day!, from);
        if (Array.isArray(made)) queue = [...made].sort((a, b) => a.at - b.at);
        else later(() => make((making = made)));
      }
      if (!queue) return;
      // The queue is sorted by time: what is due is its head (a pass over the whole queue and a copy of the
      // scenario at every tick of a 10,000-order day were seconds per tick).
      let n = 0;
      while (n < queue.length && queue[n].at <= to) n++;
      if (n === 0) return;
      const head = queue.slice(0, n);
      queue = queue.slice(n);
      const taken = loggedIds(rawOf(s.day).events);
      const due = head.filter((e) => !taken.has(e.id) && !overtaken(e));
      if (due.length) log(due);
    },
    reset() {
      queue = null;
      making = null;
      logged = null;
    },
  };
}

/** True for a value that is no store proxy (a store's proxy answers `$RAW` with its plain value). */
const isPlain = (value: object): boolean => !(value as Record<symbol, unknown>)[$RAW];
