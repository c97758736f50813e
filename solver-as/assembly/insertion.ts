// Cheapest feasible position of one unassigned stop or shipment: over every position of every route
// (one empty route per vehicle class), next to its neighbours, or on its neighbours' routes. The search
// leaves its answer in insertionSite / insertionSite2 / insertionWindow; construct.ts applies it.
import { siteDistance, siteDistanceInto } from "./matrix";
import {
  vehicleCount, endSite, startSite, vehicleCostPerM, vehicleFixedCost, windowCount, windowUsed, partnerOf, vehicleProfile,
  dims, capacity,
} from "./model";
import { durationFree, chooseWindow, chosenWindow, symmetricTravel, siteDemand, sitePickup } from "./model-derived";
import {
  next, prev, routeOf, routeSize, routeStops, routeCost, lastStop, routeWarp, emptyRoutesClock,
} from "./solution";
import { accField, F_WARP, F_DIST, F_LOAD, prefixField, insertionWarp } from "./segments";
import { accFromPrefix, accAppendSite, accAppendSuffix, accSave, accRestore } from "./accumulator";
import { accRouteCost, warpPriced, warpPrice, loadPriced } from "./route-cost";
import { neighbours, neighbourCount } from "./neighbours";
import { nextFloat } from "./rng";
import { stopStability } from "./stability";
import { vehicleClass } from "./fleet";
import { INFEASIBLE } from "./types";
import { plainPricing, plainInsertDelta, decidePlainPricing } from "./plain-price";
import { emptyRouteCannotBeat, routeRefusesStop, routeRefusesPair } from "./construct-prune";

/** Site after which the last bestInsertion call found the best position (−1: none). */
export let insertionSite: i32 = -1;
/** For a pair insertion: the site after which the delivery goes (the pickup's own site when right after it). */
export let insertionSite2: i32 = -1;
/** Window slot of the stop at that position. */
export let insertionWindow: i32 = 0;
/** Window slot the last evaluateInsertAnyWindow found best. */
let evaluatedWindow: i32 = 0;
/** [V] scratch: stamp per vehicle class so only one empty route per class is tried. */
let classStamp = new StaticArray<i32>(0);
let stamp: i32 = 0;
/**
 * [V] the first empty route of each vehicle class, in route order (emptyFirstCount valid), as
 * firstEmptyOfClass finds them; rebuilt only when a route has emptied or filled since (emptyRoutesClock),
 * so an insertion does not walk the whole fleet for them.
 */
let emptyFirsts = new StaticArray<i32>(0);
let emptyFirstCount: i32 = 0;
let emptyFirstsClock: i32 = -1;
/** Evaluations performed (work counter for budgets). */
export let insertionEvaluations: i64 = 0;

/** [V] scratch: stamp per route so granular pair insertion scans each neighbour's route once. */
let routeStamp = new StaticArray<i32>(0);
/**
 * True while constructPlan builds the first plan of a problem above GRANULAR_CONSTRUCT_NODES nodes: routes
 * that cannot take the stop, or whose best position could not win, are then skipped unevaluated
 * (construct-prune.ts; the plan stays the same).
 */
let largeConstruct = false;
/** Sets largeConstruct (construct.ts constructPlan, around the first plan). */
export function setLargeConstruct(on: bool): void { largeConstruct = on; }

/** Allocates the insertion scratch (construct.ts setupConstruct). */
export function setupInsertion(): void {
  classStamp = new StaticArray<i32>(vehicleCount);
  emptyFirsts = new StaticArray<i32>(vehicleCount);
  emptyFirstCount = 0;
  emptyFirstsClock = -1;
  decidePlainPricing();
  routeStamp = new StaticArray<i32>(vehicleCount);
  stamp = 0;
}

/**
 * Cost change of inserting unassigned stop u right after site w, or a value
 * ≥ `threshold` (possibly inexact) when it cannot beat `threshold`; INFEASIBLE
 * if a rule breaks.
 */
