// The plan's key figures for the KPI bar and comparisons: cost, km, hours,
// vehicles used, on-time share and unassigned orders. Pure, from the solution.
import type { Order, Scenario } from '../domain/scenario';
import { resolveOrder, unassignedPenalty } from '../domain/service-types';
import { isOrderStep, type Solution } from '../domain/solution';
import { lateness } from './timeline';

/** Figures a dispatcher reads first. */
export interface PlanKpis {
  /** Sum of the route costs; penalties of unassigned orders are not part of it (see `unassignedPenalty`). */
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
  /** What the solver's objective adds for the unassigned orders (base + per priority each). */
  unassignedPenalty: number;
}

/** A plan's cost as the KPI bar and the run panel show it: route cost, with unassigned orders and their penalty apart. */
export interface PlanCost {
  cost: number;
  unassigned: number;
  penalty: number;
  /** Metres driven: the run panel follows it instead of the cost for a fleet that drives for free (domain/pricing.ts). */
  distanceM: number;
}

/** The cost figures of a plan's KPIs. */
export function planCost(kpis: PlanKpis): PlanCost {
  return { cost: kpis.cost, unassigned: kpis.unassigned, penalty: kpis.unassignedPenalty, distanceM: kpis.distanceM };
}

/** Sum of the penalties of `solution`'s unassigned orders. */
function penaltyOf(scenario: Scenario, orders: ReadonlyMap<string, Order>, solution: Solution): number {
  return solution.unassigned.reduce((sum, u) => {
    const order = orders.get(u.orderId);
    return order ? sum + unassignedPenalty(scenario.settings, resolveOrder(scenario.settings, order).priority) : sum;
  }, 0);
}

/**
 * `planCost(computeKpis(scenario, solution))` without the pass over the stops: only the unassigned orders
 * are looked up. The run store's last cost point, computed in the task that lands a solve (issue #15).
 */
export function planCostOf(scenario: Scenario, solution: Solution): PlanCost {
  const wanted = new Set(solution.unassigned.map((u) => u.orderId));
  const orders = new Map<string, Order>();
  if (wanted.size > 0) for (const order of scenario.orders) if (wanted.has(order.id)) orders.set(order.id, order);
  return { cost: solution.summary.cost, unassigned: solution.unassigned.length, penalty: penaltyOf(scenario, orders, solution), distanceM: solution.summary.distanceM };
}

/** Orders indexed, then routes counted, per slice of kpisInSlices (each slice a few milliseconds at most). */
const ORDERS_PER_SLICE = 2500;
const ROUTES_PER_SLICE = 100;

/**
 * Computes the KPIs of `solution` for `scenario`: one pass over the orders (an index by id, shared by the
 * lateness and the penalty) and one over the steps. Pass plain data: at 10,000 stops a store proxy per read
 * turned this into a long task (issue #15).
 */
export function computeKpis(scenario: Scenario, solution: Solution): PlanKpis {
  const job = kpisInSlices(scenario, solution, Infinity, Infinity);
  while (!job.step());
  return job.result();
}

/**
 * computeKpis a part at a time (issue #15): each `step()` indexes `ordersPerSlice` orders or counts
 * `routesPerSlice` routes and returns true once all are done; `result()` is then the KPIs. At 10,000 stops the
 * whole was a ~30 ms task when a plan landed. Only for data that does not change meanwhile (a stored plan, the
 * raw scenario of one revision).
 */
export function kpisInSlices(scenario: Scenario, solution: Solution, ordersPerSlice = ORDERS_PER_SLICE, routesPerSlice = ROUTES_PER_SLICE): { step(): boolean; result(): PlanKpis } {
  const orders = new Map<string, Order>();
  let indexed = 0;
  let counted = 0;
  let routed = 0;
  let late = 0;
  let used = 0;
  let kpis: PlanKpis | null = null;
  const countRoute = (route: Solution['routes'][number]) => {
    let stops = 0;
    for (const step of route.steps) {
      if (!isOrderStep(step)) continue;
      stops += 1;
      const order = orders.get(step.id);
      if (order && lateness(order, step.arrivalS, step.type) > 0) late += 1;
    }
    routed += stops;
    if (stops > 0) used += 1;
  };
  return {
    step() {
      if (kpis) return true;
      if (indexed < scenario.orders.length) {
        const end = Math.min(scenario.orders.length, indexed + Math.max(1, ordersPerSlice));
        for (; indexed < end; indexed++) orders.set(scenario.orders[indexed].id, scenario.orders[indexed]);
        if (indexed < scenario.orders.length) return false;
      } else {
        const end = Math.min(solution.routes.length, counted + Math.max(1, routesPerSlice));
        for (; counted < end; counted++) countRoute(solution.routes[counted]);
      }
      if (counted < solution.routes.length) return false;
      kpis = {
        cost: solution.summary.cost, distanceM: solution.summary.distanceM, durationS: solution.summary.durationS,
        vehiclesUsed: used, fleetSize: scenario.vehicles.length,
        onTimeShare: routed === 0 ? null : (routed - late) / routed, lateStops: late,
        unassigned: solution.unassigned.length, unassignedPenalty: penaltyOf(scenario, orders, solution),
      };
      return true;
    },
    result() {
      if (!kpis) throw new Error('kpisInSlices: result() before the last step');
      return kpis;
    },
  };
}
