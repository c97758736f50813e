// Concatenable route-segment summaries for O(1) move evaluation (Vidal et al.
// 2013, "A hybrid genetic algorithm with adaptive diversity management…", §4;
// PyVRP's DurationSegment/LoadSegment). Each site stores the summary of its
// route prefix (start depot … site) and suffix (site … last stop, end depot
// excluded so a tail can be re-attached to another vehicle's end). Evaluation
// builds candidate routes in one accumulator from these pieces.
//
// Driver breaks are sites without a place: the driver takes them where the
// vehicle stands, so travel into a break is zero and travel out of it starts at
// the last real stop. The accumulator therefore tracks that place (`accLoc`)
// instead of reading it off its last site; a stored suffix is reused only from a
// real stop on (leading breaks are appended one by one), because its first leg
// depends on where the vehicle comes from.
import {
  nodeCount, dims, siteNode, siteOpenS, siteCloseS, siteServiceS, siteDemand, distanceM, durationS,
  vehicleDurationBase, capacity, vehicleFixedCost, vehicleCostPerM, vehicleCostPerS, isEndSite,
  sitePickup, siteBan, siteSeq, vehicleBanBit, hasLimits, maxStops, maxDistanceM, maxDurationS, maxDrivingS,
  hasOvertime, overtimeCostPerS, shiftEndS, hasBreaks, isBreak, siteOwner, siteKind, SITE_STOP, SITE_BREAK, siteWindowCost, hasWindowCosts,
  hasOwners,
} from "./model";
import { INFEASIBLE } from "./types";

// Prefix summaries, [M] each: segment from the route's start site through the site.
/** Distance of the prefix. */
export let fwdDist = new StaticArray<i64>(0);
/** Minimal duration (travel + service + unavoidable waiting) of the prefix. */
export let fwdDur = new StaticArray<i64>(0);
/** Time warp: total lateness the prefix cannot avoid (0 ⇔ feasible). */
export let fwdWarp = new StaticArray<i64>(0);
/** Earliest / latest start at the first site that keep duration minimal / warp zero. */
export let fwdEarly = new StaticArray<i64>(0);
export let fwdLate = new StaticArray<i64>(0);
/** [M·K·3] load summary per dimension: delivered total, picked-up total, peak on board. */
export let fwdLoad = new StaticArray<i32>(0);
/** Driving time of the prefix (travel only). */
export let fwdDrive = new StaticArray<i64>(0);
/** Vehicles (model.ts siteBan bits) that may not serve some site of the prefix. */
export let fwdBan = new StaticArray<u64>(0);
/** Lock sequence: first and last locked site's sequence in the prefix (−1: none), and 1 if out of order. */
export let fwdSeqFirst = new StaticArray<i32>(0);
export let fwdSeqLast = new StaticArray<i32>(0);
export let fwdSeqBad = new StaticArray<u8>(0);
/** Matrix node where the vehicle stands at the end of the prefix (its last real stop or depot). */
export let fwdLoc = new StaticArray<i32>(0);
/** Stops in the prefix (breaks and depots excluded). */
export let fwdStops = new StaticArray<i32>(0);
/** Vehicle that alone may run the prefix (−1: any, −2: two different ones, never feasible). */
export let fwdOwner = new StaticArray<i32>(0);
/** Sum of the window-slot costs of the prefix's stops. */
export let fwdWindowCost = new StaticArray<f64>(0);
// Suffix summaries, same meaning, segment from the site through the last stop.
export let bwdDist = new StaticArray<i64>(0);
export let bwdDur = new StaticArray<i64>(0);
export let bwdWarp = new StaticArray<i64>(0);
export let bwdEarly = new StaticArray<i64>(0);
export let bwdLate = new StaticArray<i64>(0);
export let bwdLoad = new StaticArray<i32>(0);
export let bwdDrive = new StaticArray<i64>(0);
export let bwdBan = new StaticArray<u64>(0);
export let bwdSeqFirst = new StaticArray<i32>(0);
export let bwdSeqLast = new StaticArray<i32>(0);
export let bwdSeqBad = new StaticArray<u8>(0);
export let bwdLoc = new StaticArray<i32>(0);
export let bwdStops = new StaticArray<i32>(0);
export let bwdOwner = new StaticArray<i32>(0);
export let bwdWindowCost = new StaticArray<f64>(0);

