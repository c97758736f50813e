// PROPOSAL for the coordinator: the scenario's `day` (issue #11), kept apart
// from scenario.ts while others edit it. Wire it in as
// `day: v.optional(daySchema)` on scenarioSchema (plus a migration note: v2 files without `day` stay valid).
import * as v from 'valibot';
import { STEP_TYPES } from '../solution';
import { dayMinutesSchema, storedEventSchema } from './event-schema';
import type { DayEvent } from './events';
import type { DaySettings } from './eta';

const count = v.pipe(v.number(), v.finite(), v.minValue(0, 'must be ≥ 0'));
const seconds = v.pipe(v.number(), v.finite());

/** A step of a dispatched route (solution.ts `Step`); extra fields are kept. */
const stepSchema = v.looseObject({
  type: v.picklist(STEP_TYPES, 'unknown step type'),
  id: v.string(),
  arrivalS: seconds,
  waitS: count,
  serviceS: count,
  departureS: seconds,
  distanceM: count,
  load: v.array(v.number()),
});

/** A dispatched route (solution.ts `Route`). */
const routeSchema = v.looseObject({
  vehicleId: v.string(),
  steps: v.array(stepSchema),
  distanceM: count,
  durationS: count,
  drivingS: count,
  waitingS: count,
  serviceS: count,
  cost: v.number(),
});

/** The plan as dispatched: the scenario's `plan` record at dispatch, frozen for plan vs actual. */
export const dispatchedPlanSchema = v.object({
  solvedRevision: v.pipe(v.number(), v.integer(), v.minValue(0)),
  solution: v.looseObject({
    routes: v.array(routeSchema),
    unassigned: v.array(v.looseObject({ orderId: v.string(), reason: v.string() })),
  }),
});

/** Settings of the day (eta.ts DaySettings). */
export const daySettingsSchema = v.object({
  riskMarginMinutes: v.pipe(v.number(), v.integer('must be whole minutes'), v.minValue(0, 'must be ≥ 0'), v.maxValue(240, 'must be ≤ 240')),
  minOnTimeProbability: v.optional(v.pipe(v.number(), v.minValue(0, 'must be ≥ 0'), v.maxValue(1, 'must be ≤ 1'))),
});

/** The append-only log: events in log order, ids unique. */
const eventLogSchema = v.pipe(
  v.array(storedEventSchema),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Set<string>();
    dataset.value.forEach((e, i) => {
      if (seen.has(e.id)) addIssue({ message: `event id '${e.id}' is used twice`, path: [{ type: 'array', origin: 'value', input: dataset.value, key: i, value: e }] });
      seen.add(e.id);
    });
  }),
);

/** The scenario's day: when and what was dispatched, the event log, and the day's settings. */
export const daySchema = v.object({
  /** Minutes of the scenario day when the plan was dispatched. */
  dispatchedAt: dayMinutesSchema,
  dispatchedPlan: dispatchedPlanSchema,
  events: eventLogSchema,
  settings: v.optional(daySettingsSchema),
  /** The day's clock as the dispatcher left it: a simulated time, or the real time of day. */
  clock: v.optional(v.object({ minutes: dayMinutesSchema, real: v.boolean('must be true or false') })),
});

/** The scenario's day as stored. */
export interface DayRecord {
  dispatchedAt: number;
  dispatchedPlan: v.InferOutput<typeof dispatchedPlanSchema>;
  events: DayEvent[];
  settings?: DaySettings;
  /** The clock as last set or paused (a reload resumes from it); absent: the last logged time. */
  clock?: DayClockRecord;
}

/** The day's clock as stored: the simulated minutes, or `real` for the real time of day. */
export interface DayClockRecord { minutes: number; real: boolean }

/** Validates a stored day; the event log is typed as DayEvent[]. */
export function parseDay(input: unknown): { ok: true; day: DayRecord } | { ok: false; issues: v.BaseIssue<unknown>[] } {
  const parsed = v.safeParse(daySchema, input);
  return parsed.success ? { ok: true, day: parsed.output } : { ok: false, issues: parsed.issues };
}