export function evaluateInsert(u: i32, w: i32, threshold: f64): f64 {
  insertionEvaluations++;
  const route = unchecked(routeOf[w]);
  const nw = unchecked(next[w]);
  const size = unchecked(routeSize[route]);
  if (durationFree) {
    const added = siteDistanceInto(w, u) + siteDistance(u, nw) - siteDistance(w, nw);
    let bound = unchecked(vehicleCostPerM[route]) * <f64>added + stopStability(u, route);
    if (size == 0) {
      bound += unchecked(vehicleFixedCost[route]) + unchecked(vehicleCostPerM[route]) * <f64>siteDistance(w, nw);
    }
    if (bound >= threshold) return bound;
    if (plainPricing) return plainInsertDelta(u, w, nw, route, size, added);
    // Most positions of a plan with tight windows make the route late: the time fields alone say so.
    const warp = insertionWarp(w, u, u, nw, endSite(route), unchecked(vehicleProfile[route]), next);
    if (warp > 0) {
      if (!warpPriced()) return INFEASIBLE;
      // Priced lateness: the new route's warp and overload are at least what they add to the old one's.
      bound += warpPrice * <f64>(warp - unchecked(routeWarp[route]));
      if (bound >= threshold) return bound;
    }
  }
  return routeCostWith(route, w, u, nw) - unchecked(routeCost[route]);
}

/** Cost of route `route` as its prefix through `before`, then stop u, then its sites from `after` on. */
export function routeCostWith(route: i32, before: i32, u: i32, after: i32): f64 {
  accFromPrefix(before, route);
  accAppendSite(u);
  accAppendSuffix(after, lastStop(route), route, next);
  accAppendSite(endSite(route));
  return accRouteCost(route);
}

/**
 * evaluateInsert over every window of u (sets evaluatedWindow); with one window per node
 * exactly evaluateInsert. The stop keeps its best window's slot chosen afterwards.
 */
export function evaluateInsertAnyWindow(u: i32, w: i32, threshold: f64): f64 {
  if (windowCount == 1) { evaluatedWindow = 0; return evaluateInsert(u, w, threshold); }
  let best: f64 = INFEASIBLE;
  let bestSlot = unchecked(chosenWindow[u]);
  for (let slot = 0; slot < windowCount; slot++) {
    if (!windowUsed(u, slot)) continue;
    chooseWindow(u, slot);
    const delta = evaluateInsert(u, w, min(threshold, best));
    if (delta < best) { best = delta; bestSlot = slot; }
  }
  chooseWindow(u, bestSlot);
  evaluatedWindow = bestSlot;
  return best;
}

/**
 * scanRoute under plainPricing with symmetric travel: the same positions, blinks, prices and answer, with
 * one matrix read per position instead of three. The arc w → nw is read from the stored prefixes (its
 * distance is their difference: no breaks, one leg per arc), and d(w, u) is the d(u, nw) read one
 * position before (symmetric). The stored prefixes are a few cache lines; the matrix rows of w are not.
 */
function scanRoutePlain(u: i32, route: i32, best: f64, blink: f64): f64 {
  const end = endSite(route);
  const size = unchecked(routeSize[route]);
  const perM = unchecked(vehicleCostPerM[route]);
  let w = startSite(route);
  let arcStart = prefixField(w, F_DIST);
  let intoW: i64 = 0;
  let intoWKnown = false;
  while (w != end) {
    const nw = unchecked(next[w]);
    const arcEnd = prefixField(nw, F_DIST);
    if (blink <= 0 || nextFloat() >= blink) {
      insertionEvaluations++;
      const fromW = intoWKnown ? intoW : siteDistanceInto(w, u);
      const toNext = siteDistance(u, nw);
      const arc = arcEnd - arcStart;
      const added = fromW + toNext - arc;
      let bound = perM * <f64>added;
      if (size == 0) bound += unchecked(vehicleFixedCost[route]) + perM * <f64>arc;
      if (bound < best) {
        const delta = plainInsertDelta(u, w, nw, route, size, added);
        if (delta < best) { best = delta; insertionSite = w; insertionWindow = 0; }
      }
      intoW = toNext;
      intoWKnown = true;
    } else {
      intoWKnown = false;
    }
    arcStart = arcEnd;
    w = nw;
  }
  evaluatedWindow = 0;
  return best;
}

