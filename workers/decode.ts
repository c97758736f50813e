// Flat solution buffers → domain Solution (VROOM-like routes → steps), using the
// id tables from encode and the solver's own matrix for step times. The main
// thread re-checks the result independently (web/src/domain/check.ts).
import type { Scenario, TimeWindow } from '../web/src/domain/scenario';
import type { Route, Step, StopReason, UnassignedOrder } from '../web/src/domain/solution';
import type { Encoded } from './encode';
import { capabilityGap } from '../web/src/domain/service-types';
import { windowStart } from '../web/src/domain/route-eval';
import type { SolutionBuffers, UncheckedSolution } from './protocol';

/** Travel lookups in the solver's units (metres, seconds). */
export interface Travel {
  distanceM(from: number, to: number): number;
  durationS(profile: number, from: number, to: number): number;
}

export interface DecodeContext {
  scenario: Scenario;
  encoded: Encoded;
  travel: Travel;
  stopReason: StopReason;
  stats: { seed: number; iterations: number; elapsedMs: number };
  /**
   * Robust planning: `travel` holds the mean times the solver did not plan with, so each service starts
   * as early as its windows allow after the mean arrival (the checker's walk), not at the solver's start.
   */
  rewalk?: boolean;
}

/** The windows of a visited node: the order's (or its pickup's) or the break's. */
function nodeWindows(ctx: DecodeContext, vehicleIndex: number, node: number): readonly TimeWindow[] {
  const { encoded } = ctx;
  if (encoded.nodeStep[node] === 'break') return ctx.scenario.vehicles[vehicleIndex].breaks?.find((b) => b.id === encoded.nodeIds[node])?.timeWindows ?? [];
  const need = encoded.needs[encoded.nodeOrder[node]];
  return encoded.nodeStep[node] === 'pickup' ? need.shipment!.timeWindows : need.timeWindows;
}

/** Seconds a service start lies after the latest window end before it, when no window contains it (0: on time). */
function lateBy(windows: readonly TimeWindow[], startS: number): number {
  if (windows.length === 0 || windows.some((w) => w.start * 60 <= startS && startS <= w.end * 60)) return 0;
  const ends = windows.map((w) => w.end * 60).filter((end) => end < startS);
  return ends.length ? startS - Math.max(...ends) : 0;
}

/**
 * Builds one vehicle's route; `visits` are node indices of orders, shipment sides and breaks. A break
 * is taken where the vehicle stands: no travel to it, the next leg starts at the last real stop.
 * Lateness under a soft window is priced exactly here (the solver priced it by window slot).
 */
function decodeRoute(ctx: DecodeContext, vehicleIndex: number, visits: Int32Array, serviceStarts: Int32Array, startS: number): Route {
  const { scenario, encoded, travel } = ctx;
  const b = encoded.buffers;
  const vehicle = scenario.vehicles[vehicleIndex];
  const profile = b.vehicleProfile[vehicleIndex];
  const K = b.dims;
  const load = new Array<number>(K).fill(0);
  const needs = (node: number) => encoded.needs[encoded.nodeOrder[node]];
  // On board at the start: what plain jobs deliver (a shipment is loaded at its pickup).
  for (const node of visits) if (encoded.nodeStep[node] === 'job') needs(node).delivery.forEach((a, k) => { load[k] += a; });
  const steps: Step[] = [];
  const startNode = b.vehicleStart[vehicleIndex];
  steps.push({ type: 'start', id: encoded.nodeIds[startNode], arrivalS: startS, waitS: 0, serviceS: 0, departureS: startS, distanceM: 0, load: [...load] });
  let at = startNode;
  let time = startS;
  let distanceM = 0;
  let drivingS = 0;
  let waitingS = 0;
  let serviceTotal = 0;
  let latenessCost = 0;
  visits.forEach((node, i) => {
    const type = encoded.nodeStep[node] as 'job' | 'pickup' | 'delivery' | 'break';
    const isBreak = type === 'break';
    const legM = isBreak ? 0 : travel.distanceM(at, node);
    const legS = isBreak ? 0 : travel.durationS(profile, at, node);
    distanceM += legM;
    drivingS += legS;
    const arrival = time + legS;
    // The solver reports the service start (the earliest any window allows); waiting fills the gap.
    const wait = ctx.rewalk ? (windowStart([...nodeWindows(ctx, vehicleIndex, node)], arrival) ?? arrival) - arrival : Math.max(0, serviceStarts[i] - arrival);
    const service = b.serviceS[node];
    if (!isBreak) {
      const need = needs(node);
      for (let k = 0; k < K; k++) {
        if (type === 'pickup') load[k] += need.delivery[k] ?? 0;
        else load[k] += (need.pickup[k] ?? 0) - (need.delivery[k] ?? 0);
      }
      const order = scenario.orders[encoded.nodeOrder[node]];
      if (order.lateness) {
        const windows = type === 'pickup' ? need.shipment!.timeWindows : need.timeWindows;
        latenessCost += (lateBy(windows, arrival + wait) / 60) * order.lateness.costPerMinute;
      }
      serviceTotal += service;
      at = node;
    }
    steps.push({ type, id: encoded.nodeIds[node], arrivalS: arrival, waitS: wait, serviceS: service, departureS: arrival + wait + service, distanceM, load: [...load] });
    waitingS += wait;
    time = arrival + wait + service;
  });
  const endNode = b.vehicleEnd[vehicleIndex];
  distanceM += travel.distanceM(at, endNode);
  const backLegS = travel.durationS(profile, at, endNode);
  drivingS += backLegS;
  const endS = time + backLegS;
  steps.push({ type: 'end', id: encoded.nodeIds[endNode], arrivalS: endS, waitS: 0, serviceS: 0, departureS: endS, distanceM, load: [...load] });
  const durationS = endS - startS;
  const overtimeS = Math.max(0, endS - vehicle.shift.end * 60);
  const cost = vehicle.costs.fixed + (vehicle.costs.perKm * distanceM) / 1000 + (vehicle.costs.perHour * durationS) / 3600
    + (vehicle.overtime ? (overtimeS / 60) * vehicle.overtime.costPerMinute : 0) + latenessCost;
  return { vehicleId: vehicle.id, steps, distanceM, durationS, drivingS, waitingS, serviceS: serviceTotal, cost };
}

