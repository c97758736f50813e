// The day's log operations for the day store (issue #11): dispatching a plan,
// turning a dispatcher's action into a logged event (id, time, checks), and
// reading an events file into events not yet in the log. Pure helpers; the
// store (day.ts) puts their results in place whole.
import * as v from 'valibot';
import type { DayRecord } from '../domain/day/day-schema';
import type { DayState } from '../domain/day/day-state';
import { DEFAULT_DAY_SETTINGS } from '../domain/day/eta';
import { storedEventSchema } from '../domain/day/event-schema';
import { deriveEventId, type DayEvent, type PodMedia } from '../domain/day/events';
import { parseEventsFile } from '../domain/day/events-file';
import type { Scenario } from '../domain/scenario';
import { isOrderStep, type Solution } from '../domain/solution';

/** An event as a dispatcher's action makes it: no id yet. */
export type NewDayEvent = DayEvent extends infer E ? (E extends DayEvent ? Omit<E, 'id'> & { id?: string } : never) : never;
/** An event as a button makes it: no id, and the clock's time unless given. */
export type DayActionEvent = DayEvent extends infer E ? (E extends DayEvent ? Omit<E, 'id' | 'at'> & { id?: string; at?: number } : never) : never;

/** Why Dispatch cannot start the day now, or null. */
export function dispatchBlocker(scenario: Scenario | null): string | null {
  if (!scenario) return 'no scenario is open';
  if (scenario.day) return 'this scenario is already dispatched';
  const plan = scenario.plan;
  if (!plan) return 'there is no plan yet: press Optimize first';
  if (plan.solvedRevision !== scenario.revision) return 'the plan is out of date (the scenario changed since it was made): press Optimize first';
  if (!plan.solution.check.ok) return 'the plan breaks rules (see the checker’s report): fix it or press Optimize first';
  return null;
}

/**
 * Minutes of the plan's first departure: the earliest start of a route that serves something, or null when no
 * route does. Before Dispatch the simulated clock stands there (day.ts).
 */
export function firstDeparture(solution: Pick<Solution, 'routes'> | null | undefined): number | null {
  let first = Infinity;
  for (const route of solution?.routes ?? []) {
    if (!route.steps.some(isOrderStep)) continue;
    first = Math.min(first, route.steps[0].departureS / 60);
  }
  return Number.isFinite(first) ? first : null;
}

/**
 * The day record of a dispatch at `minutes`: the plan as it is, an empty log. It shares the plan's routes: the
 * scenario store freezes what it stores (setDay keeps its own copy of a new record), and copying here as well was
 * a second copy of a 10,000-step plan in the Dispatch click (issue #15).
 */
export function makeDispatch(scenario: Scenario, minutes: number): DayRecord {
  const { solvedRevision, solution } = scenario.plan!;
  return {
    dispatchedAt: minutes,
    dispatchedPlan: { solvedRevision, solution: { routes: solution.routes, unassigned: solution.unassigned } as DayRecord['dispatchedPlan']['solution'] },
    events: [],
    settings: { ...DEFAULT_DAY_SETTINGS },
  };
}

/** Checks a dispatcher's event against the schema and the day; returns it with its id, or why not. */
export function makeEvent(e: NewDayEvent, log: readonly DayEvent[], state: DayState | null): { ok: true; event: DayEvent } | { ok: false; message: string } {
  const taken = new Set(log.map((x) => x.id));
  const id = e.id ?? deriveEventId(e as Omit<DayEvent, 'id'>, taken);
  if (taken.has(id)) return { ok: false, message: `event '${id}' is already in the log` };
  const parsed = v.safeParse(storedEventSchema, { ...e, id });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const field = (issue.path ?? []).map((p) => String(p.key)).join('.');
    return { ok: false, message: `${field || 'event'}: ${issue.message}` };
  }
  const event = parsed.output as DayEvent;
  if ('order' in event && typeof event.order === 'string' && state && !state.orders.some((o) => o.id === event.order)) return { ok: false, message: `unknown order '${event.order}'` };
  if ('vehicle' in event && state && !state.vehicles[event.vehicle]) return { ok: false, message: `unknown vehicle '${event.vehicle}'` };
  return { ok: true, event };
}

/** Outcome of reading an events file against the day. */
export type ImportRead =
  | { ok: true; events: DayEvent[]; skipped: number; media: PodMedia[] }
  | { ok: false; message: string };

/**
 * Reads an events file: every event or the first problems (naming the event
 * index and field), never part of it. Events whose id is already in the log
 * are skipped, so importing the same file twice adds nothing twice.
 */
export function readEventsImport(text: string, scenario: Scenario, state: DayState | null, log: readonly DayEvent[]): ImportRead {
  const scenarioIds = new Set(scenario.orders.map((o) => o.id));
  // An order the file itself creates is not known beforehand, even when an earlier import of the same file created it.
  const created = newOrderIds(text);
  const dayOrders = (state?.orders ?? []).filter((o) => !scenarioIds.has(o.id) && !created.has(o.id));
  const read = parseEventsFile(text, scenario, dayOrders);
  if (!read.ok) {
    const lines = read.issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
    const more = read.issues.length > 5 ? ` (and ${read.issues.length - 5} more)` : '';
    return { ok: false, message: `The events file was not imported: ${lines.join('; ')}${more}. Nothing was added.` };
  }
  const taken = new Set(log.map((e) => e.id));
  const fresh = read.events.filter((e) => !taken.has(e.id));
  return { ok: true, events: fresh, skipped: read.events.length - fresh.length, media: read.media };
}

/** The dispatcher's sentence about an import: what was added, or "Nothing new" when the log had it all. */
export function importedText(events: number, skipped: number, media: number): string {
  const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
  const mediaText = plural(media, 'photo or signature', 'photos or signatures');
  if (events === 0 && media === 0) {
    return skipped === 0 ? 'Nothing new: the file holds no event.' : `Nothing new: ${skipped === 1 ? 'its event is' : `all ${skipped} events are`} already in the log.`;
  }
  if (events === 0) return `Imported ${mediaText}; ${plural(skipped, 'event')} already in the log.`;
  const skippedText = skipped ? `; ${skipped} already in the log skipped` : '';
  return `Imported ${plural(events, 'event')}${media ? ` and ${mediaText}` : ''}${skippedText}.`;
}

/** Ids of the orders the file's new-order events create (best effort: the parser reports the rest). */
function newOrderIds(text: string): Set<string> {
  try {
    const events = (JSON.parse(text) as { events?: unknown }).events;
    if (!Array.isArray(events)) return new Set();
    return new Set(events.flatMap((e) => (e?.type === 'new-order' && typeof e.order?.id === 'string' ? [e.order.id as string] : [])));
  } catch {
    return new Set();
  }
}

/** The latest time in the log, or the dispatch time: where a reopened day's clock resumes. */
export function lastLoggedMinutes(day: DayRecord): number {
  return day.events.reduce((t, e) => Math.max(t, e.at), day.dispatchedAt);
}