/** Tries every position of route r; updates best. Blinks (skips) each position with probability `blink`. */
function scanRoute(u: i32, route: i32, best: f64, blink: f64): f64 {
  if (plainPricing && symmetricTravel) return scanRoutePlain(u, route, best, blink);
  let w = startSite(route);
  const end = endSite(route);
  while (w != end) {
    if (blink <= 0 || nextFloat() >= blink) {
      const delta = evaluateInsertAnyWindow(u, w, best);
      if (delta < best) { best = delta; insertionSite = w; insertionWindow = evaluatedWindow; }
    }
    w = unchecked(next[w]);
  }
  return best;
}

/** Whether bestInsertion skips the routes that cannot carry the stop (test hook: off to compare the plans). */
let skipFullRoutes = true;
/** Sets skipFullRoutes. */
export function setSkipFullRoutes(on: bool): void { skipFullRoutes = on; }

/**
 * True when no position of route `route` can take stop u (not part of a shipment) within capacity: with u, what
 * the route delivers, or what it picks up, would exceed a dimension of its vehicle's capacity, and the vehicle
 * carries all of the first when it leaves and all of the second when it is back. False while the penalised search
 * prices overload (an overloaded position is then a price, not a refusal).
 */
export function routeCannotCarry(route: i32, u: i32): bool {
  if (loadPriced() || partnerOf(u) >= 0) return false;
  const k = dims;
  const end = endSite(route);
  for (let d = 0; d < k; d++) {
    const room = <i64>unchecked(capacity[route * k + d]);
    if (prefixField(end, F_LOAD + 3 * d) + <i64>unchecked(siteDemand[u * k + d]) > room) return true;
    if (prefixField(end, F_LOAD + 3 * d + 1) + <i64>unchecked(sitePickup[u * k + d]) > room) return true;
  }
  return false;
}

/**
 * scanRoute, except that a route that cannot carry u is not walked: every position there would be refused, so the
 * answer is the same. The blinks are still drawn, one per position, and the positions not blinked count as
 * evaluated (`insertionEvaluations`, the unit of a work budget), so the random stream and the work are what the
 * walk would have used: a run makes the same steps and ends on the same plan, in less time. On a day with more
 * orders than the fleet can carry, most of the routes recreate tries are full.
 */
function scanRouteOrSkip(u: i32, route: i32, best: f64, blink: f64): f64 {
  if (!skipFullRoutes || !routeCannotCarry(route, u)) return scanRoute(u, route, best, blink);
  const positions = unchecked(routeSize[route]) + 1;
  let evaluated: i64 = positions;
  if (blink > 0) {
    evaluated = 0;
    for (let i = 0; i < positions; i++) if (nextFloat() >= blink) evaluated++;
  }
  if (!(plainPricing && symmetricTravel) && windowCount > 1) {
    let slots = 0;
    for (let slot = 0; slot < windowCount; slot++) if (windowUsed(u, slot)) slots++;
    evaluated *= <i64>slots;
  }
  insertionEvaluations += evaluated;
  return best;
}

/** Cheapest position of stop u in route `route` alone, blinking none; sets insertionSite (−1: none feasible). */
export function bestInRoute(u: i32, route: i32): f64 {
  insertionSite = -1;
  return scanRoute(u, route, INFEASIBLE, 0);
}

