// The closed route the segment accumulator holds (accumulator.ts): whether it keeps
// every hard rule for a vehicle, and what it costs that vehicle (the search's
// objective: plan cost, overtime, priced lateness and stability).
import {
  dims, capacity, vehicleFixedCost, vehicleCostPerM, vehicleCostPerS, maxStops, maxDistanceM, maxDurationS, maxDrivingS,
  overtimeCostPerS, shiftEndS,
} from "./model";
import { vehicleBanBit, hasLimits, hasOvertime, hasWindowCosts, hasOwners } from "./model-derived";
import { hasStability, stabilityCost } from "./homes";
import {
  accField, homedAt, F_WARP, F_SEQ_BAD, F_OWNER, F_BAN, F_LOAD, F_STOPS, F_DIST, F_DUR, F_DRIVE, F_EARLY, F_WINDOW_COST,
} from "./segments";
import { INFEASIBLE } from "./types";

/**
 * Penalised search, as in Vidal et al.'s HGS for time windows (2013) and PyVRP: while `relaxed` is on, a
 * route may be late (its time warp, seconds) or overloaded (units over capacity, summed over dimensions)
 * at `warpPrice` / `loadPrice` per unit instead of being refused; every other rule stays hard. Only the
 * annealing of large plans with plain rules turns it on (penalty.ts), and only a plan without either
 * violation is saved as the best.
 */
export let relaxed: bool = false;
/** Which of the two rules the penalised search prices (the other stays hard). */
let relaxWarp: bool = false;
let relaxLoad: bool = false;
export let warpPrice: f64 = 0;
export let loadPrice: f64 = 0;

/** True while the penalised search prices time warp (a late route is then allowed, at warpPrice per second). */
// @ts-ignore: decorator
@inline export function warpPriced(): bool {
  return relaxWarp;
}

/** True while the penalised search prices overload (an overloaded route is then allowed, at loadPrice per unit). */
// @ts-ignore: decorator
@inline export function loadPriced(): bool {
  return relaxLoad;
}

/**
 * Turns the penalised search on or off and sets its prices (cost units per second late / per unit over);
 * a price ≤ 0 keeps that rule hard.
 */
export function setRelaxed(on: bool, warp: f64, load: f64): void {
  relaxWarp = on && warp > 0;
  relaxLoad = on && load > 0;
  relaxed = relaxWarp || relaxLoad;
  warpPrice = relaxWarp ? warp : 0;
  loadPrice = relaxLoad ? load : 0;
}

/** Units the accumulated route carries over vehicle's capacity at its fullest point, summed over dimensions. */
export function accExcessLoad(vehicle: i32): i64 {
  const k = dims;
  let excess: i64 = 0;
  for (let d = 0; d < k; d++) {
    excess += max<i64>(accField(F_LOAD + 3 * d + 2) - <i64>unchecked(capacity[vehicle * k + d]), 0);
  }
  return excess;
}

/**
 * True when the accumulated (closed) route keeps every hard rule the penalised search never relaxes:
 * the vehicle's limits, who may serve each stop and the order of locked stops.
 */
export function accKeepsHardRules(vehicle: i32): bool {
  if (accField(F_SEQ_BAD) != 0) return false;
  const owner = accField(F_OWNER);
  if (hasOwners && owner != -1 && owner != <i64>vehicle) return false;
  if (((<u64>accField(F_BAN) >> <u64>unchecked(vehicleBanBit[vehicle])) & 1) != 0) return false;
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
 * True when the accumulated (closed) route keeps every window (breaks' too), the shift, the vehicle's
 * capacity at every point, its limits, who may serve each stop and the order of locked stops.
 */
export function accFeasible(vehicle: i32): bool {
  return accField(F_WARP) == 0 && accExcessLoad(vehicle) == 0 && accKeepsHardRules(vehicle);
}

/** True when the accumulated route keeps every rule the penalised search does not price at the moment. */
export function accAllowed(vehicle: i32): bool {
  if (!relaxed) return accFeasible(vehicle);
  if (!relaxWarp && accField(F_WARP) != 0) return false;
  if (!relaxLoad && accExcessLoad(vehicle) != 0) return false;
  return accKeepsHardRules(vehicle);
}

/** Price of the accumulated route's time warp and overload under the penalised search (0 when off). */
export function accViolationCost(vehicle: i32): f64 {
  if (!relaxed) return 0;
  return warpPrice * <f64>accField(F_WARP) + loadPrice * <f64>accExcessLoad(vehicle);
}

/**
 * Cost of the accumulated route closed at vehicle's end site, or INFEASIBLE: the plan cost plus, with
 * stability, stabilityCost per stranger (the search's objective; output.ts reports the two apart), plus,
 * under the penalised search, the price of its time warp and overload.
 * A route with no stops (breaks alone do not count) costs 0: the vehicle stays home.
 */
export function accRouteCost(vehicle: i32): f64 {
  // Even a route without stops may not hold another vehicle's break.
  if (accField(F_STOPS) == 0) {
    const owner = accField(F_OWNER);
    return hasOwners && owner != -1 && owner != <i64>vehicle ? INFEASIBLE : 0;
  }
  if (!accAllowed(vehicle)) return INFEASIBLE;
  let cost = unchecked(vehicleFixedCost[vehicle]) + unchecked(vehicleCostPerM[vehicle]) * <f64>accField(F_DIST)
    + unchecked(vehicleCostPerS[vehicle]) * <f64>accField(F_DUR);
  if (hasWindowCosts) cost += reinterpret<f64>(accField(F_WINDOW_COST));
  if (hasOvertime) cost += unchecked(overtimeCostPerS[vehicle]) * <f64>accOvertime(vehicle);
  if (hasStability) cost += stabilityCost * <f64>accField(homedAt + 1);
  if (relaxed) cost += accViolationCost(vehicle);
  return cost;
}

/**
 * Seconds the accumulated (closed) route ends after vehicle's shift: leaving at the earliest start
 * that keeps the duration minimal (as the output schedules it) also ends it earliest.
 */
export function accOvertime(vehicle: i32): i64 {
  return max<i64>(accField(F_EARLY) + accField(F_DUR) - <i64>unchecked(shiftEndS[vehicle]), 0);
}
