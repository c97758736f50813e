// Relocate: move a chain of 1–3 consecutive stops (u … z) to right after site w,
// in the same or another route. Or-opt (or-opt.ts) is this move with len 2–3.
//
//   before:  pu → [u … z] → nz        w → nw
//   after:   pu → nz                  w → [u … z] → nw
import { siteDistance, siteDistanceInto } from "../matrix";
import { isStop, isEndSite, endSite, vehicleCostPerM, vehicleFixedCost, vehicleProfile } from "../model";
import { durationFree } from "../model-derived";
import { next, prev, routeOf, pos, routeSize, routeCost, routeDistance, updateRoute, lastStop, unpriced } from "../solution";
import { plainPricing, orderFreeLoads, plainExcess, plainRouteCost, plainSameRouteCost, storedDistance } from "../plain-price";
import { F_DIST, prefixField, insertionWarp } from "../segments";
import { accFromPrefix, accAppendSite, accAppendRange, accAppendSuffix } from "../accumulator";
import { accRouteCost, warpPriced, warpPrice } from "../route-cost";
import { chainMoveCost } from "../stability";
import { INFEASIBLE } from "../types";

/** Last site of the chain of `len` stops starting at stop u, or −1 when the route ends first. */
export function chainEnd(u: i32, len: i32): i32 {
  let z = u;
  for (let i = 1; i < len; i++) {
    z = unchecked(next[z]);
    if (!isStop(z)) return -1;
  }
  return z;
}

/** Cost of route r rebuilt as prefix(w) + chain(u…z) + suffix(nw) + end. */
function insertedRouteCost(route: i32, w: i32, u: i32, z: i32, len: i32): f64 {
  accFromPrefix(w, route);
  accAppendRange(u, z, next);
  accAppendSuffix(unchecked(next[w]), lastStop(route), route, next);
  accAppendSite(endSite(route));
  return accRouteCost(route);
}

/**
 * evaluateRelocate's full price under plainPricing (plain-price.ts) from distances and load summaries:
 * `removed` and `added` are the link changes at the chain's old and new places. Within one route only
 * with orderFreeLoads (the order of its stops then leaves its load peak as it is).
 */
function plainRelocateDelta(u: i32, z: i32, len: i32, w: i32, ru: i32, rw: i32, removed: i64, added: i64): f64 {
  if (ru == rw) {
    const cost = plainSameRouteCost(ru, added - removed);
    return cost == INFEASIBLE ? INFEASIBLE : cost - unchecked(routeCost[ru]);
  }
  const chainDistance = prefixField(z, F_DIST) - prefixField(u, F_DIST);
  let costU: f64 = 0;
  if (unchecked(routeSize[ru]) > len) {
    costU = plainRouteCost(ru, unchecked(routeDistance[ru]) - removed - chainDistance, plainExcess(ru, unchecked(prev[u]), -1, -1, unchecked(next[z])));
    if (costU == INFEASIBLE) return INFEASIBLE;
  }
  const nw = unchecked(next[w]);
  const before = unchecked(routeSize[rw]) == 0 ? siteDistance(w, nw) : unchecked(routeDistance[rw]);
  const costW = plainRouteCost(rw, before + added + chainDistance, plainExcess(rw, w, u, z, nw));
  if (costW == INFEASIBLE) return INFEASIBLE;
  return costU + costW - unchecked(routeCost[ru]) - unchecked(routeCost[rw]);
}

/**
 * Cost change of moving the chain of `len` stops starting at assigned stop u to
 * right after site w (a stop or a route start). INFEASIBLE when the move breaks
 * a rule or is not a move (w inside the chain or w = prev(u)). When no vehicle
 * pays per second, returns early with a non-negative distance delta as soon as
 * the move cannot improve (its feasibility is then not checked).
 */
