// Ruin step of SISR (Christiaens & Vanden Berghe 2020, "Slack induction by
// string removals for vehicle routing problems", §4): remove a few strings of
// consecutive stops from routes near a random seed stop, so the recreate step
// can rebuild that region differently.
import { nodeCount, depotCount, vehicleCount, siteCount, partnerOf, isEndSite, isBreak, startSite, endSite } from "./model";
import { siteSeq, hasBreaks } from "./model-derived";
import { next, prev, pos, routeOf, routeSize, routeStops, unlink, updateRoute, countUnassigned, unassignedCount, routeVersion, changeClock } from "./solution";
import { neighbours, neighbourCount } from "./neighbours";
import { accFromSite, accAppendSite } from "./accumulator";
import { accRouteCost } from "./route-cost";
import { INFEASIBLE } from "./types";
import { nextFloat, nextInt } from "./rng";

/** Average number of stops removed (c̄ in the paper). */
const AVERAGE_REMOVED: f64 = 10;
/** Longest string removed from one route (L^max). */
const MAX_STRING: f64 = 10;
/** Probability of the split-string variant, and the split depth β. */
const SPLIT_RATE: f64 = 0.5;
const SPLIT_DEPTH: f64 = 0.01;

/** [S] stops removed by the last ruin (then the unassigned stops added for recreate); removedCount valid. */
export let removedList = new StaticArray<i32>(0);
export let removedCount: i32 = 0;
/** [V] ruinStamp[r] == ruinEpoch ⇔ route r was ruined in this step. */
let ruinStamp = new StaticArray<i32>(0);
let ruinEpoch: i32 = 0;
/** [N] listedStamp[node] == ruinEpoch ⇔ node is in removedList. */
let listedStamp = new StaticArray<i32>(0);
/** [M] markStamp[site] == markEpoch ⇔ the site is marked for removal (dry run of a string removal). */
let markStamp = new StaticArray<i32>(0);
let markEpoch: i32 = 0;
/** True while removeRun only marks (see ruinRoute). */
let dryRun: bool = false;
/** [M] The stops removeRun takes, chosen before it takes any. */
let runList = new StaticArray<i32>(0);

/**
 * [N] changeClock when the stop was last offered to recreate and stayed unassigned (−1: never). With many stops
 * unassigned (a day with more orders than the fleet can carry), recreate offering every one of them at every step
 * was most of a step: 2,600 orders on 45 vans, ~545 left out, made 535 steps in 20 s, three quarters of the time in
 * recreate. A granular recreate tries a stop only on the routes of its neighbours, so one whose neighbours' routes
 * have not changed since it was last offered would be left out again: it is not offered (`addUnassigned`). A route's
 * version only grows, and a reset clock (a new plan) offers every stop again.
 */
let offeredAt = new StaticArray<i32>(0);
/**
 * Up to this many unassigned stops, every one is offered at every step, as SISR does (and as the benchmark tables
 * were made: their plans rarely leave more than a few stops out during the search).
 */
const OFFER_ALL_UP_TO: i32 = 64;
/**
 * Beyond OFFER_ALL_UP_TO, at most this many of the changed stops are offered at one step; the next step goes on from
 * where it stopped (`offerFrom`), so each gets its turn. A day with hours for far fewer orders than it has (700 orders,
 * 18 vans on 5-hour shifts, ~320 left out) offered nearly all of them at every step (its 18 routes are every stop's
 * neighbours): 10 s, seeds 1 and 2, 320 / 312 orders out in 4,090 / 3,892 steps; with at most 64, 295 / 305 in
 * 9,920 / 10,317 steps. Its capacity-bound twin (8-hour shifts, ~42 out, few offered): 42 / 42 against 42 / 43 at 6 s.
 */
const OFFER_AT_MOST: i32 = 64;
/** Where the next step's offers start (a stop index), so every stop left out gets its turn. */
let offerFrom: i32 = 0;

/** Allocates the ruin scratch. */
export function setupRuin(): void {
  offeredAt = new StaticArray<i32>(nodeCount);
  forgetOffers();
  removedList = new StaticArray<i32>(max(nodeCount - depotCount, 1));
  ruinStamp = new StaticArray<i32>(max(vehicleCount, 1));
  listedStamp = new StaticArray<i32>(nodeCount);
  markStamp = new StaticArray<i32>(siteCount);
  runList = new StaticArray<i32>(max(siteCount, 1));
  markEpoch = 0;
  removedCount = 0;
  offerFrom = 0;
}

