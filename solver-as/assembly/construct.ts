// Insertion of unassigned stops: the cheapest feasible position over every
// route (one empty route per vehicle class), used to build the first plan and
// by ruin-and-recreate. Stops with no feasible position stay unassigned. Large
// first plans look only next to each stop's neighbours; recreate in a large
// plan looks at every position of the routes that hold its neighbours.
import { siteDistance, siteDistanceInto } from "./matrix";
import {
  nodeCount, depotCount, vehicleCount, endSite, startSite, durationFree,
  vehicleCostPerM, vehicleFixedCost, unassignedPenalty, dims, siteDemand, windowCount, windowUsed, chooseWindow,
  chosenWindow, hasPairs, partnerOf, isPickupSite, hasBreaks, isBreak, siteOwner, siteSeq, vehicleProfile,
} from "./model";
import {
  next, prev, routeOf, routeSize, routeStops, routeCost, linkAfter, updateRoute, countUnassigned, lastStop, unlink, pos, routeWarp,
  emptyRoutesClock,
} from "./solution";
import { accFromPrefix, accAppendSite, accAppendSuffix, accSave, accRestore, accField, F_WARP, insertionWarp } from "./segments";
import { accRouteCost, warpPriced, warpPrice } from "./route-cost";
import { neighbours, neighbourCount } from "./neighbours";
import { nextFloat, nextInt } from "./rng";
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
 * Above this many nodes the first plan inserts each stop only next to its neighbours (and into empty
 * routes), not at every position of every route: construction is then O(N·k) instead of O(N²).
 */
export const GRANULAR_CONSTRUCT_NODES: i32 = 2000;

/**
 * True while constructPlan builds the first plan of a problem above GRANULAR_CONSTRUCT_NODES nodes: routes
 * that cannot take the stop, or whose best position could not win, are then skipped unevaluated
 * (construct-prune.ts; the plan stays the same).
 */
let largeConstruct = false;
/** Test hook: false builds large first plans without those skips (to compare the plans). */
let pruneLargeConstruct = true;
export function setConstructPruning(on: bool): void { pruneLargeConstruct = on; }

/** [S] scratch: stops in construction order. */
let constructOrder = new StaticArray<i32>(0);
/** [S] scratch: sort key of each entry of constructOrder. */
let constructKey = new StaticArray<f64>(0);

