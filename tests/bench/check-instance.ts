// Independent checker for benchmark plans: recomputes every route from the
// instance file alone (its own arc rounding, no solver state) and reports
// completeness, capacity and time-window violations and the objective.
import { arc, euclid, SCALE, type Instance, type Rounding } from './instance';

export interface InstanceCheck {
  ok: boolean;
  violations: string[];
  routes: number;
  /** Objective in benchmark units under the rounding convention. */
  distance: number;
}

/** Checks routes (lists of node indices, depot 0 excluded). */
export function checkInstancePlan(inst: Instance, routes: number[][], rounding: Rounding): InstanceCheck {
  const violations: string[] = [];
  const n = inst.x.length;
  const served = new Array<number>(n).fill(0);
  let scaledCost = 0;
  let exactCost = 0;
  const scale = SCALE[rounding];
  const routeOf = new Array<number>(n).fill(-1);
  const posOf = new Array<number>(n).fill(-1);
  routes.forEach((route, r) => route.forEach((node, k) => { if (node > 0 && node < n) { routeOf[node] = r; posOf[node] = k; } }));
  routes.forEach((route, r) => {
    let load = 0;
    let peak = 0;
    let time = inst.kind === 'cvrp' ? 0 : inst.ready[0] * scale;
    let at = 0;
    for (const node of [...route, 0]) {
      if (node !== 0) {
        if (node < 1 || node >= n) { violations.push(`route ${r + 1}: node ${node} does not exist`); continue; }
        served[node]++;
        load += inst.demand[node];
        peak = Math.max(peak, load);
        if (load < 0) violations.push(`route ${r + 1}: load ${load} below zero at customer ${inst.label[node]}`);
        const pickup = inst.pickupOf?.[node] ?? -1;
        if (pickup >= 0 && routeOf[pickup] !== r) violations.push(`route ${r + 1}: delivery ${inst.label[node]} is not on the route of its pickup ${inst.label[pickup]}`);
        else if (pickup >= 0 && posOf[pickup] > posOf[node]) violations.push(`route ${r + 1}: delivery ${inst.label[node]} comes before its pickup ${inst.label[pickup]}`);
      }
      const a = arc(inst, at, node, rounding);
      scaledCost += a.cost;
      exactCost += euclid(inst, at, node);
      if (inst.kind !== 'cvrp') {
        // Exact convention: compare in double precision, not in ceil'd integers.
        const travel = rounding === 'exact' ? euclid(inst, at, node) * scale : a.time;
        const arrival = time + travel;
        const start = Math.max(arrival, inst.ready[node] * scale);
        if (start > inst.due[node] * scale + 1e-6) violations.push(`route ${r + 1}: ${node === 0 ? 'depot' : `customer ${inst.label[node]}`} reached at ${(arrival / scale).toFixed(3)}, after its due time ${inst.due[node]}`);
        time = start + inst.service[node] * scale;
      }
      at = node;
    }
    if (peak > inst.capacity) violations.push(`route ${r + 1}: load ${peak} exceeds capacity ${inst.capacity}`);
  });
  for (let i = 1; i < n; i++) {
    if (served[i] === 0) violations.push(`customer ${inst.label[i]} is not served`);
    if (served[i] > 1) violations.push(`customer ${inst.label[i]} is served ${served[i]} times`);
  }
  if (inst.kind !== 'cvrp' && routes.length > inst.vehicles) violations.push(`${routes.length} routes exceed the fleet of ${inst.vehicles}`);
  const distance = rounding === 'exact' ? exactCost : scaledCost / scale;
  return { ok: violations.length === 0, violations, routes: routes.length, distance };
}

/** VRPLIB `.sol` text: `Route #k: c1 c2 …` then `Cost X`. */
export function formatSol(inst: Instance, routes: number[][], cost: number, rounding: Rounding): string {
  const lines = routes.map((route, r) => `Route #${r + 1}: ${route.map((node) => inst.label[node]).join(' ')}`);
  const digits = rounding === 'trunc1' ? 1 : rounding === 'nint' ? 0 : 4;
  lines.push(`Cost ${cost.toFixed(digits)}`);
  return `${lines.join('\n')}\n`;
}
