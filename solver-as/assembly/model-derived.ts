// The problem as the search reads it, derived once per solve by prepareModel from model.ts's input
// buffers: per-site arrays (route ends included), vehicle ban bits, window hulls and the chosen window
// of each stop, and the flags that say which rules are in play.
import {
  nodeCount, depotCount, vehicleCount, dims, windowCount, siteCount, storedMatrix, profileCount, distanceM, durationS,
  demand, pickup, serviceS, twOpenS, twCloseS, forbidden, lockSeq, maxStops, maxDistanceM, maxDurationS, maxDrivingS,
  nodeFlags, overtimeMaxS, nodeVehicle, windowCost, pairOf, vehicleStart, vehicleEnd, shiftStartS, shiftEndS,
  vehicleCostPerS, windowUsed, clearAnywhereTravel,
} from "./model";
import { NODE_PICKUP, NODE_BREAK, TIME_INF } from "./types";

/** True when some vehicle may work overtime at a cost. */
export let hasOvertime: bool = false;
/** True when some node has a driver break (NODE_BREAK) / some window slot costs something. */
export let hasBreaks: bool = false;
export let hasWindowCosts: bool = false;
/** True when some node may only be served by one vehicle (nodeVehicle ≥ 0). */
export let hasOwners: bool = false;
/** True when some stops are paired (shipments): operators then check precedence and same route. */
export let hasPairs: bool = false;

// ---- derived per-site arrays (filled by prepareModel)
/** [M] matrix node of each site (identity for nodes, the vehicle's depot for route ends). */
export let siteNode = new StaticArray<i32>(0);
/** [M] singleton time segment of each site: earliest/latest service start and service time. */
export let siteOpenS = new StaticArray<i64>(0);
export let siteCloseS = new StaticArray<i64>(0);
export let siteServiceS = new StaticArray<i64>(0);
/** [M·K] delivered amount per site (0 for route ends). */
export let siteDemand = new StaticArray<i32>(0);
/** [M·K] collected amount per site (0 for route ends). */
export let sitePickup = new StaticArray<i32>(0);
/**
 * [M] vehicles that may not serve the site: bit vehicleBanBit[v] per vehicle. Exact while the fleet has at most
 * 64 distinct forbidden columns (ban groups); beyond that groups share bits and the rule gets stricter, never looser.
 */
export let siteBan = new StaticArray<u64>(0);
/** [V] the bit of siteBan that stands for the vehicle: its ban group (vehicles with identical forbidden columns). */
export let vehicleBanBit = new StaticArray<i32>(0);
/** [M] the vehicle that alone may serve the site (−1: any). */
export let siteOwner = new StaticArray<i32>(0);
/** [M] SITE_STOP for a stop that counts as one, SITE_BREAK for a break, 0 for route ends (segments.ts reads both in one load). */
export let siteKind = new StaticArray<i32>(0);
export const SITE_STOP: i32 = 1;
export const SITE_BREAK: i32 = 2;
/** [M] cost of the window slot the site is served in (chooseWindow keeps it current). */
export let siteWindowCost = new StaticArray<f64>(0);
/** [V] 1 when some stop belongs to the vehicle alone (its breaks, stops pinned to it). */
export let vehicleOwnsStops = new StaticArray<u8>(0);
/** [M] lock sequence of the site (−1 free; route ends free). */
export let siteSeq = new StaticArray<i32>(0);
/** [N] window slot each stop currently uses (its siteOpenS/siteCloseS). */
export let chosenWindow = new StaticArray<i32>(0);
/** [N] hull of a node's windows (for neighbour relatedness). */
export let hullOpenS = new StaticArray<i32>(0);
export let hullCloseS = new StaticArray<i32>(0);
/** True when some node has a ban, a lock or several windows. */
export let hasBans: bool = false;
export let hasLocks: bool = false;
/** True when a route limit applies to some vehicle. */
export let hasLimits: bool = false;
/** True when no vehicle pays per second: route cost is then fixed + distance, so distance deltas prune exactly. */
export let durationFree: bool = false;
/** True when distanceM is symmetric (reversals keep internal distance). */
export let symmetricDistance: bool = false;
/**
 * True when distance and every profile's travel time are symmetric: a leg into a fixed node may then be
 * read from that node's own matrix row (the cache holds it while one stop is priced at many positions).
 */
export let symmetricTravel: bool = false;
/**
 * True when no route can ever be late: every window (stops' slots, route ends) closes after the latest
 * time any route could reach, bounded by the latest opening plus every stop's service plus one longest
 * leg per stop and one more. Time fields then never refuse or price a move (plain capacitated problems),
 * so the time screen is skipped. Only decided with a stored matrix (its longest leg is read); else false.
 */
