// Domain scenario → flat typed arrays for the WASM solver (STYLE.md §2).
// Nodes 0..D-1 are depots, D..N-1 orders; the id tables stay in JS for decode.
import type { Break, Scenario, SoftLimit, TimeWindow, Vehicle } from '../web/src/domain/scenario';
import { vehicleSpeedMps } from '../web/src/domain/geo';
import { drivesFree } from '../web/src/domain/pricing';
import { makeLegFn, type Place } from '../web/src/domain/travel';
import { capabilityGap, resolveOrder, unassignedPenalty, type OrderNeeds } from '../web/src/domain/service-types';
import {
  INPUT_ERROR, NODE_ANYWHERE, NODE_BREAK, NODE_PICKUP, PARAM_CIRCUITY, namedError, PARAM_COUNT, PARAM_NEIGHBOURS, PARAM_SEED,
  PARAM_STABILITY_COST, type InitialStop, type ProblemBuffers, type SolveOptions, type SolverPin,
} from './protocol';

/** Amounts are sent as integers in hundredths of a unit. */
export const AMOUNT_SCALE = 100;
/** The largest capacity the solver's Int32 buffers hold: a unit without a limit (null) gets it. */
const CAPACITY_NO_LIMIT = 2_147_483_647;

/** A vehicle's capacity in solver units; `null` (no limit) and anything beyond Int32 become CAPACITY_NO_LIMIT. */
export function scaledCapacity(capacity: number | null | undefined): number {
  if (capacity === null || capacity === undefined) return CAPACITY_NO_LIMIT;
  return Math.min(CAPACITY_NO_LIMIT, Math.floor(capacity * AMOUNT_SCALE + 1e-9));
}
/** Granular neighbourhood size for the local search. */
export const DEFAULT_NEIGHBOURS = 20;

/**
 * The search's price of a metre driven by a vehicle whose driving costs nothing (no cost per km, none per hour):
 * 1 per km, so its route is still made short (a fleet imported without cost columns was planned in tangles).
 * It orders the search only: the plan's cost leaves it out (ProblemBuffers.nominalCostPerM). Against the
 * scenario's own prices it counts as that: with free vehicles, a priced minute of lateness is weighed against
 * kilometres at 1 per km.
 */
export const NOMINAL_COST_PER_M = 0.001;

/** Latest time any window may reach: 48 h, in seconds. */
const HORIZON_S = 2880 * 60;
/**
 * Soft lateness is priced in this many steps: a stop late under its allowance is served in one of as
 * many extra window slots past its last window, slot k reaching k/LATE_STEPS of the allowance and
 * costing that much lateness (an upper bound the search works with; the plan's cost is exact).
 */
export const LATE_STEPS = 4;

export interface Encoded {
  buffers: ProblemBuffers;
  /**
   * Node index → depot id (0..D-1), order id (a shipment's pickup node carries its order's id too) or
   * break id.
   */
  nodeIds: string[];
  /**
   * Node index → order index (−1 for depots and breaks). Nodes D..D+O−1 are the orders in scenario
   * order (a shipment's delivery); then come the pickups of shipments, then each vehicle's breaks.
   */
  nodeOrder: number[];
  /** Node index → the step it becomes in a plan. */
  nodeStep: ('depot' | 'job' | 'pickup' | 'delivery' | 'break')[];
  /** Vehicle index → vehicle id. */
  vehicleIds: string[];
  /** Node index → the vehicle index owning it, for a break (−1 for every other node). */
  breakVehicle: number[];
  /** Order index (node − D) → what serving it takes (service, crew, skills, delivered and collected amounts). */
  needs: OrderNeeds[];
}

/** Speed profiles: one per distinct (vehicle type, speed factor). */
function profilesOf(scenario: Scenario): { speeds: number[]; vehicleProfile: number[] } {
  const keys = new Map<string, number>();
  const speeds: number[] = [];
  const vehicleProfile = scenario.vehicles.map((v) => {
    const key = `${v.type}\u0000${v.speedFactor}`;
    let p = keys.get(key);
    if (p === undefined) {
      p = speeds.length;
      keys.set(key, p);
      speeds.push(vehicleSpeedMps(scenario.settings.speedKmh, v.type, v.speedFactor));
    }
    return p;
  });
  return { speeds, vehicleProfile };
}

