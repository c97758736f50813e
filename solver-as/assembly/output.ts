// Copies a solution (best-so-far or working) into the flat CSR output arrays
// that JS reads (protocol.ts SolutionBuffers), with each route's schedule:
// depart at the earliest time that still gives the minimal route duration.
import {
  nodeCount, depotCount, vehicleCount, siteNode, siteOpenS, siteServiceS, durationS, vehicleDurationBase,
  startSite, endSite, unassignedPenalty, vehicleFixedCost, vehicleCostPerM, vehicleCostPerS,
  windowCount, chosenWindow, chooseWindow, overtimeCostPerS, shiftEndS,
} from "./model";
import { next, routeOf, bestNext, bestRouteOf, bestWindow } from "./solution";
import { accFromSite, accAppendSite, accEarly, accDist, accDur, accWarp } from "./segments";
import {
  SUMMARY_COST, SUMMARY_DISTANCE, SUMMARY_DURATION, SUMMARY_ROUTES, SUMMARY_UNASSIGNED, SUMMARY_ITERATIONS,
  SUMMARY_COUNT, E_INFEASIBLE_ROUTE, E_SCHEDULE_MISMATCH,
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
  if (links[start] == end) { outRouteStartS[route] = 0; return offset; }
  assert(accWarp == 0, E_INFEASIBLE_ROUTE);
  const departure = accEarly;
  const base = vehicleDurationBase[route];
  let time = departure;
  let from = siteNode[start];
  site = links[start];
  while (site != end) {
    const node = siteNode[site];
    const arrival = time + <i64>durationS[base + from * nodeCount + node];
    const serviceStart = max<i64>(arrival, siteOpenS[site]);
    outVisits[offset] = node;
    outArrivalS[offset] = <i32>serviceStart;
    offset++;
    time = serviceStart + siteServiceS[site];
    from = node;
    site = links[site];
  }
  const back = time + <i64>durationS[base + from * nodeCount + siteNode[end]];
  assert(back - departure == accDur, E_SCHEDULE_MISMATCH);
  outRouteStartS[route] = <i32>departure;
  const cost = vehicleFixedCost[route] + vehicleCostPerM[route] * <f64>accDist + vehicleCostPerS[route] * <f64>accDur
    + overtimeCostPerS[route] * <f64>max<i64>(back - <i64>shiftEndS[route], 0);
  outSummary[SUMMARY_COST] += cost;
  outSummary[SUMMARY_DISTANCE] += <f64>accDist;
  outSummary[SUMMARY_DURATION] += <f64>accDur;
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
