// Checks that let the first plan of a large problem skip a route without evaluating an insertion
// there, where the evaluation could only reject it or lose to the best position found so far.
import { siteDistance } from "./matrix";
import { startSite, endSite, vehicleFixedCost, vehicleCostPerM, maxStops, windowCount, windowUsed, twOpenS, twCloseS } from "./model";
import { siteBan, vehicleBanBit, hasLimits, siteOpenS, siteCloseS } from "./model-derived";
import { routeStops } from "./solution";
import { stopStability } from "./stability";

/**
 * True when opening empty route `route` for stop u cannot cost less than `best`: a route with a stop
 * costs at least its vehicle's fixed cost and the trip out to u and back (2 m spare for the rounding of
 * each leg), plus u's stability.
 */
export function emptyRouteCannotBeat(route: i32, u: i32, best: f64): bool {
  const bound = unchecked(vehicleFixedCost[route]) + stopStability(u, route);
  if (bound >= best) return true;
  const trip = siteDistance(startSite(route), u) + siteDistance(u, endSite(route)) - 2;
  return bound + unchecked(vehicleCostPerM[route]) * <f64>max<i64>(trip, 0) >= best;
}

/**
 * True when route `route` cannot take `stops` more stops that the vehicles of `ban` (siteBan bits) may not
 * serve, whatever the positions: its vehicle is one of them, or would make more stops than it may. The
 * checks accFeasible would make after a whole evaluation, made first.
 */
export function routeRefuses(route: i32, ban: u64, stops: i32): bool {
  if (((ban >> <u64>unchecked(vehicleBanBit[route])) & 1) != 0) return true;
  if (!hasLimits) return false;
  const most = unchecked(maxStops[route]);
  return most >= 0 && unchecked(routeStops[route]) + stops > most;
}

/**
 * True when no window of stop u meets the hours of route `route`: each closes before the vehicle may
 * leave, or opens after it must be back (a visit there would be late somewhere: time warp).
 */
export function outOfHours(route: i32, u: i32): bool {
  const leave = unchecked(siteOpenS[startSite(route)]);
  const back = unchecked(siteCloseS[endSite(route)]);
  const w = windowCount;
  for (let slot = 0; slot < w; slot++) {
    if (!windowUsed(u, slot)) continue;
    if (<i64>unchecked(twCloseS[u * w + slot]) >= leave && <i64>unchecked(twOpenS[u * w + slot]) <= back) return false;
  }
  return true;
}

/** routeRefuses for the single stop u, or u out of the route's hours. */
export function routeRefusesStop(route: i32, u: i32): bool {
  return routeRefuses(route, unchecked(siteBan[u]), 1) || outOfHours(route, u);
}

/** routeRefuses for the shipment of pickup p and delivery d, or either out of the route's hours. */
export function routeRefusesPair(route: i32, p: i32, d: i32): bool {
  return routeRefuses(route, unchecked(siteBan[p]) | unchecked(siteBan[d]), 2) || outOfHours(route, p) || outOfHours(route, d);
}