/** Vehicles that may not serve each order (missing skills or crew, pinned routes of others); pinned orders' owners. */
function forbiddenPairs(scenario: Scenario, needs: OrderNeeds[], pins: SolverPin[], D: number, N: number, pickupNode: Map<number, number>, nodeVehicle: Int32Array): { forbidden?: Uint8Array; lockSeq?: Int32Array; pinned: boolean } {
  const { orders, vehicles } = scenario;
  const V = vehicles.length;
  const forbidden = new Uint8Array(N * V);
  let any = false;
  // An order's ban covers both stops of a shipment.
  const ban = (order: number, vehicle: number) => {
    forbidden[(D + order) * V + vehicle] = 1;
    const pickup = pickupNode.get(order);
    if (pickup !== undefined) forbidden[pickup * V + vehicle] = 1;
    any = true;
  };
  orders.forEach((_order, j) => {
    vehicles.forEach((vehicle, r) => {
      const gap = capabilityGap(vehicle, needs[j]);
      if (gap.missingSkills.length > 0 || gap.crewShort > 0) ban(j, r);
    });
  });
  const orderIndex = new Map(orders.map((o, j) => [o.id, j]));
  const vehicleIndex = new Map(vehicles.map((v, r) => [v.id, r]));
  const pinnedTo = new Map<number, number>();
  const lockSeq = new Int32Array(N).fill(-1);
  const frozen = new Set<number>();
  for (const pin of pins) {
    const j = orderIndex.get(pin.orderId); const r = vehicleIndex.get(pin.vehicleId);
    if (j === undefined || r === undefined) continue;
    pinnedTo.set(j, r);
    if (pin.position !== undefined) {
      const node = pin.side === 'pickup' ? pickupNode.get(j) : D + j;
      if (node !== undefined) lockSeq[node] = pin.position;
      frozen.add(r);
    }
  }
  // A pinned order belongs to its vehicle (both stops of a shipment): an owner, not a ban on every
  // other vehicle, so pins to many vehicles never exhaust the solver's ban groups.
  for (const [j, r] of pinnedTo) {
    nodeVehicle[D + j] = r;
    const pickup = pickupNode.get(j);
    if (pickup !== undefined) nodeVehicle[pickup] = r;
  }
  // A pinned route keeps exactly its stops: nothing else joins it.
  for (const r of frozen) orders.forEach((_, j) => { if (pinnedTo.get(j) !== r) ban(j, r); });
  return { forbidden: any ? forbidden : undefined, lockSeq: frozen.size > 0 ? lockSeq : undefined, pinned: pinnedTo.size > 0 };
}

/**
 * Most places a supplied travel matrix may have. A supplied matrix is N × N by nature and stays exact, so it
 * is held several times in the tab (the scenario's number[][] per vehicle type, its copy sent to the worker,
 * the encoded Int32Arrays, the solver's copy): about 120 bytes per cell with two vehicle types, 2 GB at
 * 4,000 places. Above it the solve is refused with a message (the embedded model has no such limit).
 */
export const SUPPLIED_MATRIX_MAX_PLACES = 4000;

/**
 * The scenario's own travel matrices (VROOM \`matrices\`) as solver matrices: per profile, every leg
 * exactly as the checker computes it (travel.ts: matrix × speed factor, the offline model for places
 * without a matrix index). Undefined when the scenario has no matrix. One distance matrix serves
 * every profile, so per-type distances that differ are refused.
 */
function suppliedMatrices(scenario: Scenario, places: Place[], vehicleProfile: number[], profiles: number): { distanceM: Int32Array; durationS: Int32Array } | undefined {
  if (!scenario.travelMatrices || Object.keys(scenario.travelMatrices).length === 0) return undefined;
  const N = places.length;
  if (N > SUPPLIED_MATRIX_MAX_PLACES) {
    throw namedError(INPUT_ERROR, `travel matrices: ${N} places (depots, orders, pickups) are more than a supplied road matrix may have in the browser (at most ${SUPPLIED_MATRIX_MAX_PLACES}, ${N} × ${N} legs per vehicle type); remove the road matrix to plan on the built-in travel model, or split the scenario`);
  }
  const distanceM = new Int32Array(N * N);
  const durationS = new Int32Array(profiles * N * N);
  for (let p = 0; p < profiles; p++) {
    const vehicle = scenario.vehicles[vehicleProfile.indexOf(p)];
    const leg = makeLegFn(scenario, vehicle);
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        if (i === j) continue;
        const l = leg(places[i], places[j]);
        durationS[p * N * N + i * N + j] = l.durationS;
        if (p === 0) distanceM[i * N + j] = l.distanceM;
        else if (distanceM[i * N + j] !== l.distanceM) {
          throw namedError(INPUT_ERROR, `travel matrices: vehicle type '${vehicle.type}' has other distances than '${scenario.vehicles[vehicleProfile.indexOf(0)].type}' (from place ${i} to ${j}); the solver takes one distance matrix for all vehicle types`);
        }
      }
    }
  }
  return { distanceM, durationS };
}

