// The diversification layer: SISR ruin-and-recreate with simulated-annealing
// acceptance (Christiaens & Vanden Berghe 2020), each step followed by one local-descent pass over the
// re-inserted stops (and, on plainly priced plans, the stops next to them). Keeps the accepted ("current") plan
// as a copy of the links so a rejected step is undone by restoring only the routes it touched. On large plans
// the steps may pass through late or overloaded plans at a price (penalty.ts); only a plan without violations
// becomes the best.
import { isStop, nodeCount, depotCount, siteCount, startSite, endSite, vehicleCount, windowCount, vehicleFixedCost } from "./model";
import { chosenWindow, chooseWindow } from "./model-derived";
import {
  next, prev, routeOf, routeSize, routeStops, updateRoute, touchedRoutes, touchedCount, clearTouched, currentCost,
  saveBest, bestCost, setUnassigned, unassignedCost, unassignedCount, resumRoutesCost, routeCost,
  lateRoutes, overloadedRoutes,
} from "./solution";
import { setupPenalty, startPenalties, repairIfPromising, countStep } from "./penalty";
import { ruin, removedList, removedCount, addUnassigned, noteOffered } from "./ruin";
import { recreate } from "./construct";
import { nextFloat } from "./rng";
import { searchNode, useCrossExchange } from "./search";
import { routeStability } from "./stability";
import { plainDecided } from "./plain-price";

/** [M] links and route of every site in the accepted plan. */
let acceptedNext = new StaticArray<i32>(0);
let acceptedRouteOf = new StaticArray<i32>(0);
/** [N] window slot of every stop in the accepted plan (recreate may pick another). */
let acceptedWindow = new StaticArray<i32>(0);
let acceptedUnassignedCost: f64 = 0;
let acceptedUnassignedCount: i32 = 0;
/** Annealing temperatures (cost units) at progress 0 and 1. */
let startTemperature: f64 = 1;
let endTemperature: f64 = 0.01;
/** Ruin-and-recreate steps done. */
export let annealSteps: i64 = 0;
/** Ruin-and-recreate steps whose plan had a late or overloaded route (penalised search only). */
export let violatingSteps: i64 = 0;
/** Ruin-and-recreate steps since the best plan last improved. */
let stepsSinceBest: i64 = 0;
/** Steps without a new best after which the search has converged (see `converged`). */
let patience: i64 = 0;
/**
 * Patience = max(MIN_PATIENCE, PATIENCE_PER_STOP_SQUARED · S²) for S stops. One step re-inserts a few
 * stops among about S positions each, so the plans it can reach grow with S²: a 5-stop plan has
 * converged after 2,000 fruitless steps (milliseconds), a 100-stop one only after 200,000 (several
 * seconds of search on this machine, beyond a 3 s benchmark run), a 1,000-stop one never in practice.
 */
const MIN_PATIENCE: i64 = 2000;
const PATIENCE_PER_STOP_SQUARED: i64 = 20;
/** Steps the schedule assumes when the caller gives no progress. */
const DEFAULT_STEPS: f64 = 100000;
/**
 * Temperatures as multiples of the plan's average arc cost, so one schedule
 * fits metres, seconds and benchmark units. Solomon 2 s mean gaps measured:
 * 1/0.01 → 0.28 %, 3/0.03 → 0.23 %, 10/0.1 (the paper's 100/1 scale) → 0.26 %.
 */
const START_FACTOR: f64 = 3.0;
const END_FACTOR: f64 = 0.03;
/**
 * Both temperatures are multiplied by this on plainly priced plans (plain-price.ts: distance and
 * capacity only, as CVRPLIB X): with no windows to hold a route's shape, the Solomon schedule accepts
 * too much. X at 60 s, the 17 instances of 600+ customers: mean gap 0.82 % → 0.66 % (14 better, 3 worse);
 * ×1/9 gave 0.69 %. Plans with windows keep the Solomon schedule (on GH1000 a cooler one was mixed).
 */
