// Copies a solution (best-so-far or working) into the flat CSR output arrays
// that JS reads (protocol.ts SolutionBuffers), with each route's schedule:
// depart at the earliest time that still gives the minimal route duration,
// then serve every stop as early as any of its windows allows (as a checker
// walking the plan would: never later than in the slot the search chose, so
// every rule still holds). Breaks are taken where the vehicle stands.
import {
  nodeCount, depotCount, vehicleCount, vehicleProfile, startSite, endSite, unassignedPenalty, vehicleFixedCost, vehicleCostPerM,
  vehicleCostPerS, nominalCostPerM, windowCount, overtimeCostPerS, shiftEndS, twOpenS, twCloseS, windowUsed, isBreak,
} from "./model";
import { siteNode, siteOpenS, siteServiceS, chosenWindow, chooseWindow, hasBreaks, siteWindowCost, hasWindowCosts } from "./model-derived";
import { stabilityCost } from "./homes";
import { nodeDuration } from "./matrix";
import { next, routeOf, bestNext, bestRouteOf, bestWindow } from "./solution";
import { accField, F_EARLY, F_DIST, F_DUR, F_WARP, F_STOPS } from "./segments";
import { accFromSite, accAppendSite } from "./accumulator";
import { accStrangers } from "./stability";
import {
  SUMMARY_COST, SUMMARY_DISTANCE, SUMMARY_DURATION, SUMMARY_ROUTES, SUMMARY_UNASSIGNED, SUMMARY_ITERATIONS,
  SUMMARY_MOVED, SUMMARY_STABILITY, SUMMARY_COUNT, E_INFEASIBLE_ROUTE, E_SCHEDULE_MISMATCH,
} from "./types";

/** [V+1] route r visits outVisits[outRouteOffsets[r] .. outRouteOffsets[r+1]). */
export let outRouteOffsets = new StaticArray<i32>(0);
/** [S] visited stops in route order; outArrivalS the service start of each. */
export let outVisits = new StaticArray<i32>(0);
export let outArrivalS = new StaticArray<i32>(0);
/** [V] departure from the start depot (0 for unused vehicles). */
export let outRouteStartS = new StaticArray<i32>(0);
/** [S] unassigned stops; outUnassignedCount of them are valid. */
export let outUnassigned = new StaticArray<i32>(0);
export let outUnassignedCount: i32 = 0;
/** [SUMMARY_COUNT] totals, slots SUMMARY_*. */
export let outSummary = new StaticArray<f64>(0);

/** Swaps the window slot of every stop between the working choice and the best plan's (an involution). */
function swapBestWindows(): void {
  for (let node = depotCount; node < nodeCount; node++) {
    const working = chosenWindow[node];
    const best = bestWindow[node];
    if (working == best) continue;
    chooseWindow(node, best);
    bestWindow[node] = working;
  }
}

/**
 * Earliest service start at or after `arrival` in any window slot of the site (for a stop served in
 * its chosen slot the answer is never later than that slot allows). Route ends and one-window nodes
 * use the site's own window.
 */
function earliestStart(site: i32, arrival: i64): i64 {
  const w = windowCount;
  if (w == 1) return max<i64>(arrival, siteOpenS[site]);
  let best = max<i64>(arrival, siteOpenS[site]);
  for (let slot = 0; slot < w; slot++) {
    if (!windowUsed(site, slot)) continue;
    const close = <i64>twCloseS[site * w + slot];
    if (close < arrival) continue;
    best = min<i64>(best, max<i64>(arrival, <i64>twOpenS[site * w + slot]));
  }
  return best;
}

/** Allocates the output arrays. */
export function setupOutput(): void {
  const stops = nodeCount - depotCount;
  outRouteOffsets = new StaticArray<i32>(vehicleCount + 1);
  outVisits = new StaticArray<i32>(stops);
  outArrivalS = new StaticArray<i32>(stops);
  outRouteStartS = new StaticArray<i32>(vehicleCount);
  outUnassigned = new StaticArray<i32>(stops);
  outSummary = new StaticArray<f64>(SUMMARY_COUNT);
}

