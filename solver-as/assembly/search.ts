// Local search: first-improvement descent over granular neighbourhoods with
// relocate, or-opt, swap, 2-opt*, cross-exchange and 2-opt, skipping pairs whose routes have
// not changed since the node was last tested (HGS-CVRP / PyVRP LocalSearch).
// Resumable: `descend(budget)` stops after about `budget` move evaluations.
import {
  nodeCount, depotCount, vehicleCount, startSite, endSite, partnerOf, isPickupSite, isStop, isBreak, windowCount, windowUsed,
} from "./model";
import { hasPairs, hasBreaks, chosenWindow, chooseWindow } from "./model-derived";
import {
  next, prev, routeOf, pos, routeStops, routeVersion, changeClock, currentCost, openAcross, pairedUpTo, routeCost, updateRoute,
} from "./solution";
import { routeCostWith } from "./insertion";
import { neighbours, neighbourCount } from "./neighbours";
import { evaluateRelocate, applyRelocate } from "./operators/relocate";
import { evaluateOrOpt, applyOrOpt } from "./operators/or-opt";
import { evaluateSwap, applySwap } from "./operators/swap";
import { evaluateTwoOptStar, applyTwoOptStar } from "./operators/two-opt-star";
import { evaluateTwoOpt, applyTwoOpt } from "./operators/two-opt";
import { evaluateCrossExchange, applyCrossExchange } from "./operators/cross-exchange";
import { nextInt } from "./rng";
import {
  OP_RELOCATE, OP_SWAP, OP_TWO_OPT_STAR, OP_TWO_OPT, OP_OR_OPT2, OP_OR_OPT3, OP_CROSS_2_1, OP_CROSS_1_2,
  OP_CROSS_2_2,
} from "./types";

/** [S] stops in the order the descent visits them (reshuffled per restart). */
let order = new StaticArray<i32>(0);
/** [N] changeClock value when the node's neighbourhood was last fully scanned (−1: never). */
let lastTested = new StaticArray<i32>(0);
let cursor: i32 = 0;
let improvedInPass: bool = false;
/** Move evaluations performed by the descent (work counter for budgets). */
export let moveEvaluations: i64 = 0;
/** Improving moves applied so far. */
export let movesApplied: i64 = 0;
/**
 * Whether tryPair also tries cross-exchange. On for the first descent only:
 * inside ruin-and-recreate its extra evaluations cost more than they find
 * (Solomon 2 s mean gap 0.37 % with vs 0.26 % without; X ≤ 200, 5 s: 0.81 % vs 0.55 %).
 */
let crossExchange: bool = true;

/** Turns cross-exchange in the descent on or off. */
export function useCrossExchange(on: bool): void {
  crossExchange = on;
}
/** Minimum improvement a move must bring (guards against float noise cycling). */
let epsilon: f64 = 1e-9;

/** Allocates the descent state. */
export function setupSearch(): void {
  order = new StaticArray<i32>(nodeCount - depotCount);
  lastTested = new StaticArray<i32>(nodeCount);
  for (let i = 0; i < order.length; i++) order[i] = depotCount + i;
  restartDescent();
}

/** Starts a new descent over all stops in a fresh random order; nothing is skipped. */
export function restartDescent(): void {
  const count = order.length;
  for (let i = count - 1; i > 0; i--) {
    const j = nextInt(i + 1);
    const t = unchecked(order[i]); unchecked(order[i] = order[j]); unchecked(order[j] = t);
  }
  for (let node = 0; node < nodeCount; node++) unchecked(lastTested[node] = -1);
  cursor = 0;
  improvedInPass = false;
}

/**
 * True when every paired stop of the chain of `len` stops from u has its partner in the chain too
 * (the chain can then change route: order inside it is kept).
 */
function chainClosed(u: i32, len: i32): bool {
  const route = unchecked(routeOf[u]);
  const first = unchecked(pos[u]);
  let x = u;
  for (let i = 0; i < len && isStop(x); i++) {
    const y = partnerOf(x);
    if (y >= 0 && (unchecked(routeOf[y]) != route || unchecked(pos[y]) < first || unchecked(pos[y]) >= first + len)) return false;
    x = unchecked(next[x]);
  }
  return true;
}

/** A stop with partner y lands right after site w of its own route: is the pickup still first? */
// @ts-ignore: decorator
@inline function orderKept(x: i32, y: i32, w: i32): bool {
  return isPickupSite(x) ? unchecked(pos[y]) > unchecked(pos[w]) : unchecked(pos[y]) <= unchecked(pos[w]);
}

/** Relocate / or-opt of the chain of `len` stops from u to after w keeps every shipment whole and in order. */
function relocateKeepsPairs(u: i32, len: i32, w: i32): bool {
  if (!isStop(u)) return true;
  if (unchecked(routeOf[u]) != unchecked(routeOf[w])) return chainClosed(u, len);
  const first = unchecked(pos[u]);
  let x = u;
  for (let i = 0; i < len && isStop(x); i++) {
    const y = partnerOf(x);
    if (y >= 0 && (unchecked(pos[y]) < first || unchecked(pos[y]) >= first + len) && !orderKept(x, y, w)) return false;
    x = unchecked(next[x]);
  }
  return true;
}

