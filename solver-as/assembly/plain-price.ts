// Exact pricing in O(dims) for plans whose routes cost only fixed + distance and can break only
// their capacity: plain capacitated problems (CVRPLIB X and days without windows, limits or skills).
// There the whole route record (segments.ts) would find nothing the distance change and the load
// summaries of the stored prefix and suffix do not already say, so insertion, relocate, swap and 2-opt*
// read those instead.
import { windowCount, dims, capacity, vehicleFixedCost, vehicleCostPerM, isEndSite, nodeCount, depotCount } from "./model";
import {
  durationFree, neverLate, hasLimits, hasOwners, hasBans, hasLocks, hasWindowCosts, hasBreaks, hasOvertime, siteDemand, sitePickup,
} from "./model-derived";
import { hasStability } from "./homes";
import { next, routeDistance, routeCost, routeExcess } from "./solution";
import { siteDistance } from "./matrix";
import { prefixField, suffixField, F_LOAD, F_DIST } from "./segments";
import { relaxed, loadPriced, loadPrice } from "./route-cost";
import { INFEASIBLE } from "./types";

/**
 * True when a route's cost is its vehicle's fixed cost plus cost per metre times distance, and its
 * only rule that can break is capacity: no one pays per second or for overtime, no route can be late
 * (model-derived.ts neverLate), no limits, owners, bans, locks, breaks, window costs, window choice or stability.
 */
export let plainPricing: bool = false;

/**
 * True under plainPricing when no stop both delivers and collects on a route in a way its order matters:
 * every stop only delivers, or every stop only collects. A route's load peak is then its total, whatever
 * the order, so moves within one route keep its overload.
 */
export let orderFreeLoads: bool = false;

/** Decides plainPricing and orderFreeLoads for the prepared model (after prepareHomes). */
export function decidePlainPricing(): void {
  plainPricing = durationFree && neverLate && !hasLimits && !hasOwners && !hasBans && !hasLocks && !hasWindowCosts
    && !hasBreaks && !hasOvertime && windowCount == 1 && !hasStability;
  let delivers = false; let collects = false;
  for (let i = depotCount * dims, count = nodeCount * dims; i < count; i++) {
    if (unchecked(siteDemand[i]) != 0) delivers = true;
    if (unchecked(sitePickup[i]) != 0) collects = true;
  }
  orderFreeLoads = plainPricing && !(delivers && collects);
  decidedPlain = plainPricing;
  decidedOrderFree = orderFreeLoads;
}

let decidedPlain: bool = false;
let decidedOrderFree: bool = false;

/** What decidePlainPricing found for this model, whatever the test hook set since (the schedule reads it). */
export function plainDecided(): bool {
  return decidedPlain;
}

/**
 * Test hook: `on` false prices every move with whole route records even where plainPricing was decided,
 * true puts back what the model decided. Returns 1 when plainPricing was decided, + 2 orderFreeLoads,
 * + 4 neverLate.
 */
export function setPlainPricing(on: bool): i32 {
  plainPricing = on && decidedPlain;
  orderFreeLoads = on && decidedOrderFree;
  return (decidedPlain ? 1 : 0) + (decidedOrderFree ? 2 : 0) + (neverLate ? 4 : 0);
}

/**
 * Units over `route`'s capacity, summed over dimensions, of the route made of the stored prefix through
 * `before`, the chain first … last (following next; none when first < 0) and the stored suffix from `after`
 * (none when it is an end site): the load summaries merged per dimension as the accumulator merges them.
 */
export function plainExcess(route: i32, before: i32, first: i32, last: i32, after: i32): i64 {
  const k = dims;
  const suffix = !isEndSite(after);
  let excess: i64 = 0;
  for (let d = 0; d < k; d++) {
    const at = F_LOAD + 3 * d;
    let picked = prefixField(before, at + 1);
    let peak = prefixField(before, at + 2);
    if (first >= 0) {
      let site = first;
      while (true) {
        const delivered = <i64>unchecked(siteDemand[site * k + d]);
        const collected = <i64>unchecked(sitePickup[site * k + d]);
        peak = max<i64>(peak + delivered, max<i64>(delivered, collected) + picked);
        picked += collected;
        if (site == last) break;
        site = unchecked(next[site]);
      }
    }
    if (suffix) peak = max<i64>(peak + suffixField(after, at), suffixField(after, at + 2) + picked);
    excess += max<i64>(peak - <i64>unchecked(capacity[route * k + d]), 0);
  }
  return excess;
}

/**
 * Metres the stored route drives from site `from` to the later site `to` of the same route: the difference of
 * their stored prefixes. Under plainPricing (no breaks: one matrix leg per arc) it equals the matrix legs
 * between them, and hot code reads it instead of matrix rows of sites met at random.
 */
// @ts-ignore: decorator
@inline export function storedDistance(from: i32, to: i32): i64 {
  return prefixField(to, F_DIST) - prefixField(from, F_DIST);
}

/**
 * Cost of `route` with `distance` metres and `excess` units over capacity, as accRouteCost sums it (same
 * terms, same order: the same to the last bit); INFEASIBLE when overloaded and load is not priced.
 */
export function plainRouteCost(route: i32, distance: i64, excess: i64): f64 {
  if (excess > 0 && !loadPriced()) return INFEASIBLE;
  let cost = unchecked(vehicleFixedCost[route]) + unchecked(vehicleCostPerM[route]) * <f64>distance;
  // accViolationCost adds warpPrice · 0 first: +0 leaves the sum as it is.
  if (relaxed) cost += loadPrice * <f64>excess;
  return cost;
}

/**
 * Cost change of inserting stop u between site w and nw (route `route`, `size` sites before the insertion,
 * `added` metres more), as routeCostWith − routeCost finds it under plainPricing.
 */
export function plainInsertDelta(u: i32, w: i32, nw: i32, route: i32, size: i32, added: i64): f64 {
  // An empty route's stored distance is 0, not its start-to-end leg.
  const distance = (size == 0 ? siteDistance(w, nw) : unchecked(routeDistance[route])) + added;
  const cost = plainRouteCost(route, distance, plainExcess(route, w, u, u, nw));
  return cost == INFEASIBLE ? INFEASIBLE : cost - unchecked(routeCost[route]);
}

/**
 * Cost of `route` after a move inside it that changes its distance by `delta` (orderFreeLoads: its overload
 * stays what it is).
 */
export function plainSameRouteCost(route: i32, delta: i64): f64 {
  return plainRouteCost(route, unchecked(routeDistance[route]) + delta, unchecked(routeExcess[route]));
}
