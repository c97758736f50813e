// Concatenable route-segment summaries for O(1) move evaluation (Vidal et al.
// 2013, "A hybrid genetic algorithm with adaptive diversity management…", §4;
// PyVRP's DurationSegment/LoadSegment). Each site stores the summary of its
// route prefix (start depot … site) and suffix (site … last stop, end depot
// excluded so a tail can be re-attached to another vehicle's end). Evaluation
// builds candidate routes in one accumulator (accumulator.ts) from these pieces;
// this module owns the record layout, the stored summaries and the accumulator's
// records, and screens moves on the time fields alone (insertionWarp, joinWarp).
import { siteNode, siteOpenS, siteCloseS, siteServiceS, symmetricTravel, neverLate } from "./model-derived";
import { hasStability } from "./homes";
import { nodeDuration } from "./matrix";

// ---- The field list. A summary is one record of i64 slots; every prefix, suffix, the accumulator and
// its saved copy share this layout, so storing, loading, saving and restoring copy whole records and a
// new field is one offset here plus what it means: its value for one site (accumulator.ts accFromSite, and
// the same in appendSite) and its concatenation rule (appendSite for a site, accAppendSuffix for a stored suffix).
// Hot code keeps the accumulator's and a record's address in a local and reads slots at constant offsets.
//
//   record: | DIST DUR WARP EARLY LATE DRIVE | BAN | SEQ_FIRST SEQ_LAST SEQ_BAD | LOC STOPS OWNER | WINDOW_COST | LOAD[3K] | HOMED STRANGERS |
//            time (Vidal merge)               or    lock sequence               place, count, owner  f64 bits    per dimension:   only with
//                                                                                                                 delivered,      stability
//                                                                                                                 picked up, peak
/** Distance of the segment. */
export const F_DIST: i32 = 0;
/** Minimal duration (travel + service + unavoidable waiting). */
export const F_DUR: i32 = 1;
/** Time warp: total lateness the segment cannot avoid (0 ⇔ feasible). */
export const F_WARP: i32 = 2;
/** Earliest / latest start at the first site that keep duration minimal / warp zero. */
export const F_EARLY: i32 = 3;
export const F_LATE: i32 = 4;
/** Driving time (travel only). */
export const F_DRIVE: i32 = 5;
/** Vehicles (model-derived.ts siteBan bits, u64 bits) that may not serve some site of the segment. */
export const F_BAN: i32 = 6;
/** Lock sequence: first and last locked site's sequence (−1: none), and 1 if out of order. */
export const F_SEQ_FIRST: i32 = 7;
export const F_SEQ_LAST: i32 = 8;
export const F_SEQ_BAD: i32 = 9;
/** Matrix node where the vehicle stands at the end of the segment (its last real stop or depot). */
export const F_LOC: i32 = 10;
/** Stops in the segment (breaks and depots excluded). */
export const F_STOPS: i32 = 11;
/** Vehicle that alone may run the segment (−1: any, −2: two different ones, never feasible). */
export const F_OWNER: i32 = 12;
/** Sum of the window-slot costs of the segment's stops (f64 bits). */
export const F_WINDOW_COST: i32 = 13;
/** First of 3·K load slots: per dimension d, delivered total (3d), picked-up total (3d+1), peak on board (3d+2). */
export const F_LOAD: i32 = 14;

/**
 * Plan stability (only when homes.ts hasStability, so records stay as short as before without it): slot
 * `homedAt` counts the segment's stops that have a home vehicle, slot `homedAt + 1` the strangers among
 * them, i.e. stops whose home is not the record's vehicle. A stored prefix or suffix counts against its
 * own route's vehicle (updateRoute builds it so), the accumulator against `accVehicle`.
 */
export let homedAt: i32 = F_LOAD;
/** Slots per record: F_LOAD + 3·K (+ 2 with stability). */
export let stride: i32 = F_LOAD;
/** [M·stride] prefix summaries: segment from the route's start site through the site. */
export let fwd = new StaticArray<i64>(0);
/** [M·stride] suffix summaries: segment from the site through the last stop of its route. */
export let bwd = new StaticArray<i64>(0);
/** [stride] the accumulator: one segment being built. */
export let acc = new StaticArray<i64>(0);
/** [stride] one saved copy of the accumulator (pair insertion extends a prefix step by step). */
export let saved = new StaticArray<i64>(0);

/** Field `field` of the accumulator. */
// @ts-ignore: decorator
@inline export function accField(field: i32): i64 {
  return get(changetype<usize>(acc), field);
}

/** Field `field` of the prefix summary ending at site. */
// @ts-ignore: decorator
@inline export function prefixField(site: i32, field: i32): i64 {
  return unchecked(fwd[site * stride + field]);
}

/** Field `field` of the suffix summary starting at site. */
// @ts-ignore: decorator
@inline export function suffixField(site: i32, field: i32): i64 {
  return unchecked(bwd[site * stride + field]);
}