/** Allocates the insertion scratch. */
export function setupConstruct(): void {
  classStamp = new StaticArray<i32>(vehicleCount);
  emptyFirsts = new StaticArray<i32>(vehicleCount);
  emptyFirstCount = 0;
  emptyFirstsClock = -1;
  decidePlainPricing();
  routeStamp = new StaticArray<i32>(vehicleCount);
  stamp = 0;
  const stops = max(nodeCount - depotCount, 1);
  constructOrder = new StaticArray<i32>(stops);
  constructKey = new StaticArray<f64>(stops);
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

/** Tries every position of route r; updates best. Blinks (skips) each position with probability `blink`. */
function scanRoute(u: i32, route: i32, best: f64, blink: f64): f64 {
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
    best = scanRoute(u, route, best, blink);
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
    best = scanRoute(u, route, best, blink);
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

/** Inserts the shipment of pickup p as bestPairInsertion found it (pickup after insertionSite, delivery after insertionSite2). */
export function insertPair(p: i32): void {
  const d = partnerOf(p);
  const after = insertionSite; const deliveryAfter = insertionSite2;
  linkAfter(p, after);
  linkAfter(d, deliveryAfter);
  updateRoute(unchecked(routeOf[after]));
  countUnassigned(p, false);
  countUnassigned(d, false);
}

/**
 * Inserts unassigned stop u at its cheapest position when that beats leaving it out; a shipment
 * goes in whole (handled at its pickup; its delivery side is skipped).
 */
function insertCheapest(u: i32, blink: f64, granular: bool): void {
  if (hasBreaks && isBreak(u)) return; // breaks stay on their own vehicle (placeBreaks)
  if (hasPairs && partnerOf(u) >= 0) {
    if (!isPickupSite(u) || unchecked(routeOf[u]) >= 0) return;
    const delta = bestPairInsertion(u, blink, granular && nodeCount > GRANULAR_CONSTRUCT_NODES);
    const penalty = unchecked(unassignedPenalty[u]) + unchecked(unassignedPenalty[partnerOf(u)]);
    if (insertionSite >= 0 && delta < penalty) insertPair(u);
    return;
  }
  const delta = routeScan ? recreateInsertion(u, blink, granular) : granular ? granularInsertion(u, blink) : bestInsertion(u, blink);
  if (insertionSite >= 0 && delta < unchecked(unassignedPenalty[u])) insertStop(u, insertionSite, insertionWindow);
}

/**
 * Takes off any shipment an initial plan left broken (one side missing, on another route, or
 * delivery first); construction then inserts it whole. O(N).
 */
export function repairPairs(): void {
  for (let u = depotCount; u < nodeCount; u++) {
    const partner = partnerOf(u);
    const route = unchecked(routeOf[u]);
    if (partner < 0 || route < 0) continue;
    const whole = unchecked(routeOf[partner]) == route
      && (isPickupSite(u) ? unchecked(pos[u]) < unchecked(pos[partner]) : unchecked(pos[u]) > unchecked(pos[partner]));
    if (whole) continue;
    unlink(u);
    countUnassigned(u, true);
    if (unchecked(routeOf[partner]) >= 0) {
      const other = unchecked(routeOf[partner]);
      unlink(partner);
      countUnassigned(partner, true);
      if (other != route) updateRoute(other);
    }
    updateRoute(route);
  }
}

/**
 * Puts every unplaced driver break into its vehicle's route at its cheapest feasible position (an
 * empty route takes its breaks in node order, which encode sorts by window). When the route's
 * stops leave no room, its free stops (and breaks placed so far) go back out and its breaks are
 * placed again first; a break that still does not fit stays out and the plan's checker reports it.
 */
export function placeBreaks(): void {
  if (!hasBreaks) return;
  for (let pass = 0; pass < 2; pass++) {
    for (let b = depotCount; b < nodeCount; b++) {
      if (!isBreak(b) || unchecked(routeOf[b]) >= 0) continue;
      const route = unchecked(siteOwner[b]);
      if (route < 0) continue;
      if (unchecked(routeStops[route]) == 0) { insertStop(b, lastStop(route), firstUsedWindow(b)); continue; }
      insertionSite = -1;
      scanRoute(b, route, INFEASIBLE, 0);
      if (insertionSite >= 0) insertStop(b, insertionSite, insertionWindow);
      else if (pass == 0) clearRoute(route);
    }
  }
}

function firstUsedWindow(node: i32): i32 {
  for (let slot = 0; slot < windowCount; slot++) if (windowUsed(node, slot)) return slot;
  return 0;
}

/**
 * Takes every stop of the route that is not locked, its breaks and any stop paired with one of them
 * off it (placeBreaks then puts the breaks back first).
 */
function clearRoute(route: i32): void {
  const end = endSite(route);
  let site = unchecked(next[startSite(route)]);
  while (site != end) {
    const following = unchecked(next[site]);
    const partner = partnerOf(site);
    const free = unchecked(siteSeq[site]) < 0 || (partner >= 0 && unchecked(siteSeq[partner]) < 0);
    if (isBreak(site) || free) {
      unlink(site);
      countUnassigned(site, true);
    }
    site = following;
  }
  updateRoute(route);
}

/** Inserts unassigned stop u after site w, serving it in window slot `slot`, and refreshes the route. */
export function insertStop(u: i32, w: i32, slot: i32): void {
  if (windowCount > 1) chooseWindow(u, slot);
  linkAfter(u, w);
  updateRoute(unchecked(routeOf[w]));
  countUnassigned(u, false);
}


/** Orders the stops farthest-first from vehicle 0's start depot (insertion sort on a copy; construction only). */
function orderFarthestFirst(): void {
  const stops = nodeCount - depotCount;
  for (let i = 0; i < stops; i++) {
    const u = depotCount + i;
    const key = -<f64>siteDistance(startSite(0), u);
    let slot = i;
    while (slot > 0 && constructKey[slot - 1] > key) {
      constructKey[slot] = constructKey[slot - 1];
      constructOrder[slot] = constructOrder[slot - 1];
      slot--;
    }
    constructKey[slot] = key;
    constructOrder[slot] = u;
  }
}

/**
 * Builds the first plan: stops farthest from vehicle 0's depot first, each at its cheapest position
 * (among the positions next to its neighbours above GRANULAR_CONSTRUCT_NODES nodes).
 */
export function constructPlan(): void {
  if (vehicleCount == 0) return;
  orderFarthestFirst();
  const granular = nodeCount > GRANULAR_CONSTRUCT_NODES;
  largeConstruct = granular && pruneLargeConstruct;
  for (let i = 0; i < nodeCount - depotCount; i++) {
    const u = constructOrder[i];
    if (unchecked(routeOf[u]) >= 0) continue;
    insertCheapest(u, 0, granular);
  }
  largeConstruct = false;
}

/** True while recreate inserts (the first plan inserts otherwise: above GRANULAR_CONSTRUCT_NODES only next to neighbours). */
let routeScan = false;

/**
 * Recreate's cheapest insertion: at every position of every route, or with `granular` (large plans)
 * at every position of the routes that hold one of the stop's neighbours.
 */
function recreateInsertion(u: i32, blink: f64, granular: bool): f64 {
  return granular ? neighbourRoutesInsertion(u, blink) : bestInsertion(u, blink);
}

/** Recreate order weights of SISR: random, largest demand, farthest, closest (4 : 4 : 2 : 1). */
const ORDER_WEIGHTS: i32 = 11;

/** Sort key of stop u for recreate order `mode` (ascending keys are inserted first). */
function recreateKey(u: i32, mode: i32): f64 {
  if (mode < 4) return nextFloat();
  if (mode < 8) {
    let total: f64 = 0;
    for (let d = 0; d < dims; d++) total += <f64>unchecked(siteDemand[u * dims + d]);
    return -total;
  }
  const distance = <f64>siteDistance(startSite(0), u);
  return mode < 10 ? -distance : distance;
}

/**
 * SISR recreate: sorts list[0..count) by a randomly chosen order, then inserts
 * each stop at its cheapest position, skipping each position with probability
 * `blink`. A stop whose best insertion costs more than its penalty stays out.
 */
export function recreate(list: StaticArray<i32>, count: i32, blink: f64, granular: bool): void {
  routeScan = true;
  const mode = nextInt(ORDER_WEIGHTS);
  for (let i = 0; i < count; i++) {
    const u = unchecked(list[i]);
    const key = recreateKey(u, mode);
    let slot = i;
    while (slot > 0 && unchecked(constructKey[slot - 1]) > key) {
      unchecked(constructKey[slot] = constructKey[slot - 1]);
      unchecked(list[slot] = list[slot - 1]);
      slot--;
    }
    unchecked(constructKey[slot] = key);
    unchecked(list[slot] = u);
  }
  for (let i = 0; i < count; i++) {
    insertCheapest(unchecked(list[i]), blink, granular);
  }
  routeScan = false;
}

/**
 * Insertion cost of assigned stop u elsewhere, the plan left as it was (test hook): u and its first
 * `alongside` routed neighbours come out (as a ruin takes a region), then u is priced with `mode` 0
 * every position of every route, 1 next to its neighbours, 2 the routes of its neighbours, 3 as
 * recreate inserts it in a plan of this size (`granular` as the anneal passes it).
 */
export function insertionCostElsewhere(u: i32, alongside: i32, mode: i32, granular: bool): f64 {
  const taken = new StaticArray<i32>(alongside + 1);
  const after = new StaticArray<i32>(alongside + 1);
  let count = 0;
  const k = neighbourCount;
  for (let i = -1; i < k && count <= alongside; i++) {
    const stop = i < 0 ? u : unchecked(neighbours[u * k + i]);
    const route = unchecked(routeOf[stop]);
    if (route < 0) continue;
    taken[count] = stop; after[count] = unchecked(prev[stop]); count++;
    unlink(stop);
    updateRoute(route);
  }
  const delta = mode == 0 ? bestInsertion(u, 0)
    : mode == 1 ? granularInsertion(u, 0)
    : mode == 2 ? neighbourRoutesInsertion(u, 0)
    : recreateInsertion(u, 0, granular);
  for (let i = count - 1; i >= 0; i--) {
    linkAfter(taken[i], after[i]);
    updateRoute(unchecked(routeOf[after[i]]));
  }
  return delta;
}
