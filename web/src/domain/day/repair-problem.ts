// The rest of the day as an ordinary scenario the solver already understands
// (issue #11, "Repair"): each available vehicle starts where and when it is free
// (a start depot of its own at its free point), with its limits, capacity and
// breaks reduced by what its frozen prefix used; the stops a repair may change.
import type { Depot, Order, Scenario, Vehicle, VehicleLimits } from '../scenario';
import { initialStopOf, isOrderStep, type InitialStop } from '../solution';
import type { StopRef } from '../route-eval';
import { resolveOrder } from '../service-types';
import { makeLegFn, type Place } from '../travel';
import { dayOrders, orderStopKeys, stopKey, type DayState } from './day-state';
import type { DayPrediction, PredictedRoute } from './eta';
import { marginShapedOrder, type MarginShaping } from './repair-margin';
import type { RepairStart } from './repair-start';

/** Keeps an order on a vehicle (the solver's SolverPin without a position). */
export interface RepairPin {
  orderId: string;
  vehicleId: string;
}

/** What the problem is built for. */
export interface RepairProblemOptions {
  /** Every tail stop stays on its vehicle (level keep-vehicle); the order within a route is free. */
  keepVehicle: boolean;
  /** Re-deliveries and new orders left out (kept for another day). */
  exclude?: readonly string[];
  /** The at-risk margin priced for the solver (repair-margin.ts); absent = windows as they are. */
  margin?: MarginShaping;
  /** Orders whose windows stay as they are under `margin` (repair.ts: the stops at risk now). */
  unshaped?: readonly string[];
  /**
   * Vehicles whose goods on board are planned as carried until the end of the day:
   * their deliveries on board free no room for the solver. Conservative; repair.ts asks
   * for it for a vehicle an earlier solve overloaded (the solver's model unloads a
   * delivery it leaves unassigned, whose goods in truth stay on board).
   */
  carryOnBoard?: readonly string[];
}

/** The rest of the day as a scenario, with what the solver must keep. */
export interface RepairProblem {
  /** Available vehicles (mid-day starts), the orders a repair may place; no plan. */
  scenario: Scenario;
  /** Deliveries on board stay on their vehicle; with keepVehicle, every tail order. */
  pins: RepairPin[];
  /** Each tail order's current vehicle (the stability cost's home). */
  home: RepairPin[];
  /** Shipments whose pickup is frozen: in the problem a job (its delivery) pinned to the vehicle carrying it. */
  deliveryOnly: string[];
  /** Vehicle id → its start depot in the problem (a depot of its own when it starts mid-day). */
  startDepots: Record<string, string>;
  /** The plan as it stands: each available vehicle's tail in order, breaks included (the solve's warm start, SolveOptions.initialRoutes). */
  initial: { vehicleId: string; stops: InitialStop[] }[];
}

/** Seconds → whole minutes, rounded up (the solver then never plans earlier than possible). */
const ceilMinutes = (s: number) => Math.ceil(s / 60 - 1e-9);
/** The latest minute the scenario's schema allows. */
const LAST_MINUTE = 2880;

/**
 * Builds the rest-of-the-day problem from the day's state, its prediction
 * now and every vehicle's repair start (repair-start.ts). Orders done,
 * failed, cancelled or frozen are left out; an unavailable vehicle takes no
 * stops (its tail is handed over); new orders and re-deliveries for today
 * are in, except `exclude`.
 */
