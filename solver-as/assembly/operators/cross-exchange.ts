// Cross-exchange: swap a chain of 1–3 stops of one route with a chain of 1–3
// stops of another (Taillard et al. 1997); (1, 1) is plain swap (swap.ts).
//
//   before:  pu → [u … uz] → nuz        pv → [v … vz] → nvz
//   after:   pu → [v … vz] → nuz        pv → [u … uz] → nvz
import { siteDistance } from "../matrix";
import { endSite, isStop, vehicleCostPerM } from "../model";
import { durationFree } from "../model-derived";
import { next, prev, routeOf, routeCost, updateRoute, lastStop, unpriced } from "../solution";
import { F_DIST, prefixField } from "../segments";
import { accFromPrefix, accAppendSite, accAppendRange, accAppendSuffix } from "../accumulator";
import { accRouteCost } from "../route-cost";
import { chainEnd } from "./relocate";
import { chainMoveCost } from "../stability";
import { INFEASIBLE } from "../types";

/** Cost of route r rebuilt as prefix(before) + chain(first…last) + suffix(after) + end. */
function exchangedRouteCost(route: i32, before: i32, first: i32, last: i32, after: i32): f64 {
  accFromPrefix(before, route);
  accAppendRange(first, last, next);
  accAppendSuffix(after, lastStop(route), route, next);
  accAppendSite(endSite(route));
  return accRouteCost(route);
}

/** Distance change of route r when chain out (first…last) between before/after becomes chain into. */
// @ts-ignore: decorator
@inline function linkDelta(before: i32, outFirst: i32, outLast: i32, after: i32, inFirst: i32, inLast: i32): i64 {
  const inside = prefixField(inLast, F_DIST) - prefixField(inFirst, F_DIST);
  const outside = prefixField(outLast, F_DIST) - prefixField(outFirst, F_DIST);
  return siteDistance(before, inFirst) + inside + siteDistance(inLast, after)
    - siteDistance(before, outFirst) - outside - siteDistance(outLast, after);
}

/**
 * Cost change of exchanging the chain of lenU stops from stop u with the chain
 * of lenV stops from stop v (different routes). INFEASIBLE if a chain runs past
 * its route or a rule breaks. When no vehicle pays per second, returns early
 * with a non-negative distance delta once the move cannot improve.
 */
export function evaluateCrossExchange(u: i32, lenU: i32, v: i32, lenV: i32): f64 {
  const ru = unchecked(routeOf[u]); const rv = unchecked(routeOf[v]);
  if (ru < 0 || rv < 0 || ru == rv || !isStop(u) || !isStop(v)) return INFEASIBLE;
  const uz = chainEnd(u, lenU); const vz = chainEnd(v, lenV);
  if (uz < 0 || vz < 0) return INFEASIBLE;
  const pu = unchecked(prev[u]); const nuz = unchecked(next[uz]);
  const pv = unchecked(prev[v]); const nvz = unchecked(next[vz]);
  if (durationFree && unpriced(ru, rv)) {
    const bound = unchecked(vehicleCostPerM[ru]) * <f64>linkDelta(pu, u, uz, nuz, v, vz)
      + unchecked(vehicleCostPerM[rv]) * <f64>linkDelta(pv, v, vz, nvz, u, uz)
      + chainMoveCost(u, uz, rv) + chainMoveCost(v, vz, ru);
    if (bound >= 0) return bound;
  }
  const costU = exchangedRouteCost(ru, pu, v, vz, nuz);
  if (costU == INFEASIBLE) return INFEASIBLE;
  const costV = exchangedRouteCost(rv, pv, u, uz, nvz);
  return costU + costV - unchecked(routeCost[ru]) - unchecked(routeCost[rv]);
}

/** Applies an exchange accepted by evaluateCrossExchange. */
export function applyCrossExchange(u: i32, lenU: i32, v: i32, lenV: i32): void {
  const ru = unchecked(routeOf[u]); const rv = unchecked(routeOf[v]);
  const uz = chainEnd(u, lenU); const vz = chainEnd(v, lenV);
  const pu = unchecked(prev[u]); const nuz = unchecked(next[uz]);
  const pv = unchecked(prev[v]); const nvz = unchecked(next[vz]);
  unchecked(next[pu] = v); unchecked(prev[v] = pu); unchecked(next[vz] = nuz); unchecked(prev[nuz] = vz);
  unchecked(next[pv] = u); unchecked(prev[u] = pv); unchecked(next[uz] = nvz); unchecked(prev[nvz] = uz);
  updateRoute(ru);
  updateRoute(rv);
}
