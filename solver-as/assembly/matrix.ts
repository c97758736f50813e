// Travel between nodes. With a supplied matrix, or for a problem small enough (MATRIX_NODE_LIMIT), the
// integer distance and per-profile duration matrices are stored; otherwise every leg is computed on demand
// from lon/lat (no N×N memory: 10 000 stops would take 400 MB per matrix). Either way the embedded model
// uses exactly the operations of web/src/domain/geo.ts (great-circle × circuity, then distance / speed),
// so the TypeScript checker recomputes identical integers.
import { nodeCount, profileCount, lonLat, distanceM, durationS, profileSpeedMps, params, storedMatrix, isAnywhere } from "./model";
import { siteNode, symmetricTravel } from "./model-derived";
import { PARAM_CIRCUITY } from "./types";

// The host's Math functions: the checker runs in the same JS engine, so importing
// them (instead of AssemblyScript's NativeMath ports) guarantees bit-equal results.
// @ts-ignore: decorator
@external("env", "Math.sin") declare function hostSin(x: f64): f64;
// @ts-ignore: decorator
@external("env", "Math.cos") declare function hostCos(x: f64): f64;
// @ts-ignore: decorator
@external("env", "Math.asin") declare function hostAsin(x: f64): f64;

/** Mean Earth radius, metres (IUGG), as geo.ts EARTH_RADIUS_M. */
const EARTH_RADIUS_M: f64 = 6371008.8;
const RAD: f64 = Math.PI / 180;

/** [N] latitude in radians, its cosine, and longitude in degrees: the per-node half of geo.ts greatCircleM. */
let nodePhi = new StaticArray<f64>(0);
let nodeCosPhi = new StaticArray<f64>(0);
let nodeLon = new StaticArray<f64>(0);
let circuity: f64 = 1;

/** JS Math.round: nearest integer, halves rounded up (towards +∞). */
// @ts-ignore: decorator
@inline export function roundHalfUp(x: f64): f64 {
  const up = Math.ceil(x);
  return up - 0.5 > x ? up - 1 : up;
}

/** Precomputes the per-node terms of the embedded model; then fills the matrices when they are stored but not supplied. */
export function prepareTravel(supplied: bool): void {
  const n = nodeCount;
  circuity = params[PARAM_CIRCUITY];
  nodePhi = new StaticArray<f64>(n); nodeCosPhi = new StaticArray<f64>(n); nodeLon = new StaticArray<f64>(n);
  for (let i = 0; i < n; i++) {
    nodeLon[i] = lonLat[2 * i];
    nodePhi[i] = lonLat[2 * i + 1] * RAD;
    nodeCosPhi[i] = hostCos(nodePhi[i]);
  }
  if (supplied || !storedMatrix) return;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) distanceM[i * n + j] = modelDistance(i, j);
  }
  for (let p = 0; p < profileCount; p++) {
    const speed = profileSpeedMps[p];
    const base = p * n * n;
    for (let cell = 0; cell < n * n; cell++) {
      durationS[base + cell] = <i32>roundHalfUp(<f64>distanceM[cell] / speed);
    }
  }
}

/** Embedded-model distance from node i to node j: round(great-circle · circuity); 0 on the diagonal. */
export function modelDistance(i: i32, j: i32): i32 {
  if (i == j) return 0;
  const phi1 = unchecked(nodePhi[i]); const phi2 = unchecked(nodePhi[j]);
  const sinDPhi = hostSin((phi2 - phi1) * 0.5);
  const sinDLambda = hostSin((unchecked(nodeLon[j]) - unchecked(nodeLon[i])) * RAD * 0.5);
  const a = sinDPhi * sinDPhi + unchecked(nodeCosPhi[i]) * unchecked(nodeCosPhi[j]) * sinDLambda * sinDLambda;
  const d = 2 * EARTH_RADIUS_M * hostAsin(Math.min(1, Math.sqrt(a)));
  return <i32>roundHalfUp(d * circuity);
}

/** Distance in metres from node i to node j (0 to or from a node without a location). */
// @ts-ignore: decorator
@inline export function nodeDistance(i: i32, j: i32): i32 {
  if (storedMatrix) return unchecked(distanceM[i * nodeCount + j]);
  return isAnywhere(i) || isAnywhere(j) ? 0 : modelDistance(i, j);
}

/**
 * Seconds from node i to node j for `profile`, given the leg's distance (nodeDistance(i, j)): the stored
 * matrix's cell, or round(distance / speed) on demand, as the matrix would hold it.
 */
// @ts-ignore: decorator
@inline export function legDuration(profile: i32, i: i32, j: i32, distance: i32): i32 {
  const n = nodeCount;
  if (storedMatrix) return unchecked(durationS[profile * n * n + i * n + j]);
  return <i32>roundHalfUp(<f64>distance / unchecked(profileSpeedMps[profile]));
}

/** Seconds from node i to node j for `profile`. */
// @ts-ignore: decorator
@inline export function nodeDuration(profile: i32, i: i32, j: i32): i32 {
  return storedMatrix ? legDuration(profile, i, j, 0) : legDuration(profile, i, j, nodeDistance(i, j));
}

/** Distance between two sites. */
// @ts-ignore: decorator
@inline export function siteDistance(from: i32, to: i32): i64 {
  return <i64>nodeDistance(unchecked(siteNode[from]), unchecked(siteNode[to]));
}

/**
 * Distance from site `from` to site `to`, read from `to`'s matrix row when travel is symmetric: for pricing
 * one stop at many positions (the row of the stop being placed stays in the cache).
 */
// @ts-ignore: decorator
@inline export function siteDistanceInto(from: i32, to: i32): i64 {
  return symmetricTravel ? <i64>nodeDistance(unchecked(siteNode[to]), unchecked(siteNode[from])) : siteDistance(from, to);
}