const PLAIN_COOLING: f64 = 1.0 / 3.0;
/** Blink rate of recreate (SISR β_blink). */
const BLINK: f64 = 0.01;
/**
 * Local-descent passes over the re-inserted stops after each recreate (0 = pure
 * SISR). One pass: Solomon 2 s 0.89 % → 0.28 %, GH1000 R1_10_1 120 s 6.6 % → 4.1 %;
 * ten passes were no better.
 */
const DESCENT_PASSES: i32 = 1;
/**
 * Above this many stops recreate tries only the routes that hold one of the stop's neighbours (every
 * position of each), not every route.
 */
const GRANULAR_ABOVE: i32 = 200;

/**
 * Share of the steps of a large plan whose recreate still tries every route: they let a stop leave its
 * region for any route with room, which is how routes empty (fewer vehicles) on C1, R1 and RC1.
 */
const WHOLE_PLAN_RECREATE: f64 = 0.1;

/**
 * Whether the descent after recreate also starts from the stops now next to each re-inserted one (their
 * arcs changed too; from the re-inserted stop itself only pairs with its own neighbours are tried). On
 * plainly priced plans (plain-price.ts) only: CVRPLIB X at 60 s, 21 instances of 201–599 customers, mean
 * gap 0.512 → 0.437 % (13 better, 8 worse); adding the stops at the ruin's gaps as well gave 0.467 %.
 * Plans with windows keep the descent from the re-inserted stops alone (their tables were not rerun).
 */
let descendAround: bool = false;

/** Descent from the stops next to each re-inserted stop; true when a move was applied. */
function searchAround(): bool {
  let improved = false;
  for (let i = 0; i < removedCount; i++) {
    const u = unchecked(removedList[i]);
    if (unchecked(routeOf[u]) < 0) continue;
    const before = unchecked(prev[u]);
    if (isStop(before) && searchNode(before)) improved = true;
    const after = unchecked(next[u]);
    if (isStop(after) && searchNode(after)) improved = true;
  }
  return improved;
}

/** Whether recreate is restricted to the routes of each stop's neighbours in this problem. */
export function recreateGranular(): bool {
  return nodeCount - depotCount > GRANULAR_ABOVE;
}

/** Allocates the accepted-plan copy. */
export function setupAnneal(): void {
  setupPenalty();
  acceptedNext = new StaticArray<i32>(siteCount);
  acceptedRouteOf = new StaticArray<i32>(siteCount);
  acceptedWindow = new StaticArray<i32>(nodeCount);
  annealSteps = 0;
  violatingSteps = 0;
  stepsSinceBest = 0;
  const stops = <i64>(nodeCount - depotCount);
  patience = max<i64>(MIN_PATIENCE, PATIENCE_PER_STOP_SQUARED * stops * stops);
}

/**
 * True once the search has converged: the first descent reached a local optimum (the caller starts
 * annealing only then) and the last `patience` ruin-and-recreate steps found no better plan.
 */
export function converged(): bool {
  return stepsSinceBest >= patience;
}

/** Takes the working plan as the accepted one and scales the temperatures to its average arc cost. */
export function startAnneal(): void {
  memory.copy(changetype<usize>(acceptedNext), changetype<usize>(next), <usize>siteCount << 2);
  memory.copy(changetype<usize>(acceptedRouteOf), changetype<usize>(routeOf), <usize>siteCount << 2);
  memory.copy(changetype<usize>(acceptedWindow), changetype<usize>(chosenWindow), <usize>nodeCount << 2);
  acceptedUnassignedCost = unassignedCost;
  acceptedUnassignedCount = unassignedCount;
  useCrossExchange(false);
  // Scaled to the travel part of the cost: fixed vehicle costs (large under a fleet-first objective)
  // and stability penalties would otherwise heat the search into a random walk.
  let arcs = 0;
  let travel: f64 = 0;
  for (let route = 0; route < vehicleCount; route++) {
    const size = unchecked(routeSize[route]);
    if (unchecked(routeStops[route]) > 0) {
      arcs += size + 1;
      travel += unchecked(routeCost[route]) - unchecked(vehicleFixedCost[route]) - routeStability(route);
    }
  }
  const average = arcs > 0 ? travel / <f64>arcs : 1;
  descendAround = plainDecided();
  const cooling = descendAround ? PLAIN_COOLING : 1.0;
  startTemperature = max<f64>(START_FACTOR * cooling * average, 1e-9);
  endTemperature = max<f64>(END_FACTOR * cooling * average, 1e-12);
  startPenalties(average, arcs);
}