/** Swap of stops u and v keeps every shipment whole and in order. */
function swapKeepsPairs(u: i32, v: i32): bool {
  if (!isStop(u) || !isStop(v)) return true;
  const pu = partnerOf(u); const pv = partnerOf(v);
  if (pu < 0 && pv < 0) return true;
  if (unchecked(routeOf[u]) != unchecked(routeOf[v])) return false;
  if (pu == v) return false;
  if (pu >= 0 && (isPickupSite(u) ? unchecked(pos[pu]) <= unchecked(pos[v]) : unchecked(pos[pu]) >= unchecked(pos[v]))) return false;
  if (pv >= 0 && (isPickupSite(v) ? unchecked(pos[pv]) <= unchecked(pos[u]) : unchecked(pos[pv]) >= unchecked(pos[u]))) return false;
  return true;
}

/**
 * Reversing nu … v keeps order unless a whole shipment lies inside. O(1) when no paired stop is
 * inside, else a walk over the range (the 2-opt evaluation walks it anyway).
 */
function reversalKeepsPairs(u: i32, v: i32): bool {
  if (unchecked(routeOf[u]) != unchecked(routeOf[v]) || unchecked(pairedUpTo[v]) == unchecked(pairedUpTo[u])) return true;
  const first = unchecked(pos[u]) + 1; const last = unchecked(pos[v]);
  let x = unchecked(next[u]);
  for (let i = first; i <= last; i++) {
    const y = partnerOf(x);
    if (y >= 0 && unchecked(pos[y]) >= first && unchecked(pos[y]) <= last) return false;
    x = unchecked(next[x]);
  }
  return true;
}

/** Whether a move keeps shipments (pickup then delivery, same route); O(1) or O(chain). */
function pairsAllow(op: i32, u: i32, v: i32): bool {
  switch (op) {
    case OP_RELOCATE: return relocateKeepsPairs(u, 1, v);
    case OP_OR_OPT2: return relocateKeepsPairs(u, 2, v);
    case OP_OR_OPT3: return relocateKeepsPairs(u, 3, v);
    case OP_SWAP: return swapKeepsPairs(u, v);
    case OP_TWO_OPT_STAR: return unchecked(openAcross[u]) == 0 && unchecked(openAcross[v]) == 0;
    case OP_TWO_OPT: return reversalKeepsPairs(u, v);
    case OP_CROSS_2_1: return chainClosed(u, 2) && chainClosed(v, 1);
    case OP_CROSS_1_2: return chainClosed(u, 1) && chainClosed(v, 2);
    case OP_CROSS_2_2: return chainClosed(u, 2) && chainClosed(v, 2);
  }
  return true;
}

/** Evaluates one operator move (dispatch by id, no virtual calls). */
export function evaluateMove(op: i32, u: i32, v: i32): f64 {
  moveEvaluations++;
  if (hasPairs && !pairsAllow(op, u, v)) return Infinity;
  switch (op) {
    case OP_RELOCATE: return evaluateRelocate(u, 1, v);
    case OP_SWAP: return evaluateSwap(u, v);
    case OP_TWO_OPT_STAR: return evaluateTwoOptStar(u, v);
    case OP_TWO_OPT: return evaluateTwoOpt(u, v);
    case OP_OR_OPT2: return evaluateOrOpt(u, 2, v);
    case OP_OR_OPT3: return evaluateOrOpt(u, 3, v);
    case OP_CROSS_2_1: return evaluateCrossExchange(u, 2, v, 1);
    case OP_CROSS_1_2: return evaluateCrossExchange(u, 1, v, 2);
    case OP_CROSS_2_2: return evaluateCrossExchange(u, 2, v, 2);
  }
  return Infinity;
}

/** Applies one operator move (same arguments as evaluateMove). */
export function applyMove(op: i32, u: i32, v: i32): void {
  switch (op) {
    case OP_RELOCATE: applyRelocate(u, 1, v); break;
    case OP_SWAP: applySwap(u, v); break;
    case OP_TWO_OPT_STAR: applyTwoOptStar(u, v); break;
    case OP_TWO_OPT: applyTwoOpt(u, v); break;
    case OP_OR_OPT2: applyOrOpt(u, 2, v); break;
    case OP_OR_OPT3: applyOrOpt(u, 3, v); break;
    case OP_CROSS_2_1: applyCrossExchange(u, 2, v, 1); break;
    case OP_CROSS_1_2: applyCrossExchange(u, 1, v, 2); break;
    case OP_CROSS_2_2: applyCrossExchange(u, 2, v, 2); break;
  }
}

/** Applies the move if it improves by more than epsilon. */
// @ts-ignore: decorator
@inline function tryMove(op: i32, u: i32, v: i32): bool {
  if (evaluateMove(op, u, v) < -epsilon) { applyMove(op, u, v); movesApplied++; return true; }
  return false;
}

