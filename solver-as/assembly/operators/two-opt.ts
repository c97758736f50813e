// 2-opt inside one route: reverse the stops nu … v (Croes 1958).
//
//   before:  u → nu → … → v → nv
//   after:   u → v → … → nu → nv
import { siteDistance } from "../matrix";
import { endSite, isStop, vehicleCostPerM } from "../model";
import { durationFree, symmetricDistance } from "../model-derived";
import { next, prev, routeOf, pos, routeCost, updateRoute, lastStop, unpriced } from "../solution";
import { accFromPrefix, accAppendSite, accAppendReversed, accAppendSuffix } from "../accumulator";
import { accRouteCost } from "../route-cost";
import { INFEASIBLE } from "../types";

/**
 * Cost change of reversing the stops strictly after site u up to stop v (same
 * route, u before v, at least two stops reversed). O(length of the reversed
 * part). With a symmetric matrix and no per-second cost, returns early with a
 * non-negative distance delta once the move cannot improve.
 */
export function evaluateTwoOpt(u: i32, v: i32): f64 {
  const route = unchecked(routeOf[u]);
  if (route < 0 || !isStop(v) || route != unchecked(routeOf[v]) || unchecked(pos[u]) + 2 > unchecked(pos[v])) return INFEASIBLE;
  const nu = unchecked(next[u]); const nv = unchecked(next[v]);
  if (durationFree && symmetricDistance && unpriced(route, route)) {
    const delta = siteDistance(u, v) + siteDistance(nu, nv) - siteDistance(u, nu) - siteDistance(v, nv);
    const bound = unchecked(vehicleCostPerM[route]) * <f64>delta;
    if (bound >= 0) return bound;
  }
  accFromPrefix(u, route);
  accAppendReversed(nu, v, prev);
  accAppendSuffix(nv, lastStop(route), route, next);
  accAppendSite(endSite(route));
  return accRouteCost(route) - unchecked(routeCost[route]);
}

/** Applies a reversal accepted by evaluateTwoOpt. */
export function applyTwoOpt(u: i32, v: i32): void {
  const nu = unchecked(next[u]); const nv = unchecked(next[v]);
  let site = nu;
  while (true) {
    const following = unchecked(next[site]);
    unchecked(next[site] = prev[site]);
    unchecked(prev[site] = following);
    if (site == v) break;
    site = following;
  }
  unchecked(next[u] = v); unchecked(prev[v] = u);
  unchecked(next[nu] = nv); unchecked(prev[nv] = nu);
  updateRoute(unchecked(routeOf[u]));
}