/** True for an empty route whose vehicle class has not been tried since the last `stamp++` (one per class). */
function firstEmptyOfClass(route: i32): bool {
  if (unchecked(routeStops[route]) != 0) return false;
  const cls = unchecked(vehicleClass[route]);
  if (unchecked(classStamp[cls]) == stamp) return false;
  unchecked(classStamp[cls] = stamp);
  return true;
}

/** Brings emptyFirsts up to date with the plan. O(V) when some route emptied or filled, else O(1). */
function refreshEmptyFirsts(): void {
  if (emptyFirstsClock == emptyRoutesClock) return;
  emptyFirstsClock = emptyRoutesClock;
  stamp++;
  emptyFirstCount = 0;
  for (let route = 0; route < vehicleCount; route++) {
    if (firstEmptyOfClass(route)) unchecked(emptyFirsts[emptyFirstCount++] = route);
  }
}

/** Tries the first empty route of every vehicle class. */
function scanEmptyRoutes(u: i32, best: f64): f64 {
  refreshEmptyFirsts();
  for (let i = 0; i < emptyFirstCount; i++) {
    const route = unchecked(emptyFirsts[i]);
    if (largeConstruct && (emptyRouteCannotBeat(route, u, best) || routeRefusesStop(route, u))) continue;
    // An unused vehicle's route may still hold its breaks: the stop may go before or after each.
    if (unchecked(routeSize[route]) > 0) { best = scanRoute(u, route, best, 0); continue; }
    const delta = evaluateInsertAnyWindow(u, startSite(route), best);
    if (delta < best) { best = delta; insertionSite = startSite(route); insertionWindow = evaluatedWindow; }
  }
  return best;
}

/** Cheapest insertion of unassigned stop u over all routes; sets insertionSite. */
export function bestInsertion(u: i32, blink: f64): f64 {
  insertionSite = -1;
  let best: f64 = INFEASIBLE;
  for (let route = 0; route < vehicleCount; route++) {
    if (unchecked(routeStops[route]) == 0 || (largeConstruct && routeRefusesStop(route, u))) continue;
    best = scanRouteOrSkip(u, route, best, blink);
  }
  return scanEmptyRoutes(u, best);
}

/**
 * Cheapest insertion restricted to positions next to u's neighbours (and empty
 * routes); falls back to bestInsertion when none of them is feasible.
 */
export function granularInsertion(u: i32, blink: f64): f64 {
  insertionSite = -1;
  let best: f64 = INFEASIBLE;
  const k = neighbourCount;
  for (let i = 0; i < k; i++) {
    const v = unchecked(neighbours[u * k + i]);
    if (unchecked(routeOf[v]) < 0) continue;
    if (largeConstruct && routeRefusesStop(unchecked(routeOf[v]), u)) continue;
    if (blink > 0 && nextFloat() < blink) continue;
    let delta = evaluateInsertAnyWindow(u, v, best);
    if (delta < best) { best = delta; insertionSite = v; insertionWindow = evaluatedWindow; }
    const before = unchecked(prev[v]);
    delta = evaluateInsertAnyWindow(u, before, best);
    if (delta < best) { best = delta; insertionSite = before; insertionWindow = evaluatedWindow; }
  }
  best = scanEmptyRoutes(u, best);
  if (insertionSite < 0) return bestInsertion(u, 0);
  return best;
}

/**
 * Cheapest insertion over every position of the routes that hold one of u's neighbours (and empty
 * routes); falls back to bestInsertion when none of them is feasible.
 */
export function neighbourRoutesInsertion(u: i32, blink: f64): f64 {
  insertionSite = -1;
  let best: f64 = INFEASIBLE;
  const k = neighbourCount;
  stamp++;
  for (let i = 0; i < k; i++) {
    const route = unchecked(routeOf[unchecked(neighbours[u * k + i])]);
    if (route < 0 || route >= vehicleCount || unchecked(routeStamp[route]) == stamp) continue;
    unchecked(routeStamp[route] = stamp);
    best = scanRouteOrSkip(u, route, best, blink);
  }
  best = scanEmptyRoutes(u, best);
  if (insertionSite < 0) return bestInsertion(u, 0);
  return best;
}

