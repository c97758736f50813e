// The plan's key figures for the KPI bar and comparisons: cost, km, hours,
// vehicles used, on-time share and unassigned orders. Pure, from the solution.
import type { Scenario } from '../domain/scenario';
import { isOrderStep, type Solution } from '../domain/solution';
import { lateness } from './timeline';

/** Figures a dispatcher reads first. */
export interface PlanKpis {
  cost: number;
  distanceM: number;
  /** Sum of route durations (depot to depot). */
  durationS: number;
  vehiclesUsed: number;
  fleetSize: number;
  /** Share of routed stops (jobs, pickups and deliveries) served inside a window, 0..1; null with no routed stop. */
  onTimeShare: number | null;
  lateStops: number;
  unassigned: number;
}

/** Computes the KPIs of `solution` for `scenario`. */
export function computeKpis(scenario: Scenario, solution: Solution): PlanKpis {
  const orders = new Map(scenario.orders.map((o) => [o.id, o]));
  let routed = 0;
  let late = 0;
  let used = 0;
  for (const route of solution.routes) {
    let stops = 0;
    for (const step of route.steps) {
      if (!isOrderStep(step)) continue;
      stops += 1;
      const order = orders.get(step.id);
      if (order && lateness(order, step.arrivalS, step.type) > 0) late += 1;
    }
    routed += stops;
    if (stops > 0) used += 1;
  }
  return {
    cost: solution.summary.cost, distanceM: solution.summary.distanceM, durationS: solution.summary.durationS,
    vehiclesUsed: used, fleetSize: scenario.vehicles.length,
    onTimeShare: routed === 0 ? null : (routed - late) / routed, lateStops: late,
    unassigned: solution.unassigned.length,
  };
}