export function buildRepairProblem(scenario: Scenario, state: DayState, prediction: DayPrediction, starts: readonly RepairStart[], options: RepairProblemOptions): RepairProblem {
  const orders = dayOrders(state);
  const picked = new Map<string, Order>();
  const pins: RepairPin[] = [];
  const home: RepairPin[] = [];
  const deliveryOnly: string[] = [];
  const carry = new Set(options.carryOnBoard ?? []);
  for (const start of starts) {
    for (const id of tailOrders(start.tail)) {
      const { order, converted } = problemOrder(scenario, orders.get(id)!, start.tail);
      // A shipment collected by a vehicle that is now unavailable: its goods are on that vehicle, no other can deliver it.
      if (converted && !start.available) continue;
      const onBoard = converted || start.deliveriesOnBoard.includes(id);
      picked.set(id, onBoard && carry.has(start.vehicleId) ? withoutDelivery(scenario, order) : order);
      home.push({ orderId: id, vehicleId: start.vehicleId });
      if (converted) deliveryOnly.push(id);
      if (start.available && (onBoard || options.keepVehicle)) pins.push({ orderId: id, vehicleId: start.vehicleId });
    }
  }
  for (const id of openUnassigned(state, options.exclude ?? [])) if (!picked.has(id)) picked.set(id, orders.get(id)!);
  const depots: Depot[] = [...scenario.depots];
  const depotIds = new Set(depots.map((d) => d.id));
  const startDepots: Record<string, string> = {};
  // Looked up by id and set, not searched per vehicle: at 300 vehicles and thousands of converted shipments the
  // searches were most of a 70-130 ms build (issue #15).
  const fleet = new Map(scenario.vehicles.map((v) => [v.id, v]));
  const predictedRoutes = new Map(prediction.routes.map((r) => [r.vehicleId, r]));
  const converted = new Set(deliveryOnly);
  const vehicles = starts.filter((s) => s.available).map((start) => {
    const vehicle = fleet.get(start.vehicleId)!;
    const predicted = predictedRoutes.get(start.vehicleId);
    const shaped = restOfDayVehicle(scenario, state, vehicle, start, predicted, prediction.nowS, converted, carry.has(vehicle.id));
    if (shaped.depot) {
      const depot = uniqueDepot(shaped.depot, depotIds);
      depots.push(depot);
      depotIds.add(depot.id);
    }
    startDepots[vehicle.id] = shaped.depot ? depots[depots.length - 1].id : vehicle.startDepotId;
    return { ...shaped.vehicle, startDepotId: startDepots[vehicle.id] };
  });
  const unshaped = new Set(options.unshaped ?? []);
  const shape = (o: Order) => withOverrun(state, options.margin && !unshaped.has(o.id) ? marginShapedOrder(o, options.margin) : o);
  const problem: Scenario = { ...scenario, depots, vehicles, orders: [...picked.values()].map(shape), plan: null };
  // The tail in order, its breaks still to take where it has them (a break placed anew could push its stops out).
  const initial = starts.filter((s) => s.available).map((s) => {
    const breaks = new Set((vehicles.find((v) => v.id === s.vehicleId)?.breaks ?? []).map((b) => b.id));
    return {
      vehicleId: s.vehicleId,
      stops: s.tail.filter((x) => isOrderStep(x) || breaks.has(x.id)).map(initialStopOf),
    };
  });
  return { scenario: problem, pins, home, deliveryOnly, startDepots, initial };
}

/** Order ids of a tail's order stops, each once, in route order. */
function tailOrders(tail: readonly StopRef[]): string[] {
  return [...new Set(tail.filter(isOrderStep).map((s) => s.id))];
}

/**
 * The order as the problem sees it: a shipment whose pickup is not in the
 * tail (it is frozen or done) becomes a job, its delivery, with nothing collected.
 */
function problemOrder(scenario: Scenario, order: Order, tail: readonly StopRef[]): { order: Order; converted: boolean } {
  if (!order.pickup || tail.some((s) => s.type === 'pickup' && s.id === order.id)) return { order, converted: false };
  const job: Order = { ...order, pickupAmounts: scenario.settings.capacityUnits.map(() => 0) };
  delete job.pickup;
  return { order: job, converted: true };
}

/**
 * The order with the service overruns reported for its stops not yet served
 * added to their service minutes: the day's walk (eta.ts) adds them to the
 * stop's service, so the solver must plan them too, or its plan arrives late
 * where it thought it was on time.
 */
