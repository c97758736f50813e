// The working solution as struct-of-arrays over sites (HGS-CVRP's linked list):
// next/prev/routeOf/pos plus per-route aggregates, kept exact by updateRoute
// after every change, and the best-so-far copy the getters read.
import {
  nodeCount, depotCount, vehicleCount, siteCount, dims, unassignedPenalty, startSite, endSite, windowCount, partnerOf,
  isPickupSite,
} from "./model";
import { chosenWindow, hasPairs } from "./model-derived";
import { setupSegments, storePrefix, storeSuffix, accField, F_DIST, F_DUR, F_STOPS, F_WARP } from "./segments";
import { accFromSite, accAppendSite, accAppendSuffix } from "./accumulator";
import { accRouteCost, accAllowed, accExcessLoad, accViolationCost, relaxed, setRelaxed } from "./route-cost";
import { E_BROKEN_ROUTE, E_INFEASIBLE_ROUTE } from "./types";

/** [M] successor / predecessor site; route ends link to their own start/end sites. */
export let next = new StaticArray<i32>(0);
export let prev = new StaticArray<i32>(0);
/** [M] route of the site, −1 for an unassigned stop (and for depot nodes). */
export let routeOf = new StaticArray<i32>(0);
/** [M] position in the route: start site 0, stops 1..size, end site size+1. */
export let pos = new StaticArray<i32>(0);
/** [M] pairs whose pickup is at or before the site and whose delivery is after it (0 ⇔ the route may be cut here). */
export let openAcross = new StaticArray<i32>(0);
/** [M] paired stops from the route start through the site. */
export let pairedUpTo = new StaticArray<i32>(0);
/** [V] number of sites on the route between its depots (stops and breaks). */
export let routeSize = new StaticArray<i32>(0);
/** [V] number of stops on the route (breaks excluded): 0 ⇔ the vehicle is not used. */
export let routeStops = new StaticArray<i32>(0);
/** Counts the times a route emptied or got its first stop (insertion.ts caches the empty routes by it). */
export let emptyRoutesClock: i32 = 0;
/** [V] routeCost[r] = cost of route r (0 when empty), the price of its violations included (route-cost.ts `relaxed`). */
export let routeCost = new StaticArray<f64>(0);
/** [V] seconds of time warp and units of overload of route r (0 unless the penalised search is on), and their price in routeCost. */
export let routeWarp = new StaticArray<i64>(0);
export let routeExcess = new StaticArray<i64>(0);
export let routeViolationCost = new StaticArray<f64>(0);
/** Routes with time warp, and routes with overload (0 and 0 ⇔ the working plan is feasible). */
export let lateRoutes: i32 = 0;
export let overloadedRoutes: i32 = 0;
/** [V] distance and minimal duration of route r. */
export let routeDistance = new StaticArray<i64>(0);
export let routeDuration = new StaticArray<i64>(0);
/** [V] value of `changeClock` when route r last changed (for skipping unchanged pairs). */
export let routeVersion = new StaticArray<i32>(0);
/** Incremented on every route change. */
export let changeClock: i32 = 0;
/** Sum of routeCost over all routes. */
export let routesCost: f64 = 0;
/** Sum of unassignedPenalty over unassigned stops, and their count. */
export let unassignedCost: f64 = 0;
export let unassignedCount: i32 = 0;

/** [V] routes changed since clearTouched(), touchedCount of them valid (for cheap undo). */
export let touchedRoutes = new StaticArray<i32>(0);
export let touchedCount: i32 = 0;
/** [V] touchStamp[r] == touchEpoch ⇔ r is in touchedRoutes. */
let touchStamp = new StaticArray<i32>(0);
let touchEpoch: i32 = 1;

/** [M] best-so-far copy of next and routeOf; bestCost its objective (+∞ before any). */
export let bestNext = new StaticArray<i32>(0);
export let bestRouteOf = new StaticArray<i32>(0);
/** [N] window slot of each stop in the best-so-far plan. */
export let bestWindow = new StaticArray<i32>(0);
export let bestCost: f64 = Infinity;