// The accumulator: one segment being built.
let accDurBase: i32 = 0;
export let accDist: i64 = 0;
export let accDur: i64 = 0;
export let accWarp: i64 = 0;
export let accEarly: i64 = 0;
export let accLate: i64 = 0;
export let accDrive: i64 = 0;
export let accBan: u64 = 0;
let accSeqFirst: i32 = -1;
let accSeqLast: i32 = -1;
let accSeqBad: bool = false;
/** Matrix node the vehicle stands at after the accumulated segment. */
let accLoc: i32 = 0;
/** Stops (not breaks) in the accumulated segment. */
export let accStops: i32 = 0;
let accOwner: i32 = -1;
let accWindowCost: f64 = 0;
/** [K·3] delivered, picked-up, peak per dimension. */
let accLoad = new StaticArray<i32>(0);

// One saved copy of the accumulator (pair insertion extends a prefix step by step).
let savedDurBase: i32 = 0;
let savedDist: i64 = 0; let savedDur: i64 = 0; let savedWarp: i64 = 0; let savedEarly: i64 = 0; let savedLate: i64 = 0;
let savedDrive: i64 = 0; let savedBan: u64 = 0;
let savedSeqFirst: i32 = -1; let savedSeqLast: i32 = -1; let savedSeqBad: bool = false;
let savedLoc: i32 = 0; let savedStops: i32 = 0; let savedOwner: i32 = -1; let savedWindowCost: f64 = 0;
let savedLoad = new StaticArray<i32>(0);

/** Saves the accumulator (one slot). */
export function accSave(): void {
  savedDurBase = accDurBase;
  savedDist = accDist; savedDur = accDur; savedWarp = accWarp; savedEarly = accEarly; savedLate = accLate;
  savedDrive = accDrive; savedBan = accBan;
  savedSeqFirst = accSeqFirst; savedSeqLast = accSeqLast; savedSeqBad = accSeqBad;
  savedLoc = accLoc; savedStops = accStops; savedOwner = accOwner; savedWindowCost = accWindowCost;
  const k3 = dims * 3;
  for (let i = 0; i < k3; i++) unchecked(savedLoad[i] = accLoad[i]);
}

/** Restores the accumulator saved by accSave. */
export function accRestore(): void {
  accDurBase = savedDurBase;
  accDist = savedDist; accDur = savedDur; accWarp = savedWarp; accEarly = savedEarly; accLate = savedLate;
  accDrive = savedDrive; accBan = savedBan;
  accSeqFirst = savedSeqFirst; accSeqLast = savedSeqLast; accSeqBad = savedSeqBad;
  accLoc = savedLoc; accStops = savedStops; accOwner = savedOwner; accWindowCost = savedWindowCost;
  const k3 = dims * 3;
  for (let i = 0; i < k3; i++) unchecked(accLoad[i] = savedLoad[i]);
}

/** Allocates the per-site summaries for M sites and K dimensions. */
export function setupSegments(m: i32, k: i32): void {
  fwdDist = new StaticArray<i64>(m); fwdDur = new StaticArray<i64>(m); fwdWarp = new StaticArray<i64>(m);
  fwdEarly = new StaticArray<i64>(m); fwdLate = new StaticArray<i64>(m); fwdLoad = new StaticArray<i32>(m * k * 3);
  bwdDist = new StaticArray<i64>(m); bwdDur = new StaticArray<i64>(m); bwdWarp = new StaticArray<i64>(m);
  bwdEarly = new StaticArray<i64>(m); bwdLate = new StaticArray<i64>(m); bwdLoad = new StaticArray<i32>(m * k * 3);
  fwdDrive = new StaticArray<i64>(m); bwdDrive = new StaticArray<i64>(m);
  fwdBan = new StaticArray<u64>(m); bwdBan = new StaticArray<u64>(m);
  fwdSeqFirst = new StaticArray<i32>(m); fwdSeqLast = new StaticArray<i32>(m); fwdSeqBad = new StaticArray<u8>(m);
  bwdSeqFirst = new StaticArray<i32>(m); bwdSeqLast = new StaticArray<i32>(m); bwdSeqBad = new StaticArray<u8>(m);
  fwdLoc = new StaticArray<i32>(m); fwdStops = new StaticArray<i32>(m); fwdOwner = new StaticArray<i32>(m);
  bwdLoc = new StaticArray<i32>(m); bwdStops = new StaticArray<i32>(m); bwdOwner = new StaticArray<i32>(m);
  fwdWindowCost = new StaticArray<f64>(m); bwdWindowCost = new StaticArray<f64>(m);
  accLoad = new StaticArray<i32>(k * 3);
  savedLoad = new StaticArray<i32>(k * 3);
}

