// Scenario v2 → VROOM problem JSON. String ids become VROOM integers (numeric
// ids are kept), skill names become integers, a crew-size need becomes a skill
// "crew:N"; anything VROOM cannot express is listed in the warnings.
import type { Depot, Order, Scenario, TimeWindow, Vehicle } from '../domain/scenario';
import { resolveOrders, type OrderNeeds } from '../domain/service-types';
import type { VroomJob, VroomNote, VroomProblem, VroomShipment, VroomShipmentStep, VroomVehicle, VroomWindow } from './vroom-types';

/** How the scenario's string ids map to the exported integers; plan export needs it. */
export interface VroomIds {
  jobs: Map<string, number>;
  shipments: Map<string, { pickup: number; delivery: number }>;
  vehicles: Map<string, number>;
  /** Key: `${vehicleId}/${breakId}`. */
  breaks: Map<string, number>;
  skills: Map<string, number>;
}

export interface VroomExport {
  problem: VroomProblem;
  ids: VroomIds;
  warnings: VroomNote[];
}

/** Assigns integers: numeric ids keep their number, the others take the next free ones, in order. */
function numberIds(ids: string[]): Map<string, number> {
  const out = new Map<string, number>();
  const used = new Set<number>();
  for (const id of ids) if (/^\d+$/.test(id) && !used.has(Number(id))) { out.set(id, Number(id)); used.add(Number(id)); }
  let next = 1;
  for (const id of ids) {
    if (out.has(id)) continue;
    while (used.has(next)) next++;
    out.set(id, next);
    used.add(next);
  }
  return out;
}

/** Shipment ids: "7" → 7/7, "7-9" → 7/9, "shipment-7" → 7/7, else fresh numbers. */
function shipmentIds(orders: Order[]): Map<string, { pickup: number; delivery: number }> {
  const out = new Map<string, { pickup: number; delivery: number }>();
  const rest: string[] = [];
  for (const o of orders) {
    const m = /^(?:shipment-)?(\d+)(?:-(\d+))?$/.exec(o.id);
    if (m) out.set(o.id, { pickup: Number(m[1]), delivery: Number(m[2] ?? m[1]) });
    else rest.push(o.id);
  }
  const taken = new Set([...out.values()].flatMap((p) => [p.pickup, p.delivery]));
  let next = 1;
  for (const id of rest) {
    while (taken.has(next)) next++;
    out.set(id, { pickup: next, delivery: next });
    taken.add(next);
  }
  return out;
}

const crewSkill = (size: number) => `crew:${size}`;
const window = (w: TimeWindow): VroomWindow => [w.start * 60, w.end * 60];
const location = (p: { lat: number; lng: number }): [number, number] => [p.lng, p.lat];

/** Every skill name in use: order needs, crews, features and crew-size pseudo-skills. */
function skillIds(scenario: Scenario, needs: Map<string, OrderNeeds>): Map<string, number> {
  const names = new Set<string>();
  for (const n of needs.values()) {
    n.skills.forEach((s) => names.add(s));
    if (n.crewSize > 1) names.add(crewSkill(n.crewSize));
  }
  for (const v of scenario.vehicles) [...(v.crew?.skills ?? []), ...(v.features ?? [])].forEach((s) => names.add(s));
  return numberIds([...names].sort((a, b) => Number(/^\d+$/.test(b)) - Number(/^\d+$/.test(a)) || a.localeCompare(b)));
}

/** Exports a scenario as a VROOM problem. */
export function exportVroomProblem(scenario: Scenario): VroomExport {
  const warnings: VroomNote[] = [];
  const needs = resolveOrders(scenario);
  const jobsOrders = scenario.orders.filter((o) => !o.pickup);
  const ids: VroomIds = {
    jobs: numberIds(jobsOrders.map((o) => o.id)),
    shipments: shipmentIds(scenario.orders.filter((o) => o.pickup)),
    vehicles: numberIds(scenario.vehicles.map((v) => v.id)),
    breaks: new Map(),
    skills: skillIds(scenario, needs),
  };
  const named = [...ids.skills].filter(([name]) => !/^\d+$/.test(name));
  if (named.length) warnings.push({ path: 'skills', message: `skill names mapped to VROOM integers: ${named.map(([n, i]) => `${n}=${i}`).join(', ')}` });
  const problem: VroomProblem = {
    vehicles: scenario.vehicles.map((v) => exportVehicle(scenario, v, ids, warnings)),
    jobs: jobsOrders.map((o) => exportJob(scenario, o, needs.get(o.id)!, ids, warnings)),
    shipments: scenario.orders.filter((o) => o.pickup).map((o) => exportShipment(scenario, o, needs.get(o.id)!, ids, warnings)),
  };
  if (scenario.travelMatrices) {
    problem.matrices = Object.fromEntries(Object.entries(scenario.travelMatrices).map(([type, m]) => [type, { durations: m.durationsS, ...(m.distancesM ? { distances: m.distancesM } : {}) }]));
  }
  return { problem, ids, warnings };
}

/** Integer amounts (VROOM takes no fractions): rounded up, with a note. */
function integers(values: number[], path: string, warnings: VroomNote[]): number[] {
  if (values.some((a) => !Number.isInteger(a))) warnings.push({ path, message: 'VROOM amounts are integers: fractions rounded up' });
  return values.map((a) => Math.max(0, Math.ceil(a - 1e-9)));
}

/** VROOM has no 'no limit' per unit: an unlimited unit is written as the largest safe integer (read back as no limit). */
function capacities(values: (number | null)[], path: string, warnings: VroomNote[]): number[] {
  return integers(values.map((c) => c ?? Number.MAX_SAFE_INTEGER), path, warnings);
}