/**
 * The solver's one-line reason: which vehicles the order's skills and crew rule out first (cheap, exact);
 * otherwise the rules that decide by route. The Unassigned panel explains per vehicle (domain/explain.ts).
 */
function unassignedReason(ctx: DecodeContext, orderId: string): string {
  const j = ctx.scenario.orders.findIndex((o) => o.id === orderId);
  const needs = ctx.encoded.needs[j];
  const gaps = ctx.scenario.vehicles.map((v) => capabilityGap(v, needs));
  if (gaps.length > 0 && gaps.every((g) => g.missingSkills.length > 0 || g.crewShort > 0)) {
    const skills = [...new Set(gaps.flatMap((g) => g.missingSkills))];
    const crew = gaps.every((g) => g.crewShort > 0);
    if (crew && skills.length === 0) return `no vehicle has a crew of ${needs.crewSize}`;
    return skills.length > 0 ? `no vehicle has the skills it needs (${skills.join(', ')})${crew ? ` and a crew of ${needs.crewSize}` : ''}`
      : `no vehicle has both the skills and the crew it needs`;
  }
  return 'no route could take it without breaking a capacity, time-window, shift or route-limit rule';
}

/** Decodes the solver's best solution into the domain shape (without the check). */
export function decode(buffers: SolutionBuffers, ctx: DecodeContext): UncheckedSolution {
  const routes: Route[] = [];
  const V = ctx.encoded.vehicleIds.length;
  for (let r = 0; r < V; r++) {
    const from = buffers.routeOffsets[r];
    const to = buffers.routeOffsets[r + 1];
    if (to > from) routes.push(decodeRoute(ctx, r, buffers.visits.subarray(from, to), buffers.arrivalS.subarray(from, to), buffers.routeStartS[r]));
  }
  // A shipment's two nodes are one order; a break the solver could not fit is no order (the check reports it).
  const orderNodes = Array.from(buffers.unassigned).filter((node) => ctx.encoded.nodeStep[node] !== 'break');
  const unassignedIds = [...new Set(orderNodes.map((node) => ctx.encoded.nodeIds[node]))];
  const unassigned: UnassignedOrder[] = unassignedIds.map((orderId) => ({ orderId, reason: unassignedReason(ctx, orderId) }));
  const sum = (f: (r: Route) => number) => routes.reduce((a, r) => a + f(r), 0);
  return {
    routes,
    unassigned,
    summary: { cost: sum((r) => r.cost), distanceM: sum((r) => r.distanceM), durationS: sum((r) => r.durationS), routes: routes.length, unassigned: unassigned.length },
    stopReason: ctx.stopReason,
    stats: ctx.stats,
  };
}