/** Node index → the place it stands for (depots, orders, shipment pickups, then breaks at their vehicle's depot: unused). */
function placesOf(scenario: Scenario, pickupNode: Map<number, number>, breaks: BreakNode[]): Place[] {
  const places: Place[] = [...scenario.depots, ...scenario.orders];
  for (const j of pickupNode.keys()) places.push(scenario.orders[j].pickup!);
  const depots = new Map(scenario.depots.map((d) => [d.id, d]));
  for (const b of breaks) places.push(depots.get(scenario.vehicles[b.vehicle].startDepotId)!);
  return places;
}

/** A driver break as a solver node. */
interface BreakNode {
  vehicle: number;
  brk: Break;
}

/** Every vehicle's breaks, each vehicle's in the order of their first window (an empty route keeps that order). */
function breakNodes(scenario: Scenario): BreakNode[] {
  return scenario.vehicles.flatMap((vehicle, r) => [...(vehicle.breaks ?? [])]
    .sort((a, b) => Math.min(...a.timeWindows.map((w) => w.start)) - Math.min(...b.timeWindows.map((w) => w.start)))
    .map((brk) => ({ vehicle: r, brk })));
}

/**
 * A stop's window slots: its windows, then — under a lateness allowance — LATE_STEPS slots that
 * extend its last window by k/LATE_STEPS of the allowance, each with the cost of that much lateness
 * (one free slot when lateness costs nothing). No windows: open all day.
 */
function windowSlots(windows: readonly TimeWindow[], lateness: SoftLimit | undefined): { open: number; close: number; cost: number }[] {
  if (windows.length === 0) return [{ open: 0, close: HORIZON_S, cost: 0 }];
  const slots = windows.map((w) => ({ open: w.start * 60, close: w.end * 60, cost: 0 }));
  const allowanceS = (lateness?.maxMinutes ?? 0) * 60;
  if (!lateness || allowanceS <= 0) return slots;
  const last = slots.reduce((a, b) => (b.close > a.close ? b : a));
  const steps = lateness.costPerMinute > 0 ? LATE_STEPS : 1;
  for (let k = 1; k <= steps; k++) {
    const lateS = Math.round((allowanceS * k) / steps);
    slots.push({ open: last.open, close: last.close + lateS, cost: (lateS / 60) * lateness.costPerMinute });
  }
  return slots;
}

/**
 * The stability option as a home vehicle per node (a shipment's pickup and delivery both get the order's)
 * and its cost per stop; undefined when absent or free. InputError naming the option's path when malformed;
 * entries naming an order or vehicle the scenario lacks are skipped (see SolveOptions.stability).
 */