/** Tries every operator on the related pair (u, v); true when one was applied. */
function tryPair(u: i32, v: i32): bool {
  if (tryMove(OP_RELOCATE, u, v)) return true;
  const pv = unchecked(prev[v]);
  if (pv != u && tryMove(OP_RELOCATE, u, pv)) return true;
  if (tryMove(OP_SWAP, u, v)) return true;
  if (tryMove(OP_OR_OPT2, u, v)) return true;
  if (tryMove(OP_OR_OPT3, u, v)) return true;
  if (unchecked(routeOf[u]) != unchecked(routeOf[v])) {
    if (tryMove(OP_TWO_OPT_STAR, u, pv)) return true;
    if (tryMove(OP_TWO_OPT_STAR, unchecked(prev[u]), v)) return true;
    if (!crossExchange) return false;
    if (tryMove(OP_CROSS_2_1, u, v)) return true;
    if (tryMove(OP_CROSS_1_2, u, v)) return true;
    return tryMove(OP_CROSS_2_2, u, v);
  }
  if (unchecked(pos[u]) < unchecked(pos[v])) return tryMove(OP_TWO_OPT, u, v);
  return tryMove(OP_TWO_OPT, v, u);
}

/** Tries moving u alone into the first empty route. */
function tryEmptyRoute(u: i32): bool {
  if (unchecked(routeStops[unchecked(routeOf[u])]) <= 1) return false;
  for (let route = 0; route < vehicleCount; route++) {
    if (unchecked(routeStops[route]) == 0) return tryMove(OP_RELOCATE, u, startSite(route));
  }
  return false;
}

/**
 * A driver break only moves inside its own route: tries it after every other site of the route
 * (O(route length) evaluations; a route holds few breaks). Breaks are in no neighbour list.
 */
function searchBreak(u: i32, tested: i32): bool {
  const route = unchecked(routeOf[u]);
  if (tested >= unchecked(routeVersion[route]) || unchecked(routeStops[route]) == 0) return false;
  const end = endSite(route);
  let w = startSite(route);
  while (w != end) {
    const following = unchecked(next[w]);
    if (w != u && tryMove(OP_RELOCATE, u, w)) return true;
    w = following;
  }
  return false;
}

/**
 * With several window slots per stop: serves u in the slot that makes its route cheapest (a stop
 * whose later window, or priced late slot, is no longer needed goes back to an earlier or free one).
 * O(slots) evaluations. Only u's own slot changes, so annealing can undo it with u's saved slot.
 */
function tryWindows(u: i32): bool {
  const route = unchecked(routeOf[u]);
  const current = unchecked(chosenWindow[u]);
  const base = unchecked(routeCost[route]);
  let best = current;
  let bestCost = base - epsilon;
  for (let slot = 0; slot < windowCount; slot++) {
    if (slot == current || !windowUsed(u, slot)) continue;
    chooseWindow(u, slot);
    moveEvaluations++;
    const cost = routeCostWith(route, unchecked(prev[u]), u, unchecked(next[u]));
    if (cost < bestCost) { bestCost = cost; best = slot; }
  }
  chooseWindow(u, best);
  if (best == current) return false;
  updateRoute(route);
  movesApplied++;
  return true;
}

/** Scans all neighbours of stop u; true when some move was applied. */
export function searchNode(u: i32): bool {
  if (unchecked(routeOf[u]) < 0) return false;
  const tested = unchecked(lastTested[u]);
  unchecked(lastTested[u] = changeClock);
  if (hasBreaks && isBreak(u)) return searchBreak(u, tested);
  let improved = windowCount > 1 && tested < unchecked(routeVersion[unchecked(routeOf[u])]) && tryWindows(u);
  const k = neighbourCount;
  for (let i = 0; i < k; i++) {
    const v = unchecked(neighbours[u * k + i]);
    const rv = unchecked(routeOf[v]);
    if (rv < 0) continue;
    const ru = unchecked(routeOf[u]);
    if (tested >= unchecked(routeVersion[ru]) && tested >= unchecked(routeVersion[rv])) continue;
    if (tryPair(u, v)) improved = true;
  }
  if (tested < unchecked(routeVersion[unchecked(routeOf[u])]) && tryEmptyRoute(u)) improved = true;
  return improved;
}

/**
 * Continues the descent for about `budget` move evaluations. Returns true once
 * a full pass over all stops found no improving move (a local optimum).
 */
export function descend(budget: i64): bool {
  const stopAt = moveEvaluations + budget;
  const count = order.length;
  epsilon = 1e-9 * max<f64>(1, Math.abs(currentCost()));
  while (moveEvaluations < stopAt) {
    if (cursor == count) {
      if (!improvedInPass) return true;
      improvedInPass = false;
      cursor = 0;
    }
    if (searchNode(unchecked(order[cursor++]))) improvedInPass = true;
  }
  return false;
}
