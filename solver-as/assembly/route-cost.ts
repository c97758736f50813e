// The closed route the segment accumulator holds (segments.ts): whether it keeps
// every hard rule for a vehicle, and what it costs that vehicle (the search's
// objective: plan cost, overtime, priced lateness and stability).
import {
  dims, capacity, vehicleFixedCost, vehicleCostPerM, vehicleCostPerS, vehicleBanBit, hasLimits, maxStops, maxDistanceM,
  maxDurationS, maxDrivingS, hasOvertime, overtimeCostPerS, shiftEndS, hasWindowCosts, hasOwners,
} from "./model";
import { hasStability, stabilityCost } from "./homes";
import {
  accField, homedAt, F_WARP, F_SEQ_BAD, F_OWNER, F_BAN, F_LOAD, F_STOPS, F_DIST, F_DUR, F_DRIVE, F_EARLY, F_WINDOW_COST,
} from "./segments";
import { INFEASIBLE } from "./types";

/**
 * True when the accumulated (closed) route keeps every window (breaks' too), the shift, the vehicle's
 * capacity at every point, its limits, who may serve each stop and the order of locked stops.
 */
export function accFeasible(vehicle: i32): bool {
  if (accField(F_WARP) != 0 || accField(F_SEQ_BAD) != 0) return false;
  const owner = accField(F_OWNER);
  if (hasOwners && owner != -1 && owner != <i64>vehicle) return false;
  if (((<u64>accField(F_BAN) >> <u64>unchecked(vehicleBanBit[vehicle])) & 1) != 0) return false;
  const k = dims;
  for (let d = 0; d < k; d++) {
    if (accField(F_LOAD + 3 * d + 2) > <i64>unchecked(capacity[vehicle * k + d])) return false;
  }
  if (hasLimits) {
    const stops = unchecked(maxStops[vehicle]);
    if (stops >= 0 && accField(F_STOPS) > <i64>stops) return false;
    const distance = unchecked(maxDistanceM[vehicle]);
    if (distance >= 0 && accField(F_DIST) > <i64>distance) return false;
    const duration = unchecked(maxDurationS[vehicle]);
    if (duration >= 0 && accField(F_DUR) > <i64>duration) return false;
    const driving = unchecked(maxDrivingS[vehicle]);
    if (driving >= 0 && accField(F_DRIVE) > <i64>driving) return false;
  }
  return true;
}

/**
 * Cost of the accumulated route closed at vehicle's end site, or INFEASIBLE: the plan cost plus, with
 * stability, stabilityCost per stranger (the search's objective; output.ts reports the two apart).
 * A route with no stops (breaks alone do not count) costs 0: the vehicle stays home.
 */
export function accRouteCost(vehicle: i32): f64 {
  // Even a route without stops may not hold another vehicle's break.
  if (accField(F_STOPS) == 0) {
    const owner = accField(F_OWNER);
    return hasOwners && owner != -1 && owner != <i64>vehicle ? INFEASIBLE : 0;
  }
  if (!accFeasible(vehicle)) return INFEASIBLE;
  let cost = unchecked(vehicleFixedCost[vehicle]) + unchecked(vehicleCostPerM[vehicle]) * <f64>accField(F_DIST)
    + unchecked(vehicleCostPerS[vehicle]) * <f64>accField(F_DUR);
  if (hasWindowCosts) cost += reinterpret<f64>(accField(F_WINDOW_COST));
  if (hasOvertime) cost += unchecked(overtimeCostPerS[vehicle]) * <f64>accOvertime(vehicle);
  if (hasStability) cost += stabilityCost * <f64>accField(homedAt + 1);
  return cost;
}

/**
 * Seconds the accumulated (closed) route ends after vehicle's shift: leaving at the earliest start
 * that keeps the duration minimal (as the output schedules it) also ends it earliest.
 */
export function accOvertime(vehicle: i32): i64 {
  return max<i64>(accField(F_EARLY) + accField(F_DUR) - <i64>unchecked(shiftEndS[vehicle]), 0);
}
