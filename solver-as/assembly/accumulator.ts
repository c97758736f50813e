// The segment accumulator (Vidal et al. 2013, §4; PyVRP's DurationSegment/LoadSegment merge): builds
// the summary of one candidate route from a site or a stored prefix, then appends sites, stored suffixes
// and ranges, each field by its concatenation rule; saved and restored for pair insertion. The record
// layout and the stored summaries are in segments.ts.
//
// Driver breaks are sites without a place: the driver takes them where the
// vehicle stands, so travel into a break is zero and travel out of it starts at
// the last real stop. The accumulator therefore tracks that place (field F_LOC)
// instead of reading it off its last site; a stored suffix is reused only from a
// real stop on (leading breaks are appended one by one), because its first leg
// depends on where the vehicle comes from.
import { nodeCount, dims, vehicleProfile, storedMatrix, distanceM, durationS, isEndSite, isBreak } from "./model";
import {
  siteNode, siteOpenS, siteCloseS, siteServiceS, siteDemand, sitePickup, siteBan, siteSeq, hasBreaks, siteOwner, siteKind,
  SITE_STOP, SITE_BREAK, siteWindowCost, hasWindowCosts, hasOwners,
} from "./model-derived";
import { hasStability, siteHome } from "./homes";
import { nodeDistance, legDuration } from "./matrix";
import {
  F_DIST, F_DUR, F_WARP, F_EARLY, F_LATE, F_DRIVE, F_BAN, F_SEQ_FIRST, F_SEQ_LAST, F_SEQ_BAD, F_LOC, F_STOPS, F_OWNER, F_WINDOW_COST,
  F_LOAD, homedAt, stride, fwd, bwd, acc, saved, get, put, recordOf, copyRecord,
} from "./segments";

/** Travel-time profile the accumulator's legs use (not a summary field). */
let accProfile: i32 = 0;
/** Offset of the accumulator's profile in a stored durationS (profile·N·N). */
let accDurBase: i32 = 0;
let savedProfile: i32 = 0;
let savedDurBase: i32 = 0;
/** The vehicle the accumulator's route belongs to (strangers are counted against it; not a summary field). */
let accVehicle: i32 = 0;
let savedVehicle: i32 = 0;

/** Saves the accumulator (one slot). */
export function accSave(): void {
  savedProfile = accProfile; savedDurBase = accDurBase;
  savedVehicle = accVehicle;
  copyRecord(acc, 0, saved, 0);
}

/** Restores the accumulator saved by accSave. */
export function accRestore(): void {
  accProfile = savedProfile; accDurBase = savedDurBase;
  accVehicle = savedVehicle;
  copyRecord(saved, 0, acc, 0);
}

/** Appends a lock-sequence summary (first, last, bad) to the accumulator's (at address a). */
// @ts-ignore: decorator
@inline function mergeSeq(a: usize, first: i64, last: i64, bad: i64): void {
  if (bad != 0) put(a, F_SEQ_BAD, 1);
  if (first < 0) return;
  if (get(a, F_SEQ_LAST) >= first) put(a, F_SEQ_BAD, 1);
  if (get(a, F_SEQ_FIRST) < 0) put(a, F_SEQ_FIRST, first);
  put(a, F_SEQ_LAST, last);
}

/** Appends an owner summary (−1 any, ≥ 0 one vehicle, −2 clash) to the accumulator's. */
// @ts-ignore: decorator
@inline function mergeOwner(a: usize, owner: i64): void {
  const current = get(a, F_OWNER);
  if (owner == -1 || owner == current) return;
  put(a, F_OWNER, current == -1 ? owner : -2);
}

/** Counts one stop whose home vehicle is `home` (−1: none) into the accumulator's stability slots. */
// @ts-ignore: decorator
@inline function countHome(a: usize, home: i32): void {
  if (home < 0) return;
  put(a, homedAt, get(a, homedAt) + 1);
  if (home != accVehicle) put(a, homedAt + 1, get(a, homedAt + 1) + 1);
}

/**
 * Appends the stability slots of the suffix record b (sites site … last of route `fromRoute`, counted
 * against that route's vehicle). O(1) when the suffix stays on its vehicle or holds no stranger of its own
 * (every homed stop then belongs to fromRoute, a stranger anywhere else); otherwise one walk over it.
 */
function mergeHome(a: usize, b: usize, site: i32, last: i32, fromRoute: i32, next: StaticArray<i32>): void {
  const homed = get(b, homedAt); const strangers = get(b, homedAt + 1);
  put(a, homedAt, get(a, homedAt) + homed);
  let added = strangers;
  if (fromRoute != accVehicle) added = strangers == 0 ? homed : rangeStrangers(site, last, accVehicle, next);
  put(a, homedAt + 1, get(a, homedAt + 1) + added);
}