/** Allocates the solution for the prepared model; every route empty, every stop unassigned. */
export function setupSolution(): void {
  const m = siteCount; const v = vehicleCount;
  next = new StaticArray<i32>(m); prev = new StaticArray<i32>(m);
  routeOf = new StaticArray<i32>(m); pos = new StaticArray<i32>(m);
  openAcross = new StaticArray<i32>(m); pairedUpTo = new StaticArray<i32>(m);
  routeSize = new StaticArray<i32>(v); routeStops = new StaticArray<i32>(v); emptyRoutesClock++; routeCost = new StaticArray<f64>(v);
  routeWarp = new StaticArray<i64>(v); routeExcess = new StaticArray<i64>(v); routeViolationCost = new StaticArray<f64>(v);
  lateRoutes = 0; overloadedRoutes = 0;
  setRelaxed(false, 0, 0);
  routeDistance = new StaticArray<i64>(v); routeDuration = new StaticArray<i64>(v);
  routeVersion = new StaticArray<i32>(v);
  touchedRoutes = new StaticArray<i32>(v); touchStamp = new StaticArray<i32>(v); touchedCount = 0;
  bestNext = new StaticArray<i32>(m); bestRouteOf = new StaticArray<i32>(m);
  bestWindow = new StaticArray<i32>(nodeCount);
  setupSegments(m, dims);
  routesCost = 0; unassignedCost = 0; unassignedCount = 0; changeClock = 0; bestCost = Infinity;
  for (let site = 0; site < m; site++) { next[site] = site; prev[site] = site; routeOf[site] = -1; }
  for (let node = depotCount; node < nodeCount; node++) {
    unassignedCost += unassignedPenalty[node];
    unassignedCount++;
  }
  for (let route = 0; route < v; route++) {
    const start = startSite(route); const end = endSite(route);
    next[start] = end; prev[end] = start; routeOf[start] = route; routeOf[end] = route;
    updateRoute(route);
  }
}

/** Objective of the working solution: route costs + penalties of unassigned stops. */
export function currentCost(): f64 {
  return routesCost + unassignedCost;
}

/** Links unassigned stop u right after site `after` (caller then calls updateRoute). */
export function linkAfter(u: i32, after: i32): void {
  const following = unchecked(next[after]);
  unchecked(next[after] = u); unchecked(prev[u] = after);
  unchecked(next[u] = following); unchecked(prev[following] = u);
  unchecked(routeOf[u] = routeOf[after]);
}

/** Unlinks stop u from its route (caller then calls updateRoute). */
export function unlink(u: i32): void {
  const before = unchecked(prev[u]); const after = unchecked(next[u]);
  unchecked(next[before] = after); unchecked(prev[after] = before);
  unchecked(routeOf[u] = -1);
}

/** Sets the unassigned bookkeeping (when a saved plan is restored). */
export function setUnassigned(cost: f64, count: i32): void {
  unassignedCost = cost;
  unassignedCount = count;
}

/** Marks an assigned/unassigned change for stop u's penalty bookkeeping. */
export function countUnassigned(u: i32, nowUnassigned: bool): void {
  if (nowUnassigned) { unassignedCost += unassignedPenalty[u]; unassignedCount++; }
  else { unassignedCost -= unassignedPenalty[u]; unassignedCount--; }
}

/**
 * Recomputes route r's positions, prefix and suffix summaries and aggregates
 * from its links (O(route length)). Asserts the route is feasible.
 */
export function updateRoute(route: i32): void {
  const start = startSite(route); const end = endSite(route);
  accFromSite(start, route);
  storePrefix(start);
  unchecked(pos[start] = 0);
  let site = unchecked(next[start]);
  let position = 1;
  while (site != end) {
    accAppendSite(site);
    storePrefix(site);
    unchecked(pos[site] = position);
    unchecked(routeOf[site] = route);
    position++;
    site = unchecked(next[site]);
    assert(position <= siteCount, E_BROKEN_ROUTE);
  }
  accAppendSite(end);
  storePrefix(end);
  unchecked(pos[end] = position);
  if (hasPairs) countPairs(start, end);
  const size = position - 1;
  const stops = <i32>accField(F_STOPS);
  const cost = accRouteCost(route);
  assert(stops == 0 || accAllowed(route), E_INFEASIBLE_ROUTE);
  routesCost += cost - unchecked(routeCost[route]);
  unchecked(routeCost[route] = cost);
  if (relaxed || unchecked(routeWarp[route]) != 0 || unchecked(routeExcess[route]) != 0) {
    countViolations(route, stops == 0 ? 0 : accField(F_WARP), stops == 0 ? 0 : accExcessLoad(route), stops == 0 ? 0 : accViolationCost(route));
  }
  unchecked(routeSize[route] = size);
  if ((unchecked(routeStops[route]) == 0) != (stops == 0)) emptyRoutesClock++;
  unchecked(routeStops[route] = stops);
  unchecked(routeDistance[route] = stops == 0 ? 0 : accField(F_DIST));
  unchecked(routeDuration[route] = stops == 0 ? 0 : accField(F_DUR));
  const last = unchecked(prev[end]);
  site = last;
  while (site != start) {
    accFromSite(site, route);
    accAppendSuffix(unchecked(next[site]), last, route, next);
    storeSuffix(site);
    site = unchecked(prev[site]);
  }
  unchecked(routeVersion[route] = ++changeClock);
  if (unchecked(touchStamp[route]) != touchEpoch) {
    unchecked(touchStamp[route] = touchEpoch);
    unchecked(touchedRoutes[touchedCount++] = route);
  }
}