/** Copies the touched routes (and the stops that changed assignment) into the accepted plan. */
function accept(): void {
  for (let i = 0; i < touchedCount; i++) {
    const route = unchecked(touchedRoutes[i]);
    let site = startSite(route);
    const end = endSite(route);
    while (site != end) {
      unchecked(acceptedNext[site] = next[site]);
      unchecked(acceptedRouteOf[site] = route);
      site = unchecked(next[site]);
    }
  }
  for (let i = 0; i < removedCount; i++) {
    const stop = unchecked(removedList[i]);
    unchecked(acceptedRouteOf[stop] = routeOf[stop]);
    unchecked(acceptedWindow[stop] = chosenWindow[stop]);
  }
  acceptedUnassignedCost = unassignedCost;
  acceptedUnassignedCount = unassignedCount;
}

/** Restores the touched routes (and the stops that changed assignment) from the accepted plan. */
function reject(): void {
  const count = touchedCount;
  for (let i = 0; i < count; i++) {
    const route = unchecked(touchedRoutes[i]);
    const end = endSite(route);
    let site = unchecked(next[startSite(route)]);
    while (site != end) { unchecked(routeOf[site] = -1); site = unchecked(next[site]); }
  }
  for (let i = 0; i < count; i++) {
    const route = unchecked(touchedRoutes[i]);
    const end = endSite(route);
    let site = startSite(route);
    while (site != end) {
      const following = unchecked(acceptedNext[site]);
      unchecked(next[site] = following);
      unchecked(prev[following] = site);
      unchecked(routeOf[following] = route);
      site = following;
    }
    unchecked(routeOf[end] = route);
  }
  for (let i = 0; i < removedCount; i++) {
    const stop = unchecked(removedList[i]);
    unchecked(routeOf[stop] = acceptedRouteOf[stop]);
    if (windowCount > 1) chooseWindow(stop, unchecked(acceptedWindow[stop]));
  }
  for (let i = 0; i < count; i++) updateRoute(unchecked(touchedRoutes[i]));
  setUnassigned(acceptedUnassignedCost, acceptedUnassignedCount);
}

/**
 * One ruin-and-recreate step at `progress` (0…1 of the caller's budget, < 0 =
 * unknown: paced by DEFAULT_STEPS). Accepts a worse plan with the annealing
 * probability; records a new best.
 */
export function annealStep(progress: f64): void {
  if (progress < 0) progress = min<f64>(1, <f64>annealSteps / DEFAULT_STEPS);
  const temperature = startTemperature * Math.pow(endTemperature / startTemperature, min<f64>(progress, 1));
  const before = currentCost();
  const threshold = before - temperature * Math.log(nextFloat() + 1e-300);
  clearTouched();
  ruin();
  const granular = recreateGranular() && nextFloat() >= WHOLE_PLAN_RECREATE;
  addUnassigned(granular);
  recreate(removedList, removedCount, BLINK, granular);
  noteOffered();
  for (let pass = 0; pass < DESCENT_PASSES; pass++) {
    let improved = false;
    for (let i = 0; i < removedCount; i++) {
      if (searchNode(unchecked(removedList[i]))) improved = true;
    }
    if (descendAround && searchAround()) improved = true;
    if (!improved) break;
  }
  annealSteps++;
  stepsSinceBest++;
  repairIfPromising();
  const after = currentCost();
  const onTime = lateRoutes == 0; const withinCapacity = overloadedRoutes == 0;
  const feasible = onTime && withinCapacity;
  if (!feasible) violatingSteps++;
  if (after < threshold) {
    accept();
    if (feasible && after < bestCost - 1e-9 * max<f64>(1, Math.abs(after))) { saveBest(); stepsSinceBest = 0; }
  } else {
    reject();
  }
  countStep(onTime, withinCapacity);
  if ((annealSteps & 1023) == 0) resumRoutesCost();
}