/** Stops of sites first … last (following `next`) whose home is set and is not `vehicle`. O(length). */
export function rangeStrangers(first: i32, last: i32, vehicle: i32, next: StaticArray<i32>): i64 {
  let count: i64 = 0;
  let site = first;
  while (true) {
    const home = unchecked(siteHome[site]);
    if (home >= 0 && home != vehicle) count++;
    if (site == last) break;
    site = unchecked(next[site]);
  }
  return count;
}

/** Adds an f64 amount to the f64 field stored as bits. */
// @ts-ignore: decorator
@inline function addCost(a: usize, field: i32, amount: f64): void {
  put(a, field, reinterpret<i64>(reinterpret<f64>(get(a, field)) + amount));
}

/**
 * Appends a segment's time summary, reached by a leg of `legDist` metres and `travel` seconds, to the
 * accumulator's. The Vidal merge of (D1, TW1, E1, L1) ⊕ (D2, TW2, E2, L2) with travel t:
 *   δ = D1 − TW1 + t, waitΔ = max(E2 − δ − L1, 0), warpΔ = max(E1 + δ − L2, 0)
 *   D = D1 + D2 + t + waitΔ, TW = TW1 + TW2 + warpΔ
 *   E = max(E2 − δ, E1) − waitΔ, L = min(L2 − δ, L1) + warpΔ
 */
// @ts-ignore: decorator
@inline function mergeTime(a: usize, legDist: i64, travel: i64, dist: i64, dur: i64, warp: i64, early: i64, late: i64, drive: i64): void {
  const accDur = get(a, F_DUR); const accWarp = get(a, F_WARP);
  const accEarly = get(a, F_EARLY); const accLate = get(a, F_LATE);
  const delta = accDur - accWarp + travel;
  const waitDelta = max<i64>(early - delta - accLate, 0);
  const warpDelta = max<i64>(accEarly + delta - late, 0);
  put(a, F_DIST, get(a, F_DIST) + legDist + dist);
  put(a, F_DRIVE, get(a, F_DRIVE) + travel + drive);
  put(a, F_DUR, accDur + dur + travel + waitDelta);
  put(a, F_WARP, accWarp + warp + warpDelta);
  put(a, F_EARLY, max<i64>(early - delta, accEarly) - waitDelta);
  put(a, F_LATE, min<i64>(late - delta, accLate) + warpDelta);
}

/** Appends one dimension's load summary (delivered, picked up, peak) to the accumulator's. */
// @ts-ignore: decorator
@inline function mergeLoad(a: usize, d: i32, delivered: i64, picked: i64, peak: i64): void {
  const at = F_LOAD + 3 * d;
  const accPicked = get(a, at + 1);
  put(a, at, get(a, at) + delivered);
  put(a, at + 1, accPicked + picked);
  put(a, at + 2, max<i64>(get(a, at + 2) + delivered, peak + accPicked));
}

/**
 * Appends one site reached by a leg of `legDist` metres and `travel` seconds (a segment of one: each
 * field's single-site value, as accFromSite sets it, concatenated to the accumulator's).
 */
// @ts-ignore: decorator
@inline function appendSite(a: usize, site: i32, legDist: i64, travel: i64): void {
  mergeTime(a, legDist, travel, 0, unchecked(siteServiceS[site]), 0, unchecked(siteOpenS[site]), unchecked(siteCloseS[site]), 0);
  // A break has no place (its matrix rows are zero): the vehicle still stands at the last real stop.
  const kind = unchecked(siteKind[site]);
  if ((kind & SITE_BREAK) == 0) put(a, F_LOC, <i64>unchecked(siteNode[site]));
  put(a, F_STOPS, get(a, F_STOPS) + <i64>(kind & SITE_STOP));
  if (hasOwners) mergeOwner(a, <i64>unchecked(siteOwner[site]));
  if (hasWindowCosts) addCost(a, F_WINDOW_COST, unchecked(siteWindowCost[site]));
  put(a, F_BAN, get(a, F_BAN) | <i64>unchecked(siteBan[site]));
  if (hasStability) countHome(a, unchecked(siteHome[site]));
  const seq = <i64>unchecked(siteSeq[site]);
  mergeSeq(a, seq, seq, 0);
  const k = dims;
  for (let d = 0; d < k; d++) {
    const delivered = <i64>unchecked(siteDemand[site * k + d]);
    const picked = <i64>unchecked(sitePickup[site * k + d]);
    mergeLoad(a, d, delivered, picked, max<i64>(delivered, picked));
  }
}

/**
 * Starts the accumulator with one site (a segment of one: the values appendSite adds for it), travelling
 * with vehicle's profile. For a break the place is its own zero-travel node: the suffix stored at a
 * break is never reused (accAppendSuffix appends leading breaks one by one).
 */