function withOverrun(state: DayState, order: Order): Order {
  const extra = (type: 'job' | 'pickup' | 'delivery') => {
    const stop = state.stops[stopKey(order.id, type)];
    return stop && (stop.status === 'planned' || stop.status === 'en-route') ? Math.ceil(stop.overrunMinutes) : 0;
  };
  // A shipment whose pickup is frozen or done comes here as a job: its stop is still the delivery.
  const main = extra('job') + extra('delivery');
  const atPickup = order.pickup ? extra('pickup') : 0;
  if (main === 0 && atPickup === 0) return order;
  const out: Order = { ...order, serviceMinutes: Math.min(LAST_MINUTE, order.serviceMinutes + main) };
  if (order.pickup && atPickup > 0) out.pickup = { ...order.pickup, serviceMinutes: Math.min(LAST_MINUTE, order.pickup.serviceMinutes + atPickup) };
  return out;
}

/** The order delivering nothing (its goods already counted on board), collecting what it would. */
function withoutDelivery(scenario: Scenario, order: Order): Order {
  const needs = resolveOrder(scenario.settings, order);
  return { ...order, amounts: needs.delivery.map(() => 0), pickupAmounts: [...needs.pickup] };
}

/**
 * Orders on no route that today's repair should place: not cancelled, not kept for another day, not
 * excluded, and not collected already (see collectedUnrouted).
 */
export function openUnassigned(state: DayState, exclude: readonly string[]): string[] {
  const open = (id: string) => orderStopKeys(id).some((key) => state.stops[key]?.orderId === id && (state.stops[key].status === 'planned' || state.stops[key].status === 'en-route'));
  const collected = new Set(collectedUnrouted(state).map((c) => c.orderId));
  return unassignedToday(state, exclude).filter((id) => open(id) && !collected.has(id));
}

/**
 * Orders with a stop still to make on no route (DayState.unassigned), except re-deliveries kept for
 * another day and `exclude`: what today leaves unserved, placed by a repair or not.
 */
export function unassignedToday(state: DayState, exclude: readonly string[]): string[] {
  const later = new Set(state.redeliveries.filter((r) => !r.forToday || r.withdrawn).map((r) => r.orderId));
  return state.unassigned.filter((id) => !later.has(id) && !exclude.includes(id));
}

/** Why a shipment collected by a vehicle now unavailable is unassigned (collectedUnrouted). */
export function collectedReason(vehicleName: string): string {
  return `picked up by '${vehicleName}', which is unavailable: its goods are on board, no other vehicle can deliver it`;
}

/**
 * Shipments picked up (or being picked up) whose delivery is on no route: their goods are on the
 * vehicle that collected them, which became unavailable, so no other vehicle can deliver them today.
 * They stay unassigned, said so, never silently off the plan.
 */
export function collectedUnrouted(state: DayState): { orderId: string; vehicleId: string | null }[] {
  return state.unassigned.flatMap((orderId) => {
    const pickup = state.stops[stopKey(orderId, 'pickup')];
    const delivery = state.stops[stopKey(orderId, 'delivery')];
    const collected = pickup && (pickup.status === 'done' || pickup.status === 'arrived');
    return collected && delivery && !delivery.vehicleId && delivery.status !== 'cancelled' ? [{ orderId, vehicleId: pickup.vehicleId }] : [];
  });
}

/** What a frozen prefix used of a vehicle's limits. */
interface PrefixUse {
  stops: number;
  durationS: number;
  drivingS: number;
  distanceM: number;
}

/**
 * The vehicle for the rest of the day: free from `max(free time, now)`, at a
 * depot of its own when it starts mid-day; breaks taken (or no longer
 * possible) removed; limits and capacity reduced by the frozen prefix.
 */
