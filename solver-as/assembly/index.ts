// The solver's only export surface (STYLE §2): scalar-argument verbs that set
// up a problem, expose input buffers for JS to fill, build the matrix,
// construct, improve in bounded chunks, and copy the best plan out.
import {
  setupModel, inputAddress, hasMatrix, storedMatrix, distanceM, durationS, nodeCount, profileCount, params, vehicleCount,
  depotCount, isStop, endSite, isEndSite, vehicleProfile, partnerOf, isPickupSite,
} from "./model";
import { prepareModel, chosenWindow, hasPairs } from "./model-derived";
import { accField, F_WARP, insertionWarp, joinWarp } from "./segments";
import { accFromPrefix, accAppendRange, accAppendSuffix, accAppendSite } from "./accumulator";
import { prepareTravel, nodeDistance, nodeDuration } from "./matrix";
import { prepareHomes } from "./homes";
import { prepareVehicleClasses } from "./fleet";
import { buildNeighbours } from "./neighbours";
import {
  setupSolution, lastStop, saveBest, currentCost, bestCost as bestSoFar, routeCost, next, prev, routeOf, updateRoute, lateRoutes,
  overloadedRoutes,
} from "./solution";
import { setRelaxed } from "./route-cost";
import { setupConstruct, constructPlan, insertStop, repairPairs, placeBreaks, insertionCostElsewhere } from "./construct";
import { insertionEvaluations, evaluateInsertAnyWindow, routeCannotCarry, setSkipFullRoutes, bestInRoute } from "./insertion";
import {
  setupSearch, descend, restartDescent, movesApplied, moveEvaluations, evaluateMove, applyMove, useCrossExchange,
} from "./search";
import { setupRuin, removeStringChecked, offerUnassignedNow, noteOffered } from "./ruin";
import { setupAnneal, startAnneal, annealStep, annealSteps, converged, violatingSteps, recreateGranular } from "./anneal";
import {
  setupOutput, writeOutput, outRouteOffsets, outVisits, outArrivalS, outRouteStartS, outUnassigned,
  outUnassignedCount, outSummary,
} from "./output";
import { seedRng } from "./rng";
import { STATUS_DONE, STATUS_RUNNING, PARAM_SEED, E_NOT_SET_UP, E_BAD_BUFFER, E_BAD_PROFILE } from "./types";

/** 0 = nothing, 1 = buffers allocated, 2 = matrix built, 3 = constructed. */
let stage: i32 = 0;
/** True once the first descent reached a local optimum (annealing has started). */
let descended: bool = false;

/** Allocates every input buffer for the given problem size. Call once per instance. */
export function setup(nodes: i32, depots: i32, vehicles: i32, dims: i32, profiles: i32, matrixGiven: i32, windows: i32): void {
  setupModel(nodes, depots, vehicles, dims, profiles, matrixGiven != 0, windows);
  stage = 1;
}

/** Byte address of input buffer `bufferId` (types.ts BUF_*); JS writes the typed array there. */
export function inputPtr(bufferId: i32): usize {
  assert(stage >= 1, E_NOT_SET_UP);
  return inputAddress(bufferId);
}

/** Prepares travel (matrices from lonLat for small problems unless supplied, else on demand), then the derived model, neighbour lists and an empty plan. */
export function buildMatrix(): void {
  assert(stage >= 1, E_NOT_SET_UP);
  prepareTravel(hasMatrix);
  prepareModel();
  prepareHomes();
  prepareVehicleClasses();
  buildNeighbours();
  setupSolution();
  setupConstruct();
  setupOutput();
  stage = 2;
}

/** Seeds the generator from params[PARAM_SEED] and builds the first plan by cheapest insertion. */
export function construct(): void {
  beginPlan();
  completePlan();
}

/** Seeds the generator and prepares an empty plan for placeStop (an initial solution). */
export function beginPlan(): void {
  assert(stage >= 2, E_NOT_SET_UP);
  if (stage >= 3) setupSolution(); // constructing again starts from an empty plan
  seedRng(<u32>(<i64>params[PARAM_SEED]));
  setupSearch();
  useCrossExchange(true);
  setupRuin();
  setupAnneal();
}

/**
 * Appends stop to vehicle's route when the route stays feasible; returns 1 if placed, 0 if not. A
 * shipment's delivery goes only after its pickup on the same route: alone it would unload goods
 * never loaded, and a later stop could take the room it seemed to free (then, with the broken pair
 * taken off, the route was overloaded).
 */
export function placeStop(stop: i32, vehicle: i32): i32 {
  assert(stage >= 2, E_NOT_SET_UP);
  if (!isStop(stop) || vehicle < 0 || vehicle >= vehicleCount || routeOf[stop] >= 0) return 0;
  const partner = partnerOf(stop);
  if (partner >= 0 && !isPickupSite(stop) && unchecked(routeOf[partner]) != vehicle) return 0;
  const after = lastStop(vehicle);
  if (evaluateInsertAnyWindow(stop, after, Infinity) == Infinity) return 0;
  insertStop(stop, after, chosenWindow[stop]);
  return 1;
}