export let neverLate: bool = false;

/** Makes window slot `slot` the one stop `node` uses. */
// @ts-ignore: decorator
@inline export function chooseWindow(node: i32, slot: i32): void {
  const w = windowCount;
  unchecked(chosenWindow[node] = slot);
  unchecked(siteOpenS[node] = <i64>twOpenS[node * w + slot]);
  unchecked(siteCloseS[node] = <i64>twCloseS[node * w + slot]);
  unchecked(siteWindowCost[node] = windowCost[node * w + slot]);
}

/** Fills the derived per-site arrays; call once the inputs and the matrix are in place. */
export function prepareModel(): void {
  const n = nodeCount; const v = vehicleCount; const k = dims; const m = siteCount; const w = windowCount;
  clearAnywhereTravel();
  siteNode = new StaticArray<i32>(m);
  siteOpenS = new StaticArray<i64>(m);
  siteCloseS = new StaticArray<i64>(m);
  siteServiceS = new StaticArray<i64>(m);
  siteDemand = new StaticArray<i32>(m * k);
  sitePickup = new StaticArray<i32>(m * k);
  siteBan = new StaticArray<u64>(m);
  siteSeq = new StaticArray<i32>(m);
  siteOwner = new StaticArray<i32>(m);
  siteKind = new StaticArray<i32>(m);
  siteWindowCost = new StaticArray<f64>(m);
  vehicleOwnsStops = new StaticArray<u8>(v);
  chosenWindow = new StaticArray<i32>(n);
  hullOpenS = new StaticArray<i32>(n);
  hullCloseS = new StaticArray<i32>(n);
  hasBans = false; hasLocks = false; hasLimits = false; hasPairs = false; hasOvertime = false;
  hasBreaks = false; hasWindowCosts = false; hasOwners = false;
  for (let site = 0; site < m; site++) { siteSeq[site] = -1; siteOwner[site] = -1; }
  for (let i = 0; i < n * w; i++) if (windowCost[i] != 0) { hasWindowCosts = true; break; }
  prepareBanGroups();
  for (let node = 0; node < n; node++) {
    siteNode[node] = node;
    let first = 0;
    while (first < w - 1 && !windowUsed(node, first)) first++;
    let hullOpen = twOpenS[node * w + first]; let hullClose = twCloseS[node * w + first];
    for (let slot = first + 1; slot < w; slot++) {
      if (!windowUsed(node, slot)) continue;
      hullOpen = min(hullOpen, twOpenS[node * w + slot]); hullClose = max(hullClose, twCloseS[node * w + slot]);
    }
    hullOpenS[node] = hullOpen; hullCloseS[node] = hullClose;
    chooseWindow(node, first);
    // Depots never appear in routes as themselves; their service time is ignored.
    siteServiceS[node] = node < depotCount ? 0 : <i64>serviceS[node];
    const partner = node < depotCount ? -1 : pairOf[node];
    if (partner >= 0) hasPairs = true;
    for (let d = 0; d < k; d++) {
      if (partner >= 0) {
        // A shipment: loaded at the pickup, unloaded at the delivery (signed pickups in the load profile).
        const moved = (nodeFlags[node] & NODE_PICKUP) != 0 ? demand[partner * k + d] : -demand[node * k + d];
        siteDemand[node * k + d] = 0;
        sitePickup[node * k + d] = moved;
      } else {
        siteDemand[node * k + d] = node < depotCount ? 0 : demand[node * k + d];
        sitePickup[node * k + d] = node < depotCount ? 0 : pickup[node * k + d];
      }
    }
    if (node >= depotCount) {
      let ban: u64 = 0;
      for (let vehicle = 0; vehicle < v; vehicle++) {
        if (forbidden[node * v + vehicle] != 0) ban |= (<u64>1) << <u64>vehicleBanBit[vehicle];
      }
      siteBan[node] = ban;
      if (ban != 0) hasBans = true;
      siteSeq[node] = lockSeq[node];
      if (lockSeq[node] >= 0) hasLocks = true;
      const owner = nodeVehicle[node];
      siteOwner[node] = owner >= 0 && owner < v ? owner : -1;
      if (siteOwner[node] >= 0) { hasOwners = true; vehicleOwnsStops[siteOwner[node]] = 1; }
      if ((nodeFlags[node] & NODE_BREAK) != 0) {
        hasBreaks = true;
        siteKind[node] = SITE_BREAK;
      } else {
        siteKind[node] = SITE_STOP;
      }
    }
  }
  durationFree = true;
  for (let vehicle = 0; vehicle < v; vehicle++) {
    const start = n + vehicle; const end = n + v + vehicle;
    const startDepot = vehicleStart[vehicle]; const endDepot = vehicleEnd[vehicle];
    const shiftEnd = <i64>shiftEndS[vehicle];
    siteNode[start] = startDepot;
    siteOpenS[start] = max<i64>(<i64>shiftStartS[vehicle], <i64>twOpenS[startDepot * w]);
    siteCloseS[start] = min<i64>(shiftEnd, <i64>twCloseS[startDepot * w]);
    siteNode[end] = endDepot;
    siteOpenS[end] = -TIME_INF;
    // Overtime (soft shift end): back by shift end + allowance, each second beyond the shift costs.
    const overtime = <i64>max(overtimeMaxS[vehicle], 0);
    siteCloseS[end] = min<i64>(shiftEnd + overtime, <i64>twCloseS[endDepot * w]);
    if (vehicleCostPerS[vehicle] != 0) durationFree = false;
    if (overtime > 0) { hasOvertime = true; durationFree = false; }
    // A break's length is part of the route's duration: distance alone no longer bounds a move.
    if (hasBreaks) durationFree = false;
    if (maxStops[vehicle] >= 0 || maxDistanceM[vehicle] >= 0 || maxDurationS[vehicle] >= 0 || maxDrivingS[vehicle] >= 0) hasLimits = true;
  }
  neverLate = decideNeverLate();
  // The embedded model is symmetric (haversine: squared sines of negated angles, commuted products).
  symmetricDistance = true;
  for (let i = 0; i < n && symmetricDistance && storedMatrix; i++) {
    for (let j = i + 1; j < n; j++) {
      if (distanceM[i * n + j] != distanceM[j * n + i]) { symmetricDistance = false; break; }
    }
  }
  symmetricTravel = symmetricDistance;
  for (let p = 0; p < profileCount && symmetricTravel && storedMatrix; p++) {
    const base = p * n * n;
    for (let i = 0; i < n && symmetricTravel; i++) {
      for (let j = i + 1; j < n; j++) {
        if (durationS[base + i * n + j] != durationS[base + j * n + i]) { symmetricTravel = false; break; }
      }
    }
  }
}

