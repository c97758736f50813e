// Domain scenario → flat typed arrays for the WASM solver (STYLE.md §2).
// Nodes 0..D-1 are depots, D..N-1 orders; the id tables stay in JS for decode.
import type { Scenario } from '../web/src/domain/scenario';
import { vehicleSpeedMps } from '../web/src/domain/geo';
import { unassignedPenalty } from '../web/src/domain/service-types';
import { PARAM_CIRCUITY, PARAM_COUNT, PARAM_NEIGHBOURS, PARAM_SEED, type ProblemBuffers, type SolveOptions } from './protocol';

/** Amounts are sent as integers in hundredths of a unit. */
export const AMOUNT_SCALE = 100;
/** Granular neighbourhood size for the local search. */
export const DEFAULT_NEIGHBOURS = 20;
/** Latest time any window may reach: 48 h, in seconds. */
const HORIZON_S = 2880 * 60;

export interface Encoded {
  buffers: ProblemBuffers;
  /** Node index → depot id (0..D-1) or order id (D..N-1). */
  nodeIds: string[];
  /** Vehicle index → vehicle id. */
  vehicleIds: string[];
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

/** Encodes a validated scenario. Orders keep their scenario order. */
export function encode(scenario: Scenario, options: SolveOptions): Encoded {
  const { depots, orders, vehicles, settings } = scenario;
  const D = depots.length;
  const N = D + orders.length;
  const V = vehicles.length;
  const K = settings.capacityUnits.length;
  const depotIndex = new Map(depots.map((d, i) => [d.id, i]));
  const { speeds, vehicleProfile } = profilesOf(scenario);

  const lonLat = new Float64Array(2 * N);
  const demand = new Int32Array(N * K);
  const serviceS = new Int32Array(N);
  const twOpenS = new Int32Array(N);
  const twCloseS = new Int32Array(N);
  const penalty = new Float64Array(N);
  depots.forEach((d, i) => {
    lonLat[2 * i] = d.lng;
    lonLat[2 * i + 1] = d.lat;
    twOpenS[i] = d.open * 60;
    twCloseS[i] = d.close * 60;
  });
  orders.forEach((o, j) => {
    const node = D + j;
    lonLat[2 * node] = o.lng;
    lonLat[2 * node + 1] = o.lat;
    for (let k = 0; k < K; k++) demand[node * K + k] = Math.ceil(o.amounts[k] * AMOUNT_SCALE - 1e-9);
    serviceS[node] = o.serviceMinutes * 60;
    // Solver v0 takes one window per order: the first (a feasible subset of the promise).
    const w = o.timeWindows[0];
    twOpenS[node] = w ? w.start * 60 : 0;
    twCloseS[node] = w ? w.end * 60 : HORIZON_S;
    penalty[node] = unassignedPenalty(settings, o.priority);
  });

  const capacity = new Int32Array(V * K);
  vehicles.forEach((v, i) => {
    for (let k = 0; k < K; k++) capacity[i * K + k] = Math.floor(v.capacity[k] * AMOUNT_SCALE + 1e-9);
  });
  const params = new Float64Array(PARAM_COUNT);
  params[PARAM_SEED] = options.seed;
  params[PARAM_NEIGHBOURS] = DEFAULT_NEIGHBOURS;
  params[PARAM_CIRCUITY] = settings.circuityFactor;

  const buffers: ProblemBuffers = {
    nodeCount: N, depotCount: D, vehicleCount: V, dims: K, profileCount: speeds.length,
    lonLat, demand, serviceS, twOpenS, twCloseS, unassignedPenalty: penalty,
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
  };
  return { buffers, nodeIds: [...depots.map((d) => d.id), ...orders.map((o) => o.id)], vehicleIds: vehicles.map((v) => v.id) };
}