/** Puts each vehicle's breaks on its route, inserts every still-unassigned stop at its cheapest position and records the plan as the best so far. */
export function completePlan(): void {
  assert(stage >= 2, E_NOT_SET_UP);
  if (hasPairs) repairPairs();
  placeBreaks();
  constructPlan();
  saveBest();
  descended = false;
  stage = 3;
}

/**
 * Improves the plan for about `maxMoves` move evaluations and returns
 * STATUS_RUNNING while more work may help, STATUS_DONE once converged: the
 * first descent reached a local optimum and then ruin-and-recreate found no
 * better plan for a number of steps that grows with the instance (anneal.ts
 * `converged`). `progress` is the caller's elapsed share of its time budget
 * (0…1, or < 0 when unknown); it drives the annealing temperature.
 */
export function improve(maxMoves: i32, progress: f64): i32 {
  assert(stage >= 3, E_NOT_SET_UP);
  const stopAt = work() + <i64>max(maxMoves, 1);
  if (!descended) {
    descended = descend(<i64>max(maxMoves, 1));
    if (currentCost() < bestSoFar) saveBest();
    if (!descended) return STATUS_RUNNING;
    startAnneal();
  }
  if (nodeCount - depotCount < 2 || vehicleCount == 0) return STATUS_DONE;
  while (work() < stopAt) {
    annealStep(progress);
    if (converged()) return STATUS_DONE;
  }
  return STATUS_RUNNING;
}

/** Work done so far: move and insertion evaluations (the unit of `maxMoves`). */
function work(): i64 {
  return moveEvaluations + insertionEvaluations;
}

/** Objective of the best plan so far (+∞ before construct). */
export function bestCost(): f64 {
  return bestSoFar;
}

/** Search iterations so far (improving moves plus ruin-and-recreate rounds). */
export function iterations(): f64 {
  return <f64>(movesApplied + annealSteps);
}

/** Copies the best plan (or, with working ≠ 0, the working plan) into the output arrays. */
export function writeSolution(working: i32): void {
  assert(stage >= 3, E_NOT_SET_UP);
  writeOutput(working == 0, iterations());
}

/** Output array addresses: 0 routeOffsets, 1 visits, 2 arrivalS, 3 routeStartS, 4 unassigned, 5 summary. */
export function outputPtr(which: i32): usize {
  switch (which) {
    case 0: return changetype<usize>(outRouteOffsets);
    case 1: return changetype<usize>(outVisits);
    case 2: return changetype<usize>(outArrivalS);
    case 3: return changetype<usize>(outRouteStartS);
    case 4: return changetype<usize>(outUnassigned);
    case 5: return changetype<usize>(outSummary);
  }
  abort(E_BAD_BUFFER);
  return 0;
}

/** Number of valid entries in the unassigned output. */
export function outputUnassignedCount(): i32 {
  return outUnassignedCount;
}

/** Address of the stored distance matrix (kind 0) or of profile `profile`'s duration matrix (kind 1); 0 when legs are computed on demand. */
export function matrixPtr(kind: i32, profile: i32): usize {
  assert(stage >= 2, E_NOT_SET_UP);
  if (!storedMatrix) return 0;
  if (kind == 0) return changetype<usize>(distanceM);
  if (profile < 0 || profile >= profileCount) abort(E_BAD_PROFILE);
  return changetype<usize>(durationS) + <usize>profile * <usize>nodeCount * <usize>nodeCount * 4;
}

/** Metres from node `from` to node `to`, as the solver uses them (stored or on demand). */
export function legDistance(from: i32, to: i32): i32 {
  assert(stage >= 2, E_NOT_SET_UP);
  if (from < 0 || to < 0 || from >= nodeCount || to >= nodeCount) abort(E_BAD_BUFFER);
  return nodeDistance(from, to);
}

/** Seconds from node `from` to node `to` with profile `profile`'s speed, as the solver uses them. */
export function legDurationS(profile: i32, from: i32, to: i32): i32 {
  assert(stage >= 2, E_NOT_SET_UP);
  if (from < 0 || to < 0 || from >= nodeCount || to >= nodeCount) abort(E_BAD_BUFFER);
  if (profile < 0 || profile >= profileCount) abort(E_BAD_PROFILE);
  return nodeDuration(profile, from, to);
}

export { setMatrixNodeLimit } from "./model";

// ---- test hooks: used by tests/unit/solver only (operator property tests).

/** evaluate* of operator `op` (types.ts OP_*) on sites u, v of the working plan. */
export function testEvaluate(op: i32, u: i32, v: i32): f64 {
  return evaluateMove(op, u, v);
}

/** apply* of operator `op` on the working plan. */
export function testApply(op: i32, u: i32, v: i32): void {
  applyMove(op, u, v);
}

/** Working-plan links: next (kind 0), prev (1), routeOf (2) of a site. */
export function testLink(kind: i32, site: i32): i32 {
  return kind == 0 ? next[site] : kind == 1 ? prev[site] : routeOf[site];
}