/** Appends a lock-sequence summary (first, last, bad) to the accumulator's. */
// @ts-ignore: decorator
@inline function mergeSeq(first: i32, last: i32, bad: bool): void {
  if (bad) accSeqBad = true;
  if (first < 0) return;
  if (accSeqLast >= first) accSeqBad = true;
  if (accSeqFirst < 0) accSeqFirst = first;
  accSeqLast = last;
}

/** Appends an owner summary (−1 any, ≥ 0 one vehicle, −2 clash) to the accumulator's. */
// @ts-ignore: decorator
@inline function mergeOwner(owner: i32): void {
  if (owner == -1 || owner == accOwner) return;
  accOwner = accOwner == -1 ? owner : -2;
}

/**
 * Starts the accumulator with one site, travelling with vehicle's profile. For a break the place is
 * its own zero-travel node: the suffix stored at a break is never reused (accAppendSuffix appends
 * leading breaks one by one).
 */
export function accFromSite(site: i32, vehicle: i32): void {
  accDurBase = unchecked(vehicleDurationBase[vehicle]);
  accDist = 0; accDur = unchecked(siteServiceS[site]); accWarp = 0; accDrive = 0;
  accEarly = unchecked(siteOpenS[site]); accLate = unchecked(siteCloseS[site]);
  accBan = unchecked(siteBan[site]);
  const seq = unchecked(siteSeq[site]);
  accSeqFirst = seq; accSeqLast = seq; accSeqBad = false;
  accLoc = unchecked(siteNode[site]);
  accStops = unchecked(siteKind[site]) & SITE_STOP;
  accOwner = unchecked(siteOwner[site]);
  accWindowCost = unchecked(siteWindowCost[site]);
  const k = dims;
  for (let d = 0; d < k; d++) {
    const delivered = unchecked(siteDemand[site * k + d]);
    const picked = unchecked(sitePickup[site * k + d]);
    unchecked(accLoad[3 * d] = delivered); unchecked(accLoad[3 * d + 1] = picked);
    unchecked(accLoad[3 * d + 2] = max(delivered, picked));
  }
}

/** Starts the accumulator with the stored prefix ending at site. */
export function accFromPrefix(site: i32, vehicle: i32): void {
  accDurBase = unchecked(vehicleDurationBase[vehicle]);
  accDist = unchecked(fwdDist[site]); accDur = unchecked(fwdDur[site]); accWarp = unchecked(fwdWarp[site]);
  accEarly = unchecked(fwdEarly[site]); accLate = unchecked(fwdLate[site]);
  accDrive = unchecked(fwdDrive[site]); accBan = unchecked(fwdBan[site]);
  accSeqFirst = unchecked(fwdSeqFirst[site]); accSeqLast = unchecked(fwdSeqLast[site]);
  accSeqBad = unchecked(fwdSeqBad[site]) != 0;
  accLoc = unchecked(fwdLoc[site]); accStops = unchecked(fwdStops[site]);
  accOwner = unchecked(fwdOwner[site]); accWindowCost = unchecked(fwdWindowCost[site]);
  const k3 = dims * 3;
  for (let i = 0; i < k3; i++) unchecked(accLoad[i] = fwdLoad[site * k3 + i]);
}

/**
 * Appends a segment whose first site is `first` to the accumulator (the caller then sets where the
 * vehicle stands). Travel from accLoc to `first` uses the accumulator's profile; the Vidal merge of
 * (D1, TW1, E1, L1) ⊕ (D2, TW2, E2, L2) with travel t:
 *   δ = D1 − TW1 + t, waitΔ = max(E2 − δ − L1, 0), warpΔ = max(E1 + δ − L2, 0)
 *   D = D1 + D2 + t + waitΔ, TW = TW1 + TW2 + warpΔ
 *   E = max(E2 − δ, E1) − waitΔ, L = min(L2 − δ, L1) + warpΔ
 */
// @ts-ignore: decorator
@inline function merge(first: i32, dist: i64, dur: i64, warp: i64, early: i64, late: i64, drive: i64): void {
  const from = accLoc; const to = unchecked(siteNode[first]);
  const cell = from * nodeCount + to;
  const travel = <i64>unchecked(durationS[accDurBase + cell]);
  const delta = accDur - accWarp + travel;
  const waitDelta = max<i64>(early - delta - accLate, 0);
  const warpDelta = max<i64>(accEarly + delta - late, 0);
  accDist += <i64>unchecked(distanceM[cell]) + dist;
  accDrive += travel + drive;
  accDur += dur + travel + waitDelta;
  accWarp += warp + warpDelta;
  accEarly = max<i64>(early - delta, accEarly) - waitDelta;
  accLate = min<i64>(late - delta, accLate) + warpDelta;
}