function restOfDayVehicle(
  scenario: Scenario, state: DayState, vehicle: Vehicle, start: RepairStart, predicted: PredictedRoute | undefined, nowS: number, deliveryOnly: ReadonlySet<string>,
  carryOnBoard: boolean,
): { vehicle: Vehicle; depot: Depot | null } {
  // A vehicle that has not left drives its route from its planned departure (day-state keeps it through a repair).
  const plannedS = start.frozen.length === 0 ? (state.routes.find((r) => r.vehicleId === vehicle.id)?.plannedDepartS ?? 0) : 0;
  const startMinute = Math.min(ceilMinutes(Math.max(start.from.timeS, nowS, plannedS)), LAST_MINUTE);
  const taken = new Set(start.frozen.filter((s) => s.type === 'break').map((s) => s.id));
  const breaks = (vehicle.breaks ?? []).filter((b) => !taken.has(b.id) && b.timeWindows.some((w) => w.end >= startMinute));
  const midDay = start.frozen.length > 0;
  const use = midDay ? prefixUse(scenario, state, vehicle, start, predicted, startMinute) : null;
  const shaped: Vehicle = {
    ...vehicle,
    ...afterShiftEnd(vehicle, startMinute),
    capacity: freeCapacity(scenario, state, vehicle, start, deliveryOnly, startMinute, carryOnBoard),
    breaks,
    ...(vehicle.limits ? { limits: use ? reducedLimits(vehicle.limits, use) : { ...vehicle.limits } } : {}),
  };
  if (!vehicle.breaks) delete shaped.breaks;
  if (!shaped.overtime) delete shaped.overtime;
  if (use && shaped.limits?.maxDurationMinutes !== undefined) latestReturn(shaped, startMinute + shaped.limits.maxDurationMinutes);
  if (!midDay) return { vehicle: shaped, depot: null };
  const depot: Depot = {
    id: `${vehicle.id}@free`, name: `Where '${vehicle.name || vehicle.id}' is free`, lat: start.from.lat, lng: start.from.lng,
    open: Math.min(startMinute, LAST_MINUTE), close: LAST_MINUTE, ...(start.from.matrixIndex !== undefined ? { matrixIndex: start.from.matrixIndex } : {}),
  };
  return { vehicle: shaped, depot };
}

/**
 * The shift of the rest of the day from `startMinute`. Past the shift's end the
 * vehicle is in its overtime: its shift ends where it starts and only the
 * overtime left remains (none: it can take no stop). Clamped to the shift's
 * end instead, the solver planned it at a time already gone.
 */
function afterShiftEnd(vehicle: Vehicle, startMinute: number): Pick<Vehicle, 'shift' | 'overtime'> {
  if (startMinute <= vehicle.shift.end) return { shift: { start: startMinute, end: vehicle.shift.end }, overtime: vehicle.overtime };
  const left = vehicle.shift.end + (vehicle.overtime?.maxMinutes ?? 0) - startMinute;
  return { shift: { start: startMinute, end: startMinute }, overtime: left > 0 ? { ...vehicle.overtime!, maxMinutes: left } : undefined };
}

/**
 * A vehicle on its way since the morning works from its departure, not from
 * when the solver would have it leave its free point (the solver delays a
 * departure to save waiting and counts the duration from there): its duration
 * limit is a latest return, so the shift (with its overtime) ends no later.
 */
function latestReturn(vehicle: Vehicle, latest: number): void {
  const overtime = vehicle.overtime?.maxMinutes ?? 0;
  if (latest >= vehicle.shift.end + overtime) return;
  if (latest > vehicle.shift.end) {
    vehicle.overtime = { ...vehicle.overtime!, maxMinutes: latest - vehicle.shift.end };
    return;
  }
  vehicle.shift = { start: vehicle.shift.start, end: Math.max(vehicle.shift.start, latest) };
  delete vehicle.overtime;
}

/** A depot id not taken yet (`<id>`, `<id>~2`, …). */
function uniqueDepot(depot: Depot, ids: ReadonlySet<string>): Depot {
  let id = depot.id;
  for (let n = 2; ids.has(id); n += 1) id = `${depot.id}~${n}`;
  return { ...depot, id };
}

/**
 * Capacity left for the rest of the day: what is on board at the free point
 * and is not delivered by the tail (collected goods, failed deliveries) takes
 * room; the tail's deliveries on board are loaded again by the solver's model
 * at its start. A delivery on board whose every window (with its allowed
 * lateness) closed before the vehicle is free cannot be planned, so its goods
 * stay on board all day and take room too: the solver leaves it unassigned,
 * and without this it would fill that room with pickups the van cannot carry.
 * With `carryOnBoard` everything on board takes room (its deliveries are amount-free
 * in the problem). A vehicle that has not reported leaving is walked as loading
 * every job of its route at the depot: its frozen jobs take room too.
 */
