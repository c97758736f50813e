// A uniform lon/lat grid over the stops (about two per cell, CSR buckets) to gather each stop's spatially
// nearest stops in O(k) instead of scanning all N: neighbours.ts uses it when travel is computed on demand.
// Built once per solve; gathering allocates nothing.
import { nodeCount, depotCount, lonLat, isBreak, isAnywhere } from "./model";

const RAD: f64 = Math.PI / 180;
/** Target stops per grid cell. */
const PER_CELL: f64 = 2;

let gridW: i32 = 1;
let gridH: i32 = 1;
let originX: f64 = 0;
let originY: f64 = 0;
let cellSize: f64 = 1;
/** cos(mean latitude): longitude degrees → planar units comparable to latitude degrees. */
let lonScale: f64 = 1;
/** [W·H+1] start of each cell's stops in cellItems. */
let cellStart = new StaticArray<i32>(0);
/** [placed stops] the stops, cell by cell. */
let cellItems = new StaticArray<i32>(0);
/** [N] cell column and row of each node (placed stops only). */
let nodeCellX = new StaticArray<i32>(0);
let nodeCellY = new StaticArray<i32>(0);
/** Stops without a place (distance 0 to all): every stop's candidates. */
let anywhere = new StaticArray<i32>(0);
let anywhereCount: i32 = 0;
let placedCount: i32 = 0;
/** [stops] output of gatherNear. */
export let candidates = new StaticArray<i32>(0);

// @ts-ignore: decorator
@inline function isPlaced(node: i32): bool { return !isBreak(node) && !isAnywhere(node); }
// @ts-ignore: decorator
@inline function planarX(node: i32): f64 { return unchecked(lonLat[2 * node]) * lonScale; }
// @ts-ignore: decorator
@inline function planarY(node: i32): f64 { return unchecked(lonLat[2 * node + 1]); }

/** Buckets every stop with a place into the grid. */
export function buildGrid(): void {
  const n = nodeCount;
  anywhere = new StaticArray<i32>(n); anywhereCount = 0; placedCount = 0;
  let latSum: f64 = 0;
  for (let node = depotCount; node < n; node++) {
    if (isPlaced(node)) { placedCount++; latSum += lonLat[2 * node + 1]; }
    else if (!isBreak(node)) anywhere[anywhereCount++] = node;
  }
  candidates = new StaticArray<i32>(max(placedCount + anywhereCount, 1));
  lonScale = placedCount > 0 ? Math.cos(latSum / <f64>placedCount * RAD) : 1;
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity;
  for (let node = depotCount; node < n; node++) {
    if (!isPlaced(node)) continue;
    const x = planarX(node); const y = planarY(node);
    minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y);
  }
  const cells = max<f64>(<f64>placedCount / PER_CELL, 1);
  const width = placedCount > 0 ? maxX - minX : 0; const height = placedCount > 0 ? maxY - minY : 0;
  cellSize = max<f64>(max<f64>(Math.sqrt(width * height / cells), max(width, height) / cells), 1e-9);
  originX = placedCount > 0 ? minX : 0; originY = placedCount > 0 ? minY : 0;
  gridW = <i32>Math.floor(width / cellSize) + 1; gridH = <i32>Math.floor(height / cellSize) + 1;
  cellStart = new StaticArray<i32>(gridW * gridH + 1);
  cellItems = new StaticArray<i32>(max(placedCount, 1));
  nodeCellX = new StaticArray<i32>(n); nodeCellY = new StaticArray<i32>(n);
  for (let node = depotCount; node < n; node++) {
    if (!isPlaced(node)) continue;
    const cx = min(<i32>Math.floor((planarX(node) - originX) / cellSize), gridW - 1);
    const cy = min(<i32>Math.floor((planarY(node) - originY) / cellSize), gridH - 1);
    nodeCellX[node] = cx; nodeCellY[node] = cy;
    cellStart[cy * gridW + cx + 1]++;
  }
  for (let c = 0; c < gridW * gridH; c++) cellStart[c + 1] += cellStart[c];
  const fill = new StaticArray<i32>(gridW * gridH);
  for (let node = depotCount; node < n; node++) {
    if (!isPlaced(node)) continue;
    const c = nodeCellY[node] * gridW + nodeCellX[node];
    cellItems[cellStart[c] + fill[c]++] = node;
  }
}

/** Most candidates gatherNear keeps, as a multiple of those wanted (a crowded cell, e.g. many stops at one address). */
const CROWD_FACTOR: i32 = 4;
let gatherCap: i32 = 0;

/** Appends the stops of cell (x, y) other than `node` to candidates (at most gatherCap in all); returns the new count. */
function addCell(x: i32, y: i32, node: i32, count: i32): i32 {
  if (x < 0 || y < 0 || x >= gridW || y >= gridH) return count;
  const c = y * gridW + x;
  const end = min(unchecked(cellStart[c + 1]), unchecked(cellStart[c]) + gatherCap - count + 1);
  for (let i = unchecked(cellStart[c]); i < end; i++) {
    const other = unchecked(cellItems[i]);
    if (other != node) unchecked(candidates[count++] = other);
  }
  return count;
}

/**
 * Fills `candidates` with at least min(wanted, other stops) stops near `node` (breaks excluded): the stops
 * without a place, then rings of grid cells around node's cell until enough are found, plus one more ring
 * (a stop in the next ring can be nearer than one in a ring's corner), at most about CROWD_FACTOR·wanted. Returns the count.
 */
export function gatherNear(node: i32, wanted: i32): i32 {
  let count = 0;
  for (let i = 0; i < anywhereCount; i++) if (unchecked(anywhere[i]) != node) unchecked(candidates[count++] = anywhere[i]);
  const target = min(wanted, placedCount - (isPlaced(node) ? 1 : 0) + count);
  gatherCap = max(wanted * CROWD_FACTOR, count + wanted);
  const cx = isPlaced(node) ? unchecked(nodeCellX[node]) : 0;
  const cy = isPlaced(node) ? unchecked(nodeCellY[node]) : 0;
  const rings = max(gridW, gridH);
  let last = rings;
  for (let r = 0; r <= last; r++) {
    if (r == 0) count = addCell(cx, cy, node, count);
    else {
      for (let x = cx - r; x <= cx + r; x++) { count = addCell(x, cy - r, node, count); count = addCell(x, cy + r, node, count); }
      for (let y = cy - r + 1; y <= cy + r - 1; y++) { count = addCell(cx - r, y, node, count); count = addCell(cx + r, y, node, count); }
    }
    if (count >= target && last == rings) last = min(r + 1, rings);
    if (count >= gatherCap) break;
  }
  return count;
}