/** Takes stop `site` off its route (with its shipment partner) into removedList; in a dry run only marks them. */
function removeStop(site: i32): void {
  if (dryRun) {
    unchecked(markStamp[site] = markEpoch);
    const partner = partnerOf(site);
    if (partner >= 0 && unchecked(routeOf[partner]) >= 0) unchecked(markStamp[partner] = markEpoch);
    return;
  }
  unlink(site);
  countUnassigned(site, true);
  unchecked(removedList[removedCount++] = site);
  unchecked(listedStamp[site] = ruinEpoch);
  const partner = partnerOf(site);
  // A shipment leaves whole; its partner is on the same route (a plan keeps pairs together).
  if (partner >= 0 && unchecked(routeOf[partner]) >= 0) removeStop(partner);
}

/**
 * Removes `count` consecutive stops starting at stop `first`, skipping `keep` stops after `keepFrom` of them.
 * The stops are chosen on the route as it stands, before any is taken: taking a shipment's partner early
 * relinks its neighbours, and a walk that removed as it went then reached one stop past the string, a
 * stop the dry run (removalKeepsFeasible) had not checked (2026-12-02: a route left infeasible, in CI).
 */
function removeRun(first: i32, count: i32, keepFrom: i32, keep: i32): void {
  let chosen = 0;
  let site = first;
  for (let i = 0; i < count + keep && !isEndSite(site); i++) {
    // Locked stops (pinned in place) and breaks stay: recreate could only put them back where they are.
    if ((i < keepFrom || i >= keepFrom + keep) && unchecked(siteSeq[site]) < 0 && unchecked(routeOf[site]) >= 0 && !isBreak(site)) {
      unchecked(runList[chosen++] = site);
    }
    site = unchecked(next[site]);
  }
  // A partner taken with an earlier stop of the string is off the route already.
  for (let j = 0; j < chosen; j++) {
    const stop = unchecked(runList[j]);
    if (dryRun || unchecked(routeOf[stop]) >= 0) removeStop(stop);
  }
}

/** The stop at position `position` of the route that holds `stop`, walking back from `stop`. */
function walkBack(stop: i32, position: i32): i32 {
  let site = stop;
  while (unchecked(pos[site]) > position) site = unchecked(prev[site]);
  return site;
}

/** Removes a string (or split string) of `length` stops around stop c from its route. */
function ruinRoute(route: i32, c: i32, length: i32): void {
  const size = unchecked(routeSize[route]);
  let keep = 0;
  if (length < size && nextFloat() < SPLIT_RATE) {
    keep = 1;
    while (length + keep < size && nextFloat() > SPLIT_DEPTH) keep++;
  }
  const span = length + keep;
  const lowest = max(1, unchecked(pos[c]) - span + 1);
  const highest = min(unchecked(pos[c]), size - span + 1);
  const first = walkBack(c, lowest + nextInt(highest - lowest + 1));
  const keepFrom = keep > 0 ? nextInt(length + 1) : 0;
  // With breaks, taking stops out can break the route (a break taken earlier, where the vehicle then
  // stands, may leave a longer drive after it): check the route without them first, and leave it whole if so.
  if (hasBreaks && !removalKeepsFeasible(route, first, length, keepFrom, keep)) return;
  removeRun(first, length, keepFrom, keep);
  updateRoute(route);
}

/** Whether route stays feasible without the stops removeRun(first, …) would take. O(route length). */
function removalKeepsFeasible(route: i32, first: i32, count: i32, keepFrom: i32, keep: i32): bool {
  markEpoch++;
  dryRun = true;
  removeRun(first, count, keepFrom, keep);
  dryRun = false;
  const end = endSite(route);
  accFromSite(startSite(route), route);
  let site = unchecked(next[startSite(route)]);
  while (site != end) {
    if (unchecked(markStamp[site]) != markEpoch) accAppendSite(site);
    site = unchecked(next[site]);
  }
  accAppendSite(end);
  return accRouteCost(route) != INFEASIBLE;
}

/**
 * Test hook: takes the string ruinRoute would (from stop `first`, no feasibility check) and returns how many
 * stops it took, or −1 when they are not exactly the stops its dry run marked.
 */