/** Writes route r's visits and schedule from `links` at outVisits[offset…]; returns the new offset. */
function writeRoute(route: i32, links: StaticArray<i32>, offset: i32): i32 {
  const start = startSite(route); const end = endSite(route);
  accFromSite(start, route);
  let site = links[start];
  while (site != end) { accAppendSite(site); site = links[site]; }
  accAppendSite(end);
  // A vehicle with no stops stays home (its breaks are not taken).
  if (accField(F_STOPS) == 0) { outRouteStartS[route] = 0; return offset; }
  assert(accField(F_WARP) == 0, E_INFEASIBLE_ROUTE);
  // Stability is part of the search's objective, not of the plan's cost: reported on its own.
  const strangers = <f64>accStrangers();
  outSummary[SUMMARY_MOVED] += strangers;
  outSummary[SUMMARY_STABILITY] += stabilityCost * strangers;
  const departure = accField(F_EARLY);
  const profile = vehicleProfile[route];
  let time = departure;
  let from = siteNode[start];
  let windowCosts: f64 = 0;
  site = links[start];
  while (site != end) {
    const node = siteNode[site];
    const arrival = time + <i64>nodeDuration(profile, from, node);
    const serviceStart = earliestStart(site, arrival);
    outVisits[offset] = node;
    outArrivalS[offset] = <i32>serviceStart;
    offset++;
    time = serviceStart + siteServiceS[site];
    if (!hasBreaks || !isBreak(site)) from = node;
    if (hasWindowCosts) windowCosts += siteWindowCost[site];
    site = links[site];
  }
  const back = time + <i64>nodeDuration(profile, from, siteNode[end]);
  const duration = back - departure;
  // Serving earlier than the chosen slot requires can only shorten the day.
  assert(duration <= accField(F_DUR), E_SCHEDULE_MISMATCH);
  outRouteStartS[route] = <i32>departure;
  // The plan's cost: without the nominal price that only orders the search (BUF_NOMINAL_PER_M).
  const cost = vehicleFixedCost[route] + (vehicleCostPerM[route] - nominalCostPerM[route]) * <f64>accField(F_DIST) + vehicleCostPerS[route] * <f64>duration
    + overtimeCostPerS[route] * <f64>max<i64>(back - <i64>shiftEndS[route], 0) + windowCosts;
  outSummary[SUMMARY_COST] += cost;
  outSummary[SUMMARY_DISTANCE] += <f64>accField(F_DIST);
  outSummary[SUMMARY_DURATION] += <f64>duration;
  outSummary[SUMMARY_ROUTES] += 1;
  return offset;
}

/** Fills the output arrays from the best-so-far solution (fromBest) or the working one. */
export function writeOutput(fromBest: bool, iterations: f64): void {
  const links = fromBest ? bestNext : next;
  const owner = fromBest ? bestRouteOf : routeOf;
  const swapWindows = fromBest && windowCount > 1;
  if (swapWindows) swapBestWindows();
  for (let i = 0; i < SUMMARY_COUNT; i++) outSummary[i] = 0;
  let offset = 0;
  for (let route = 0; route < vehicleCount; route++) {
    outRouteOffsets[route] = offset;
    offset = writeRoute(route, links, offset);
  }
  outRouteOffsets[vehicleCount] = offset;
  outUnassignedCount = 0;
  for (let node = depotCount; node < nodeCount; node++) {
    if (owner[node] >= 0) continue;
    outUnassigned[outUnassignedCount++] = node;
    outSummary[SUMMARY_COST] += unassignedPenalty[node];
  }
  if (swapWindows) swapBestWindows();
  outSummary[SUMMARY_UNASSIGNED] = <f64>outUnassignedCount;
  outSummary[SUMMARY_ITERATIONS] = iterations;
}
