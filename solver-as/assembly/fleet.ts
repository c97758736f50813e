// Vehicle classes: vehicles that are interchangeable for an empty route, so that
// insertion tries one empty route per class instead of one per vehicle.
import {
  vehicleStart, vehicleEnd, shiftStartS, shiftEndS, vehicleProfile, vehicleFixedCost, vehicleCostPerM, vehicleCostPerS,
  overtimeMaxS, overtimeCostPerS, dims, capacity, maxStops, maxDistanceM, maxDurationS, maxDrivingS, vehicleCount, depotCount,
  nodeCount, forbidden,
} from "./model";
import { vehicleOwnsStops, hasBans } from "./model-derived";
import { hasStability, vehicleIsHome } from "./homes";

/** [V] smallest vehicle index with identical attributes (empty routes of one class are interchangeable). */
export let vehicleClass = new StaticArray<i32>(0);

/**
 * True when vehicles a and b are interchangeable for an empty route: same places, shift, overtime, profile,
 * costs, capacities, limits and allowed stops, and neither owns a stop nor is a stop's home vehicle.
 */
function sameVehicle(a: i32, b: i32): bool {
  if (vehicleStart[a] != vehicleStart[b] || vehicleEnd[a] != vehicleEnd[b]) return false;
  if (shiftStartS[a] != shiftStartS[b] || shiftEndS[a] != shiftEndS[b]) return false;
  if (vehicleProfile[a] != vehicleProfile[b]) return false;
  if (vehicleFixedCost[a] != vehicleFixedCost[b] || vehicleCostPerM[a] != vehicleCostPerM[b]) return false;
  if (vehicleCostPerS[a] != vehicleCostPerS[b]) return false;
  // Overtime decides which late orders a vehicle can reach and what they cost.
  if (overtimeMaxS[a] != overtimeMaxS[b] || overtimeCostPerS[a] != overtimeCostPerS[b]) return false;
  for (let d = 0; d < dims; d++) if (capacity[a * dims + d] != capacity[b * dims + d]) return false;
  if (maxStops[a] != maxStops[b] || maxDistanceM[a] != maxDistanceM[b]) return false;
  if (maxDurationS[a] != maxDurationS[b] || maxDrivingS[a] != maxDrivingS[b]) return false;
  // A vehicle that owns stops (its breaks, pinned stops) is no stand-in for another, empty or not.
  if (vehicleOwnsStops[a] != 0 || vehicleOwnsStops[b] != 0) return false;
  // Nor is a stop's home vehicle: serving the stop there costs no stability, anywhere else it does.
  if (hasStability && (vehicleIsHome[a] != 0 || vehicleIsHome[b] != 0)) return false;
  if (hasBans) {
    const v = vehicleCount;
    for (let node = depotCount; node < nodeCount; node++) if (forbidden[node * v + a] != forbidden[node * v + b]) return false;
  }
  return true;
}

/** Groups identical vehicles; O(V · classes). Call after prepareModel and prepareHomes. */
export function prepareVehicleClasses(): void {
  const v = vehicleCount;
  vehicleClass = new StaticArray<i32>(v);
  for (let a = 0; a < v; a++) {
    vehicleClass[a] = a;
    for (let b = 0; b < a; b++) {
      if (vehicleClass[b] == b && sameVehicle(a, b)) { vehicleClass[a] = b; break; }
    }
  }
}
