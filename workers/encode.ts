// Domain scenario → flat typed arrays for the WASM solver (STYLE.md §2).
// Nodes 0..D-1 are depots, D..N-1 orders; the id tables stay in JS for decode.
import type { Scenario } from '../web/src/domain/scenario';
import { vehicleSpeedMps } from '../web/src/domain/geo';
import { makeLegFn, type Place } from '../web/src/domain/travel';
import { capabilityGap, resolveOrder, unassignedPenalty, type OrderNeeds } from '../web/src/domain/service-types';
import { INPUT_ERROR, NODE_PICKUP, PARAM_CIRCUITY, namedError, PARAM_COUNT, PARAM_NEIGHBOURS, PARAM_SEED, type ProblemBuffers, type SolveOptions, type SolverPin } from './protocol';

/** Amounts are sent as integers in hundredths of a unit. */
export const AMOUNT_SCALE = 100;
/** Granular neighbourhood size for the local search. */
export const DEFAULT_NEIGHBOURS = 20;
/** Latest time any window may reach: 48 h, in seconds. */
const HORIZON_S = 2880 * 60;

export interface Encoded {
  buffers: ProblemBuffers;
  /** Node index → depot id (0..D-1) or order id (D..N-1; a shipment's pickup node carries its order's id too). */
  nodeIds: string[];
  /**
   * Node index → order index (−1 for depots). Nodes D..D+O−1 are the orders in scenario order (a
   * shipment's delivery); nodes D+O.. are the pickups of shipments.
   */
  nodeOrder: number[];
  /** Node index → the step it becomes in a plan. */
  nodeStep: ('depot' | 'job' | 'pickup' | 'delivery')[];
  /** Vehicle index → vehicle id. */
  vehicleIds: string[];
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

/** Vehicles that may not serve each order: missing skills or crew, pins elsewhere, pinned routes of others. */
function forbiddenPairs(scenario: Scenario, needs: OrderNeeds[], pins: SolverPin[], D: number, pickupNode: Map<number, number>): { forbidden?: Uint8Array; lockSeq?: Int32Array } {
  const { orders, vehicles } = scenario;
  const V = vehicles.length;
  const N = D + orders.length + pickupNode.size;
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
  for (const [j, r] of pinnedTo) for (let other = 0; other < V; other++) if (other !== r) ban(j, other);
  // A pinned route keeps exactly its stops: nothing else joins it.
  for (const r of frozen) orders.forEach((_, j) => { if (pinnedTo.get(j) !== r) ban(j, r); });
  return { forbidden: any ? forbidden : undefined, lockSeq: frozen.size > 0 ? lockSeq : undefined };
}

/**
 * The scenario's own travel matrices (VROOM \`matrices\`) as solver matrices: per profile, every leg
 * exactly as the checker computes it (travel.ts: matrix × speed factor, the offline model for places
 * without a matrix index). Undefined when the scenario has no matrix. One distance matrix serves
 * every profile, so per-type distances that differ are refused.
 */
function suppliedMatrices(scenario: Scenario, places: Place[], vehicleProfile: number[], profiles: number): { distanceM: Int32Array; durationS: Int32Array } | undefined {
  if (!scenario.travelMatrices || Object.keys(scenario.travelMatrices).length === 0) return undefined;
  const N = places.length;
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

/** Node index → the place it stands for (depots, orders, then shipment pickups). */
function placesOf(scenario: Scenario, pickupNode: Map<number, number>): Place[] {
  const places: Place[] = [...scenario.depots, ...scenario.orders];
  for (const j of pickupNode.keys()) places.push(scenario.orders[j].pickup!);
  return places;
}

/** A limit in solver units, −1 when absent. */
const limit = (value: number | undefined, scale: number): number => (value === undefined ? -1 : Math.floor(value * scale + 1e-9));

/**
 * Encodes a validated scenario. Orders keep their scenario order. Every order
 * is resolved through its service type (service time, crew, skills, delivered
 * and collected amounts, priority); all its windows are passed (W slots per node).
 */
export function encode(scenario: Scenario, options: SolveOptions): Encoded {
  const { depots, orders, vehicles, settings } = scenario;
  const D = depots.length;
  const V = vehicles.length;
  const K = settings.capacityUnits.length;
  const depotIndex = new Map(depots.map((d, i) => [d.id, i]));
  const { speeds, vehicleProfile } = profilesOf(scenario);
  const needs = orders.map((o) => resolveOrder(settings, o));
  // Shipments get a second node, their pickup, after all orders.
  const pickupNode = new Map<number, number>();
  orders.forEach((o, j) => { if (o.pickup) pickupNode.set(j, D + orders.length + pickupNode.size); });
  const N = D + orders.length + pickupNode.size;
  const W = Math.max(1, ...needs.map((n) => Math.max(n.timeWindows.length, n.shipment?.timeWindows.length ?? 0)));

  const lonLat = new Float64Array(2 * N);
  const demand = new Int32Array(N * K);
  const pickup = new Int32Array(N * K);
  const serviceS = new Int32Array(N);
  // Unused slots open after they close.
  const twOpenS = new Int32Array(N * W).fill(1);
  const twCloseS = new Int32Array(N * W).fill(0);
  const penalty = new Float64Array(N);
  const pair = new Int32Array(N).fill(-1);
  const nodeFlags = new Int32Array(N);
  const setWindows = (node: number, windows: readonly { start: number; end: number }[]) => {
    if (windows.length === 0) { twOpenS[node * W] = 0; twCloseS[node * W] = HORIZON_S; }
    windows.forEach((w, slot) => { twOpenS[node * W + slot] = w.start * 60; twCloseS[node * W + slot] = w.end * 60; });
  };
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
    setWindows(node, need.timeWindows);
    penalty[node] = unassignedPenalty(settings, need.priority);
    const pickupAt = pickupNode.get(j);
    if (pickupAt !== undefined && o.pickup && need.shipment) {
      // The pair: the amount moved is the delivery node's demand; the pickup's own penalty is 0 (one order).
      lonLat[2 * pickupAt] = o.pickup.lng;
      lonLat[2 * pickupAt + 1] = o.pickup.lat;
      serviceS[pickupAt] = need.shipment.serviceS;
      setWindows(pickupAt, need.shipment.timeWindows);
      pair[node] = pickupAt; pair[pickupAt] = node;
      nodeFlags[pickupAt] = NODE_PICKUP;
    }
  });