function orderSkills(n: OrderNeeds, ids: VroomIds): number[] {
  const names = n.crewSize > 1 ? [...n.skills, crewSkill(n.crewSize)] : n.skills;
  return names.map((s) => ids.skills.get(s)!);
}

/** Fields jobs and shipment deliveries share: the customer's place, service, windows. */
function customerTask(scenario: Scenario, o: Order, n: OrderNeeds, warnings: VroomNote[]) {
  if (o.lateness) warnings.push({ path: `orders (order '${o.id}').lateness`, message: 'VROOM has no soft windows: exported as hard windows, the allowance is lost' });
  return { description: o.customerName, location: location(o), ...matrixIndex(scenario, o.matrixIndex), service: n.serviceS, time_windows: n.timeWindows.map(window) };
}

const matrixIndex = (scenario: Scenario, i: number | undefined) => (scenario.travelMatrices && i !== undefined ? { location_index: i } : {});

function exportJob(scenario: Scenario, o: Order, n: OrderNeeds, ids: VroomIds, warnings: VroomNote[]): VroomJob {
  const path = `orders (order '${o.id}')`;
  const skills = orderSkills(n, ids);
  const pickup = integers(n.pickup, `${path}.pickupAmounts`, warnings);
  return {
    id: ids.jobs.get(o.id)!, ...customerTask(scenario, o, n, warnings), delivery: integers(n.delivery, `${path}.amounts`, warnings),
    ...(pickup.some((a) => a > 0) ? { pickup } : {}), ...(skills.length ? { skills } : {}), priority: n.priority * 10,
  };
}

function exportShipment(scenario: Scenario, o: Order, n: OrderNeeds, ids: VroomIds, warnings: VroomNote[]): VroomShipment {
  const pair = ids.shipments.get(o.id)!;
  const skills = orderSkills(n, ids);
  const from: VroomShipmentStep = {
    id: pair.pickup, description: o.pickup!.address, location: location(o.pickup!), ...matrixIndex(scenario, o.pickup!.matrixIndex),
    service: n.shipment!.serviceS, time_windows: n.shipment!.timeWindows.map(window),
  };
  return {
    pickup: from, delivery: { id: pair.delivery, ...customerTask(scenario, o, n, warnings) },
    amount: integers(n.delivery, `orders (order '${o.id}').amounts`, warnings), ...(skills.length ? { skills } : {}), priority: n.priority * 10,
  };
}

/** Skills a vehicle offers; an unmodelled crew (no `crew`) offers every skill. */
function vehicleSkills(v: Vehicle, ids: VroomIds): number[] {
  if (!v.crew) return [...ids.skills.values()];
  const names = [...v.crew.skills, ...(v.features ?? [])];
  for (let size = 2; size <= v.crew.size; size++) if (ids.skills.has(crewSkill(size))) names.push(crewSkill(size));
  return [...new Set(names.map((s) => ids.skills.get(s)!))];
}

function exportVehicle(scenario: Scenario, v: Vehicle, ids: VroomIds, warnings: VroomNote[]): VroomVehicle {
  const path = `vehicles (vehicle '${v.id}')`;
  const depot = (id: string) => scenario.depots.find((d) => d.id === id)!;
  const end = (d: Depot, key: 'start' | 'end') => ({ [key]: location(d), ...(scenario.travelMatrices && d.matrixIndex !== undefined ? { [`${key}_index`]: d.matrixIndex } : {}) });
  const start = depot(v.startDepotId);
  const finish = depot(v.endDepotId);
  if (v.overtime) warnings.push({ path: `${path}.overtime`, message: 'VROOM has no soft shift end: the overtime allowance is exported as a longer hard shift, its cost is lost' });
  if (v.limits?.maxDurationMinutes !== undefined) warnings.push({ path: `${path}.limits.maxDurationMinutes`, message: 'VROOM has no route-duration limit: not exported' });
  const costs = { fixed: v.costs.fixed, per_hour: v.costs.perHour, per_km: v.costs.perKm };
  if (Object.values(costs).some((c) => !Number.isInteger(c))) warnings.push({ path: `${path}.costs`, message: 'VROOM costs are integers: fractions may be rejected by a VROOM server' });
  const breaks = (v.breaks ?? []).map((b, k) => {
    const id = /^\d+$/.test(b.id) ? Number(b.id) : k + 1;
    ids.breaks.set(`${v.id}/${b.id}`, id);
    return { id, time_windows: b.timeWindows.map(window), service: b.minutes * 60 };
  });
  const skills = vehicleSkills(v, ids);
  return {
    id: ids.vehicles.get(v.id)!, description: v.name, profile: v.type, ...end(start, 'start'), ...end(finish, 'end'),
    capacity: capacities(v.capacity, `${path}.capacity`, warnings), costs, ...(skills.length || v.crew ? { skills } : {}),
    time_window: [Math.max(v.shift.start, start.open) * 60, Math.min(v.shift.end + (v.overtime?.maxMinutes ?? 0), finish.close) * 60],
    ...(breaks.length ? { breaks } : {}), speed_factor: Math.round(100 / v.speedFactor) / 100,
    ...(v.limits?.maxStops !== undefined ? { max_tasks: v.limits.maxStops } : {}),
    ...(v.limits?.maxDrivingMinutes !== undefined ? { max_travel_time: v.limits.maxDrivingMinutes * 60 } : {}),
    ...(v.limits?.maxDistanceKm !== undefined ? { max_distance: Math.round(v.limits.maxDistanceKm * 1000) } : {}),
  };
}