/**
 * Best insertion of the unassigned pair (pickup p, delivery d) into route r: p after some site a,
 * d after some site b at or after a. The prefix through p is extended one stop at a time, so each
 * candidate costs O(1) beyond the walk: O(size²) per route. Updates insertionSite/insertionSite2.
 */
function scanRoutePair(p: i32, d: i32, route: i32, best: f64, blink: f64): f64 {
  const end = endSite(route);
  const size = unchecked(routeSize[route]);
  const current = unchecked(routeCost[route]);
  let a = startSite(route);
  while (a != end) {
    const na = unchecked(next[a]);
    if (blink > 0 && nextFloat() < blink) { a = na; continue; }
    if (durationFree) {
      // The pair costs at least the detour of its pickup alone (triangle inequality).
      let bound = unchecked(vehicleCostPerM[route]) * <f64>(siteDistance(a, p) + siteDistance(p, na) - siteDistance(a, na))
        + stopStability(p, route) + stopStability(d, route);
      if (size == 0) bound += unchecked(vehicleFixedCost[route]) + unchecked(vehicleCostPerM[route]) * <f64>siteDistance(a, na);
      if (bound >= best) { a = na; continue; }
    }
    accFromPrefix(a, route);
    accAppendSite(p);
    let b = a;
    while (accField(F_WARP) == 0) {
      accSave();
      insertionEvaluations++;
      accAppendSite(d);
      accAppendSuffix(unchecked(next[b]), lastStop(route), route, next);
      accAppendSite(end);
      const delta = accRouteCost(route) - current;
      if (delta < best) { best = delta; insertionSite = a; insertionSite2 = b == a ? p : b; }
      const nb = unchecked(next[b]);
      if (nb == end) break;
      accRestore();
      accAppendSite(nb);
      b = nb;
    }
    a = na;
  }
  return best;
}

/** Scans the routes of the routed neighbours of `u` not scanned yet in this call (routeStamp == stamp). */
function scanNeighbourRoutesPair(u: i32, p: i32, d: i32, best: f64, blink: f64): f64 {
  const k = neighbourCount;
  for (let i = 0; i < k; i++) {
    const route = unchecked(routeOf[unchecked(neighbours[u * k + i])]);
    if (route < 0 || route >= vehicleCount || unchecked(routeStamp[route]) == stamp) continue;
    unchecked(routeStamp[route] = stamp);
    if (largeConstruct && routeRefusesPair(route, p, d)) continue;
    best = scanRoutePair(p, d, route, best, blink);
  }
  return best;
}

/**
 * Cheapest insertion of an unassigned shipment (pickup p) over all routes, or with `granular` over the
 * routes of p's and its delivery's neighbours (all routes when none of those fits); sets insertionSite
 * and insertionSite2.
 */
export function bestPairInsertion(p: i32, blink: f64, granular: bool = false): f64 {
  const d = partnerOf(p);
  insertionSite = -1; insertionSite2 = -1;
  let best: f64 = INFEASIBLE;
  if (granular) {
    stamp++;
    best = scanNeighbourRoutesPair(p, p, d, best, blink);
    best = scanNeighbourRoutesPair(d, p, d, best, blink);
  }
  if (!granular || insertionSite < 0) {
    for (let route = 0; route < vehicleCount; route++) {
      if (unchecked(routeStops[route]) == 0 || (largeConstruct && routeRefusesPair(route, p, d))) continue;
      best = scanRoutePair(p, d, route, best, blink);
    }
  }
  stamp++;
  for (let route = 0; route < vehicleCount; route++) {
    if (!firstEmptyOfClass(route)) continue;
    if (largeConstruct && (emptyRouteCannotBeat(route, p, best) || routeRefusesPair(route, p, d))) continue;
    best = scanRoutePair(p, d, route, best, 0);
  }
  return best;
}