/** See `neverLate`. O(profiles · N²) over the stored matrix. */
function decideNeverLate(): bool {
  if (!storedMatrix || hasBreaks) return false;
  const n = nodeCount; const w = windowCount; const v = vehicleCount;
  let longestLeg: i64 = 0;
  for (let i = 0, count = durationS.length; i < count; i++) longestLeg = max<i64>(longestLeg, <i64>unchecked(durationS[i]));
  let service: i64 = 0;
  let latestOpen: i64 = 0;
  let earliestClose: i64 = TIME_INF;
  for (let node = depotCount; node < n; node++) {
    service += max<i64>(<i64>serviceS[node], 0);
    for (let slot = 0; slot < w; slot++) {
      if (!windowUsed(node, slot)) continue;
      latestOpen = max<i64>(latestOpen, <i64>twOpenS[node * w + slot]);
      earliestClose = min<i64>(earliestClose, <i64>twCloseS[node * w + slot]);
    }
  }
  for (let vehicle = 0; vehicle < v; vehicle++) {
    const start = n + vehicle; const end = n + v + vehicle;
    latestOpen = max<i64>(latestOpen, siteOpenS[start]);
    earliestClose = min<i64>(earliestClose, min<i64>(siteCloseS[start], siteCloseS[end]));
  }
  const latestReach = latestOpen + service + <i64>(n - depotCount + 1) * longestLeg;
  return earliestClose >= latestReach;
}

/** Groups vehicles by identical forbidden columns; group g uses bit g mod 64. O(V · groups · N). */
function prepareBanGroups(): void {
  const v = vehicleCount; const n = nodeCount;
  vehicleBanBit = new StaticArray<i32>(v);
  let any = false;
  for (let i = depotCount * v; i < n * v; i++) if (forbidden[i] != 0) { any = true; break; }
  if (!any) return;
  const representative = new StaticArray<i32>(v);
  let groups = 0;
  for (let a = 0; a < v; a++) {
    let group = -1;
    for (let g = 0; g < groups && group < 0; g++) {
      const b = representative[g];
      let same = true;
      for (let node = depotCount; node < n; node++) {
        if (forbidden[node * v + a] != forbidden[node * v + b]) { same = false; break; }
      }
      if (same) group = g;
    }
    if (group < 0) { group = groups; representative[groups++] = a; }
    vehicleBanBit[a] = group & 63;
  }
}
