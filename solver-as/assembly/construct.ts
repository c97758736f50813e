// Building and rebuilding plans from unassigned stops: the first plan, recreate of ruin-and-recreate,
// drivers' breaks and broken shipments, each stop (or shipment) at the cheapest position insertion.ts
// finds; stops with no feasible position stay unassigned. Large first plans look only next to each
// stop's neighbours; recreate in a large plan looks at every position of the routes that hold its neighbours.
import { siteDistance } from "./matrix";
import {
  nodeCount, depotCount, vehicleCount, endSite, startSite, unassignedPenalty, dims, windowCount, windowUsed, partnerOf,
  isPickupSite, isBreak,
} from "./model";
import { siteDemand, chooseWindow, hasPairs, hasBreaks, siteOwner, siteSeq } from "./model-derived";
import {
  next, prev, routeOf, routeStops, linkAfter, updateRoute, countUnassigned, lastStop, unlink, pos,
} from "./solution";
import {
  insertionSite, insertionSite2, insertionWindow, setLargeConstruct, setupInsertion, bestInRoute, bestInsertion, granularInsertion,
  neighbourRoutesInsertion, bestPairInsertion,
} from "./insertion";
import { neighbours, neighbourCount } from "./neighbours";
import { nextFloat, nextInt } from "./rng";
import { accFromSite, accAppendSite } from "./accumulator";
import { accField, F_STOPS } from "./segments";
import { accAllowed } from "./route-cost";

/**
 * Above this many nodes the first plan inserts each stop only next to its neighbours (and into empty
 * routes), not at every position of every route: construction is then O(N·k) instead of O(N²).
 */
export const GRANULAR_CONSTRUCT_NODES: i32 = 2000;

/** Test hook: false builds large first plans without the route skips of insertion.ts largeConstruct (to compare the plans). */
let pruneLargeConstruct = true;
export function setConstructPruning(on: bool): void { pruneLargeConstruct = on; }

/** [S] scratch: stops in construction order. */
let constructOrder = new StaticArray<i32>(0);
/** [S] scratch: sort key of each entry of constructOrder. */
let constructKey = new StaticArray<f64>(0);

/** Allocates the insertion and construction scratch. */
export function setupConstruct(): void {
  setupInsertion();
  const stops = max(nodeCount - depotCount, 1);
  constructOrder = new StaticArray<i32>(stops);
  constructKey = new StaticArray<f64>(stops);
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
    // Taking a stop off can break a route (a break stands where the last stop was: the next leg may
    // grow); then the route's free stops all go back out, as placeBreaks does.
    const other = unchecked(routeOf[partner]);
    if (!keepsRulesWithout(route, u, partner)) { clearRoute(route); continue; }
    if (other >= 0 && other != route && !keepsRulesWithout(other, partner, -1)) { clearRoute(other); continue; }
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
      bestInRoute(b, route);
      if (insertionSite >= 0) insertStop(b, insertionSite, insertionWindow);
      else if (pass == 0) clearRoute(route);
    }
  }
}

function firstUsedWindow(node: i32): i32 {
  for (let slot = 0; slot < windowCount; slot++) if (windowUsed(node, slot)) return slot;
  return 0;
}

/** True when the route keeps every hard rule without sites a and b, walked site by site as updateRoute walks it. */
function keepsRulesWithout(route: i32, a: i32, b: i32): bool {
  const start = startSite(route);
  const end = endSite(route);
  accFromSite(start, route);
  let site = unchecked(next[start]);
  while (site != end) {
    if (site != a && site != b) accAppendSite(site);
    site = unchecked(next[site]);
  }
  accAppendSite(end);
  return accField(F_STOPS) == 0 || accAllowed(route);
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
  setLargeConstruct(granular && pruneLargeConstruct);
  for (let i = 0; i < nodeCount - depotCount; i++) {
    const u = constructOrder[i];
    if (unchecked(routeOf[u]) >= 0) continue;
    insertCheapest(u, 0, granular);
  }
  setLargeConstruct(false);
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
