// 2-opt*: exchange the tails of two routes (Potvin & Rousseau 1995). Sites u
// and v may be route starts (a whole route's stops move); tails keep their order.
//
//   before:  A: … u → nu …  endA        B: … v → nv …  endB
//   after:   A: … u → nv …  endA        B: … v → nu …  endB
import { siteDistance } from "../matrix";
import { endSite, isEndSite, vehicleCostPerM, vehicleFixedCost, vehicleProfile } from "../model";
import { durationFree, siteNode } from "../model-derived";
import { hasStability, stabilityCost } from "../homes";
import { next, prev, routeOf, pos, routeSize, routeCost, updateRoute, lastStop } from "../solution";
import { F_DIST, prefixField, suffixField, joinWarp } from "../segments";
import { accFromPrefix, accAppendSite, accAppendSuffix } from "../accumulator";
import { accRouteCost, warpPriced, warpPrice } from "../route-cost";
import { chainStrangers, prefixStrangers } from "../stability";
import { plainPricing, plainExcess, plainRouteCost, storedDistance } from "../plain-price";
import { INFEASIBLE } from "../types";

/** Distance of route `route` rebuilt as prefix(u) + the tail starting at `tail` (of route `tailRoute`). */
function joinedDistance(route: i32, u: i32, tail: i32, tailRoute: i32): i64 {
  const end = endSite(route);
  if (isEndSite(tail)) return prefixField(u, F_DIST) + siteDistance(u, end);
  const last = lastStop(tailRoute);
  return prefixField(u, F_DIST) + siteDistance(u, tail) + suffixField(tail, F_DIST) + lastLeg(last, end, tailRoute);
}

/**
 * Distance from `last`, the last stop of `tailRoute`, to end site `end`. Under plainPricing, when `end` is
 * where tailRoute ends too, the leg is already in tailRoute's stored prefixes (no breaks: one leg per
 * arc), a record near in the cache rather than `last`'s matrix row.
 */
// @ts-ignore: decorator
@inline function lastLeg(last: i32, end: i32, tailRoute: i32): i64 {
  const ownEnd = endSite(tailRoute);
  if (plainPricing && unchecked(siteNode[ownEnd]) == unchecked(siteNode[end])) {
    return storedDistance(last, ownEnd);
  }
  return siteDistance(last, end);
}

/** Stability cost of route `route` rebuilt as prefix(u) + the tail starting at `tail` (of route `tailRoute`). */
function joinedStability(route: i32, u: i32, tail: i32, tailRoute: i32): f64 {
  if (!hasStability) return 0;
  const tailStrangers = isEndSite(tail) ? 0 : chainStrangers(tail, lastStop(tailRoute), route);
  return stabilityCost * <f64>(prefixStrangers(u) + tailStrangers);
}

/** Cost of route `route` rebuilt as prefix(u) + the tail starting at `tail` (of route `tailRoute`). */
function joinedCost(route: i32, u: i32, tail: i32, tailRoute: i32): f64 {
  accFromPrefix(u, route);
  accAppendSuffix(tail, lastStop(tailRoute), tailRoute, next);
  accAppendSite(endSite(route));
  return accRouteCost(route);
}

/**
 * Cost change of exchanging the tails after sites u and v (different routes;
 * each a stop or a route start). INFEASIBLE if a rule breaks. When no vehicle
 * pays per second, returns early with a non-negative distance, fixed-cost and
 * stability delta once the move cannot improve.
 */
export function evaluateTwoOptStar(u: i32, v: i32): f64 {
  const ru = unchecked(routeOf[u]); const rv = unchecked(routeOf[v]);
  if (ru == rv || ru < 0 || rv < 0 || isEndSite(u) || isEndSite(v)) return INFEASIBLE;
  const nu = unchecked(next[u]); const nv = unchecked(next[v]);
  if (durationFree) {
    const sizeU = unchecked(pos[u]) + unchecked(routeSize[rv]) - unchecked(pos[v]);
    const sizeV = unchecked(pos[v]) + unchecked(routeSize[ru]) - unchecked(pos[u]);
    const distanceU = sizeU > 0 ? joinedDistance(ru, u, nv, rv) : 0;
    const distanceV = sizeV > 0 ? joinedDistance(rv, v, nu, ru) : 0;
    let bound = -unchecked(routeCost[ru]) - unchecked(routeCost[rv]);
    if (sizeU > 0) bound += unchecked(vehicleFixedCost[ru]) + unchecked(vehicleCostPerM[ru]) * <f64>distanceU
      + joinedStability(ru, u, nv, rv);
    if (sizeV > 0) bound += unchecked(vehicleFixedCost[rv]) + unchecked(vehicleCostPerM[rv]) * <f64>distanceV
      + joinedStability(rv, v, nu, ru);
    if (bound >= 0) return bound;
    if (plainPricing) {
      // The same two routes the accumulator would build, from their distances and load summaries.
      const costU = sizeU > 0 ? plainRouteCost(ru, distanceU, plainExcess(ru, u, -1, -1, nv)) : 0;
      if (costU == INFEASIBLE) return INFEASIBLE;
      const costV = sizeV > 0 ? plainRouteCost(rv, distanceV, plainExcess(rv, v, -1, -1, nu)) : 0;
      if (costV == INFEASIBLE) return INFEASIBLE;
      return costU + costV - unchecked(routeCost[ru]) - unchecked(routeCost[rv]);
    }
    // Either new route late: the time fields alone say so when both routes travel alike.
    const profile = unchecked(vehicleProfile[ru]);
    if (profile == unchecked(vehicleProfile[rv])) {
      const warp = (sizeU > 0 ? joinWarp(u, isEndSite(nv) ? endSite(ru) : nv, endSite(ru), profile) : 0)
        + (sizeV > 0 ? joinWarp(v, isEndSite(nu) ? endSite(rv) : nu, endSite(rv), profile) : 0);
      if (warp > 0) {
        if (!warpPriced()) return INFEASIBLE;
        bound += warpPrice * <f64>warp;
        if (bound >= 0) return bound;
      }
    }
  }
  const costU = joinedCost(ru, u, nv, rv);
  if (costU == INFEASIBLE) return INFEASIBLE;
  const costV = joinedCost(rv, v, nu, ru);
  return costU + costV - unchecked(routeCost[ru]) - unchecked(routeCost[rv]);
}

/** Applies a move accepted by evaluateTwoOptStar. */
export function applyTwoOptStar(u: i32, v: i32): void {
  const ru = unchecked(routeOf[u]); const rv = unchecked(routeOf[v]);
  const endU = endSite(ru); const endV = endSite(rv);
  const nu = unchecked(next[u]); const nv = unchecked(next[v]);
  const lastU = unchecked(prev[endU]); const lastV = unchecked(prev[endV]);
  if (isEndSite(nv)) { unchecked(next[u] = endU); unchecked(prev[endU] = u); }
  else { unchecked(next[u] = nv); unchecked(prev[nv] = u); unchecked(next[lastV] = endU); unchecked(prev[endU] = lastV); }
  if (isEndSite(nu)) { unchecked(next[v] = endV); unchecked(prev[endV] = v); }
  else { unchecked(next[v] = nu); unchecked(prev[nu] = v); unchecked(next[lastU] = endV); unchecked(prev[endV] = lastU); }
  updateRoute(ru);
  updateRoute(rv);
}