/** Records route r's time warp, overload and their price, keeping lateRoutes / overloadedRoutes. */
function countViolations(route: i32, warp: i64, excess: i64, price: f64): void {
  lateRoutes += (warp != 0 ? 1 : 0) - (unchecked(routeWarp[route]) != 0 ? 1 : 0);
  overloadedRoutes += (excess != 0 ? 1 : 0) - (unchecked(routeExcess[route]) != 0 ? 1 : 0);
  unchecked(routeWarp[route] = warp);
  unchecked(routeExcess[route] = excess);
  unchecked(routeViolationCost[route] = price);
}

/** True when no route of the working plan is late or overloaded (always, unless the penalised search is on). */
export function planFeasible(): bool {
  return lateRoutes == 0 && overloadedRoutes == 0;
}

/** True when routes a and b carry no violation price (a move's distance bound is then a lower bound on its cost change). */
// @ts-ignore: decorator
@inline export function unpriced(a: i32, b: i32): bool {
  return !relaxed || (unchecked(routeViolationCost[a]) == 0 && unchecked(routeViolationCost[b]) == 0);
}

/** Re-prices every violating route after the penalised search's prices changed (routeCost and routesCost follow). */
export function repriceViolations(warpPrice: f64, loadPrice: f64): void {
  for (let route = 0; route < vehicleCount; route++) {
    const old = unchecked(routeViolationCost[route]);
    if (old == 0 && unchecked(routeWarp[route]) == 0 && unchecked(routeExcess[route]) == 0) continue;
    const price = warpPrice * <f64>unchecked(routeWarp[route]) + loadPrice * <f64>unchecked(routeExcess[route]);
    unchecked(routeViolationCost[route] = price);
    unchecked(routeCost[route] += price - old);
    // Its moves are worth another look at the new prices (search.ts skips pairs of unchanged routes).
    unchecked(routeVersion[route] = ++changeClock);
  }
  resumRoutesCost();
}

/** Fills openAcross and pairedUpTo along a route (positions must be current). */
function countPairs(start: i32, end: i32): void {
  let open = 0; let paired = 0;
  let site = start;
  while (true) {
    const partner = partnerOf(site);
    if (partner >= 0) {
      paired++;
      open += isPickupSite(site) ? 1 : -1;
    }
    unchecked(openAcross[site] = open);
    unchecked(pairedUpTo[site] = paired);
    if (site == end) break;
    site = unchecked(next[site]);
  }
}

/** Forgets the touched-route list. */
export function clearTouched(): void {
  touchEpoch++;
  touchedCount = 0;
}

/** Last stop of route r (its start site when the route is empty). */
export function lastStop(route: i32): i32 {
  return unchecked(prev[endSite(route)]);
}

/** Copies the working solution into the best-so-far slot (it must be feasible: planFeasible()). */
export function saveBest(): void {
  assert(planFeasible(), E_INFEASIBLE_ROUTE);
  memory.copy(changetype<usize>(bestNext), changetype<usize>(next), <usize>siteCount << 2);
  memory.copy(changetype<usize>(bestRouteOf), changetype<usize>(routeOf), <usize>siteCount << 2);
  if (windowCount > 1) memory.copy(changetype<usize>(bestWindow), changetype<usize>(chosenWindow), <usize>nodeCount << 2);
  bestCost = currentCost();
}

/** Recomputes routesCost from scratch (guards against floating drift in long runs). */
export function resumRoutesCost(): void {
  let sum: f64 = 0;
  for (let route = 0; route < vehicleCount; route++) sum += unchecked(routeCost[route]);
  routesCost = sum;
}