/** Slot `field` of the record at address `record` (hot code keeps record addresses in locals). */
// @ts-ignore: decorator
@inline export function get(record: usize, field: i32): i64 {
  return load<i64>(record + (<usize>field << 3));
}

/** Sets slot `field` of the record at address `record`. */
// @ts-ignore: decorator
@inline export function put(record: usize, field: i32, value: i64): void {
  store<i64>(record + (<usize>field << 3), value);
}

/** Address of site's record in fwd or bwd. */
// @ts-ignore: decorator
@inline export function recordOf(records: StaticArray<i64>, site: i32): usize {
  return changetype<usize>(records) + (<usize>(site * stride) << 3);
}

/** Copies one record (`stride` slots) from source[from…] to target[to…]. */
// @ts-ignore: decorator
@inline export function copyRecord(source: StaticArray<i64>, from: i32, target: StaticArray<i64>, to: i32): void {
  memory.copy(changetype<usize>(target) + (<usize>to << 3), changetype<usize>(source) + (<usize>from << 3), <usize>stride << 3);
}

/** Allocates the per-site summaries for M sites and K dimensions. */
export function setupSegments(m: i32, k: i32): void {
  homedAt = F_LOAD + 3 * k;
  stride = homedAt + (hasStability ? 2 : 0);
  fwd = new StaticArray<i64>(m * stride);
  bwd = new StaticArray<i64>(m * stride);
  acc = new StaticArray<i64>(stride);
  saved = new StaticArray<i64>(stride);
}

/**
 * Time warp of the route made of the stored prefix through `before`, the chain first … last (following
 * `next`; one stop when first == last), the stored suffix from `after` (none when `after` is the end site
 * `end`), then `end`, from the time fields alone: four scalars per merge instead of whole records, as
 * routeCostWith's accumulator would find them. With a suffix the leg from it to the end depot is left out,
 * so the result is then a lower bound (warp only grows as a route is extended). Only for routes without
 * breaks whose prefix and suffix lie on the one route (one travel profile). 0 at once when no route can be late.
 */
export function insertionWarp(before: i32, first: i32, last: i32, after: i32, end: i32, profile: i32, next: StaticArray<i32>): i64 {
  if (neverLate) return 0;
  const p = recordOf(fwd, before);
  let dur = get(p, F_DUR); let warp = get(p, F_WARP); let early = get(p, F_EARLY); let late = get(p, F_LATE);
  let at = unchecked(siteNode[before]);
  let site = first;
  while (true) {
    // One Vidal merge (mergeTime) of (dur, warp, early, late) with the stop at `site`.
    const node = unchecked(siteNode[site]);
    // The first leg runs into the chain's stop: its matrix row is the one a scan over positions keeps hot.
    const travel = <i64>(site == first && symmetricTravel ? nodeDuration(profile, node, at) : nodeDuration(profile, at, node));
    const delta = dur - warp + travel;
    const open = unchecked(siteOpenS[site]); const close = unchecked(siteCloseS[site]);
    const waitDelta = max<i64>(open - delta - late, 0);
    const warpDelta = max<i64>(early + delta - close, 0);
    dur = dur + unchecked(siteServiceS[site]) + travel + waitDelta;
    warp = warp + warpDelta;
    early = max<i64>(open - delta, early) - waitDelta;
    late = min<i64>(close - delta, late) + warpDelta;
    at = node;
    if (site == last) break;
    site = unchecked(next[site]);
  }
  const delta = dur - warp + <i64>nodeDuration(profile, at, unchecked(siteNode[after]));
  if (after == end) return warp + max<i64>(early + delta - unchecked(siteCloseS[end]), 0);
  const b = recordOf(bwd, after);
  return warp + get(b, F_WARP) + max<i64>(early + delta - get(b, F_LATE), 0);
}

/**
 * Time warp of the route made of the stored prefix through `before` and the stored suffix from `after`
 * (none when `after` is the end site `end`), from the time fields alone; with a suffix the leg on to the
 * end depot is left out (a lower bound, as in insertionWarp). The suffix must have been summarised with
 * `profile`, the profile of the prefix's route.
 */
export function joinWarp(before: i32, after: i32, end: i32, profile: i32): i64 {
  if (neverLate) return 0;
  const p = recordOf(fwd, before);
  const warp = get(p, F_WARP);
  const reach = get(p, F_EARLY) + get(p, F_DUR) - warp
    + <i64>nodeDuration(profile, unchecked(siteNode[before]), unchecked(siteNode[after]));
  if (after == end) return warp + max<i64>(reach - unchecked(siteCloseS[end]), 0);
  const b = recordOf(bwd, after);
  return warp + get(b, F_WARP) + max<i64>(reach - get(b, F_LATE), 0);
}

/** Stores the accumulator as the prefix summary of `site`. */
export function storePrefix(site: i32): void {
  copyRecord(acc, 0, fwd, site * stride);
}

/** Stores the accumulator as the suffix summary of `site`. */
export function storeSuffix(site: i32): void {
  copyRecord(acc, 0, bwd, site * stride);
}
