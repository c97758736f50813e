// Plan stability in move evaluation: the exact change of the stability cost when
// a chain of stops changes vehicle, for the operators' distance-only shortcuts
// (their full evaluations price it through the segment summaries, segments.ts).
import { endSite } from "./model";
import { hasStability, stabilityCost, siteHome } from "./homes";
import { next, prev, routeOf } from "./solution";
import { prefixField, accField, homedAt } from "./segments";
import { rangeStrangers } from "./accumulator";

/**
 * Strangers among the stops first … last (consecutive on one route) if `vehicle` served them. O(1) on
 * their own vehicle or when the chain holds no stranger of its own vehicle (its homed stops are then all
 * strangers elsewhere); otherwise one walk over the chain.
 */
export function chainStrangers(first: i32, last: i32, vehicle: i32): i64 {
  const before = unchecked(prev[first]);
  const own = prefixStrangers(last) - prefixStrangers(before);
  if (vehicle == unchecked(routeOf[first])) return own;
  if (own == 0) return prefixHomed(last) - prefixHomed(before);
  return rangeStrangers(first, last, vehicle, next);
}

/**
 * Change of the stability cost when the chain first … last (consecutive on one route) moves to `vehicle`'s
 * route. Inline so that without stability the operators' shortcuts pay one flag test.
 */
// @ts-ignore: decorator
@inline export function chainMoveCost(first: i32, last: i32, vehicle: i32): f64 {
  return hasStability ? chainMoveDelta(first, last, vehicle) : 0;
}

function chainMoveDelta(first: i32, last: i32, vehicle: i32): f64 {
  const route = unchecked(routeOf[first]);
  if (vehicle == route) return 0;
  return stabilityCost * <f64>(chainStrangers(first, last, vehicle) - chainStrangers(first, last, route));
}

/** Stability cost of route r as it stands (0 without stability). */
export function routeStability(route: i32): f64 {
  return hasStability ? stabilityCost * <f64>prefixStrangers(endSite(route)) : 0;
}

/** Stability cost of site u (unassigned or not) if `vehicle` served it. */
// @ts-ignore: decorator
@inline export function stopStability(u: i32, vehicle: i32): f64 {
  if (!hasStability) return 0;
  const home = unchecked(siteHome[u]);
  return home >= 0 && home != vehicle ? stabilityCost : 0;
}

/** Strangers of the prefix ending at site, counted against its route's vehicle (0 without stability). */
// @ts-ignore: decorator
@inline export function prefixStrangers(site: i32): i64 {
  return hasStability ? prefixField(site, homedAt + 1) : 0;
}

/** Stops with a home vehicle in the prefix ending at site (0 without stability). */
// @ts-ignore: decorator
@inline export function prefixHomed(site: i32): i64 {
  return hasStability ? prefixField(site, homedAt) : 0;
}

/** Strangers of the accumulated segment, counted against its vehicle (0 without stability). */
export function accStrangers(): i64 {
  return hasStability ? accField(homedAt + 1) : 0;
}
