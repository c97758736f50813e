// Granular neighbourhoods (Toth & Vigo 2003): for every stop, its k most
// related other stops, nearest first. Relatedness is distance plus a penalty
// for the waiting or lateness a direct visit would cause (the time-window
// correlation of Vidal et al. 2013, weights 0.2 and 1 as in PyVRP).
import { nodeCount, depotCount, distanceM, durationS, hullOpenS, hullCloseS, serviceS, params, isBreak } from "./model";
import { PARAM_NEIGHBOURS, DEFAULT_NEIGHBOURS, MAX_NEIGHBOURS } from "./types";

/** Neighbours per stop. */
export let neighbourCount: i32 = 0;
/** [N·k] neighbours[node·k + i] = i-th most related stop to node (stops only; depot rows unused). */
export let neighbours = new StaticArray<i32>(0);
/** [k] scratch: relatedness of the sorted candidates of the node being built. */
let scratchScore = new StaticArray<f64>(0);

const WAIT_WEIGHT: f64 = 0.2;
const WARP_WEIGHT: f64 = 1.0;

/** Metres per second over the whole matrix (profile 0), converting time penalties to distance. */
function metresPerSecond(): f64 {
  const n = nodeCount;
  let dist: f64 = 0; let time: f64 = 0;
  for (let cell = 0; cell < n * n; cell++) { dist += <f64>distanceM[cell]; time += <f64>durationS[cell]; }
  return time > 0 ? dist / time : 1;
}

/** Directed relatedness of serving j right after i (lower = more related). */
function related(i: i32, j: i32, speed: f64): f64 {
  const n = nodeCount;
  const travel = <f64>durationS[i * n + j];
  const wait = max<f64>(<f64>hullOpenS[j] - travel - <f64>serviceS[i] - <f64>hullCloseS[i], 0);
  const warp = max<f64>(<f64>hullOpenS[i] + <f64>serviceS[i] + travel - <f64>hullCloseS[j], 0);
  return <f64>distanceM[i * n + j] + speed * (WAIT_WEIGHT * wait + WARP_WEIGHT * warp);
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
  for (let node = depotCount; node < nodeCount; node++) {
    let filled = 0;
    const base = node * k;
    for (let other = depotCount; other < nodeCount; other++) {
      if (other == node || isBreak(other)) continue;
      const score = min<f64>(related(node, other, speed), related(other, node, speed));
      if (filled == k && score >= scratchScore[k - 1]) continue;
      let slot = filled < k ? filled++ : k - 1;
      while (slot > 0 && scratchScore[slot - 1] > score) {
        scratchScore[slot] = scratchScore[slot - 1];
        neighbours[base + slot] = neighbours[base + slot - 1];
        slot--;
      }
      scratchScore[slot] = score;
      neighbours[base + slot] = other;
    }
  }
}