export function stabilityHomes(scenario: Scenario, stability: SolveOptions['stability'], D: number, N: number, pickupNode: Map<number, number>): { homeVehicle: Int32Array; cost: number } | undefined {
  if (stability === undefined) return undefined;
  const bad = (path: string, rule: string) => namedError(INPUT_ERROR, `options.stability${path}: ${rule}`);
  if (typeof stability !== 'object' || stability === null) throw bad('', 'must be an object { home, costPerStop }');
  const cost = stability.costPerStop;
  if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0) throw bad('.costPerStop', `must be a finite number ≥ 0, got ${String(cost)}`);
  if (!Array.isArray(stability.home)) throw bad('.home', 'must be an array of { orderId, vehicleId }');
  const orderIndex = new Map(scenario.orders.map((o, j) => [o.id, j]));
  const vehicleIndex = new Map(scenario.vehicles.map((v, r) => [v.id, r]));
  const homeVehicle = new Int32Array(N).fill(-1);
  const seen = new Map<string, string>();
  stability.home.forEach((entry, i) => {
    if (typeof entry?.orderId !== 'string') throw bad(`.home[${i}].orderId`, 'must be a string');
    if (typeof entry.vehicleId !== 'string') throw bad(`.home[${i}].vehicleId`, 'must be a string');
    const earlier = seen.get(entry.orderId);
    if (earlier !== undefined && earlier !== entry.vehicleId) throw bad(`.home[${i}].vehicleId`, `order '${entry.orderId}' already has home vehicle '${earlier}'`);
    seen.set(entry.orderId, entry.vehicleId);
    const j = orderIndex.get(entry.orderId); const r = vehicleIndex.get(entry.vehicleId);
    if (j === undefined || r === undefined) return;
    homeVehicle[D + j] = r;
    const pickup = pickupNode.get(j);
    if (pickup !== undefined) homeVehicle[pickup] = r;
  });
  return cost > 0 && homeVehicle.some((r) => r >= 0) ? { homeVehicle, cost } : undefined;
}

/** A limit in solver units, −1 when absent. */
const limit = (value: number | undefined, scale: number): number => (value === undefined ? -1 : Math.floor(value * scale + 1e-9));

/**
 * Encodes a validated scenario. Orders keep their scenario order. Every order
 * is resolved through its service type (service time, crew, skills, delivered
 * and collected amounts, priority); all its windows are passed (W slots per node),
 * plus priced slots for its lateness allowance. Each vehicle's breaks become
 * nodes only that vehicle may serve.
 */