export function evaluateRelocate(u: i32, len: i32, w: i32): f64 {
  if (!isStop(u)) return INFEASIBLE;
  const z = chainEnd(u, len);
  if (z < 0 || isEndSite(w)) return INFEASIBLE;
  const ru = unchecked(routeOf[u]); const rw = unchecked(routeOf[w]);
  const pu = unchecked(prev[u]); const nz = unchecked(next[z]);
  if (w == pu || ru < 0 || rw < 0) return INFEASIBLE;
  if (ru == rw && unchecked(pos[w]) >= unchecked(pos[u]) && unchecked(pos[w]) <= unchecked(pos[z])) return INFEASIBLE;
  const nw = unchecked(next[w]);
  const plain = plainPricing && (ru != rw || orderFreeLoads);
  let removed: i64 = 0; let added: i64 = 0;
  const bounded = durationFree && unpriced(ru, rw);
  if (bounded || plain) {
    removed = siteDistanceInto(pu, u) + siteDistance(z, nz) - siteDistance(pu, nz);
    const arc = plainPricing ? storedDistance(w, nw) : siteDistance(w, nw);
    added = siteDistanceInto(w, u) + siteDistance(z, nw) - arc;
  }
  if (bounded) {
    let bound = unchecked(vehicleCostPerM[rw]) * <f64>added - unchecked(vehicleCostPerM[ru]) * <f64>removed;
    // The chain's own distance changes price with the vehicle; an empty route
    // costs nothing, not the depot-to-depot distance the link terms assume.
    if (ru != rw) {
      const chainDistance = prefixField(z, F_DIST) - prefixField(u, F_DIST);
      bound += (unchecked(vehicleCostPerM[rw]) - unchecked(vehicleCostPerM[ru])) * <f64>chainDistance;
      if (unchecked(routeSize[rw]) == 0) {
        bound += unchecked(vehicleFixedCost[rw]) + unchecked(vehicleCostPerM[rw]) * <f64>siteDistance(w, nw);
      }
      if (unchecked(routeSize[ru]) == len) {
        bound -= unchecked(vehicleFixedCost[ru]) + unchecked(vehicleCostPerM[ru]) * <f64>siteDistance(pu, nz);
      }
      bound += chainMoveCost(u, z, rw);
    }
    if (bound >= 0) return bound;
    // A chain into another route that would be late there: the time fields alone say so (neither route
    // carries a price now, so a priced lateness only adds to the bound).
    if (ru != rw) {
      const warp = insertionWarp(w, u, z, nw, endSite(rw), unchecked(vehicleProfile[rw]), next);
      if (warp > 0) {
        if (!warpPriced()) return INFEASIBLE;
        bound += warpPrice * <f64>warp;
        if (bound >= 0) return bound;
      }
    }
  }
  if (plain) return plainRelocateDelta(u, z, len, w, ru, rw, removed, added);
  if (ru != rw) {
    let costU: f64 = 0;
    const remaining = unchecked(routeSize[ru]) - len;
    if (remaining > 0) {
      accFromPrefix(pu, ru);
      accAppendSuffix(nz, lastStop(ru), ru, next);
      accAppendSite(endSite(ru));
      costU = accRouteCost(ru);
      if (costU == INFEASIBLE) return INFEASIBLE;
    }
    const costW = insertedRouteCost(rw, w, u, z, len);
    return costU + costW - unchecked(routeCost[ru]) - unchecked(routeCost[rw]);
  }
  if (unchecked(pos[w]) < unchecked(pos[u])) {
    accFromPrefix(w, ru);
    accAppendRange(u, z, next);
    accAppendRange(nw, pu, next);
    accAppendSuffix(nz, lastStop(ru), ru, next);
  } else {
    accFromPrefix(pu, ru);
    accAppendRange(nz, w, next);
    accAppendRange(u, z, next);
    accAppendSuffix(nw, lastStop(ru), ru, next);
  }
  accAppendSite(endSite(ru));
  return accRouteCost(ru) - unchecked(routeCost[ru]);
}

/** Applies a move that evaluateRelocate(u, len, w) accepted. */
export function applyRelocate(u: i32, len: i32, w: i32): void {
  const z = chainEnd(u, len);
  const ru = unchecked(routeOf[u]); const rw = unchecked(routeOf[w]);
  const pu = unchecked(prev[u]); const nz = unchecked(next[z]);
  unchecked(next[pu] = nz); unchecked(prev[nz] = pu);
  const nw = unchecked(next[w]);
  unchecked(next[w] = u); unchecked(prev[u] = w);
  unchecked(next[z] = nw); unchecked(prev[nw] = z);
  updateRoute(ru);
  if (rw != ru) updateRoute(rw);
}
