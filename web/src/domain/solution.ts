// The solution shape shared by decode, checker, store and UI. Follows the
// output of VROOM's API (routes → steps, unassigned, summary), in metres and seconds.
import type { CheckReport } from './check';
import type { Explanation } from './explain';

/**
 * Why the solver stopped: `converged` — it found no better plan for a long while (well before the time
 * limit on small plans); `time-limit`; `cancelled` by the user; `completed` — the work budget
 * (SolveOptions.maxMoves) was used up, or a plan saved by an earlier version that said so for trivial inputs.
 */
export type StopReason = 'converged' | 'completed' | 'time-limit' | 'cancelled';

/**
 * Kinds of route step (VROOM's step types). `job` serves an order at its
 * location; a shipment (order with `pickup`) has a `pickup` step, then a
 * `delivery` step, both with the order id; `break` is a driver break, with the
 * vehicle's break id, taken where the vehicle is (no travel).
 */
export const STEP_TYPES = ['start', 'job', 'pickup', 'delivery', 'break', 'end'] as const;
export type StepType = (typeof STEP_TYPES)[number];

/** Step types that serve an order: a job, or a shipment's pickup or delivery. */
export type OrderStepType = 'job' | 'pickup' | 'delivery';

/** True for a step serving an order (job, pickup or delivery), false for start, end and breaks. */
export function isOrderStep<T extends { type: StepType }>(step: T): step is T & { type: OrderStepType } {
  return step.type === 'job' || step.type === 'pickup' || step.type === 'delivery';
}

/** One point of a route: leaving the depot, serving an order, a break, returning. */
export interface Step {
  type: StepType;
  /** Order id for `job`/`pickup`/`delivery` steps; break id for `break`; depot id for `start`/`end`. */
  id: string;
  /** Arrival at the location, seconds since midnight of the scenario day. */
  arrivalS: number;
  /** Waiting before service can start (window not open yet); service starts at arrivalS + waitS. */
  waitS: number;
  serviceS: number;
  departureS: number;
  /** Distance driven since the route started, metres. */
  distanceM: number;
  /** Load on board after this step, per capacity unit. */
  load: number[];
}

export interface Route {
  vehicleId: string;
  steps: Step[];
  distanceM: number;
  /** Route end minus route start, seconds. */
  durationS: number;
  drivingS: number;
  waitingS: number;
  serviceS: number;
  cost: number;
}

/** A stop of a warm start (SolveOptions.initialRoutes): an order's (its pickup with `side`), or one of the vehicle's breaks. */
export type InitialStop = { orderId: string; side?: 'pickup' } | { breakId: string };

/** A route's stop (an order's side or a break) as a warm start's stop. */
export function initialStopOf(stop: { type: string; id: string }): InitialStop {
  if (stop.type === 'break') return { breakId: stop.id };
  return stop.type === 'pickup' ? { orderId: stop.id, side: 'pickup' } : { orderId: stop.id };
}

export interface UnassignedOrder {
  /** Id of the order (a shipment is an order too). */
  orderId: string;
  reason: string;
}

export interface Summary {
  cost: number;
  distanceM: number;
  durationS: number;
  routes: number;
  unassigned: number;
}

export interface Solution {
  routes: Route[];
  unassigned: UnassignedOrder[];
  summary: Summary;
  stopReason: StopReason;
  /** Independent re-check; a plan is shown as valid only when `check.ok`. */
  check: CheckReport;
  /** Why orders are unassigned or late, per vehicle, with the smallest fix (domain/explain.ts). */
  explanations?: Explanation[];
  stats: { seed: number; iterations: number; elapsedMs: number };
}
