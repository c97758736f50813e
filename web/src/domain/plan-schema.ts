// Valibot schemas of what a stored scenario keeps beside its data: the accepted
// plan (the Solution shape of solution.ts with its checker report and
// explanations) and the pins. Every stored field is validated on load.
import * as v from 'valibot';
import { STEP_TYPES } from './solution';

const num = v.pipe(v.number(), v.finite());
const nonNegative = v.pipe(v.number(), v.finite(), v.minValue(0, 'must be ≥ 0'));
const text = v.string();

const stepSchema = v.object({
  type: v.picklist(STEP_TYPES, 'unknown step type'),
  id: text,
  arrivalS: num,
  waitS: num,
  serviceS: num,
  departureS: num,
  distanceM: num,
  load: v.array(num),
});

const routeSchema = v.object({
  vehicleId: text,
  steps: v.array(stepSchema),
  distanceM: num,
  durationS: num,
  drivingS: num,
  waitingS: num,
  serviceS: num,
  cost: num,
});

const violationSchema = v.object({
  rule: text,
  vehicleId: v.optional(text),
  orderId: v.optional(text),
  message: text,
  amount: v.optional(num),
  unit: v.optional(text),
  skills: v.optional(v.array(text)),
  breakId: v.optional(text),
  depotId: v.optional(text),
  atPickup: v.optional(v.boolean()),
});

const routeCheckSchema = v.object({
  vehicleId: text,
  distanceM: num,
  durationS: num,
  cost: num,
  latenessCost: v.optional(num),
  overtimeCost: v.optional(num),
  overtimeS: v.optional(num),
  lateStops: v.optional(v.array(v.object({ orderId: text, lateS: num, atPickup: v.optional(v.boolean()) }))),
});

/** The independent checker's report (domain/check.ts). */
export const checkReportSchema = v.object({
  ok: v.boolean(),
  violations: v.array(violationSchema),
  cost: num,
  distanceM: num,
  durationS: num,
  routes: v.array(routeCheckSchema),
  unassignedPenalty: v.optional(num),
  unassigned: v.optional(v.array(v.object({ orderId: text, priority: num, penalty: num }))),
});

const BLOCK_REASONS = ['skill-or-crew', 'capacity', 'window', 'shift-or-depot', 'range', 'max-stops', 'duration', 'break', 'other', 'none'] as const;

const explanationSchema = v.object({
  orderId: text,
  kind: v.picklist(['unassigned', 'late'] as const, 'unknown explanation kind'),
  lateS: v.optional(num),
  vehicles: v.array(v.object({
    vehicleId: text,
    blockedBy: v.nullable(text),
    reason: v.picklist(BLOCK_REASONS, 'unknown reason'),
    position: num,
    fixes: v.array(v.object({ rule: text, amount: num, text })),
    text,
    costDelta: v.optional(num),
    score: num,
  })),
  groups: v.optional(v.array(v.object({
    reason: v.picklist(BLOCK_REASONS, 'unknown reason'),
    count: nonNegative,
    vehicleIds: v.array(text),
    rules: v.array(text),
  }))),
  summary: text,
});

/** A Solution (domain/solution.ts). */
export const solutionSchema = v.object({
  routes: v.array(routeSchema),
  unassigned: v.array(v.object({ orderId: text, reason: text })),
  summary: v.object({ cost: num, distanceM: num, durationS: num, routes: nonNegative, unassigned: nonNegative }),
  stopReason: v.picklist(['converged', 'completed', 'time-limit', 'cancelled'] as const, 'unknown stop reason'),
  check: checkReportSchema,
  explanations: v.optional(v.array(explanationSchema)),
  stats: v.object({ seed: num, iterations: num, elapsedMs: num }),
});

/** An accepted plan: the solution and the scenario revision it was solved for. */
export const planSchema = v.object({
  solvedRevision: v.pipe(v.number(), v.integer(), v.minValue(0, 'must be ≥ 0')),
  solution: solutionSchema,
  travel: v.optional(v.object({ source: v.picklist(['routing', 'matrix', 'embedded'] as const, 'unknown travel source'), fallback: v.optional(text) })),
});

/** What the dispatcher pinned: orderId → vehicleId, and whole routes by vehicle id. */
export const pinSetSchema = v.object({
  orders: v.record(v.string(), v.pipe(v.string(), v.minLength(1, 'must not be empty'))),
  routes: v.array(v.pipe(v.string(), v.minLength(1, 'must not be empty'))),
});