// @ts-ignore: decorator
@inline function mergeLoad(source: StaticArray<i32>, offset: i32): void {
  const k = dims;
  for (let d = 0; d < k; d++) {
    const delivered = unchecked(source[offset + 3 * d]);
    const picked = unchecked(source[offset + 3 * d + 1]);
    const peak = unchecked(source[offset + 3 * d + 2]);
    const accDelivered = unchecked(accLoad[3 * d]);
    const accPicked = unchecked(accLoad[3 * d + 1]);
    const accPeak = unchecked(accLoad[3 * d + 2]);
    unchecked(accLoad[3 * d] = accDelivered + delivered);
    unchecked(accLoad[3 * d + 1] = accPicked + picked);
    unchecked(accLoad[3 * d + 2] = max(accPeak + delivered, peak + accPicked));
  }
}

/** Appends one site. */
export function accAppendSite(site: i32): void {
  merge(site, 0, unchecked(siteServiceS[site]), 0, unchecked(siteOpenS[site]), unchecked(siteCloseS[site]), 0);
  // A break has no place (its matrix rows are zero): the vehicle still stands at the last real stop.
  const kind = unchecked(siteKind[site]);
  accLoc = select<i32>(accLoc, unchecked(siteNode[site]), (kind & SITE_BREAK) != 0);
  accStops += kind & SITE_STOP;
  if (hasOwners) mergeOwner(unchecked(siteOwner[site]));
  if (hasWindowCosts) accWindowCost += unchecked(siteWindowCost[site]);
  accBan |= unchecked(siteBan[site]);
  const seq = unchecked(siteSeq[site]);
  mergeSeq(seq, seq, false);
  const k = dims;
  for (let d = 0; d < k; d++) {
    const delivered = unchecked(siteDemand[site * k + d]);
    const picked = unchecked(sitePickup[site * k + d]);
    const accPicked = unchecked(accLoad[3 * d + 1]);
    unchecked(accLoad[3 * d] = accLoad[3 * d] + delivered);
    unchecked(accLoad[3 * d + 1] = accPicked + picked);
    unchecked(accLoad[3 * d + 2] = max(accLoad[3 * d + 2] + delivered, max(delivered, picked) + accPicked));
  }
}

/**
 * Appends the stored suffix that starts at `site` and ends at `last` (the last
 * stop of its route). No-op for an end site (empty suffix). When the suffix was
 * summarised with another profile, it is re-walked site by site (O(length)).
 */
export function accAppendSuffix(site: i32, last: i32, sameProfile: bool, next: StaticArray<i32>): void {
  if (isEndSite(site)) return;
  if (hasBreaks) {
    // A stored suffix's first leg assumed its old predecessor's place: take leading breaks one by one.
    while (isBreak(site)) {
      accAppendSite(site);
      if (site == last) return;
      site = unchecked(next[site]);
    }
  }
  if (!sameProfile) { accAppendRange(site, last, next); return; }
  merge(site, unchecked(bwdDist[site]), unchecked(bwdDur[site]), unchecked(bwdWarp[site]),
    unchecked(bwdEarly[site]), unchecked(bwdLate[site]), unchecked(bwdDrive[site]));
  accLoc = unchecked(bwdLoc[site]);
  accStops += unchecked(bwdStops[site]);
  if (hasOwners) mergeOwner(unchecked(bwdOwner[site]));
  if (hasWindowCosts) accWindowCost += unchecked(bwdWindowCost[site]);
  accBan |= unchecked(bwdBan[site]);
  mergeSeq(unchecked(bwdSeqFirst[site]), unchecked(bwdSeqLast[site]), unchecked(bwdSeqBad[site]) != 0);
  mergeLoad(bwdLoad, site * dims * 3);
}

/** Appends sites first … last following `next` (first must reach last). */
export function accAppendRange(first: i32, last: i32, next: StaticArray<i32>): void {
  let site = first;
  while (true) {
    accAppendSite(site);
    if (site == last) break;
    site = unchecked(next[site]);
  }
}

/** Appends sites last, prev(last), …, first (a reversed range). */
export function accAppendReversed(first: i32, last: i32, prev: StaticArray<i32>): void {
  let site = last;
  while (true) {
    accAppendSite(site);
    if (site == first) break;
    site = unchecked(prev[site]);
  }
}

