// Granular neighbourhoods (Toth & Vigo 2003): for every stop, its k most
// related other stops, nearest first. Relatedness is distance plus a penalty
// for the waiting or lateness a direct visit would cause (the time-window
// correlation of Vidal et al. 2013, weights 0.2 and 1 as in PyVRP).
// With stored matrices every pair is scored (O(N²), exact). When travel is computed on demand (large
// problems) only the spatially nearest stops of a lon/lat grid are scored (neighbour-grid.ts): O(N·k).
import { nodeCount, depotCount, distanceM, durationS, serviceS, params, isBreak, storedMatrix, profileSpeedMps } from "./model";
import { hullOpenS, hullCloseS } from "./model-derived";
import { nodeDistance, legDuration } from "./matrix";
import { buildGrid, gatherNear, candidates } from "./neighbour-grid";
import { PARAM_NEIGHBOURS, DEFAULT_NEIGHBOURS, MAX_NEIGHBOURS } from "./types";

/** Neighbours per stop. */
export let neighbourCount: i32 = 0;
/** [N·k] neighbours[node·k + i] = i-th most related stop to node (stops only; depot rows unused). */
export let neighbours = new StaticArray<i32>(0);
/** [k] scratch: relatedness of the sorted candidates of the node being built. */
let scratchScore = new StaticArray<f64>(0);

const WAIT_WEIGHT: f64 = 0.2;
const WARP_WEIGHT: f64 = 1.0;
/** On demand: stops gathered from the grid per node, as a multiple of k (the best k of them are kept). */
const GRID_CANDIDATES_PER_NEIGHBOUR: i32 = 3;

/** Metres per second converting time penalties to distance: over the whole stored matrix (profile 0), else profile 0's speed. */
function metresPerSecond(): f64 {
  if (!storedMatrix) return profileSpeedMps[0];
  const n = nodeCount;
  let dist: f64 = 0; let time: f64 = 0;
  for (let cell = 0; cell < n * n; cell++) { dist += <f64>distanceM[cell]; time += <f64>durationS[cell]; }
  return time > 0 ? dist / time : 1;
}

/** Directed relatedness of serving j right after i (lower = more related), given the leg's metres and seconds. */
function related(i: i32, j: i32, speed: f64, distance: f64, travel: f64): f64 {
  const wait = max<f64>(<f64>hullOpenS[j] - travel - <f64>serviceS[i] - <f64>hullCloseS[i], 0);
  const warp = max<f64>(<f64>hullOpenS[i] + <f64>serviceS[i] + travel - <f64>hullCloseS[j], 0);
  return distance + speed * (WAIT_WEIGHT * wait + WARP_WEIGHT * warp);
}

/** Relatedness of a pair in either order: the smaller of the two directions. */
function score(a: i32, b: i32, speed: f64): f64 {
  const ab = nodeDistance(a, b);
  const ba = storedMatrix ? nodeDistance(b, a) : ab; // the embedded model is symmetric
  return min<f64>(
    related(a, b, speed, <f64>ab, <f64>legDuration(0, a, b, ab)),
    related(b, a, speed, <f64>ba, <f64>legDuration(0, b, a, ba)),
  );
}

/** Offers `other` to node's sorted list of `filled` (≤ k) neighbours; returns the new count. */
function offer(base: i32, k: i32, filled: i32, other: i32, value: f64): i32 {
  if (filled == k && value >= scratchScore[k - 1]) return filled;
  let slot = filled < k ? filled++ : k - 1;
  while (slot > 0 && scratchScore[slot - 1] > value) {
    scratchScore[slot] = scratchScore[slot - 1];
    neighbours[base + slot] = neighbours[base + slot - 1];
    slot--;
  }
  scratchScore[slot] = value;
  neighbours[base + slot] = other;
  return filled;
}

/** Builds the k-nearest lists; k from params (0 or NaN → default), capped by the stop count − 1. */
export function buildNeighbours(): void {
  // Breaks have no place: they are nobody's neighbour (search.ts moves them inside their route).
  let stops = 0;
  for (let node = depotCount; node < nodeCount; node++) if (!isBreak(node)) stops++;
  let k = <i32>params[PARAM_NEIGHBOURS];
  if (k <= 0) k = DEFAULT_NEIGHBOURS;
  k = min(min(k, MAX_NEIGHBOURS), max(stops - 1, 0));
  neighbourCount = k;
  neighbours = new StaticArray<i32>(nodeCount * max(k, 1));
  scratchScore = new StaticArray<f64>(max(k, 1));
  if (k == 0) return;
  const speed = metresPerSecond();
  if (!storedMatrix) { buildFromGrid(k, speed); return; }
  for (let node = depotCount; node < nodeCount; node++) {
    let filled = 0;
    for (let other = depotCount; other < nodeCount; other++) {
      if (other == node || isBreak(other)) continue;
      filled = offer(node * k, k, filled, other, score(node, other, speed));
    }
  }
}

/** The k most related among each stop's GRID_CANDIDATES_PER_NEIGHBOUR·k spatially nearest stops. */
function buildFromGrid(k: i32, speed: f64): void {
  buildGrid();
  const wanted = k * GRID_CANDIDATES_PER_NEIGHBOUR;
  for (let node = depotCount; node < nodeCount; node++) {
    const found = gatherNear(node, wanted);
    let filled = 0;
    for (let c = 0; c < found; c++) {
      const other = unchecked(candidates[c]);
      filled = offer(node * k, k, filled, other, score(node, other, speed));
    }
    // Fewer candidates than k cannot happen (gatherNear widens until it has min(wanted, stops − 1)).
  }
}