export function accFromSite(site: i32, vehicle: i32): void {
  accProfile = unchecked(vehicleProfile[vehicle]);
  accDurBase = accProfile * nodeCount * nodeCount;
  accVehicle = vehicle;
  const a = changetype<usize>(acc);
  put(a, F_DIST, 0); put(a, F_DUR, unchecked(siteServiceS[site])); put(a, F_WARP, 0);
  put(a, F_EARLY, unchecked(siteOpenS[site])); put(a, F_LATE, unchecked(siteCloseS[site])); put(a, F_DRIVE, 0);
  put(a, F_BAN, <i64>unchecked(siteBan[site]));
  const seq = <i64>unchecked(siteSeq[site]);
  put(a, F_SEQ_FIRST, seq); put(a, F_SEQ_LAST, seq); put(a, F_SEQ_BAD, 0);
  put(a, F_LOC, <i64>unchecked(siteNode[site]));
  put(a, F_STOPS, <i64>(unchecked(siteKind[site]) & SITE_STOP));
  put(a, F_OWNER, <i64>unchecked(siteOwner[site]));
  put(a, F_WINDOW_COST, reinterpret<i64>(unchecked(siteWindowCost[site])));
  const k = dims;
  for (let d = 0; d < k; d++) {
    const delivered = <i64>unchecked(siteDemand[site * k + d]);
    const picked = <i64>unchecked(sitePickup[site * k + d]);
    put(a, F_LOAD + 3 * d, delivered); put(a, F_LOAD + 3 * d + 1, picked); put(a, F_LOAD + 3 * d + 2, max<i64>(delivered, picked));
  }
  if (hasStability) { put(a, homedAt, 0); put(a, homedAt + 1, 0); countHome(a, unchecked(siteHome[site])); }
}

/** Starts the accumulator with the stored prefix ending at site, which lies on vehicle's own route. */
export function accFromPrefix(site: i32, vehicle: i32): void {
  accProfile = unchecked(vehicleProfile[vehicle]);
  accDurBase = accProfile * nodeCount * nodeCount;
  accVehicle = vehicle;
  copyRecord(fwd, site * stride, acc, 0);
}

/** Seconds of the leg the last accLeg call measured. */
let legSeconds: i64 = 0;

/** Metres of the leg from where the accumulator stands to site's node; its seconds go to legSeconds. */
// @ts-ignore: decorator
@inline function accLeg(a: usize, site: i32): i64 {
  const from = <i32>get(a, F_LOC); const to = unchecked(siteNode[site]);
  if (storedMatrix) {
    const cell = from * nodeCount + to;
    legSeconds = <i64>unchecked(durationS[accDurBase + cell]);
    return <i64>unchecked(distanceM[cell]);
  }
  const distance = nodeDistance(from, to);
  legSeconds = <i64>legDuration(accProfile, from, to, distance);
  return <i64>distance;
}

/** Appends one site (travel from where the accumulator stands uses its profile). */
export function accAppendSite(site: i32): void {
  const a = changetype<usize>(acc);
  const distance = accLeg(a, site);
  appendSite(a, site, distance, legSeconds);
}

/**
 * Appends the stored suffix that starts at `site` and ends at `last` (the last
 * stop of its route, `fromRoute`). No-op for an end site (empty suffix). When the
 * suffix was summarised with another profile, it is re-walked site by site (O(length)).
 * This is where each field's concatenation rule is defined.
 */
export function accAppendSuffix(site: i32, last: i32, fromRoute: i32, next: StaticArray<i32>): void {
  if (isEndSite(site)) return;
  const sameProfile = unchecked(vehicleProfile[fromRoute]) == accProfile;
  if (hasBreaks) {
    // A stored suffix's first leg assumed its old predecessor's place: take leading breaks one by one.
    while (isBreak(site)) {
      accAppendSite(site);
      if (site == last) return;
      site = unchecked(next[site]);
    }
  }
  if (!sameProfile) { accAppendRange(site, last, next); return; }
  const a = changetype<usize>(acc);
  const b = recordOf(bwd, site);
  const distance = accLeg(a, site);
  mergeTime(a, distance, legSeconds,
    get(b, F_DIST), get(b, F_DUR), get(b, F_WARP), get(b, F_EARLY), get(b, F_LATE), get(b, F_DRIVE));
  put(a, F_LOC, get(b, F_LOC));
  put(a, F_STOPS, get(a, F_STOPS) + get(b, F_STOPS));
  if (hasOwners) mergeOwner(a, get(b, F_OWNER));
  if (hasWindowCosts) addCost(a, F_WINDOW_COST, reinterpret<f64>(get(b, F_WINDOW_COST)));
  put(a, F_BAN, get(a, F_BAN) | get(b, F_BAN));
  mergeSeq(a, get(b, F_SEQ_FIRST), get(b, F_SEQ_LAST), get(b, F_SEQ_BAD));
  if (hasStability) mergeHome(a, b, site, last, fromRoute, next);
  const k = dims;
  for (let d = 0; d < k; d++) {
    const at = F_LOAD + 3 * d;
    mergeLoad(a, d, get(b, at), get(b, at + 1), get(b, at + 2));
  }
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