/** Objective of the working plan; with route ≥ 0 the cost of that route. */
export function testCost(route: i32): f64 {
  return route < 0 ? currentCost() : routeCost[route];
}

/** A ruin's string removal from stop `first` (ruin.ts removeStringChecked): stops taken, −1 if not those its dry run checked. */
export function testRemoveString(first: i32, count: i32, keepFrom: i32, keep: i32): i32 {
  return removeStringChecked(first, count, keepFrom, keep);
}

/**
 * The unassigned stops a ruin-and-recreate step would offer recreate if it ruined nothing (ruin.ts addUnassigned,
 * `granular` as that step's recreate); with `note`, they are then marked as offered and left unassigned.
 */
export function testOffer(granular: i32, note: i32): i32 {
  const count = offerUnassignedNow(granular != 0);
  if (note != 0) noteOffered();
  return count;
}

/** 1 when route `route` cannot carry unassigned stop `stop` whatever the position (insertion.ts routeCannotCarry). */
export function testCannotCarry(route: i32, stop: i32): i32 {
  return routeCannotCarry(route, stop) ? 1 : 0;
}

/** Cost of the cheapest position of unassigned stop `stop` in route `route` (≥ INFEASIBLE: none). */
export function testBestInRoute(route: i32, stop: i32): f64 {
  return bestInRoute(stop, route);
}

/** Off: bestInsertion walks the routes that cannot carry the stop too (to compare the plans; call before a solve). */
export function testSkipFullRoutes(on: i32): void {
  setSkipFullRoutes(on != 0);
}

/** Restarts the descent (new random node order) without touching the plan. */
export function testRestartDescent(): void {
  restartDescent();
  descended = false;
}

/** Vehicle count (sites N+r / N+V+r are route r's start / end). */
export function testVehicleCount(): i32 {
  return vehicleCount;
}

/** Turns the penalised search on with these prices (≤ 0 keeps that rule hard) and re-prices every route. */
export function testRelax(warpPrice: f64, loadPrice: f64): void {
  setRelaxed(true, warpPrice, loadPrice);
  for (let route = 0; route < vehicleCount; route++) updateRoute(route);
}

/** Late routes plus 1000 × overloaded routes of the working plan. */
export function testViolations(): i32 {
  return lateRoutes + 1000 * overloadedRoutes;
}

/** Ruin-and-recreate steps so far whose plan had a late or overloaded route (0 unless the search is penalised). */
export function testViolatingSteps(): f64 {
  return <f64>violatingSteps;
}

/**
 * Cost of inserting assigned stop `stop` elsewhere once it and its first `alongside` routed neighbours are
 * out; the working plan is left as it was. `mode` 0 over every route, 1 next to its neighbours, 2 over
 * the routes of its neighbours, 3 as ruin-and-recreate does.
 */
export function testInsertionElsewhere(stop: i32, alongside: i32, mode: i32): f64 {
  return insertionCostElsewhere(stop, alongside, mode, recreateGranular());
}

/** The time warp testTimeScreen last measured with whole records. */
let screenedFullWarp: f64 = 0;

/**
 * The time screen of move evaluation against the whole-record evaluation, on the working plan. `mode` 0:
 * the chain first … last (on another route) after site `before`, as relocate and recreate price it;
 * mode 1: the prefix through `before` joined to the suffix from site `last` of another route, as 2-opt*
 * does (`first` unused). Returns the screen's warp; testScreenedFullWarp() then gives the full one.
 */
export function testTimeScreen(mode: i32, first: i32, last: i32, before: i32): f64 {
  const route = routeOf[before];
  const end = endSite(route);
  const profile = vehicleProfile[route];
  const after = next[before];
  accFromPrefix(before, route);
  let screened: i64 = 0;
  if (mode == 0) {
    screened = insertionWarp(before, first, last, after, end, profile, next);
    accAppendRange(first, last, next);
    accAppendSuffix(after, lastStop(route), route, next);
  } else {
    const tail = isEndSite(last) ? end : last;
    screened = joinWarp(before, tail, end, profile);
    accAppendSuffix(last, lastStop(routeOf[last]), routeOf[last], next);
  }
  accAppendSite(end);
  screenedFullWarp = <f64>accField(F_WARP);
  return <f64>screened;
}

/** The whole-record warp of the last testTimeScreen. */
export function testScreenedFullWarp(): f64 {
  return screenedFullWarp;
}

/**
 * 0: every move and insertion priced with whole route records; 1: plain-price.ts pricing where the model
 * allows it. Returns 1 when the model allows plainPricing, + 2 orderFreeLoads, + 4 neverLate.
 */
export { setPlainPricing as testPlainPricing } from "./plain-price";

/** false: the first plan of a large problem evaluates every route it would skip (to compare the plans). */
export { setConstructPruning as testConstructPruning } from "./construct";

export { riskSetup, riskInputPtr, riskOutputPtr, riskRun } from "./risk";
