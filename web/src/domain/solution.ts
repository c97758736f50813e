// The solution shape shared by decode, checker, store and UI. Follows the
// output of VROOM's API (routes → steps, unassigned, summary), in metres and seconds.
import type { CheckReport } from './check';

/** Why the solver stopped. */
export type StopReason = 'completed' | 'time-limit' | 'cancelled';

/** One point of a route: leaving the depot, serving an order, returning. */
export interface Step {
  type: 'start' | 'job' | 'end';
  /** Order id for `job` steps; depot id for `start`/`end`. */
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

export interface UnassignedOrder {
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
  stats: { seed: number; iterations: number; elapsedMs: number };
}
