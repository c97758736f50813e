// At risk (issue #11): a stop whose predicted start is past its window (or its
// lateness allowance) or would be if it arrived a margin later; a route that
// will overrun its shift (plus allowed overtime) or come within the margin of it;
// a vehicle that is unavailable. Each with a reason a dispatcher can read.
import type { SoftLimit, TimeWindow, Vehicle } from '../scenario';
import { windowStart } from '../route-eval';
import { formatHmMinutes, formatMinutes } from '../format';
import { clock } from '../violations';
import type { DayVehicle } from './day-state';
import type { PredictedRoute } from './eta';

/** One thing at risk: a stop (orderId) or a whole route (orderId null), and why. */
export interface RiskItem {
  vehicleId: string;
  orderId: string | null;
  reason: string;
}

/** Seconds a start is past the end of the latest window closed before it (0 inside a window, or with none). */
export function lateS(windows: TimeWindow[], startS: number): number {
  if (windows.length === 0 || windowStart(windows, startS) === startS) return 0;
  const ends = windows.map((w) => w.end * 60).filter((e) => e < startS);
  return ends.length ? startS - Math.max(...ends) : 0;
}

/** "HH:MM–HH:MM, …" of a window list. */
export function windowText(windows: TimeWindow[]): string {
  return windows.map((w) => `${clock(w.start * 60)}–${clock(w.end * 60)}`).join(', ');
}

/** A span, any part of a minute counted as a whole one: "1 min" for 20 s late. */
const minutes = (s: number) => formatMinutes(Math.ceil(s / 60) * 60);

/**
 * Why a stop not reached yet is at risk, or null. Past: arriving at
 * `arrivalS` it starts after every window plus its allowance. Within the
 * margin: arriving `marginS` later it would (waiting for a window absorbs delay).
 */
export function stopRisk(windows: TimeWindow[], lateness: SoftLimit | undefined, arrivalS: number, startS: number, marginS: number): string | null {
  if (windows.length === 0) return null;
  const allowS = (lateness?.maxMinutes ?? 0) * 60;
  const fits = (t: number) => windowStart(windows, t) !== null || lateS(windows, t) <= allowS;
  const late = lateS(windows, startS);
  if (!fits(arrivalS)) {
    const beyond = allowS > 0 ? `, more than the ${minutes(allowS)} allowed` : '';
    return `predicted start ${clock(startS)} is ${minutes(late)} after its window ${windowText(windows)} closes${beyond}`;
  }
  if (fits(arrivalS + marginS)) return null;
  if (late > 0) return `predicted start ${clock(startS)} is ${minutes(late)} late, within ${minutes(marginS)} of the ${minutes(allowS)} allowed`;
  return `predicted arrival ${clock(arrivalS)} is within ${minutes(marginS)} of the end of its window ${windowText(windows)}`;
}

/** Why a route is at risk (vehicle unavailable, shift overrun or about to), or null. */
export function routeRisk(vehicle: Vehicle, day: DayVehicle, route: PredictedRoute, marginS: number): string | null {
  const name = vehicle.name || vehicle.id;
  if (day.unavailable) return `'${name}' is unavailable since ${clock(Math.round(day.unavailable.at * 60))} (${day.unavailable.reason})`;
  const extraS = (vehicle.overtime?.maxMinutes ?? 0) * 60;
  const limitS = route.shiftEndS + extraS;
  const overtime = extraS > 0 ? ` plus ${formatHmMinutes(vehicle.overtime!.maxMinutes)} overtime` : '';
  if (route.endS > limitS) return `'${name}' is predicted back at ${clock(route.endS)}, ${minutes(route.endS - limitS)} after its shift ends at ${clock(route.shiftEndS)}${overtime}`;
  if (route.endS + marginS > limitS) return `'${name}' is predicted back at ${clock(route.endS)}, within ${minutes(marginS)} of its shift end ${clock(route.shiftEndS)}${overtime}`;
  return null;
}

/** Everything at risk, route by route: the route itself first, then its stops in order. */
export function atRiskOf(routes: readonly PredictedRoute[]): RiskItem[] {
  return routes.flatMap((r) => [
    ...(r.risk ? [{ vehicleId: r.vehicleId, orderId: null, reason: r.risk }] : []),
    ...r.stops.filter((s) => s.risk).map((s) => ({ vehicleId: r.vehicleId, orderId: s.orderId, reason: s.risk! })),
  ]);
}