export function encode(scenario: Scenario, options: SolveOptions): Encoded {
  const { depots, orders, vehicles, settings } = scenario;
  const D = depots.length;
  const V = vehicles.length;
  const K = settings.capacityUnits.length;
  const depotIndex = new Map(depots.map((d, i) => [d.id, i]));
  const { speeds, vehicleProfile } = profilesOf(scenario);
  const needs = orders.map((o) => resolveOrder(settings, o));
  // Shipments get a second node, their pickup, after all orders; then come the vehicles' breaks.
  const pickupNode = new Map<number, number>();
  orders.forEach((o, j) => { if (o.pickup) pickupNode.set(j, D + orders.length + pickupNode.size); });
  const breaks = breakNodes(scenario);
  const firstBreak = D + orders.length + pickupNode.size;
  const N = firstBreak + breaks.length;
  const slotsOf = new Map<number, { open: number; close: number; cost: number }[]>();
  orders.forEach((o, j) => {
    slotsOf.set(D + j, windowSlots(needs[j].timeWindows, o.lateness));
    const at = pickupNode.get(j);
    if (at !== undefined && needs[j].shipment) slotsOf.set(at, windowSlots(needs[j].shipment!.timeWindows, o.lateness));
  });
  breaks.forEach((b, i) => slotsOf.set(firstBreak + i, windowSlots(b.brk.timeWindows, undefined)));
  const W = Math.max(1, ...[...slotsOf.values()].map((slots) => slots.length));

  const lonLat = new Float64Array(2 * N);
  const demand = new Int32Array(N * K);
  const pickup = new Int32Array(N * K);
  const serviceS = new Int32Array(N);
  // Unused slots open after they close.
  const twOpenS = new Int32Array(N * W).fill(1);
  const twCloseS = new Int32Array(N * W).fill(0);
  const windowCost = new Float64Array(N * W);
  const penalty = new Float64Array(N);
  const pair = new Int32Array(N).fill(-1);
  const nodeFlags = new Int32Array(N);
  const nodeVehicle = new Int32Array(N).fill(-1);
  for (const [node, slots] of slotsOf) {
    slots.forEach((slot, i) => {
      twOpenS[node * W + i] = slot.open; twCloseS[node * W + i] = slot.close; windowCost[node * W + i] = slot.cost;
    });
  }
  depots.forEach((d, i) => {
    lonLat[2 * i] = d.lng;
    lonLat[2 * i + 1] = d.lat;
    twOpenS[i * W] = d.open * 60;
    twCloseS[i * W] = d.close * 60;
  });
  const scaled = (amount: number) => Math.ceil(amount * AMOUNT_SCALE - 1e-9);
  orders.forEach((o, j) => {
    const node = D + j;
    const need = needs[j];
    lonLat[2 * node] = o.lng;
    lonLat[2 * node + 1] = o.lat;
    for (let k = 0; k < K; k++) {
      demand[node * K + k] = scaled(need.delivery[k] ?? 0);
      pickup[node * K + k] = scaled(need.pickup[k] ?? 0);
    }
    serviceS[node] = need.serviceS;
    penalty[node] = unassignedPenalty(settings, need.priority);
    const pickupAt = pickupNode.get(j);
    if (pickupAt !== undefined && o.pickup && need.shipment) {
      // The pair: the amount moved is the delivery node's demand; the pickup's own penalty is 0 (one order).
      lonLat[2 * pickupAt] = o.pickup.lng;
      lonLat[2 * pickupAt + 1] = o.pickup.lat;
      serviceS[pickupAt] = need.shipment.serviceS;
      pair[node] = pickupAt; pair[pickupAt] = node;
      nodeFlags[pickupAt] = NODE_PICKUP;
    }
  });
  // A break: owned by its vehicle, no place (the solver zeroes its travel), its length as service time.
  breaks.forEach((b, i) => {
    const node = firstBreak + i;
    const depot = depots[depotIndex.get(vehicles[b.vehicle].startDepotId)!];
    lonLat[2 * node] = depot.lng;
    lonLat[2 * node + 1] = depot.lat;
    serviceS[node] = b.brk.minutes * 60;
    nodeFlags[node] = NODE_BREAK | NODE_ANYWHERE;
    nodeVehicle[node] = b.vehicle;
  });

  const { pinned, ...bans } = forbiddenPairs(scenario, needs, options.pins ?? [], D, N, pickupNode, nodeVehicle);
  const capacity = new Int32Array(V * K);
  vehicles.forEach((v, i) => {
    for (let k = 0; k < K; k++) capacity[i * K + k] = scaledCapacity(v.capacity[k]);
  });
  const stability = stabilityHomes(scenario, options.stability, D, N, pickupNode);
  const params = new Float64Array(PARAM_COUNT);
  params[PARAM_SEED] = options.seed;
  params[PARAM_STABILITY_COST] = stability?.cost ?? 0;
  params[PARAM_NEIGHBOURS] = DEFAULT_NEIGHBOURS;
  params[PARAM_CIRCUITY] = settings.circuityFactor;
  const hasLimits = vehicles.some((v) => v.limits && Object.values(v.limits).some((x) => x !== undefined));
  const nominal = Float64Array.from(vehicles, (v) => (drivesFree(v) ? NOMINAL_COST_PER_M : 0));

  const buffers: ProblemBuffers = {
    nodeCount: N, depotCount: D, vehicleCount: V, dims: K, profileCount: speeds.length,
    lonLat, demand, serviceS, windowCount: W, twOpenS, twCloseS, unassignedPenalty: penalty,
    vehicleStart: Int32Array.from(vehicles, (v) => depotIndex.get(v.startDepotId)!),
    vehicleEnd: Int32Array.from(vehicles, (v) => depotIndex.get(v.endDepotId)!),
    capacity,
    shiftStartS: Int32Array.from(vehicles, (v) => v.shift.start * 60),
    shiftEndS: Int32Array.from(vehicles, (v) => v.shift.end * 60),
    vehicleProfile: Int32Array.from(vehicleProfile),
    vehicleFixedCost: Float64Array.from(vehicles, (v) => v.costs.fixed),
    vehicleCostPerM: Float64Array.from(vehicles, (v, i) => v.costs.perKm / 1000 + nominal[i]),
    vehicleCostPerS: Float64Array.from(vehicles, (v) => v.costs.perHour / 3600),
    profileSpeedMps: Float64Array.from(speeds),
    params,
    ...suppliedMatrices(scenario, placesOf(scenario, pickupNode, breaks), vehicleProfile, speeds.length),
    ...(pickup.some((x) => x > 0) ? { pickup } : {}),
    ...bans,
    ...(pickupNode.size > 0 ? { pair } : {}),
    ...(pickupNode.size > 0 || breaks.length > 0 ? { nodeFlags } : {}),
    ...(breaks.length > 0 || pinned ? { nodeVehicle } : {}),
    ...(windowCost.some((x) => x > 0) ? { windowCost } : {}),
    ...(stability ? { homeVehicle: stability.homeVehicle } : {}),
    ...(nominal.some((x) => x > 0) ? { nominalCostPerM: nominal } : {}),
    ...(vehicles.some((v) => v.overtime) ? {
      overtimeMaxS: Int32Array.from(vehicles, (v) => (v.overtime?.maxMinutes ?? 0) * 60),
      overtimeCostPerS: Float64Array.from(vehicles, (v) => (v.overtime?.costPerMinute ?? 0) / 60),
    } : {}),
    ...(hasLimits ? {
      maxStops: Int32Array.from(vehicles, (v) => limit(v.limits?.maxStops, 1)),
      maxDistanceM: Int32Array.from(vehicles, (v) => limit(v.limits?.maxDistanceKm, 1000)),
      maxDurationS: Int32Array.from(vehicles, (v) => limit(v.limits?.maxDurationMinutes, 60)),
      maxDrivingS: Int32Array.from(vehicles, (v) => limit(v.limits?.maxDrivingMinutes, 60)),
    } : {}),
  };
  const shipments = [...pickupNode.keys()];
  return {
    buffers, needs,
    nodeIds: [...depots.map((d) => d.id), ...orders.map((o) => o.id), ...shipments.map((j) => orders[j].id), ...breaks.map((b) => b.brk.id)],
    nodeOrder: [...depots.map(() => -1), ...orders.map((_, j) => j), ...shipments, ...breaks.map(() => -1)],
    nodeStep: [
      ...depots.map(() => 'depot' as const), ...orders.map((o) => (o.pickup ? 'delivery' as const : 'job' as const)),
      ...shipments.map(() => 'pickup' as const), ...breaks.map(() => 'break' as const),
    ],
    vehicleIds: vehicles.map((v) => v.id),
    breakVehicle: [...depots.map(() => -1), ...orders.map(() => -1), ...shipments.map(() => -1), ...breaks.map((b) => b.vehicle)],
  };
}

