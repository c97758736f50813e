// Swap: exchange two stops u and v, in the same or different routes.
//
//   before:  pu → u → nu      pv → v → nv
//   after:   pu → v → nu      pv → u → nv
import { siteDistance } from "../matrix";
import { endSite, isStop, vehicleCostPerM, vehicleProfile } from "../model";
import { durationFree } from "../model-derived";
import { next, prev, routeOf, pos, routeCost, routeDistance, updateRoute, lastStop, unpriced } from "../solution";
import { plainPricing, orderFreeLoads, plainExcess, plainRouteCost, plainSameRouteCost, storedDistance } from "../plain-price";
import { insertionWarp } from "../segments";
import { accFromPrefix, accAppendSite, accAppendRange, accAppendSuffix } from "../accumulator";
import { accRouteCost, warpPriced, warpPrice } from "../route-cost";
import { chainMoveCost } from "../stability";
import { INFEASIBLE } from "../types";

/** Cost of route r rebuilt as prefix(before) + x + suffix(after) + end. */
function replacedRouteCost(route: i32, before: i32, x: i32, after: i32): f64 {
  accFromPrefix(before, route);
  accAppendSite(x);
  accAppendSuffix(after, lastStop(route), route, next);
  accAppendSite(endSite(route));
  return accRouteCost(route);
}

/** Distance change of replacing `out` by `into` between before and after. */
// @ts-ignore: decorator
@inline function replaceDelta(before: i32, out: i32, into: i32, after: i32): i64 {
  return siteDistance(before, into) + siteDistance(into, after) - siteDistance(before, out) - siteDistance(out, after);
}

/** Distance change of swapping u (between pu and nu) with v (between pv and nv) further on in its route. */
function sameRouteDelta(pu: i32, u: i32, nu: i32, pv: i32, v: i32, nv: i32): i64 {
  return nu == v
    ? siteDistance(pu, v) + siteDistance(v, u) + siteDistance(u, nv) - siteDistance(pu, u) - siteDistance(u, v) - siteDistance(v, nv)
    : replaceDelta(pu, u, v, nu) + replaceDelta(pv, v, u, nv);
}

/** Cost change of swapping assigned stops u and v when they share a route. */
function evaluateSameRoute(u: i32, v: i32): f64 {
  if (unchecked(pos[u]) > unchecked(pos[v])) { const t = u; u = v; v = t; }
  const route = unchecked(routeOf[u]);
  const pu = unchecked(prev[u]); const nu = unchecked(next[u]);
  const pv = unchecked(prev[v]); const nv = unchecked(next[v]);
  const bounded = durationFree && unpriced(route, route);
  if (bounded || orderFreeLoads) {
    const delta = sameRouteDelta(pu, u, nu, pv, v, nv);
    if (bounded) {
      const bound = unchecked(vehicleCostPerM[route]) * <f64>delta;
      if (bound >= 0) return bound;
    }
    if (orderFreeLoads) {
      const cost = plainSameRouteCost(route, delta);
      return cost == INFEASIBLE ? INFEASIBLE : cost - unchecked(routeCost[route]);
    }
  }
  accFromPrefix(pu, route);
  accAppendSite(v);
  if (nu != v) accAppendRange(nu, pv, next);
  accAppendSite(u);
  accAppendSuffix(nv, lastStop(route), route, next);
  accAppendSite(endSite(route));
  return accRouteCost(route) - unchecked(routeCost[route]);
}

/**
 * Cost change of swapping assigned stops u and v (INFEASIBLE if it breaks a
 * rule or u = v). When no vehicle pays per second, returns early with a
 * non-negative distance delta once the move cannot improve.
 */