/** Stores the accumulator as the prefix summary of `site`. */
export function storePrefix(site: i32): void {
  unchecked(fwdDist[site] = accDist); unchecked(fwdDur[site] = accDur); unchecked(fwdWarp[site] = accWarp);
  unchecked(fwdEarly[site] = accEarly); unchecked(fwdLate[site] = accLate);
  unchecked(fwdDrive[site] = accDrive); unchecked(fwdBan[site] = accBan);
  unchecked(fwdSeqFirst[site] = accSeqFirst); unchecked(fwdSeqLast[site] = accSeqLast);
  unchecked(fwdSeqBad[site] = accSeqBad ? 1 : 0);
  unchecked(fwdLoc[site] = accLoc); unchecked(fwdStops[site] = accStops);
  unchecked(fwdOwner[site] = accOwner); unchecked(fwdWindowCost[site] = accWindowCost);
  const k3 = dims * 3;
  for (let i = 0; i < k3; i++) unchecked(fwdLoad[site * k3 + i] = accLoad[i]);
}

/** Stores the accumulator as the suffix summary of `site`. */
export function storeSuffix(site: i32): void {
  unchecked(bwdDist[site] = accDist); unchecked(bwdDur[site] = accDur); unchecked(bwdWarp[site] = accWarp);
  unchecked(bwdEarly[site] = accEarly); unchecked(bwdLate[site] = accLate);
  unchecked(bwdDrive[site] = accDrive); unchecked(bwdBan[site] = accBan);
  unchecked(bwdSeqFirst[site] = accSeqFirst); unchecked(bwdSeqLast[site] = accSeqLast);
  unchecked(bwdSeqBad[site] = accSeqBad ? 1 : 0);
  unchecked(bwdLoc[site] = accLoc); unchecked(bwdStops[site] = accStops);
  unchecked(bwdOwner[site] = accOwner); unchecked(bwdWindowCost[site] = accWindowCost);
  const k3 = dims * 3;
  for (let i = 0; i < k3; i++) unchecked(bwdLoad[site * k3 + i] = accLoad[i]);
}

/**
 * True when the accumulated (closed) route keeps every window (breaks' too), the shift, the vehicle's
 * capacity at every point, its limits, who may serve each stop and the order of locked stops.
 */
export function accFeasible(vehicle: i32): bool {
  if (accWarp != 0 || accSeqBad) return false;
  if (hasOwners && accOwner != -1 && accOwner != vehicle) return false;
  if (((accBan >> <u64>unchecked(vehicleBanBit[vehicle])) & 1) != 0) return false;
  const k = dims;
  for (let d = 0; d < k; d++) {
    if (unchecked(accLoad[3 * d + 2]) > unchecked(capacity[vehicle * k + d])) return false;
  }
  if (hasLimits) {
    const stops = unchecked(maxStops[vehicle]);
    if (stops >= 0 && accStops > stops) return false;
    const distance = unchecked(maxDistanceM[vehicle]);
    if (distance >= 0 && accDist > <i64>distance) return false;
    const duration = unchecked(maxDurationS[vehicle]);
    if (duration >= 0 && accDur > <i64>duration) return false;
    const driving = unchecked(maxDrivingS[vehicle]);
    if (driving >= 0 && accDrive > <i64>driving) return false;
  }
  return true;
}

/**
 * Cost of the accumulated route closed at vehicle's end site, or INFEASIBLE.
 * A route with no stops (breaks alone do not count) costs 0: the vehicle stays home.
 */
export function accRouteCost(vehicle: i32): f64 {
  // Even a route without stops may not hold another vehicle's break.
  if (accStops == 0) return hasOwners && accOwner != -1 && accOwner != vehicle ? INFEASIBLE : 0;
  if (!accFeasible(vehicle)) return INFEASIBLE;
  let cost = unchecked(vehicleFixedCost[vehicle]) + unchecked(vehicleCostPerM[vehicle]) * <f64>accDist
    + unchecked(vehicleCostPerS[vehicle]) * <f64>accDur;
  if (hasWindowCosts) cost += accWindowCost;
  if (hasOvertime) cost += unchecked(overtimeCostPerS[vehicle]) * <f64>accOvertime(vehicle);
  return cost;
}

/**
 * Seconds the accumulated (closed) route ends after vehicle's shift: leaving at the earliest start
 * that keeps the duration minimal (as the output schedules it) also ends it earliest.
 */
export function accOvertime(vehicle: i32): i64 {
  return max<i64>(accEarly + accDur - <i64>unchecked(shiftEndS[vehicle]), 0);
}

/** Peak load of dimension d in the accumulator (for tests/inspection). */
export function accPeakLoad(d: i32): i32 {
  return accLoad[3 * d + 2];
}