/**
 * The starting plan a re-optimisation keeps: the stops of each pinned route in
 * their pinned order (route r = vehicle r); a vehicle without positioned pins
 * starts from its route in `initial` (a warm start: stops that no longer fit are
 * placed by the construction), its breaks where the route has them (a break it
 * does not list is placed by the construction). Undefined when neither gives any route.
 */
export function pinnedInitialPlan(encoded: Encoded, pins: readonly SolverPin[] = [], initial: SolveOptions['initialRoutes'] = []): { routeOffsets: Int32Array; visits: Int32Array } | undefined {
  const nodeOf = new Map<string, number>();
  encoded.nodeIds.forEach((id, node) => {
    const step = encoded.nodeStep[node];
    if (step !== 'depot' && step !== 'break') nodeOf.set(`${step === 'pickup' ? 'pickup' : 'order'}\u0000${id}`, node);
  });
  const breakNode = new Map<string, number>();
  encoded.breakVehicle.forEach((vehicle, n) => { if (vehicle >= 0) breakNode.set(`${vehicle}\u0000${encoded.nodeIds[n]}`, n); });
  const breakOf = (vehicle: number, breakId: string) => breakNode.get(`${vehicle}\u0000${breakId}`);
  const node = (vehicle: number) => (p: InitialStop | SolverPin) =>
    ('breakId' in p && p.breakId !== undefined ? breakOf(vehicle, p.breakId) : nodeOf.get(`${'side' in p && p.side === 'pickup' ? 'pickup' : 'order'}\u0000${(p as { orderId: string }).orderId}`));
  const routes = encoded.vehicleIds.map((vehicleId, vehicle) => {
    const pinned = pins.filter((p) => p.vehicleId === vehicleId && p.position !== undefined).sort((a, b) => a.position! - b.position!);
    const warm = Array.isArray(initial) ? initial.find((r) => r?.vehicleId === vehicleId)?.stops : undefined;
    const stops: (InitialStop | SolverPin)[] = pinned.length ? pinned : Array.isArray(warm) ? warm : [];
    return stops.map(node(vehicle)).filter((n): n is number => n !== undefined);
  });
  if (routes.every((r) => r.length === 0)) return undefined;
  const routeOffsets = new Int32Array(routes.length + 1);
  routes.forEach((r, i) => { routeOffsets[i + 1] = routeOffsets[i] + r.length; });
  return { routeOffsets, visits: Int32Array.from(routes.flat()) };
}
