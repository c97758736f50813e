// Timing rules of a route being driven (the day), used by the checker's walk
// (route-eval.ts) when it is given a DayWalk: reported times are taken as given,
// reported delays hold the vehicle, and nothing not yet happened happens before the clock.
import type { Place } from './travel';

/** Time lost from a moment on (a reported delay): what would end later than `fromS` ends `s` seconds later. */
export interface Hold {
  fromS: number;
  s: number;
}

/**
 * What happened at a stop of a running route, or was reported on the way to it
 * (seconds of the day). Reported times are taken as given; the rest is walked.
 */
export interface StopReport {
  arrivalS?: number;
  /** Service start; default: the arrival, or the window's opening when early. */
  startS?: number;
  /** Left the stop (done or failed). Without a reported arrival, the walked arrival is capped at it. */
  endS?: number;
  /** The attempt failed: nothing was delivered or collected. */
  failed?: boolean;
  /** Last position reported on the way here: the leg is driven from there, leaving then. */
  seenAt?: { place: Place; atS: number };
  /** Delays reported on the way here. */
  legHolds?: Hold[];
  /** Delays reported while at the stop. */
  serviceHolds?: Hold[];
  /** Service overran by this much (reported). */
  extraServiceS?: number;
}

/**
 * A route being driven (the day): reports per stop and the clock. The walk
 * takes reported times as given and never predicts an order stop's arrival, a
 * service end or the return before `notBeforeS` (breaks are walked as planned).
 */
export interface DayWalk {
  /** Per index of `stops`; index `stops.length` is the return to the end depot. */
  reports: readonly (StopReport | undefined)[];
  notBeforeS: number;
  /** On board when leaving the start depot; default: the deliveries of the route's jobs. */
  startLoad?: readonly number[];
  /**
   * When given, the walk lowers `earliestS` to the earliest walked time it held against the clock. At or
   * above `notBeforeS`, the clock held nothing back, and the same walk at any clock up to `earliestS` is the
   * same (a prediction that need not be walked again while the clock has not caught up with it).
   */
  clockUse?: { earliestS: number };
}

/** The walked time, never before the clock (noted in `clockUse`). */
function notBeforeClock(day: DayWalk, walkedS: number): number {
  if (day.clockUse && walkedS < day.clockUse.earliestS) day.clockUse.earliestS = walkedS;
  return Math.max(walkedS, day.notBeforeS);
}

/** Applies delays in order: what would end after a delay's start ends that much later. */
export function held(endS: number, holds: readonly Hold[] | undefined): number {
  let t = endS;
  for (const h of holds ?? []) t = Math.max(t, h.fromS) + h.s;
  return t;
}

/**
 * Arrival at a stop (or back at the depot) of a running route, from the walked
 * arrival: the reported one, else walked plus delays on the way, capped at a
 * reported departure, and never before the clock. Without `day`, the walked one.
 */
export function dayArrivalS(day: DayWalk | undefined, report: StopReport | undefined, walkedS: number): number {
  if (!day) return walkedS;
  // A departure reported before the arrival (a wrong report) wins: the stop has no negative service.
  if (report?.arrivalS !== undefined) return Math.min(report.arrivalS, report.endS ?? Infinity);
  const arrivalS = held(walkedS, report?.legHolds);
  if (report?.endS !== undefined) return Math.min(arrivalS, report.endS);
  return notBeforeClock(day, arrivalS);
}

/**
 * Seconds on site: planned; or reported (left at `endS`); or planned plus
 * overrun and delays at the stop, ending no earlier than the clock.
 */
export function dayServiceS(day: DayWalk | undefined, report: StopReport | undefined, startS: number, plannedS: number): number {
  if (!day) return plannedS;
  if (report?.endS !== undefined) return Math.max(0, report.endS - startS);
  const endS = held(startS + plannedS + (report?.extraServiceS ?? 0), report?.serviceHolds);
  return notBeforeClock(day, endS) - startS;
}
