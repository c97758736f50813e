// Checks that let the first plan of a large problem skip a route without evaluating an insertion
// there, where the evaluation could only reject it or lose to the best position found so far.
import { siteDistance } from "./matrix";
import {
  startSite, endSite, vehicleFixedCost, vehicleCostPerM, siteBan, vehicleBanBit, hasLimits, maxStops,
} from "./model";
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

/** routeRefuses for the single stop u. */
export function routeRefusesStop(route: i32, u: i32): bool {
  return routeRefuses(route, unchecked(siteBan[u]), 1);
}

/** routeRefuses for the shipment of pickup p and delivery d. */
export function routeRefusesPair(route: i32, p: i32, d: i32): bool {
  return routeRefuses(route, unchecked(siteBan[p]) | unchecked(siteBan[d]), 2);
}
