// The penalised search of large plans (route-cost.ts `relaxed`): during annealing a plan may be late or
// overloaded at a price. The prices start from the plan's average arc and adapt every ADAPT_EVERY steps so
// that about TARGET_FEASIBLE of the steps end with no late route (and, apart, no overloaded one): a price
// rises by PRICE_UP when too few do and falls by PRICE_DOWN when too many do (PyVRP's penalty manager
// works the same way). A step that ends late or overloaded yet cheaper than the best plan is repaired
// with the prices REPAIR_BOOST times higher (HGS repairs an infeasible offspring the same way), so a
// promising plan gets its chance to become a feasible best.
import { nodeCount, depotCount, vehicleCount, startSite, endSite, dims, windowCount } from "./model";
import {
  siteDemand, sitePickup, hasBreaks, hasWindowCosts, hasOvertime, hasPairs, hasOwners, hasBans, hasLocks, hasLimits,
} from "./model-derived";
import { hasStability } from "./homes";
import {
  next, routeStops, touchedRoutes, touchedCount, lateRoutes, overloadedRoutes, repriceViolations, routeViolationCost,
  currentCost, bestCost, unassignedCount,
} from "./solution";
import { setRelaxed } from "./route-cost";
import { plainDecided } from "./plain-price";
import { prefixField, F_DRIVE } from "./segments";
import { searchNode } from "./search";

/** Plans of fewer stops keep the feasible-only search (measured in tests/bench/RESULTS.md). */
const PENALISED_FROM: i32 = 400;
/**
 * The same for plainly priced plans (plain-price.ts: distance and capacity only, as CVRPLIB X), measured side by side
 * at 60 s (RESULTS.md): from 400 to 200, the 28 X instances of 201–399 customers, seed 1 0.380 → 0.319 %, seed 2
 * 0.473 → 0.376 % (thirty-fifth session); from 200 to 100, the 16 of 100–200, seed 1 0.19 → 0.09 %, seed 2
 * 0.15 → 0.05 % (thirty-sixth).
 */
const PENALISED_PLAIN_FROM: i32 = 100;

/**
 * True when the plan's rules are only capacities and one window per stop (with shifts): where the penalised
 * search was measured to help (Gehring–Homberger, CVRPLIB X). On the rich final-mile set (breaks, two
 * windows, priced lateness, overtime, shipments, limits, skills) it made plans about 2 % dearer at a fixed
 * budget, so any of those rules keeps the feasible-only search until that is understood.
 */
function plainRules(): bool {
  return !hasBreaks && windowCount == 1 && !hasWindowCosts && !hasOvertime && !hasPairs && !hasOwners && !hasBans && !hasLocks
    && !hasLimits && !hasStability;
}
const TARGET_FEASIBLE: f64 = 0.85;
const ADAPT_EVERY: i32 = 100;
const PRICE_UP: f64 = 1.3;
const PRICE_DOWN: f64 = 0.85;
const REPAIR_BOOST: f64 = 10;

/** Whether the current search prices violations. */
export let penalised: bool = false;
/** Cost of a second late and of a unit over capacity; each stays within a thousandth and a thousand times its start. */
let warpPrice: f64 = 0;
let loadPrice: f64 = 0;
let warpFloor: f64 = 0;
let loadFloor: f64 = 0;
/** Steps in the current adaptation window, and how many of them ended with no late / no overloaded route. */
let windowSteps: i32 = 0;
let onTimeSteps: i32 = 0;
let withinCapacitySteps: i32 = 0;
/** [S] scratch: the stops a repair re-examines. */
let repairList = new StaticArray<i32>(0);

/** Allocates the repair scratch; the search starts feasible-only. */
export function setupPenalty(): void {
  repairList = new StaticArray<i32>(max(nodeCount - depotCount, 1));
  penalised = false;
}

/**
 * Turns the penalised search on for a plan of PENALISED_FROM stops or more (PENALISED_PLAIN_FROM when plainly priced)
 * with plain rules that serves every stop when the annealing starts, with prices that make a second
 * late cost what a second of driving costs on an average arc (`averageArc`, over `arcs` arcs), and a unit
 * over capacity what an average arc costs per unit an average stop asks for.
 */