export function evaluateSwap(u: i32, v: i32): f64 {
  if (u == v) return INFEASIBLE;
  const ru = unchecked(routeOf[u]); const rv = unchecked(routeOf[v]);
  if (ru < 0 || rv < 0 || !isStop(u) || !isStop(v)) return INFEASIBLE;
  if (ru == rv) return evaluateSameRoute(u, v);
  const pu = unchecked(prev[u]); const nu = unchecked(next[u]);
  const pv = unchecked(prev[v]); const nv = unchecked(next[v]);
  if (plainPricing) return plainSwapDelta(u, v, ru, rv, pu, nu, pv, nv);
  if (durationFree && unpriced(ru, rv)) {
    const bound = unchecked(vehicleCostPerM[ru]) * <f64>replaceDelta(pu, u, v, nu)
      + unchecked(vehicleCostPerM[rv]) * <f64>replaceDelta(pv, v, u, nv)
      + chainMoveCost(u, u, rv) + chainMoveCost(v, v, ru);
    if (bound >= 0) return bound;
    // Either route late after the exchange: the time fields alone say so (neither carries a price now).
    const warp = insertionWarp(pu, v, v, nu, endSite(ru), unchecked(vehicleProfile[ru]), next)
      + insertionWarp(pv, u, u, nv, endSite(rv), unchecked(vehicleProfile[rv]), next);
    if (warp > 0) {
      if (!warpPriced()) return INFEASIBLE;
      if (bound + warpPrice * <f64>warp >= 0) return bound + warpPrice * <f64>warp;
    }
  }
  const costU = replacedRouteCost(ru, pu, v, nu);
  if (costU == INFEASIBLE) return INFEASIBLE;
  const costV = replacedRouteCost(rv, pv, u, nv);
  return costU + costV - unchecked(routeCost[ru]) - unchecked(routeCost[rv]);
}

/**
 * evaluateSwap between two routes under plainPricing: the same bound and price from distances and load
 * summaries, the arcs that leave read from the stored prefixes (no breaks: one leg per arc), not from the
 * matrix rows of pu and v.
 */
function plainSwapDelta(u: i32, v: i32, ru: i32, rv: i32, pu: i32, nu: i32, pv: i32, nv: i32): f64 {
  const deltaU = siteDistance(pu, v) + siteDistance(v, nu) - storedDistance(pu, nu);
  const deltaV = siteDistance(pv, u) + siteDistance(u, nv) - storedDistance(pv, nv);
  if (unpriced(ru, rv)) {
    // No stability, windows or lateness under plainPricing: the distance terms are the whole bound.
    const bound = unchecked(vehicleCostPerM[ru]) * <f64>deltaU + unchecked(vehicleCostPerM[rv]) * <f64>deltaV;
    if (bound >= 0) return bound;
  }
  // The two routes the accumulator would build, from their distances and load summaries.
  const costU = plainRouteCost(ru, unchecked(routeDistance[ru]) + deltaU, plainExcess(ru, pu, v, v, nu));
  if (costU == INFEASIBLE) return INFEASIBLE;
  const costV = plainRouteCost(rv, unchecked(routeDistance[rv]) + deltaV, plainExcess(rv, pv, u, u, nv));
  if (costV == INFEASIBLE) return INFEASIBLE;
  return costU + costV - unchecked(routeCost[ru]) - unchecked(routeCost[rv]);
}

/** Applies a swap accepted by evaluateSwap. */
export function applySwap(u: i32, v: i32): void {
  const ru = unchecked(routeOf[u]); const rv = unchecked(routeOf[v]);
  if (unchecked(next[v]) == u) { const t = u; u = v; v = t; }
  const pu = unchecked(prev[u]); const nu = unchecked(next[u]);
  const pv = unchecked(prev[v]); const nv = unchecked(next[v]);
  if (nu == v) {
    unchecked(next[pu] = v); unchecked(prev[v] = pu);
    unchecked(next[v] = u); unchecked(prev[u] = v);
    unchecked(next[u] = nv); unchecked(prev[nv] = u);
  } else {
    unchecked(next[pu] = v); unchecked(prev[v] = pu); unchecked(next[v] = nu); unchecked(prev[nu] = v);
    unchecked(next[pv] = u); unchecked(prev[u] = pv); unchecked(next[u] = nv); unchecked(prev[nv] = u);
  }
  updateRoute(ru);
  if (rv != ru) updateRoute(rv);
}