function freeCapacity(
  scenario: Scenario, state: DayState, vehicle: Vehicle, start: RepairStart, deliveryOnly: ReadonlySet<string>, freeMinute: number, carryOnBoard: boolean,
): (number | null)[] {
  const orders = dayOrders(state);
  const sum = (ids: string[]) => {
    const total = scenario.settings.capacityUnits.map(() => 0);
    for (const id of ids) resolveOrder(scenario.settings, orders.get(id)!).delivery.forEach((a, k) => { total[k] += a; });
    return total;
  };
  const closed = (id: string) => {
    const order = orders.get(id)!;
    const late = order.lateness?.maxMinutes ?? 0;
    return carryOnBoard || (order.timeWindows.length > 0 && order.timeWindows.every((w) => w.end + late < freeMinute));
  };
  const delivered = sum([...start.deliveriesOnBoard, ...tailOrders(start.tail).filter((id) => deliveryOnly.has(id))].filter((id) => !closed(id)));
  const carried = start.from.load.map((l, k) => l - delivered[k]);
  const loadedAtDepot = state.vehicles[vehicle.id]?.loaded ? carried.map(() => 0) : sum(start.frozen.filter((s) => s.type === 'job').map((s) => s.id));
  return vehicle.capacity.map((c, k) => (c === null || c === undefined ? c : Math.max(0, round9(c - Math.max(0, carried[k] ?? 0, loadedAtDepot[k] ?? 0)))));
}

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/** Limits minus what the prefix used (never below zero; minutes rounded down). */
function reducedLimits(limits: VehicleLimits, use: PrefixUse): VehicleLimits {
  const minutesLeft = (max: number | undefined, usedS: number) => (max === undefined ? undefined : Math.max(0, Math.floor((max * 60 - usedS) / 60)));
  const out: VehicleLimits = {};
  if (limits.maxStops !== undefined) out.maxStops = Math.max(0, limits.maxStops - use.stops);
  const duration = minutesLeft(limits.maxDurationMinutes, use.durationS);
  if (duration !== undefined) out.maxDurationMinutes = duration;
  const driving = minutesLeft(limits.maxDrivingMinutes, use.drivingS);
  if (driving !== undefined) out.maxDrivingMinutes = driving;
  if (limits.maxDistanceKm !== undefined) out.maxDistanceKm = Math.max(0, round9(limits.maxDistanceKm - use.distanceM / 1000));
  return out;
}

/**
 * The frozen prefix's stops, its duration (departure → the problem's start
 * minute: the free time rounded up to the minute the solver starts from, the
 * seconds between counted as the walk counts them), distance (the walk's
 * distance at its last stop) and driving (its legs; a reported position's
 * detour is not counted).
 */
function prefixUse(scenario: Scenario, state: DayState, vehicle: Vehicle, start: RepairStart, predicted: PredictedRoute | undefined, startMinute: number): PrefixUse {
  const stops = start.frozen.filter(isOrderStep);
  const orders = dayOrders(state);
  const leg = makeLegFn(scenario, vehicle);
  let at: Place = scenario.depots.find((d) => d.id === vehicle.startDepotId)!;
  let drivingS = 0;
  for (const s of stops) {
    const order = orders.get(s.id)!;
    const place: Place = s.type === 'pickup' ? order.pickup! : order;
    drivingS += leg(at, place).durationS;
    at = place;
  }
  const steps = predicted?.steps ?? [];
  const last = stops[stops.length - 1];
  const lastStep = last ? [...steps].reverse().find((x) => x.type === last.type && x.id === last.id) : undefined;
  const departS = steps[0]?.departureS ?? start.from.timeS;
  const counted = stops.filter((s) => state.stops[stopKey(s.id, s.type)]?.status !== 'cancelled').length;
  return { stops: counted, durationS: Math.max(0, Math.max(start.from.timeS, startMinute * 60) - departS), drivingS, distanceM: lastStep?.distanceM ?? 0 };
}
