// Builds the integer distance and per-profile duration matrices from lon/lat,
// with exactly the operations of web/src/domain/geo.ts (great-circle × circuity,
// then distance / speed), so the TypeScript checker recomputes identical values.
import { nodeCount, profileCount, lonLat, distanceM, durationS, profileSpeedMps, params } from "./model";
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

/** JS Math.round: nearest integer, halves rounded up (towards +∞). */
export function roundHalfUp(x: f64): f64 {
  const up = Math.ceil(x);
  return up - 0.5 > x ? up - 1 : up;
}

/**
 * Fills distanceM (N·N) and durationS (P·N·N) from lonLat; diagonal 0.
 * distance = round(greatCircle · circuity), duration = round(distance / speed).
 */
export function buildMatrixFromLonLat(): void {
  const n = nodeCount;
  const circuity = params[PARAM_CIRCUITY];
  for (let i = 0; i < n; i++) {
    const lon1 = lonLat[2 * i]; const phi1 = lonLat[2 * i + 1] * RAD;
    const cos1 = hostCos(phi1);
    for (let j = 0; j < n; j++) {
      if (i == j) { distanceM[i * n + j] = 0; continue; }
      const lon2 = lonLat[2 * j]; const phi2 = lonLat[2 * j + 1] * RAD;
      const sinDPhi = hostSin((phi2 - phi1) * 0.5);
      const sinDLambda = hostSin((lon2 - lon1) * RAD * 0.5);
      const a = sinDPhi * sinDPhi + cos1 * hostCos(phi2) * sinDLambda * sinDLambda;
      const d = 2 * EARTH_RADIUS_M * hostAsin(Math.min(1, Math.sqrt(a)));
      distanceM[i * n + j] = <i32>roundHalfUp(d * circuity);
    }
  }
  for (let p = 0; p < profileCount; p++) {
    const speed = profileSpeedMps[p];
    const base = p * n * n;
    for (let cell = 0; cell < n * n; cell++) {
      durationS[base + cell] = <i32>roundHalfUp(<f64>distanceM[cell] / speed);
    }
  }
}