export function removeStringChecked(first: i32, count: i32, keepFrom: i32, keep: i32): i32 {
  const route = unchecked(routeOf[first]);
  removedCount = 0;
  ruinEpoch++;
  markEpoch++;
  dryRun = true;
  removeRun(first, count, keepFrom, keep);
  dryRun = false;
  let marked = 0;
  for (let site = 0; site < siteCount; site++) if (unchecked(markStamp[site]) == markEpoch) marked++;
  removeRun(first, count, keepFrom, keep);
  updateRoute(route);
  if (removedCount != marked) return -1;
  for (let j = 0; j < removedCount; j++) if (unchecked(markStamp[unchecked(removedList[j])]) != markEpoch) return -1;
  return removedCount;
}

/** One SISR ruin: strings from up to k_s routes met in the seed's neighbour list. */
export function ruin(): void {
  removedCount = 0;
  ruinEpoch++;
  const stops = nodeCount - depotCount;
  const assigned = stops - unassignedCount;
  if (assigned == 0) return;
  let used = 0;
  for (let route = 0; route < vehicleCount; route++) if (unchecked(routeStops[route]) > 0) used++;
  const maxString = min<f64>(MAX_STRING, <f64>assigned / <f64>used);
  const maxStrings = 4 * AVERAGE_REMOVED / (1 + maxString) - 1;
  const strings = <i32>(nextFloat() * maxStrings) + 1;
  let seed = depotCount + nextInt(stops);
  while (unchecked(routeOf[seed]) < 0) seed = depotCount + nextInt(stops);
  let ruined = 0;
  const k = neighbourCount;
  for (let i = -1; i < k && ruined < strings; i++) {
    const c = i < 0 ? seed : unchecked(neighbours[seed * k + i]);
    const route = unchecked(routeOf[c]);
    if (route < 0 || unchecked(ruinStamp[route]) == ruinEpoch) continue;
    unchecked(ruinStamp[route] = ruinEpoch);
    const longest = min<f64>(<f64>unchecked(routeSize[route]), maxString);
    ruinRoute(route, c, <i32>(nextFloat() * longest) + 1);
    ruined++;
  }
}

/** Forgets when stops were last offered: every unassigned stop is offered at the next step. */
function forgetOffers(): void {
  for (let node = 0; node < offeredAt.length; node++) unchecked(offeredAt[node] = -1);
}

/** Whether a route holding one of `node`'s neighbours changed since the stop was last offered. */
function neighbourRoutesChanged(node: i32): bool {
  const since = unchecked(offeredAt[node]);
  if (since < 0 || since > changeClock) return true;
  const k = neighbourCount;
  for (let i = 0; i < k; i++) {
    const route = unchecked(routeOf[unchecked(neighbours[node * k + i])]);
    if (route >= 0 && unchecked(routeVersion[route]) > since) return true;
  }
  return false;
}

/**
 * Appends the other unassigned stops to removedList so recreate retries them: every one, or, with more than
 * OFFER_ALL_UP_TO unassigned and a `granular` recreate, those whose neighbours' routes changed since they were last
 * offered (`offeredAt`), at most OFFER_AT_MOST of them, from where the last step stopped.
 */
export function addUnassigned(granular: bool): void {
  if (unassignedCount <= removedCount) return;
  const some = granular && unassignedCount > OFFER_ALL_UP_TO;
  if (!some) {
    for (let node = depotCount; node < nodeCount; node++) {
      if (unchecked(routeOf[node]) >= 0 || unchecked(listedStamp[node]) == ruinEpoch) continue;
      unchecked(removedList[removedCount++] = node);
    }
    return;
  }
  const stops = nodeCount - depotCount;
  let offered = 0;
  for (let k = 0; k < stops; k++) {
    const node = depotCount + (offerFrom + k) % stops;
    if (unchecked(routeOf[node]) >= 0 || unchecked(listedStamp[node]) == ruinEpoch) continue;
    if (!neighbourRoutesChanged(node)) continue;
    if (offered == OFFER_AT_MOST) { offerFrom = node - depotCount; return; }
    unchecked(removedList[removedCount++] = node);
    offered++;
  }
}

/** Notes the stops of removedList that recreate left unassigned as offered now. */
export function noteOffered(): void {
  for (let i = 0; i < removedCount; i++) {
    const stop = unchecked(removedList[i]);
    if (unchecked(routeOf[stop]) < 0) unchecked(offeredAt[stop] = changeClock);
  }
}

/** Test hook: the unassigned stops a step with nothing ruined would offer recreate (`addUnassigned`); their count. */
export function offerUnassignedNow(granular: bool): i32 {
  ruinEpoch++;
  removedCount = 0;
  addUnassigned(granular);
  return removedCount;
}