  const capacity = new Int32Array(V * K);
  vehicles.forEach((v, i) => {
    for (let k = 0; k < K; k++) capacity[i * K + k] = Math.floor(v.capacity[k] * AMOUNT_SCALE + 1e-9);
  });
  const params = new Float64Array(PARAM_COUNT);
  params[PARAM_SEED] = options.seed;
  params[PARAM_NEIGHBOURS] = DEFAULT_NEIGHBOURS;
  params[PARAM_CIRCUITY] = settings.circuityFactor;
  const hasLimits = vehicles.some((v) => v.limits && Object.values(v.limits).some((x) => x !== undefined));

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
    vehicleCostPerM: Float64Array.from(vehicles, (v) => v.costs.perKm / 1000),
    vehicleCostPerS: Float64Array.from(vehicles, (v) => v.costs.perHour / 3600),
    profileSpeedMps: Float64Array.from(speeds),
    params,
    ...suppliedMatrices(scenario, placesOf(scenario, pickupNode), vehicleProfile, speeds.length),
    ...(pickup.some((x) => x > 0) ? { pickup } : {}),
    ...forbiddenPairs(scenario, needs, options.pins ?? [], D, pickupNode),
    ...(pickupNode.size > 0 ? { pair, nodeFlags } : {}),
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
    nodeIds: [...depots.map((d) => d.id), ...orders.map((o) => o.id), ...shipments.map((j) => orders[j].id)],
    nodeOrder: [...depots.map(() => -1), ...orders.map((_, j) => j), ...shipments],
    nodeStep: [...depots.map(() => 'depot' as const), ...orders.map((o) => (o.pickup ? 'delivery' as const : 'job' as const)), ...shipments.map(() => 'pickup' as const)],
    vehicleIds: vehicles.map((v) => v.id),
  };
}

/**
 * The starting plan a re-optimisation keeps: the stops of each pinned route in
 * their pinned order (route r = vehicle r), or undefined when no route is pinned.
 */
export function pinnedInitialPlan(encoded: Encoded, pins: readonly SolverPin[] = []): { routeOffsets: Int32Array; visits: Int32Array } | undefined {
  const nodeOf = new Map<string, number>();
  encoded.nodeIds.forEach((id, node) => {
    const step = encoded.nodeStep[node];
    if (step !== 'depot') nodeOf.set(`${step === 'pickup' ? 'pickup' : 'order'}\u0000${id}`, node);
  });
  const routes = encoded.vehicleIds.map((vehicleId) =>
    pins.filter((p) => p.vehicleId === vehicleId && p.position !== undefined)
      .sort((a, b) => a.position! - b.position!)
      .map((p) => nodeOf.get(`${p.side === 'pickup' ? 'pickup' : 'order'}\u0000${p.orderId}`))
      .filter((node): node is number => node !== undefined));
  if (routes.every((r) => r.length === 0)) return undefined;
  const routeOffsets = new Int32Array(routes.length + 1);
  routes.forEach((r, i) => { routeOffsets[i + 1] = routeOffsets[i] + r.length; });
  return { routeOffsets, visits: Int32Array.from(routes.flat()) };
}
