// Where a repair starts from (issue #11, "Repair"): per vehicle, the frozen
// prefix (stops left, the stop it is at, the stop it is driving to, with the
// breaks among them), where and when it is free after that, with what on
// board, and the tail a repair may change. Read off the prediction's walk.
import type { Scenario, Vehicle } from '../scenario';
import type { StopRef } from '../route-eval';
import type { Step } from '../solution';
import { resolveOrder } from '../service-types';
import { dayOrders, stopKey, type DayState, type DayVehicle } from './day-state';
import type { DayPrediction, PredictedRoute } from './eta';
import { depotDelayEndS } from './day-state-work';

/** Where and when a vehicle is free, and what it carries then. */
export interface FreePoint {
  lat: number;
  lng: number;
  matrixIndex?: number;
  /** Seconds of the day. */
  timeS: number;
  /** On board then, per capacity unit: collected goods, failed deliveries, and the deliveries of `deliveriesOnBoard`. */
  load: number[];
}

/** One vehicle's starting point for a repair. */
export interface RepairStart {
  vehicleId: string;
  /** False for an unavailable vehicle: its tail must be handed over. */
  available: boolean;
  /** Stops that must not move, in order (breaks among them included). */
  frozen: StopRef[];
  /** The rest of the route, in its current order: what a repair may change. */
  tail: StopRef[];
  from: FreePoint;
  /** Jobs of the tail whose goods are already on this vehicle (moving them means a transfer). */
  deliveriesOnBoard: string[];
}

/**
 * The repair's starting point of every route: frozen up to the last stop left
 * or arrived at, and the stop the vehicle is driving to — its first stop not
 * yet left, once it has reported or its predicted departure has passed (a
 * vehicle that has not reported moves as planned) — and any stop a reported
 * delay or position is tied to (even before departure). An unavailable vehicle
 * keeps only what it reached; its tail is to be handed over.
 */
export function repairStarts(scenario: Scenario, state: DayState, prediction: DayPrediction): RepairStart[] {
  // A return (or any job delivering nothing) has nothing on board: it may go to another vehicle freely.
  const orders = dayOrders(state);
  const delivers = (id: string) => resolveOrder(scenario.settings, orders.get(id)!).delivery.some((a) => a > 0);
  return scenario.vehicles.map((v) => {
    const route = state.routes.find((r) => r.vehicleId === v.id);
    const predicted = prediction.routes.find((r) => r.vehicleId === v.id);
    const vehicle = state.vehicles[v.id];
    if (!route || !predicted) return { vehicleId: v.id, available: !vehicle.unavailable, frozen: [], tail: [], from: atDepot(scenario, v, Math.max(prediction.nowS, depotDelayEndS(vehicle))), deliveriesOnBoard: [] };
    const moving = vehicle.started || predicted.departS <= prediction.nowS;
    let last = lastReached(route.stops, state);
    if (!vehicle.unavailable && moving && vehicle.currentStopIndex < route.stops.length) last = Math.max(last, vehicle.currentStopIndex);
    if (!vehicle.unavailable) last = Math.max(last, lastAnchored(route.stops, vehicle));
    const frozen = route.stops.slice(0, last + 1);
    const open = (s: StopRef) => s.type === 'break' || !['done', 'failed', 'cancelled'].includes(state.stops[stopKey(s.id, s.type as 'job')]?.status ?? 'planned');
    const tail = route.stops.slice(last + 1).filter(open);
    const from = freePoint(scenario, state, predicted, frozen, prediction.nowS);
    const loaded = new Set(vehicle.loaded ?? (frozen.length ? route.stops.filter((s) => s.type === 'job').map((s) => s.id) : []));
    return { vehicleId: v.id, available: !vehicle.unavailable, frozen, tail, from, deliveriesOnBoard: tail.filter((s) => s.type === 'job' && loaded.has(s.id) && delivers(s.id)).map((s) => s.id) };
  });
}

/** At the start depot, nothing loaded yet, free from the clock (or the shift start / depot opening, when later). */
function atDepot(scenario: Scenario, vehicle: Vehicle, nowS: number): FreePoint {
  const depot = scenario.depots.find((d) => d.id === vehicle.startDepotId)!;
  const timeS = Math.max(nowS, vehicle.shift.start * 60, depot.open * 60);
  return { lat: depot.lat, lng: depot.lng, matrixIndex: depot.matrixIndex, timeS, load: scenario.settings.capacityUnits.map(() => 0) };
}

/**
 * Index of the last stop a delay or a position report of the vehicle is tied
 * to (-1: none). The day's walk holds the leg to that stop (day-state.ts
 * anchors), so it stays where it is: moved or re-sequenced, its delay would
 * vanish or hit another leg, and the repair's start would not include it.
 */
function lastAnchored(stops: StopRef[], vehicle: DayVehicle): number {
  const keys = new Set([...vehicle.delays, ...(vehicle.position ? [vehicle.position] : [])].map((a) => a.stopKey).filter((k) => k !== null));
  let last = -1;
  stops.forEach((s, i) => {
    if (s.type !== 'break' && keys.has(stopKey(s.id, s.type as 'job'))) last = i;
  });
  return last;
}

/** Index of the last stop left or arrived at (-1: none). */
function lastReached(stops: StopRef[], state: DayState): number {
  let last = -1;
  stops.forEach((s, i) => {
    const status = s.type === 'break' ? undefined : state.stops[stopKey(s.id, s.type as 'job')]?.status;
    if (status === 'done' || status === 'failed' || status === 'arrived') last = i;
  });
  return last;
}

/**
 * After the last frozen stop the walk served: its place, its predicted
 * departure, the load then. Nothing frozen: the start depot, from its earliest
 * departure (it has not left, so a repair may re-time and re-load it).
 */
function freePoint(scenario: Scenario, state: DayState, route: PredictedRoute, frozen: StopRef[], nowS: number): FreePoint {
  const keys = new Set(frozen.map((s) => `${s.type}:${s.id}`));
  const inner = route.steps.slice(1, -1);
  const step: Step | undefined = [...inner].reverse().find((x) => keys.has(`${x.type}:${x.id}`) && x.type !== 'break');
  const vehicle = scenario.vehicles.find((v) => v.id === route.vehicleId)!;
  if (!step) return atDepot(scenario, vehicle, nowS);
  const order = dayOrders(state).get(step.id)!;
  const place = step.type === 'pickup' ? order.pickup! : order;
  return { lat: place.lat, lng: place.lng, matrixIndex: place.matrixIndex, timeS: step.departureS, load: [...step.load] };
}