export function startPenalties(averageArc: f64, arcs: i32): void {
  // A plan that leaves stops out (more goods or work than the fleet can take) keeps the feasible-only search: the
  // prices stay within a thousand times their start, far below a stop's unassigned penalty, so an overloaded or late
  // plan serving every stop always looked cheaper than a feasible one leaving some out, the search stayed there and
  // the best plan never moved from the first (a 700-order day, 18 vans short of 2,200 kg: 110 orders out after 6 s
  // and after 30 s alike; feasible-only: 43 at 6 s, 41 at 30 s, where 38 had to be; tests/unit/workers/
  // oversubscribed.test.ts). Benchmark plans serve every stop from the first plan on: their search is unchanged.
  penalised = nodeCount - depotCount >= (plainDecided() ? PENALISED_PLAIN_FROM : PENALISED_FROM) && plainRules() && unassignedCount == 0;
  if (!penalised) return;
  let drive: f64 = 0;
  for (let route = 0; route < vehicleCount; route++) {
    if (unchecked(routeStops[route]) > 0) drive += <f64>prefixField(endSite(route), F_DRIVE);
  }
  const averageDrive = arcs > 0 ? drive / <f64>arcs : 0;
  let demand: f64 = 0;
  const k = dims;
  for (let node = depotCount; node < nodeCount; node++) {
    for (let d = 0; d < k; d++) {
      demand += <f64>max(unchecked(siteDemand[node * k + d]), unchecked(sitePickup[node * k + d]));
    }
  }
  const stops = nodeCount - depotCount;
  const averageDemand = stops > 0 ? demand / <f64>stops : 0;
  warpPrice = averageArc / max<f64>(averageDrive, 1);
  loadPrice = averageArc / max<f64>(averageDemand, 1);
  warpFloor = warpPrice * 1e-3;
  loadFloor = loadPrice * 1e-3;
  windowSteps = 0; onTimeSteps = 0; withinCapacitySteps = 0;
  setRelaxed(true, warpPrice, loadPrice);
}

/** After a step's descent: repairs the working plan when it is late or overloaded yet cheaper than the best. */
export function repairIfPromising(): void {
  if (!penalised || (lateRoutes == 0 && overloadedRoutes == 0) || currentCost() >= bestCost) return;
  let count = 0;
  for (let i = 0; i < touchedCount; i++) {
    const route = unchecked(touchedRoutes[i]);
    if (unchecked(routeViolationCost[route]) == 0) continue;
    const end = endSite(route);
    let site = unchecked(next[startSite(route)]);
    while (site != end) { unchecked(repairList[count++] = site); site = unchecked(next[site]); }
  }
  setPrices(warpPrice * REPAIR_BOOST, loadPrice * REPAIR_BOOST);
  for (let i = 0; i < count; i++) searchNode(unchecked(repairList[i]));
  setPrices(warpPrice, loadPrice);
}

/** Counts a finished step's outcome and, every ADAPT_EVERY steps, moves each price toward TARGET_FEASIBLE. */
export function countStep(onTime: bool, withinCapacity: bool): void {
  if (!penalised) return;
  windowSteps++;
  if (onTime) onTimeSteps++;
  if (withinCapacity) withinCapacitySteps++;
  if (windowSteps < ADAPT_EVERY) return;
  warpPrice = adjusted(warpPrice, <f64>onTimeSteps / <f64>windowSteps, warpFloor);
  loadPrice = adjusted(loadPrice, <f64>withinCapacitySteps / <f64>windowSteps, loadFloor);
  windowSteps = 0; onTimeSteps = 0; withinCapacitySteps = 0;
  setPrices(warpPrice, loadPrice);
}

/** Puts prices in force and re-prices the plan's violating routes. */
function setPrices(warp: f64, load: f64): void {
  setRelaxed(true, warp, load);
  repriceViolations(warp, load);
}

/** Price raised when fewer than TARGET_FEASIBLE of the steps kept its rule, lowered when more did. */
function adjusted(price: f64, kept: f64, floor: f64): f64 {
  if (kept < TARGET_FEASIBLE - 0.05) return min<f64>(price * PRICE_UP, floor * 1e6);
  if (kept > TARGET_FEASIBLE + 0.05) return max<f64>(price * PRICE_DOWN, floor);
  return price;
}
