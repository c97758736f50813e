// Plan stability's problem data: each stop's home vehicle (the vehicle a repair
// found it on) and the cost of serving it elsewhere, derived once per solve from
// the homeVehicle input buffer and params[PARAM_STABILITY_COST] (model.ts).
import { nodeCount, depotCount, vehicleCount, siteCount, params, homeVehicle, isBreak } from "./model";
import { PARAM_STABILITY_COST } from "./types";

/**
 * [M] home vehicle of the site: a stop served by another vehicle is a "stranger" there and costs
 * stabilityCost (−1 for route ends, breaks, depots and stops without a home).
 */
export let siteHome = new StaticArray<i32>(0);
/** Cost of one stranger (params[PARAM_STABILITY_COST]). */
export let stabilityCost: f64 = 0;
/** True when some stop has a home and strangers cost something: routes then price their strangers. */
export let hasStability: bool = false;
/** [V] 1 when the vehicle is some stop's home (it is then nobody's stand-in, see sameVehicle). */
export let vehicleIsHome = new StaticArray<u8>(0);

/** Fills siteHome and vehicleIsHome from homeVehicle and the stability cost (stops only; breaks have no home). */
export function prepareHomes(): void {
  const v = vehicleCount;
  siteHome = new StaticArray<i32>(siteCount);
  vehicleIsHome = new StaticArray<u8>(v);
  for (let site = 0; site < siteCount; site++) siteHome[site] = -1;
  const cost = params[PARAM_STABILITY_COST];
  stabilityCost = cost > 0 && isFinite(cost) ? cost : 0;
  hasStability = false;
  if (stabilityCost == 0) return;
  for (let node = depotCount; node < nodeCount; node++) {
    const home = homeVehicle[node];
    if (home < 0 || home >= v || isBreak(node)) continue;
    siteHome[node] = home;
    vehicleIsHome[home] = 1;
    hasStability = true;
  }
}
